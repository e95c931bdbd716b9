"""Chunked static search with Pagefind, for corpora whose single Material index grows too big.

Material's search downloads one ``search_index.json`` holding the text of every page: at a few
thousand briefings that is megabytes before the first result. Pagefind (from PyPI, ``pagefind[bin]``)
indexes the built HTML into small compressed chunks, and a search fetches only the chunks of its
words. Use it instead of Material's ``search`` plugin in ``mkdocs.yml``::

    plugins:
      - briefbook-pagefind     # in place of `- search`
      - briefbook: ...

What Material's search did is kept: only the page content is indexed (``data-pagefind-body``),
pages whose meta says ``search: exclude: true`` and blocks marked ``data-search-exclude`` stay out,
``search: boost`` weights the page title, so a person's or organization's page comes first for
its name and for its aliases (they are written on the page). The header gets a search box that
opens the generated ``search/`` page with Pagefind's own interface.
"""

from __future__ import annotations

import logging
import re
import subprocess
import sys

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.plugins.briefbook-pagefind")

SEARCH_PAGE = "search.md"
BUNDLE = "pagefind"
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
_H1 = re.compile(r"<h1([ >])")

PAGE = """---
title: Search
search:
  exclude: true
hide:
  - toc
---

# Search

<div id="bb-pagefind"></div>
<noscript>Search needs JavaScript.</noscript>
"""


class PagefindConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # seconds allowed to the indexer; a corpus of 10,000 briefings takes well under a minute
    timeout = c.Type(int, default=600)
    # `mkdocs serve` indexes once, at its first build; later rebuilds keep that index (faster)
    reindex_on_serve = c.Type(bool, default=False)


class PagefindPlugin(BasePlugin[PagefindConfig]):
    """Indexes the built site with Pagefind and gives it a search box and a search page."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        self._indexed = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled and ("material/search" in config.plugins or "search" in config.plugins):
            log.warning("briefbook-pagefind: Material's `search` plugin is on too; use one of the two")
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.config.enabled and files.get_file_from_path(SEARCH_PAGE) is None:
            files.append(File.generated(config, SEARCH_PAGE, content=PAGE))
        return files

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        root = get_relative_url(".", page.url)
        root = "" if root == "." else root.rstrip("/") + "/"
        output = _header_box(output, root)
        if page.file.src_uri == SEARCH_PAGE:
            return _search_ui(output, root)
        meta = page.meta.get("search") if isinstance(page.meta.get("search"), dict) else {}
        if meta.get("exclude"):
            return output
        output = _ARTICLE.sub(r"\g<0> data-pagefind-body", output, count=1)
        output = output.replace(" data-search-exclude", " data-search-exclude data-pagefind-ignore")
        boost = meta.get("boost")
        if isinstance(boost, int | float) and boost > 1:
            weight = min(10.0, 7.0 + float(boost))  # Pagefind weighs an h1 7 by default, 10 at most
            output = _H1.sub(rf'<h1 data-pagefind-weight="{weight:g}"\1', output, count=1)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if getattr(self, "_serving", False) and self._indexed and not self.config.reindex_on_serve:
            return
        cmd = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--output-subdir", BUNDLE,
               "--silent"]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=self.config.timeout)
        except subprocess.TimeoutExpired:
            raise PluginError(f"briefbook-pagefind: indexing took over {self.config.timeout} s") from None
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            if "No module named pagefind" in (done.stderr or ""):
                detail = ["Pagefind is not installed: pip install 'pagefind[bin]'"]
            raise PluginError(f"briefbook-pagefind: indexing failed: {detail[0]}")
        self._indexed = True


def _header_box(output: str, root: str) -> str:
    """A search box in Material's header (it draws none without its own search plugin)."""
    end = output.find("</header>")
    if end < 0:
        return output
    nav_end = output.rfind("</nav>", 0, end)
    if nav_end < 0:
        return output
    box = (f'<form class="bb-find" role="search" action="{root}search/" method="get" '
           'style="margin:auto .4rem auto auto">'
           '<input type="search" name="q" placeholder="Search" aria-label="Search the briefings" '
           'autocomplete="off" style="width:10rem;max-width:40vw;padding:.3rem .5rem;border:0;'
           'border-radius:.2rem;font:inherit;color:#000;background:rgba(255,255,255,.9)"></form>')
    return output[:nav_end] + box + output[nav_end:]


def _search_ui(output: str, root: str) -> str:
    """Pagefind's interface on the search page; it runs the query given as ``?q=``."""
    head = f'<link rel="stylesheet" href="{root}{BUNDLE}/pagefind-ui.css">'
    script = (
        f'<script src="{root}{BUNDLE}/pagefind-ui.js"></script>\n'
        "<script>\n"
        'window.addEventListener("DOMContentLoaded", function () {\n'
        f'  var ui = new PagefindUI({{element: "#bb-pagefind", bundlePath: "{root}{BUNDLE}/", '
        "showSubResults: true, showImages: false, resetStyles: false});\n"
        '  var q = new URLSearchParams(window.location.search).get("q");\n'
        "  if (q) { ui.triggerSearch(q); }\n"
        "});\n"
        "</script>\n"
    )
    output = output.replace("</head>", f"  {head}\n  </head>", 1)
    return output.replace("</body>", f"{script}</body>", 1)
