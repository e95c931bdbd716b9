/* briefbook: search over a Pagefind index (the `briefbook-pagefind` plugin), in the header of
 * every page (results as you type, in a panel under the box) and on the search page.
 *
 * A small interface on Pagefind's own API (pagefind.js), in place of its 30 kB interface
 * bundle: a search downloads the loader, the WebAssembly, the metadata, the index chunks of its
 * words and one fragment per result shown. Excerpts come from article text, so they are rebuilt
 * as text nodes and <mark> elements only: nothing in them can become markup.
 */
(function () {
  "use strict";
  var PAGE = 10, HEADER_HITS = 8;
  // Where a word is (an entity page's title weighs most) counts more than how often it recurs.
  var RANKING = { termFrequency: 0.0, pageLength: 0.0 };
  var script = document.currentScript;  // <site>/assets/briefbook/briefbook-search.js
  if (!script) return;
  var site = new URL("../../", script.src);
  var bundle = new URL("pagefind/", site);
  var siteRoot = site.pathname;
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundle).href).then(function (pf) {
        return pf.options({ baseUrl: siteRoot, ranking: RANKING }).then(function () { return pf; });
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

  // The sections of a result worth listing under it: not the page's own heading again.
  function sections(data) {
    var title0 = data.meta && data.meta.title;
    return (data.sub_results || []).filter(function (s) {
      return s.url !== data.url && !/#top$/.test(s.url) && s.title !== title0;
    });
  }

  // A page searched in one section only (a briefing: its article) shows that section's excerpt,
  // which starts in the text, rather than the page's (title, heading, text) and the same again under it.
  function lead(data) {
    var subs = sections(data);
    return subs.length === 1 && /<mark>/.test(subs[0].excerpt || "") ? subs[0].excerpt : data.excerpt;
  }

  function link(url, title) {
    var a = document.createElement("a");
    a.href = url;
    a.textContent = title || url;
    return a;
  }

  // -- names and aliases first (search-names/, written by the briefbook plugin) --------------
  var nameFiles = {};
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  function names(query) {
    var q = fold(query), first = q.split(" ")[0] || "";
    if (first.length < 2) return Promise.resolve([]);
    var key = first.slice(0, 2);
    if (!nameFiles[key]) {
      nameFiles[key] = fetch(new URL("search-names/" + key + ".json", site).href)
        .then(function (r) { return r.ok ? r.json() : []; }).catch(function () { return []; });
    }
    return nameFiles[key].then(function (entries) {
      var best = {};
      entries.forEach(function (e) {  // [folded form, name, url, kind, briefings]
        // 0: the name itself; 1: a name with a word that starts so (the most covered first)
        var rank = e[0] === q ? 0 : (" " + e[0]).indexOf(" " + q) >= 0 ? 1 : -1;
        if (rank < 0 || (best[e[2]] && best[e[2]].rank <= rank)) return;
        best[e[2]] = { rank: rank, name: e[1], url: new URL(e[2], site).href, kind: e[3], count: e[4] };
      });
      return Object.keys(best).map(function (u) { return best[u]; }).sort(function (a, b) {
        return a.rank - b.rank || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      }).slice(0, 3);
    });
  }

  // -- the header: results as you type --------------------------------------------------
  function header(form) {
    var box = form.querySelector("input[type=search]");
    var panel = form.querySelector(".bb-find-results");
    if (!box || !panel) return;
    var serial = 0;
    function close() { panel.hidden = true; box.setAttribute("aria-expanded", "false"); }
    function hits() { return Array.prototype.slice.call(panel.querySelectorAll("a.bb-find-hit")); }
    function hit(url, title, detail) {
      var a = link(url, "");
      a.textContent = "";  // the title and a line under it, not the address
      a.className = "bb-find-hit";
      var strong = document.createElement("strong");
      strong.textContent = title;
      a.appendChild(strong);
      detail.className = "bb-find-excerpt";
      a.appendChild(detail);
      panel.appendChild(a);
    }
    function show(query, named, results) {
      panel.replaceChildren();
      var seen = {};
      named.forEach(function (n) {
        seen[new URL(n.url).pathname] = true;
        var p = document.createElement("p");
        p.textContent = n.kind + " \u00b7 " + n.count + (n.count === 1 ? " briefing" : " briefings");
        hit(n.url, n.name, p);
      });
      results.forEach(function (data) {
        if (seen[new URL(data.url, location.href).pathname] || panel.childNodes.length >= HEADER_HITS) return;
        hit(data.url, (data.meta && data.meta.title) || data.url, excerpt(lead(data)));
      });
      if (!panel.childNodes.length) {
        var none = document.createElement("p");
        none.className = "bb-find-none";
        none.textContent = "Nothing found for \u201c" + query + "\u201d";
        panel.appendChild(none);
      }
      var all = document.createElement("a");
      all.className = "bb-find-all";
      all.href = form.action + "?q=" + encodeURIComponent(query);
      all.textContent = "All results \u2192";
      panel.appendChild(all);
      panel.hidden = false;
      box.setAttribute("aria-expanded", "true");
    }
    function run() {
      var mine = ++serial, query = box.value.trim();
      if (query.length < 2) { close(); return; }
      var found = load().then(function (pf) { return pf.debouncedSearch(query, {}, 150); }).then(function (search) {
        if (search === null || mine !== serial) return null;
        return Promise.all(search.results.slice(0, HEADER_HITS).map(function (r) { return r.data(); }));
      }).catch(function () { return []; });
      Promise.all([names(query), found]).then(function (both) {
        if (both[1] !== null && mine === serial) show(query, both[0], both[1]);
      });
    }
    box.addEventListener("input", run);
    box.addEventListener("focus", function () { if (panel.childNodes.length && box.value.trim().length >= 2) panel.hidden = false; });
    form.addEventListener("keydown", function (e) {
      var list = hits(), at = list.indexOf(document.activeElement);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!list.length) return;
        e.preventDefault();
        var next = e.key === "ArrowDown" ? at + 1 : at - 1;
        if (next < 0) box.focus(); else list[Math.min(next, list.length - 1)].focus();
      } else if (e.key === "Escape") {
        close();
        box.focus();
      }
    });
    document.addEventListener("click", function (e) { if (!form.contains(e.target)) close(); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.bb-find"), header);

  // -- the search page -------------------------------------------------------------------
  var root = document.getElementById("bb-search");
  if (!root) return;
  var input = root.querySelector("input[type=search]");
  var status = root.querySelector(".bb-search-status");
  var list = root.querySelector("ol.bb-results");
  var more = root.querySelector("button.bb-more");
  var current = null, shown = 0, serial = 0;

  function item(data) {
    var li = document.createElement("li");
    li.className = "bb-result";
    var title = document.createElement("h3");
    title.appendChild(link(data.url, data.meta && data.meta.title));
    li.appendChild(title);
    var first = lead(data);
    li.appendChild(excerpt(first));
    var subs = sections(data).slice(0, 3);
    if (subs.length > 1 || (subs.length === 1 && subs[0].excerpt !== first)) {
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

  var named = [], namedPaths = {};  // the name matches of the current query, listed first

  function showMore() {
    var mine = serial, batch = current.results.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = true;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (mine !== serial) return;
      items.forEach(function (d) {
        if (!namedPaths[new URL(d.url, location.href).pathname]) list.appendChild(item(d));
      });
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
    var found = load().then(function (pf) { return pf.debouncedSearch(query, {}, 200); });
    Promise.all([names(query), found]).then(function (both) {
      var search = both[1];
      if (search === null || mine !== serial) return; // a newer query took over
      current = search;
      shown = 0;
      named = both[0];
      namedPaths = {};
      list.replaceChildren();
      named.forEach(function (n) {  // an entity whose name or other name this is, first
        namedPaths[new URL(n.url).pathname] = true;
        list.appendChild(item({ url: n.url, meta: { title: n.name },
                                excerpt: n.kind + " \u00b7 " + n.count + (n.count === 1 ? " briefing" : " briefings") }));
      });
      var n = search.results.length;
      status.textContent = n || named.length ? Math.max(n, named.length) + (n === 1 ? " result" : " results") + " for “"
                             + query + "”" : "Nothing found for “" + query + "”";
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
