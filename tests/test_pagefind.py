"""The Pagefind plugin's page changes (no index is built here: that needs the Pagefind binary)."""

from __future__ import annotations

from types import SimpleNamespace

from briefbook.site.pagefind import SEARCH_PAGE, PagefindPlugin

HTML = """<html><head><title>t</title></head><body>
<header class="md-header"><nav class="md-header__inner md-grid">logo</nav></header>
<article class="md-content__inner md-typeset"><h1 id="top">Rosa Lindqvist</h1>
<p>Also known as: R. Lindqvist</p><div class="x" data-search-exclude>repeated list</div></article>
</body></html>"""


def page(uri: str, url: str, meta: dict) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), url=url, meta=meta)


def plugin() -> PagefindPlugin:
    p = PagefindPlugin()
    p.load_config({})
    return p


def test_entity_page_is_indexed_boosted_and_gets_a_search_box() -> None:
    out = plugin().on_post_page(HTML, page=page("people/rosa.md", "people/rosa/", {"search": {"boost": 5}}),
                                config=None)
    assert '<article class="md-content__inner md-typeset" data-pagefind-body' in out
    assert '<h1 data-pagefind-weight="10" id="top">' in out
    assert "data-search-exclude data-pagefind-ignore" in out
    assert 'action="../../search/"' in out and out.index("bb-find") < out.index("</nav></header>")


def test_excluded_page_stays_out_of_the_index() -> None:
    out = plugin().on_post_page(HTML, page=page("timeline/index.md", "timeline/", {"search": {"exclude": True}}),
                                config=None)
    assert "data-pagefind-body" not in out and "bb-find" in out


def test_search_page_loads_the_ui_and_runs_the_query() -> None:
    out = plugin().on_post_page(HTML, page=page(SEARCH_PAGE, "search/", {}), config=None)
    assert 'href="../pagefind/pagefind-ui.css"' in out and 'src="../pagefind/pagefind-ui.js"' in out
    assert "triggerSearch(q)" in out and "data-pagefind-body" not in out


def test_disabled_plugin_changes_nothing() -> None:
    p = PagefindPlugin()
    p.load_config({"enabled": False})
    assert p.on_post_page(HTML, page=page("a.md", "a/", {}), config=None) == HTML
