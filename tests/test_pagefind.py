"""The Pagefind plugin: what it indexes for a page, what it changes in pages, and a real index."""

from __future__ import annotations

import gzip
import re
from types import SimpleNamespace

import pytest
from test_site_build import build_seed_site

from briefbook.site.pagefind import SEARCH_PAGE, PagefindPlugin, record
from briefbook.site.pagefind_service import PagefindError, PagefindService

HTML = """<html><head><title>t</title></head><body>
<header class="md-header"><nav class="md-header__inner md-grid">logo</nav></header>
<article class="md-content__inner md-typeset"><h1 id="top">Rosa Lindqvist</h1>
<p>Also known as: R. Lindqvist</p></article>
</body></html>"""

CONTENT = ('<h1 id="top">Rosa Lindqvist</h1>\n<p>Also known as: R. Lindqvist</p>\n'
           '<div class="bb-section" data-search-exclude>\n<h2 id="briefings">Briefings</h2>\n'
           "<table><tr><td>Harbour cranes arrive</td></tr></table>\n</div>\n"
           '<h2 id="quotes">Quotes</h2>\n<blockquote><p>“We will open the port.”</p></blockquote>')


def page(uri: str, url: str, meta: dict) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), url=url, meta=meta)


def plugin() -> PagefindPlugin:
    p = PagefindPlugin()
    p.load_config({})
    return p


def test_record_keeps_title_and_content_weights_the_boosted_title_and_cuts_repeated_lists() -> None:
    doc = record(CONTENT, "Rosa Lindqvist", 5, "en")
    assert doc.startswith('<!DOCTYPE html><html lang="en"><head><title>Rosa Lindqvist</title>')
    assert '<h1 data-pagefind-weight="10" id="top">Rosa Lindqvist</h1>' in doc
    assert "R. Lindqvist" in doc and "We will open the port." in doc and 'id="quotes"' in doc
    assert "Harbour cranes" not in doc and "data-search-exclude" not in doc
    assert '<h1 id="top">' in record(CONTENT, "Rosa Lindqvist", None)  # no boost: default weight


def test_every_page_gets_a_search_box_in_the_header() -> None:
    out = plugin().on_post_page(HTML, page=page("people/rosa.md", "people/rosa/", {}), config=None)
    assert 'action="../../search/"' in out and out.index("bb-find") < out.index("</nav></header>")


def test_search_page_loads_the_ui_and_runs_the_query() -> None:
    out = plugin().on_post_page(HTML, page=page(SEARCH_PAGE, "search/", {}), config=None)
    assert '<script src="../assets/briefbook/briefbook-search.js"></script>\n</body>' in out
    assert "pagefind-ui" not in out  # Pagefind's own interface (30 kB) is not loaded


def test_disabled_plugin_changes_nothing() -> None:
    p = PagefindPlugin()
    p.load_config({"enabled": False})
    assert p.on_post_page(HTML, page=page("a.md", "a/", {}), config=None) == HTML


def test_service_indexes_pages_and_writes_the_bundle(tmp_path) -> None:
    with PagefindService({"exclude_selectors": ["[data-search-exclude]"]}) as service:
        for i in range(30):
            service.add_page(f"/notes/{i}/", record(f'<h1 id="top">Note {i}</h1><p>Ferry timetable {i}.</p>',
                                                    f"Note {i}", None))
        assert service.write(tmp_path / "pagefind") == 30
    bundle = tmp_path / "pagefind"
    assert (bundle / "pagefind.js").exists() and (bundle / "pagefind-ui.js").exists()
    assert len(list((bundle / "fragment").iterdir())) == 30
    assert list(bundle.glob("*.pf_meta")) and list((bundle / "index").iterdir())


def test_service_that_dies_is_reported_instead_of_waited_for(tmp_path) -> None:
    with PagefindService() as service:
        service.add_page("/a/", record('<h1 id="top">A</h1><p>Text.</p>', "A", None))
        service._proc.kill()  # the indexer crashes (out of memory, say)
        with pytest.raises(PagefindError, match="stopped"):
            for i in range(200):  # pages still coming in, then the end of the build
                service.add_page(f"/p{i}/", record(f'<h1 id="top">{i}</h1>', str(i), None))
            service.write(tmp_path / "pagefind", timeout=30)


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    return build_seed_site(tmp_path_factory.mktemp("pagefind"), search="briefbook-pagefind")


def test_seed_site_with_pagefind_builds_strict_and_indexes_every_searchable_page(pagefind_site) -> None:
    site, log = pagefind_site
    assert "WARNING" not in log, log
    assert re.search(r"briefbook-pagefind: \d+ pages indexed", log), log
    fragments = list((site / "pagefind" / "fragment").iterdir())
    # the person, organization, initiative, topic and briefing pages; not the index tables or timeline
    texts = [gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in fragments]
    urls = set(re.findall(r'"url":"([^"]+)"', "".join(texts)))
    assert "/people/michael-kratsios/" in urls and "/organizations/white-house-office-of-science-and-technology-policy/" in urls
    assert "/timeline/" not in urls and "/people/" not in urls and "/search/" not in urls
    assert any(u.startswith("/briefings/2025-") for u in urls)
    page = (site / "people" / "michael-kratsios" / "index.html").read_text(encoding="utf-8")
    assert 'class="bb-find"' in page and "search/" in page
    search = (site / "search" / "index.html").read_text(encoding="utf-8")
    assert '<div id="bb-search">' in search and (site / "assets" / "briefbook" / "briefbook-search.js").is_file()
