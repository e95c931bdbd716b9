/* briefbook: the search page over a Pagefind index (the `briefbook-pagefind` plugin).
 *
 * A small interface on Pagefind's own API (pagefind.js), in place of its 30 kB interface
 * bundle: a search downloads the loader, the WebAssembly, the metadata, the index chunks of its
 * words and one fragment per result shown. Excerpts come from article text, so they are rebuilt
 * as text nodes and <mark> elements only: nothing in them can become markup.
 */
(function () {
  "use strict";
  var PAGE = 10;
  var script = document.currentScript;  // <site>/assets/briefbook/briefbook-search.js
  var root = document.getElementById("bb-search");
  if (!root || !script) return;
  var site = new URL("../../", script.src);
  var bundle = new URL("pagefind/", site);
  var siteRoot = site.pathname;
  var input = root.querySelector("input[type=search]");
  var status = root.querySelector(".bb-search-status");
  var list = root.querySelector("ol.bb-results");
  var more = root.querySelector("button.bb-more");
  var pagefind = null, current = null, shown = 0, serial = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (pf) {
        return pf.options({ baseUrl: siteRoot }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function excerpt(html) {
    var out = document.createElement("p");
    var doc = new DOMParser().parseFromString(html || "", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function link(url, title) {
    var a = document.createElement("a");
    a.href = url;
    a.textContent = title || url;
    return a;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "bb-result";
    var title = document.createElement("h3");
    title.appendChild(link(data.url, data.meta && data.meta.title));
    li.appendChild(title);
    li.appendChild(excerpt(data.excerpt));
    var title0 = data.meta && data.meta.title;
    var subs = (data.sub_results || []).filter(function (s) {  // not the page's own heading again
      return s.url !== data.url && !/#top$/.test(s.url) && s.title !== title0;
    }).slice(0, 3);
    if (subs.length) {
      var ul = document.createElement("ul");
      subs.forEach(function (s) {
        var sub = document.createElement("li");
        sub.appendChild(link(s.url, s.title));
        sub.appendChild(excerpt(s.excerpt));
        ul.appendChild(sub);
      });
      li.appendChild(ul);
    }
    return li;
  }

  function showMore() {
    var mine = serial, batch = current.results.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = true;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (mine !== serial) return;
      items.forEach(function (d) { list.appendChild(item(d)); });
      more.hidden = shown >= current.results.length;
    });
  }

  function run(query) {
    var mine = ++serial;
    query = query.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    status.textContent = "Searching…";
    load().then(function (pf) { return pf.debouncedSearch(query, {}, 200); }).then(function (search) {
      if (search === null || mine !== serial) return; // a newer query took over
      current = search;
      shown = 0;
      list.replaceChildren();
      var n = search.results.length;
      status.textContent = n ? n + (n === 1 ? " result" : " results") + " for “" + query + "”"
                             : "Nothing found for “" + query + "”";
      return showMore();
    }).catch(function (err) {
      status.textContent = "Search is not available here (" + err.message + "). It needs the built site, "
        + "served over http.";
    });
  }

  root.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); run(input.value); });
  input.addEventListener("input", function () {
    var url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run(input.value);
  });
  more.addEventListener("click", showMore);
  var q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    run(q);
  }
  input.focus();
})();
