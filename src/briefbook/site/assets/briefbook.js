/* briefbook: make every table with a header sortable by clicking (or pressing Enter on) a column
   title. Plain script, no library: the site loads nothing from outside. */
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }
  function isNumber(text) {
    return text !== "" && !isNaN(Number(text));
  }
  function sortTable(table, index, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var numeric = rows.every(function (r) {
      var v = cellValue(r, index);
      return v === "" || v === "\u2014" || isNumber(v);
    });
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var result;
      if (numeric) {
        result = (Number(x) || 0) - (Number(y) || 0);
      } else {
        // empty and unknown values ("\u2014") sort last either way
        var xe = x === "" || x === "\u2014", ye = y === "" || y === "\u2014";
        if (xe || ye) return xe === ye ? 0 : (xe ? 1 : -1);
        result = x.localeCompare(y, undefined, {numeric: true, sensitivity: "base"});
      }
      return ascending ? result : -result;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(th.parentNode.cells, function (other) {
      other.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function setup(root) {
    Array.prototype.forEach.call(root.querySelectorAll("article table"), function (table) {
      if (table.dataset.bbSortable || !table.tHead || !table.tBodies[0]) return;
      table.dataset.bbSortable = "1";
      // keep dates on one line (they would break at their hyphens in narrow columns)
      Array.prototype.forEach.call(table.querySelectorAll("td"), function (td) {
        if (/^\d{4}(-\d{2}){0,2}$/.test(td.textContent.trim())) td.classList.add("bb-nowrap");
      });
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        th.classList.add("bb-sortable");
        th.tabIndex = 0;
        th.setAttribute("role", "button");
        th.title = "Sort by this column";
        th.addEventListener("click", function () { sortTable(table, index, th); });
        th.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            sortTable(table, index, th);
          }
        });
      });
    });
  }
  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(function () { setup(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setup(document); });
  } else {
    setup(document);
  }
})();
