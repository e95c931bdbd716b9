"""Chunked static search with Pagefind, for corpora whose single Material index grows too big.

Material's search downloads one ``search_index.json`` holding the text of every page: at a few
thousand briefings that is megabytes before the first result. Pagefind (from PyPI, ``pagefind[bin]``)
indexes the built HTML into small compressed chunks, and a search fetches only the chunks of its
words. Use it instead of Material's ``search`` plugin in ``mkdocs.yml``::

    plugins:
      - briefbook-pagefind     # in place of `- search`
      - briefbook: ...

What Material's search did is kept: pages whose meta says ``search: exclude: true`` and blocks
marked ``data-search-exclude`` stay out, ``search: boost`` weights the page title, so a person's or
organization's page comes first for its name and for its aliases (they are written on the page).
Every page's header gets a search box that lists the best results as one types, in a panel under
it, and opens the generated ``search/`` page on Enter; a small script (``assets/briefbook-search.js``)
queries the index through Pagefind's API, loading it at the first search.

Each page's content goes to a ``pagefind --service`` process as soon as MkDocs has rendered it
(:mod:`pagefind_service`), as a small document (title, body), not the whole themed page: the
indexer works on the second core while MkDocs renders templates, and writes its bundle at the end.
"""

from __future__ import annotations

import ctypes
import gc
import html
import logging
import re
import time
from contextlib import suppress
from importlib import resources
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .pagefind_service import PagefindError, PagefindService

log = logging.getLogger("mkdocs.plugins.briefbook-pagefind")

SEARCH_PAGE = "search.md"
BUNDLE = "pagefind"
_H1 = re.compile(r"<h1([ >])")

PAGE = """---
title: Search
search:
  exclude: true
hide:
  - toc
---

# Search

<div id="bb-search">
<form role="search"><input type="search" name="q" placeholder="Names, places, words from the articles"
aria-label="Search the briefings" autocomplete="off"></form>
<p class="bb-search-status" aria-live="polite"></p>
<ol class="bb-results"></ol>
<button type="button" class="bb-more md-button" hidden>More results</button>
</div>
<noscript>Search needs JavaScript.</noscript>
"""
SCRIPT = "assets/briefbook/briefbook-search.js"
STYLE = "assets/briefbook/briefbook-search.css"


class PagefindConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # seconds allowed to the indexer after the last page; 10,000 briefings take well under a minute
    timeout = c.Type(int, default=600)
    # `mkdocs serve` indexes once, at its first build; later rebuilds keep that index (faster)
    reindex_on_serve = c.Type(bool, default=False)


class PagefindPlugin(BasePlugin[PagefindConfig]):
    """Indexes the site's pages with Pagefind and gives it a search box and a search page."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        self._indexed = False
        self._records: dict[str, str] = {}  # under serve with reindex_on_serve: every page's record

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled and ("material/search" in config.plugins or "search" in config.plugins):
            log.warning("briefbook-pagefind: Material's `search` plugin is on too; use one of the two")
        self._lang = str(config.theme.get("language") or "en")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.config.enabled and files.get_file_from_path(SEARCH_PAGE) is None:
            files.append(File.generated(config, SEARCH_PAGE, content=PAGE, inclusion=InclusionLevel.NOT_IN_NAV))
            assets = resources.files("briefbook").joinpath("site/assets")
            files.append(File.generated(config, SCRIPT, content=assets.joinpath("briefbook-search.js").read_bytes()))
            files.append(File.generated(config, STYLE, content=assets.joinpath("briefbook-search.css").read_bytes()))
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._service: PagefindService | None = None
        if not self.config.enabled:
            return
        if getattr(self, "_serving", False) and self._indexed and not self.config.reindex_on_serve:
            return
        try:
            self._service = PagefindService({"exclude_selectors": ["[data-search-exclude]"]})
        except (PagefindError, OSError) as exc:
            raise PluginError(f"briefbook-pagefind: {exc}") from None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        service = getattr(self, "_service", None)
        if service is None or page.file.src_uri == SEARCH_PAGE:
            return html
        meta = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
        if meta.get("exclude"):
            return html
        url = "/" + page.url
        doc = record(html, str(page.title or ""), meta.get("boost"), self._lang)
        if getattr(self, "_serving", False) and self.config.reindex_on_serve:
            self._records[url] = doc  # a --dirty rebuild renders only changed pages: keep them all
        else:
            service.add_page(url, doc)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        root = get_relative_url(".", page.url)
        root = "" if root == "." else root.rstrip("/") + "/"
        return _scripts(_header_box(output, root), root)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        service, self._service = getattr(self, "_service", None), None
        if service is None:
            return
        start = time.perf_counter()
        _release_memory()  # the indexer's peak comes now: hand back what rendering used
        with service:
            try:
                for url, doc in self._records.items():
                    service.add_page(url, doc)
                pages = service.write(Path(config.site_dir) / BUNDLE, timeout=self.config.timeout)
            except PagefindError as exc:
                raise PluginError(f"briefbook-pagefind: indexing failed: {exc}") from None
        log.info("briefbook-pagefind: %d pages indexed; %.1f s after the last page was built",
                 pages, time.perf_counter() - start)
        self._indexed = True

    def on_build_error(self, *, error: Exception) -> None:
        service, self._service = getattr(self, "_service", None), None
        if service is not None:
            service.close()


def _release_memory() -> None:
    """Return freed memory to the system: glibc keeps freed page HTML in its heap otherwise.

    Pagefind writes its bundle after the last page, and that is the build's peak (about 3 GB at
    10,000 briefings); MkDocs' process still held 1.5 GB, mostly freed pages. Elsewhere a no-op.
    """
    gc.collect()
    with suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL(None).malloc_trim(0)


# Generated pages wrap each section that only repeats other pages (lists of briefings,
# connections) in this div, with nothing nested: cut before indexing rather than parsed and skipped.
_REPEATS = re.compile(r'<div class="bb-section" data-search-exclude>.*?</div>', re.S)
# A briefing's paragraph numbers (links to themselves): words of no one, out of excerpts.
_PARAGRAPH_NUMBERS = re.compile(r'<a href="#p-\d+" class="bb-pn"[^>]*>\d+</a>')


def record(content: str, title: str, boost: object, lang: str = "en") -> str:
    """What Pagefind indexes for one page: its title and content, the title weighted by the boost."""
    body = _PARAGRAPH_NUMBERS.sub("", _REPEATS.sub("", content))
    if isinstance(boost, int | float) and boost > 1:
        weight = min(10.0, 7.0 + float(boost))  # Pagefind weighs an h1 7 by default, 10 at most
        body = _H1.sub(rf'<h1 data-pagefind-weight="{weight:g}"\1', body, count=1)
        # an entity's other names count as its title: "NASA" finds the agency's page first
        body = body.replace('<span class="bb-names">', f'<span class="bb-names" data-pagefind-weight="{weight:g}">', 1)
    return (f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><title>{title}</title></head>'
            f"<body>{body}</body></html>")


def _header_box(output: str, root: str) -> str:
    """A search box in Material's header (it draws none without its own search plugin), with a
    panel where ``briefbook-search.js`` lists the results as one types; Enter opens the search page."""
    end = output.find("</header>")
    if end < 0:
        return output
    nav_end = output.rfind("</nav>", 0, end)
    if nav_end < 0:
        return output
    box = (f'<form class="bb-find" role="search" action="{root}search/" method="get">'
           '<input type="search" name="q" placeholder="Search" aria-label="Search the briefings" '
           'autocomplete="off" aria-expanded="false">'
           '<div class="bb-find-results" hidden></div></form>')
    return output[:nav_end] + box + output[nav_end:]


def _scripts(output: str, root: str) -> str:
    """The search script on every page (the header box answers as one types) and its style."""
    style = f'<link rel="stylesheet" href="{root}{STYLE}">'
    output = output.replace("</head>", f"  {style}\n  </head>", 1)
    return output.replace("</body>", f'<script src="{root}{SCRIPT}"></script>\n</body>', 1)
