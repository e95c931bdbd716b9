"""In a real browser: search for "Kratsios", open his page, follow a quote to its paragraph.

Runs Debian's headless chromium (``.ci/run`` installs it) against the seed site served on
127.0.0.1, driving it over the DevTools protocol (see ``browser_cdp.py``), and saves
screenshots (desktop and a 390 px phone) into ``tests/artifacts/screenshots/``. To refresh the
committed ones that the README and docs show, run it with
``BRIEFBOOK_SCREENSHOTS=docs/assets/screenshots`` (a plain run must not change tracked files:
the pixels differ slightly from run to run). Where no chromium is installed the test is
skipped and says why.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_cdp import Browser, find_chromium
from test_site_build import ROOT, build_seed_site

SHOTS = ROOT / os.environ.get("BRIEFBOOK_SCREENSHOTS", "tests/artifacts/screenshots")
CHROMIUM = find_chromium()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium browser installed (Debian package 'chromium'; "
                                                ".ci/run installs it): the browser test cannot run here"),
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site, _ = build_seed_site(tmp_path_factory.mktemp("browser"))
    yield from _serve(site)


@pytest.fixture(scope="module")
def served_pagefind(tmp_path_factory):
    """The seed site with `briefbook-pagefind` in place of Material's search."""
    site, _ = build_seed_site(tmp_path_factory.mktemp("browser-pagefind"), search="briefbook-pagefind")
    yield from _serve(site)


@pytest.fixture
def browser():
    with Browser(CHROMIUM) as b:
        yield b


def search(b: Browser, query: str) -> str:
    """Type into Material's search box; returns the address of the first result."""
    b.eval("document.querySelector('label[for=__search]').click()")
    b.wait_for("document.activeElement && document.activeElement.classList.contains('md-search__input')",
               what="the search box to take focus")
    b.type_text(query)
    b.eval("document.querySelector('.md-search__input').dispatchEvent(new KeyboardEvent('keyup', {key: 'n'}))")
    return b.wait_for("(document.querySelector('.md-search-result__item a') || {}).href",
                      what=f"search results for {query!r}")


def follow_quote(b: Browser) -> str:
    """Click the first quote's paragraph link on this page; returns the paragraph id."""
    href = b.eval("(document.querySelector('p.bb-cite a[href*=\"#p-\"]') || {}).href")
    assert href, "no quote with a paragraph link on " + b.eval("location.href")
    b.eval("document.querySelector('p.bb-cite a[href*=\"#p-\"]').click()")
    anchor = href.split("#", 1)[1]
    b.wait_loaded(f"#{anchor}")
    return anchor


def test_search_person_then_quote_to_paragraph(served, browser):
    b = browser
    b.viewport(1280, 800)
    b.goto(served)
    first = search(b, "Kratsios")
    assert urlsplit(first).path == "/people/michael-kratsios/", first  # (?h=kratsios highlights)
    time.sleep(0.3)
    b.screenshot(SHOTS / "search.png")

    b.eval("document.querySelector('.md-search-result__item a').click()")
    b.wait_loaded("/people/michael-kratsios/")
    assert b.eval("document.querySelector('h1').textContent.trim()") == "Michael Kratsios"
    text = b.eval("document.querySelector('article').innerText")
    assert "2025-08-05" in text and "2025-10-29" in text
    b.screenshot(SHOTS / "person.png")

    if not b.eval("document.querySelector('p.bb-cite a[href*=\"#p-\"]')"):
        # no quote of his own: go through the person he met, whose quotes the seeds have
        b.eval("Array.from(document.querySelectorAll('article a'))"
               ".find(a => a.href.endsWith('/people/bae-kyung-hoon/')).click()")
        b.wait_loaded("/people/bae-kyung-hoon/")
    quote = b.eval("document.querySelector('p.bb-cite').previousElementSibling.innerText.trim()")
    anchor = follow_quote(b)
    assert "/briefings/" in b.eval("location.pathname")
    assert b.eval("document.querySelector(':target') && document.querySelector(':target').id") == anchor
    top = b.eval(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= top < 800, f"paragraph {anchor} is not in view (top={top})"
    paragraph = b.eval(f"document.getElementById('{anchor}').innerText")
    words = [w for w in quote.strip("“”\"").split() if w.isalpha()][:4]
    assert all(w in paragraph for w in words), (quote, paragraph)
    time.sleep(0.2)
    b.screenshot(SHOTS / "briefing.png")


def test_alias_search_finds_the_organization(served, browser):
    b = browser
    b.viewport(1280, 800)
    b.goto(served)
    first = search(b, "OSTP")
    assert urlsplit(first).path.startswith("/organizations/"), first
    title = b.eval("document.querySelector('.md-search-result__item h1').textContent")
    assert "Office of Science and Technology Policy" in title


@pytest.mark.parametrize("query,path", [
    ("Kratsios", "/people/michael-kratsios/"),
    ("OSTP", "/organizations/white-house-office-of-science-and-technology-policy/"),  # an alias
])
def test_pagefind_search_from_the_header_ranks_the_entity_page_first(served_pagefind, browser, query, path):
    b = browser
    b.viewport(1280, 800)
    b.goto(served_pagefind + "people/")
    b.eval("document.querySelector('form.bb-find input').focus()")
    b.type_text(query)
    b.eval("document.querySelector('form.bb-find').submit()")
    b.wait_loaded("/search/")
    first = b.wait_for("(document.querySelector('li.bb-result h3 a') || {}).href",
                       what=f"Pagefind results for {query!r}")
    assert urlsplit(first).path == path, first
    assert b.eval("document.querySelector('li.bb-result mark') !== null")  # the words found, marked
    assert b.eval("document.querySelector('.bb-search-status').textContent").endswith(f"for “{query}”")
    if query == "Kratsios":
        time.sleep(0.3)
        b.screenshot(SHOTS / "search-pagefind.png")


def test_index_tables_sort_in_the_page(served, browser):
    b = browser
    b.viewport(1280, 800)
    b.goto(served + "people/")
    column = "Array.from(document.querySelectorAll('article table tbody tr')).map(r => r.cells[0].innerText)"
    names = b.eval(column)
    assert names == sorted(names, key=str.lower), names
    b.eval("document.querySelector('article table th').click()")
    assert b.eval("document.querySelector('article table th').getAttribute('aria-sort')") == "ascending"
    b.eval("document.querySelector('article table th').click()")
    assert b.eval("document.querySelector('article table th').getAttribute('aria-sort')") == "descending"
    assert b.eval(column) == sorted(names, key=str.lower, reverse=True)
    briefings = "Array.from(document.querySelectorAll('article table tbody tr')).map(r => +r.cells[3].innerText)"
    b.eval("document.querySelectorAll('article table th')[3].click()")
    counts = b.eval(briefings)
    assert counts == sorted(counts)


def test_phone_layout(served, browser):
    b = browser
    b.viewport(390, 844, mobile=True, scale=2)
    b.goto(served + "people/bae-kyung-hoon/")
    # nothing wider than the screen: no sideways scrolling on a phone
    assert b.eval("document.documentElement.scrollWidth") <= 390
    b.screenshot(SHOTS / "phone-person.png")
    anchor = follow_quote(b)
    assert b.eval("document.documentElement.scrollWidth") <= 390
    top = b.eval(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= top < 844
    time.sleep(0.2)
    b.screenshot(SHOTS / "phone-briefing.png")
    b.goto(served + "graph/")
    assert b.eval("document.documentElement.scrollWidth") <= 390  # the graph scrolls inside its box
    assert Path(SHOTS / "phone-briefing.png").stat().st_size > 10_000
