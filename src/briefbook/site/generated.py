"""A MkDocs page whose HTML the generator already wrote, so it skips the Markdown pass.

MkDocs renders every page by running Python-Markdown over its source, with all the configured
extensions. Generated pages are link-dense tables and lists that are HTML from the start: at a
thousand briefings that pass was most of the build. Like the pages of Material's blog plugin,
these are ``Page`` subclasses created by the plugin in ``on_files``: MkDocs then keeps them
(``File.page``) and calls their ``read_source`` and ``render``. Everything after (plugin events,
Material's templates, its search index, Pagefind) sees an ordinary page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .pages import SitePage
from .text import h

_ID = re.compile(r'\sid="([^"]+)"')


class GeneratedPage(Page):
    """``whole``: for a page kept from the last build of `mkdocs serve` (its title and settings
    only), what makes it whole if MkDocs renders it after all (site/incremental.py)."""

    def __init__(self, file: File, config: MkDocsConfig, page: SitePage,
                 whole: Callable[[], SitePage] | None = None) -> None:
        super().__init__(None, file, config)
        self.generated: SitePage | None = page
        self._whole = whole
        # its title from the start: a page `mkdocs serve --dirty` does not rebuild is still named
        # in the navigation of those it does (MkDocs gives an unread page the title None)
        self.meta = dict(page.meta)
        self.markdown = ""

    def read_source(self, config: MkDocsConfig) -> None:
        self.meta = dict(self.site_page.meta)
        self.markdown = ""  # there is none; plugins that edit Markdown find nothing to do

    def render(self, config: MkDocsConfig, files: Files) -> None:
        page = self.site_page
        self.content = page.body  # the title is meta["title"], which MkDocs reads before any other
        # What Python-Markdown's toc extension would give: the <h1> holding every section.
        # escaped like the page: themes write the id into href="#..." as it is
        sections = [{"level": 2, "id": h(anchor), "name": h(name), "children": []} for anchor, name in page.toc]
        self.toc = get_toc([{"level": 1, "id": "top", "name": page.meta["title"], "children": sections}])
        # so that hand-written pages' links to #anchors here are checked under --strict
        self.present_anchor_ids = set(_ID.findall(page.body))
        self.generated = None  # the body now lives in `content`, which the plugin drops once written

    @property
    def site_page(self) -> SitePage:
        if self.generated is None:
            raise RuntimeError(f"{self.file.src_uri}: a generated page is rendered once per build")
        if self._whole is not None:
            self.generated, self._whole = self._whole(), None
        return self.generated
