"""The MkDocs plugin: reads the briefings and the registry and adds every generated page.

Named ``briefbook`` in ``mkdocs.yml``::

    plugins:
      - search
      - briefbook:
          briefings: briefings      # folder of briefing files, relative to mkdocs.yml
          registry: registry.yml    # curated entity registry (optional file)
          search_min_briefings: 1   # 2: entities seen in one briefing stay out of search

The pages come from :func:`briefbook.site.pages.generate_pages` as virtual files
(``File.generated``) whose pages are already HTML (:class:`generated.GeneratedPage`), so ``mkdocs build`` alone builds the whole site and ``mkdocs serve``
rebuilds when a briefing or the registry changes.
"""

from __future__ import annotations

import hashlib
import logging
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

from ..corpus import load_corpus
from ..registry import RegistryError
from ..store import BriefingError
from . import paths
from .export import generate_files
from .generated import GeneratedPage
from .pages import PROJECT_PAGES, SitePage, generate_pages

log = logging.getLogger("mkdocs.plugins.briefbook")

ASSET_DIR = "assets/briefbook"
ASSETS = ("briefbook.css", "briefbook.js")


def _as_check_says(exc: BriefingError) -> str:
    """The problem as `briefbook check` words it (field and line), so both say the same thing."""
    from ..check import examine_file

    problems = examine_file(Path(exc.path), exc.path).problems
    return str(problems[0]) if problems else str(exc)


class BriefbookConfig(base.Config):
    briefings = c.Type(str, default="briefings")
    registry = c.Type(str, default="registry.yml")
    topics = c.Optional(c.Type(str))
    # Large corpora: 2 keeps pages of people and organizations seen in one briefing only (two
    # thirds of them) out of the search index, which every search downloads a part of.
    search_min_briefings = c.Type(int, default=1)


class BriefbookPlugin(BasePlugin[BriefbookConfig]):
    """Adds briefing, entity, index, timeline and graph pages, the feed and the JSON export."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.briefings_dir = (root / self.config.briefings).resolve()
        self.registry_path = (root / self.config.registry).resolve()
        self.topics_path = (root / self.config.topics).resolve() if self.config.topics else None
        css = f"{ASSET_DIR}/briefbook.css"
        js = f"{ASSET_DIR}/briefbook.js"
        if css not in config.extra_css:
            config.extra_css.append(css)
        if all(str(s) != js for s in config.extra_javascript):
            config.extra_javascript.append(js)
        return config

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps the plugin alive between the rebuilds of ``mkdocs serve``."""
        self._digests: dict[str, bytes] = {}
        self._serving = command == "serve"

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            corpus = load_corpus(self.briefings_dir, self.registry_path, self.topics_path,
                                 keep_parsed=getattr(self, "_serving", False))
        except BriefingError as exc:
            raise PluginError(f"briefbook: {_as_check_says(exc)}") from None
        except RegistryError as exc:
            raise PluginError(f"briefbook: {exc}") from None
        directory_urls = config.use_directory_urls
        docs_pages = [uri for uri in PROJECT_PAGES if files.get_file_from_path(uri) is not None]
        pages = generate_pages(corpus, directory_urls=directory_urls, docs_pages=docs_pages,
                               search_min_briefings=self.config.search_min_briefings)
        generated: dict[str, str | bytes] = dict(generate_files(
            corpus, site_url=config.site_url, directory_urls=directory_urls, site_name=config.site_name))
        assets = resources.files("briefbook").joinpath("site/assets")
        for name in ASSETS:
            generated[f"{ASSET_DIR}/{name}"] = assets.joinpath(name).read_bytes()
        previous = getattr(self, "_digests", {})
        digests: dict[str, bytes] = {}
        for uri, content in [*pages.items(), *generated.items()]:
            old = files.get_file_from_path(uri)
            if old is not None:
                files.remove(old)
            inclusion = (InclusionLevel.UNDEFINED if uri in paths.NAV_PAGES or not uri.endswith(".md")
                         else InclusionLevel.NOT_IN_NAV)
            if isinstance(content, SitePage):
                file = File.generated(config, uri, content=content.body, inclusion=inclusion)
                GeneratedPage(file, config, content)  # MkDocs keeps it as file.page
                digests[uri] = _digest(content.source())
            else:
                file = File.generated(config, uri, content=content, inclusion=inclusion)
                digests[uri] = _digest(content)
            if previous.get(uri) == digests[uri]:
                # Same page as the last build: `mkdocs serve --dirty` skips it (other builds ignore this).
                file.is_modified = _unmodified  # type: ignore[method-assign]
            files.append(file)
        self._digests = digests
        self._generated = frozenset(pages)
        log.info("briefbook: %d briefings, %d generated files", len(corpus.briefings), len(pages) + len(generated))
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Drop a generated page's source once rendered: MkDocs holds every page until the end.

        An empty string, not None: a File without content would look for a source file. Anchor
        checks use ``present_anchor_ids``, kept.
        """
        if page.file.src_uri in getattr(self, "_generated", ()):
            page.markdown = ""
            page.file._content = ""
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Point feed readers at the feed from every page's head; then forget a generated page's HTML."""
        href = get_relative_url(paths.FEED, page.url)
        tag = f'<link rel="alternate" type="application/atom+xml" title="Briefings feed" href="{href}">'
        if page.file.src_uri in getattr(self, "_generated", ()):
            page.content = ""  # written once this returns; only its anchors are needed later
        return output.replace("</head>", f"  {tag}\n  </head>", 1)

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        for path in (self.briefings_dir, self.registry_path, self.topics_path):
            if path is not None and path.exists():
                server.watch(str(path))
        return server


def _digest(content: str | bytes) -> bytes:
    return hashlib.blake2b(content.encode() if isinstance(content, str) else content, digest_size=16).digest()


def _unmodified() -> bool:
    return False
