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
  // Column titles as labels for the phone layout, where a table's rows become stacked blocks
  // (briefbook.css): the main column (the name or title) first, numbers with their title.
  var MAIN = /^(Briefing|Name|Person|Topic)$/;
  function labelCells(table) {
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    var main = heads.findIndex(function (t) { return MAIN.test(t); });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      Array.prototype.forEach.call(tr.cells, function (td, i) {
        if (i === (main < 0 ? 0 : main)) td.classList.add("bb-main");
        else if (heads[i] && isNumber(td.textContent.trim())) td.setAttribute("data-label", heads[i]);
      });
    });
  }

  // The filter box of an index page: rows and names that do not match are hidden; the folded
  // "Mentioned once" list opens while a filter is typed.
  function setupFilter(root) {
    Array.prototype.forEach.call(root.querySelectorAll("input[data-bb-filter]"), function (input) {
      if (input.dataset.bbReady) return;
      input.dataset.bbReady = "1";
      input.hidden = false;
      var scope = input.closest("article") || document.body;
      var folded = Array.prototype.slice.call(scope.querySelectorAll("details.bb-more"));
      var wasOpen = folded.map(function (d) { return d.open; });
      input.addEventListener("input", function () {
        var q = input.value.trim().toLocaleLowerCase();
        Array.prototype.forEach.call(scope.querySelectorAll("table tbody tr"), function (tr) {
          tr.hidden = q !== "" && tr.textContent.toLocaleLowerCase().indexOf(q) < 0;
        });
        Array.prototype.forEach.call(scope.querySelectorAll(".bb-az-group"), function (group) {
          var any = false;
          Array.prototype.forEach.call(group.querySelectorAll(".bb-item"), function (item) {
            item.hidden = q !== "" && item.textContent.toLocaleLowerCase().indexOf(q) < 0;
            any = any || !item.hidden;
          });
          group.hidden = !any;
        });
        folded.forEach(function (d, i) { d.open = q !== "" || wasOpen[i]; });
      });
    });
  }

  // The timeline's filters: by the kind of entity an event involves, and by its briefing's topic.
  function setupEvents(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-bb-events]"), function (bar) {
      if (bar.dataset.bbReady) return;
      bar.dataset.bbReady = "1";
      bar.hidden = false;
      var scope = bar.closest("article") || document.body;
      var buttons = Array.prototype.slice.call(bar.querySelectorAll("button"));
      var select = bar.querySelector("select");
      var kind = "", topic = "";
      function apply() {
        Array.prototype.forEach.call(scope.querySelectorAll("ul.bb-events > li"), function (li) {
          var tags = " " + (li.getAttribute("data-f") || "") + " ";
          li.hidden = (kind !== "" && tags.indexOf(" " + kind + " ") < 0) ||
                      (topic !== "" && tags.indexOf(" " + topic + " ") < 0);
        });
        buttons.forEach(function (b) {
          var on = (b.getAttribute("data-f") || "") === kind;
          b.classList.toggle("md-button--primary", on);
          b.setAttribute("aria-pressed", on ? "true" : "false");
        });
      }
      buttons.forEach(function (b) {
        b.addEventListener("click", function () { kind = b.getAttribute("data-f") || ""; apply(); });
      });
      if (select) select.addEventListener("change", function () { topic = select.value; apply(); });
      apply();
    });
  }

  // Lists marked data-bb-order are the newest first; a button turns them all to the oldest first and back.
  function setupOrder(root) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-bb-order-switch]"), function (bar) {
      if (bar.dataset.bbReady) return;
      bar.dataset.bbReady = "1";
      var scope = bar.closest("article") || document.body;
      if (bar !== scope.querySelector("[data-bb-order-switch]")) return;  // one switch a page
      bar.hidden = false;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      var newest = true;
      function label() {
        button.textContent = newest ? "Oldest first" : "Newest first";
        button.setAttribute("aria-label", newest ? "Show the oldest first" : "Show the newest first");
        scope.setAttribute("data-bb-order-now", newest ? "newest" : "oldest");
      }
      button.addEventListener("click", function () {
        Array.prototype.forEach.call(scope.querySelectorAll("[data-bb-order]"), function (list) {
          var items = Array.prototype.slice.call(list.children);
          for (var i = items.length - 1; i >= 0; i--) list.appendChild(items[i]);
        });
        newest = !newest;
        label();
      });
      label();
      bar.appendChild(button);
    });
  }

  // A link to a place inside a folded block opens the block.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    for (; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
  }

  function all(root) {
    setup(root);
    Array.prototype.forEach.call(root.querySelectorAll("article table"), function (table) {
      if (table.tHead && table.tBodies[0]) labelCells(table);
    });
    setupFilter(root);
    setupEvents(root);
    setupOrder(root);
    openTarget();
  }
  window.addEventListener("hashchange", openTarget);
  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(function () { all(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { all(document); });
  } else {
    all(document);
  }
})();
