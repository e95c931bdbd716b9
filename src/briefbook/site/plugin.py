"""The MkDocs plugin: reads the briefings and the registry and adds every generated page.

Named ``briefbook`` in ``mkdocs.yml``::

    plugins:
      - search
      - briefbook:
          briefings: briefings      # folder of briefing files, relative to mkdocs.yml
          registry: registry.yml    # curated entity registry (optional file)
          seeds: seeds              # articles `mkdocs serve` ingests when one is added or changed
          search_min_briefings: 2   # entities seen in one briefing stay out of search (unset:
                                    # 1 below 2,000 briefings, 2 from there on)
          database: corpus.db       # also publish the corpus as SQLite for Datasette (optional)
          docs_files: [about.md]    # the hand-written files of docs_dir to publish (glob patterns;
                                    # unset: briefbook.docsfiles.PUBLISHED); any other is refused

Relative paths may not leave the project nor pass through a symbolic link, and the site folder is
never a link and is emptied only when it is the project's own (see ``on_pre_build``).

The pages come from :func:`briefbook.site.pages.generate_pages` as virtual files
(``File.generated``) whose pages are already HTML (:class:`generated.GeneratedPage`), so ``mkdocs build`` alone builds the whole site and ``mkdocs serve``
rebuilds when a briefing or the registry changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
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

from .. import docsfiles, fsguard, shown
from ..corpus import Corpus, build_corpus
from ..corpus_files import load_corpus
from ..registry import Registry, RegistryError
from ..safetext import one_line
from ..store import BriefingError
from ..topics_data import TopicsError, load_topics
from . import paths, serve, snippets
from .export import Kept, generate_files
from .generated import GeneratedPage
from .incremental import PageCache
from .name_index import name_files
from .pages import PROJECT_PAGES, PageCollision, SitePage, Unit, generate_units

log = logging.getLogger("mkdocs.plugins.briefbook")

ASSET_DIR = "assets/briefbook"
ASSETS = ("briefbook.css", "briefbook.js")
# From this many briefings on, entities seen once stay out of search unless the config says otherwise.
LARGE_CORPUS = 2000
# Hand-written pages linked from every page's footer rather than the reader's top menu.
FOOTER_PAGES = {"about.md": "About", "contributing.md": "Contributing"}


MAX_SEARCH_MIN_BRIEFINGS = 1_000_000


class BriefbookConfig(base.Config):
    briefings = c.Type(str, default="briefings")
    registry = c.Type(str, default="registry.yml")
    seeds = c.Type(str, default="seeds")
    topics = c.Optional(c.Type(str))
    # 2 keeps pages of people and organizations seen in one briefing only (two thirds of them at
    # 10,000) out of the search index, which every search downloads a part of. Unset: 1 below
    # LARGE_CORPUS briefings, 2 from there on.
    search_min_briefings = c.Optional(c.Type(int))
    # A file name such as ``corpus.db``: the corpus as a SQLite database (``briefbook export
    # sqlite``) published with the site, with its Datasette metadata beside it. Unset: none.
    database = c.Optional(c.Type(str))
    # The hand-written files of docs_dir the site publishes (glob patterns); the others are refused.
    docs_files = c.Optional(c.ListOfItems(c.Type(str)))


class BriefbookPlugin(BasePlugin[BriefbookConfig]):
    """Adds briefing, entity, index, timeline and graph pages, the feed and the JSON export."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self.root = Path(config.config_file_path or ".").resolve().parent
        # A relative path may not leave the project nor pass through a link (checked before
        # anything is read); an absolute one is the maintainer's own choice in mkdocs.yml.
        for option in ("briefings", "registry", "topics"):
            named = getattr(self.config, option)
            if named and (refused := fsguard.link_on_path(named, root)) is not None:
                raise PluginError(one_line(f"briefbook: {_shown(root, named)}: {refused}"))
        self.briefings_dir = (root / self.config.briefings).resolve()
        if not self.briefings_dir.is_dir():  # a typo would build an empty site without a word
            raise PluginError(one_line(
                f"briefbook: briefings: {self.config.briefings}: no such folder next to "
                f"{Path(config.config_file_path or 'mkdocs.yml').name} (`make ingest` makes it; or fix the path)"))
        least = self.config.search_min_briefings
        if least is not None and (isinstance(least, bool) or not 1 <= least <= MAX_SEARCH_MIN_BRIEFINGS):
            raise PluginError(f"briefbook: search_min_briefings: {least}: a whole number from 1 to "
                              f"{MAX_SEARCH_MIN_BRIEFINGS:,} (the briefings an entity needs to be searchable)")
        self.registry_path = (root / self.config.registry).resolve()
        self.topics_path = (root / self.config.topics).resolve() if self.config.topics else None
        self.seeds_dir = (root / self.config.seeds).resolve()
        if getattr(self, "_serving", False) and not getattr(self, "_port_checked", False):
            self._port_checked = True  # before the first build, not after it
            taken = serve.port_taken(*config.dev_addr)
            if taken:
                raise SystemExit(taken)
        css = f"{ASSET_DIR}/briefbook.css"
        js = f"{ASSET_DIR}/briefbook.js"
        if css not in config.extra_css:
            config.extra_css.append(css)
        if all(str(s) != js for s in config.extra_javascript):
            config.extra_javascript.append(js)
        # our partials (the footer) after the site's own overrides, before Material's
        templates = str(resources.files("briefbook").joinpath("site/templates"))
        if templates not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        # pieces of the generated pages: overrides/briefbook/*.html wins over ours (site/snippets.py)
        snippets.use_theme_dirs([config.theme.custom_dir])
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Before MkDocs empties the site folder: it is never a link, and it is emptied only when it
        is the project's own (inside the project, or empty, or made by an earlier build)."""
        refused = _site_dir_refusal(Path(config.site_dir), self.root)
        if refused is not None:
            raise PluginError(one_line(f"briefbook: {refused}"))
        _mark_site(Path(config.site_dir))  # now: a build that fails halfway leaves a folder still ours

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps the plugin alive between the rebuilds of ``mkdocs serve``."""
        self._digests: dict[str, bytes] = {}
        self._serving = command == "serve"
        self._last_good: Corpus | None = None  # what `mkdocs serve` shows while a briefing is broken
        self._build_error: str | None = None
        self._written: set[str] = set()  # the generated files of the last build, relative to the site
        self._seeds_watch: serve.SeedsWatch | None = None
        # under serve, the pages of the last build: an edit makes again only those it touches
        self._page_cache: PageCache | None = PageCache() if self._serving else None
        self._kept_exports = Kept()
        if self._serving and dirty:
            # `make serve` rebuilds with --dirty: this plugin marks what did not change itself
            # (``put`` in on_files) and every index page is regenerated, so MkDocs's warning
            # that the navigation may be stale does not hold here. Dropped at its logger, it
            # neither alarms a contributor nor counts as a warning.
            build_log = logging.getLogger("mkdocs.commands.build")
            if not any(isinstance(f, _DirtyWarningFilter) for f in build_log.filters):
                build_log.addFilter(_DirtyWarningFilter())

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read the briefings, make every page and file from them, and hand them to MkDocs."""
        self._refuse_stray_docs(files, config)
        corpus = self._resolve_served_corpus() if getattr(self, "_serving", False) else self._resolve_corpus()
        briefing_count = len(corpus.briefings)
        docs_pages = self._resolve_project_pages(files, config)
        min_briefings = self._resolve_search_min_briefings(briefing_count)
        pages, fresh = self._generate_pages(corpus, config, docs_pages, min_briefings)
        generated = self._generate_assets_and_names(corpus, config, min_briefings)
        on_disk = self._generate_exports(corpus, config)
        del corpus
        self._render_files(files, config, pages, generated, on_disk, fresh)
        self._generated = frozenset(pages)
        log.info("briefbook: %d briefings, %d generated files", briefing_count,
                 len(pages) + len(generated) + len(on_disk))
        return files

    def _resolve_corpus(self) -> Corpus:
        """The briefings indexed with the registry; a problem is a build error worded as `check`'s."""
        named = self.root / self.config.registry
        if named.is_symlink():  # a registry.yml that is a link out of the project: not read
            refused = fsguard.why_refused(named, [self.root])
            if refused:
                raise PluginError(f"briefbook: {shown.rel(named)}:1: {refused}")
        try:
            return load_corpus(self.briefings_dir, self.registry_path, self.topics_path,
                               keep_parsed=getattr(self, "_serving", False), roots=[self.root])
        except BriefingError as exc:  # worded as `briefbook check` words it: the loader runs its checks
            raise PluginError(f"briefbook: {shown.message(exc)}") from None
        except (RegistryError, TopicsError) as exc:
            raise PluginError(f"briefbook: {shown.message(exc)}") from None

    def _resolve_served_corpus(self) -> Corpus:
        """Under `mkdocs serve`: the articles of seeds/ that changed ingested first; a briefing or
        registry mistake said in the terminal and on every page while the last good briefings are
        served (a build error would leave every request of the server waiting)."""
        if self._seeds_watch is None:
            self._seeds_watch = serve.SeedsWatch(self.seeds_dir, self.briefings_dir, self.registry_path, self.root)
        self._seeds_watch.ingest_if_changed()
        was = self._build_error
        try:
            corpus = self._resolve_corpus()
        except PluginError as exc:
            self._build_error = str(exc).removeprefix("briefbook: ")
            if self._build_error != was:
                serve.say(f"error: {self._build_error} (the last good site is served until this is fixed)")
            # broken from the start: a site without briefings, the error on every page
            corpus = self._last_good or build_corpus([], Registry(), load_topics(None))
        else:
            self._build_error = None
            self._last_good = corpus
            if was:
                serve.say("briefbook: fixed; the site is rebuilt")
        if self._build_error != was:
            self._digests = {}  # the banner comes or goes on every page: none is left as it was
        return corpus

    def _refuse_stray_docs(self, files: Files, config: MkDocsConfig) -> None:
        """docs/ as data: a file that is not listed, is a link, shadows the theme's, or is a page
        with markup that runs stops the build with one line (`briefbook check` says the same)."""
        docs = Path(config.docs_dir)
        patterns = self.config.docs_files if self.config.docs_files is not None else docsfiles.PUBLISHED
        refused = fsguard.link_on_path(docs, self.root)
        if refused is not None:
            raise PluginError(one_line(f"briefbook: {_shown(self.root, docs)}: {refused}"))
        themes = [Path(d) for d in config.theme.dirs]
        bad = sorted((f.src_uri, reason) for f in files
                     if f.src_dir is not None and Path(f.src_dir) == docs and not f.inclusion.is_excluded()
                     and (reason := docsfiles.problem(docs, f.src_uri, patterns, themes)) is not None)
        if bad:
            more = f" (and {len(bad) - 1} more: `briefbook check` lists them)" if len(bad) > 1 else ""
            refused = f"{_shown(self.root, docs / bad[0][0])}: {bad[0][1]}{more}"
        if refused is not None:
            raise PluginError(one_line(f"briefbook: {refused}"))

    def _resolve_project_pages(self, files: Files, config: MkDocsConfig) -> list[str]:
        """The hand-written pages the docs folder has; the footer links to those it lists."""
        docs_pages = [uri for uri in PROJECT_PAGES if files.get_file_from_path(uri) is not None]
        config.extra["briefbook_footer"] = [
            {"label": label, "url": paths.url(uri, config.use_directory_urls)}
            for uri, label in FOOTER_PAGES.items() if uri in docs_pages]
        return docs_pages

    def _resolve_search_min_briefings(self, briefing_count: int) -> int:
        """In how many briefings an entity must be seen to be searched by name (configurable)."""
        min_briefings = self.config.search_min_briefings
        if min_briefings is None:
            min_briefings = 1 if briefing_count < LARGE_CORPUS else 2
        return min_briefings

    def _generate_pages(self, corpus: Corpus, config: MkDocsConfig, docs_pages: list[str],
                        min_briefings: int) -> tuple[dict[str, SitePage], set[str] | None]:
        """Every page; under serve also the set of those made now (None: all were)."""

        def make(only: Iterable[Unit] | None) -> dict[Unit, dict[str, SitePage]]:
            try:
                return generate_units(corpus, directory_urls=config.use_directory_urls, docs_pages=docs_pages,
                                      search_min_briefings=min_briefings, only=only)
            except PageCollision as exc:
                raise PluginError(f"briefbook: {exc}") from None

        cache = getattr(self, "_page_cache", None)
        if cache is None:
            return {uri: page for made in make(None).values() for uri, page in made.items()}, None
        key = (config.use_directory_urls, tuple(docs_pages), min_briefings, snippets.stamp(),
               getattr(self, "_build_error", None))
        return cache.pages(corpus, key, make)

    def _generate_assets_and_names(self, corpus: Corpus, config: MkDocsConfig,
                                   min_briefings: int) -> dict[str, str | bytes]:
        """The scripts and styles the pages use, and the names index search reads."""
        generated: dict[str, str | bytes] = {}
        assets = resources.files("briefbook").joinpath("site/assets")
        for name in ASSETS:
            generated[f"{ASSET_DIR}/{name}"] = assets.joinpath(name).read_bytes()
        generated.update(name_files(corpus, directory_urls=config.use_directory_urls,
                                    search_min_briefings=min_briefings))
        return generated

    def _generate_exports(self, corpus: Corpus, config: MkDocsConfig) -> dict[str, tuple[str, bytes]]:
        """The feed and the JSON export, written to the spool now (about 190 MB at 10,000
        briefings) rather than kept in memory until the end of the build, which MkDocs would do.
        Returns uri -> (file on disk, digest)."""
        kept = getattr(self, "_kept_exports", None)
        cache = getattr(self, "_page_cache", None)
        if kept is not None and cache is not None:  # under serve: only the pieces of what an edit touched
            kept.start(cache.touched, (config.site_url, config.use_directory_urls, config.site_name))
        exports = generate_files(corpus, site_url=config.site_url, directory_urls=config.use_directory_urls,
                                 site_name=config.site_name, kept=kept if cache is not None else None)
        api = sorted(uri for uri in exports if uri.startswith("api/") and uri != "api/index.html")
        if api:  # /api/ answers with the list of its files, not 404
            exports["api/index.html"] = _api_index([uri.removeprefix("api/") for uri in api])
        spool = self._new_spool()
        on_disk: dict[str, tuple[str, bytes]] = {}
        for uri, text in exports.items():
            path = spool / uri.replace("/", "__")
            data = text.encode("utf-8")
            path.write_bytes(data)
            on_disk[uri] = (str(path), _digest(data))
        if self.config.database:
            on_disk.update(self._generate_database(corpus, spool, self.config.database))
        return on_disk

    def _generate_database(self, corpus: Corpus, spool: Path, uri: str) -> dict[str, tuple[str, bytes]]:
        """The SQLite database of the corpus and its Datasette metadata, for download."""
        import json

        from ..sqlite_export import datasette_metadata, export_sqlite

        name = uri.strip("/")
        if not name or ".." in name.split("/") or not name.endswith((".db", ".sqlite", ".sqlite3")):
            raise PluginError(f"briefbook: database: {uri!r} is not a file name ending in .db, .sqlite or .sqlite3")
        db = spool / name.replace("/", "__")
        export_sqlite(corpus, db)
        meta_uri = name.rsplit(".", 1)[0] + ".metadata.json"
        meta = spool / meta_uri.replace("/", "__")
        meta.write_text(json.dumps(datasette_metadata(Path(name).stem), indent=2) + "\n", encoding="utf-8")
        return {name: (str(db), _digest(db.read_bytes())), meta_uri: (str(meta), _digest(meta.read_bytes()))}

    def _render_files(self, files: Files, config: MkDocsConfig, pages: dict[str, SitePage],
                      generated: dict[str, str | bytes], on_disk: dict[str, tuple[str, bytes]],
                      fresh: set[str] | None = None) -> None:
        """Put every generated file in ``files`` (replacing a hand-written one of the same path);
        a file the same as in the last build is marked unmodified for `mkdocs serve --dirty`.
        Pages not in ``fresh`` (when given) are those of the last build, kept without their body."""
        previous = getattr(self, "_digests", {})
        cache = getattr(self, "_page_cache", None)
        digests: dict[str, bytes] = {}
        written: set[str] = set()

        def put(file: _GeneratedFile, digest: bytes) -> None:
            old = files.get_file_from_path(file.src_uri)
            if old is not None:
                files.remove(old)
            digests[file.src_uri] = digest
            written.add(file.dest_uri)
            # Same as the last build: `mkdocs serve --dirty` skips it (other builds ignore this); a
            # tab's page is never left out: a page `--dirty` skips has no title in the navigation.
            file.unchanged = previous.get(file.src_uri) == digest and file.src_uri not in paths.NAV_PAGES
            files.append(file)

        for uri, (path, digest) in on_disk.items():
            put(_GeneratedFile.generated(config, uri, abs_src_path=path), digest)
        for uri, content in [*pages.items(), *generated.items()]:
            inclusion = (InclusionLevel.UNDEFINED if uri in paths.NAV_PAGES or not uri.endswith(".md")
                         else InclusionLevel.NOT_IN_NAV)
            if isinstance(content, SitePage) and fresh is not None and uri not in fresh and cache is not None:
                file = _GeneratedFile.generated(config, uri, content=content.body, inclusion=inclusion)
                GeneratedPage(file, config, content, whole=lambda uri=uri: cache.body(uri))
                put(file, previous[uri])
            elif isinstance(content, SitePage):
                file = _GeneratedFile.generated(config, uri, content=content.body, inclusion=inclusion)
                GeneratedPage(file, config, content)  # MkDocs keeps it as file.page
                put(file, _digest(content.source()))
            else:
                put(_GeneratedFile.generated(config, uri, content=content, inclusion=inclusion), _digest(content))
        self._digests = digests
        self._written_now = written

    def _new_spool(self) -> Path:
        """A fresh folder for this build's large generated files (the last build's is removed, and
        so are those of builds that were killed: their folder names a process that is gone)."""
        self._drop_spool()
        _remove_orphan_spools(Path(tempfile.gettempdir()))
        self._spool = Path(tempfile.mkdtemp(prefix=f"{SPOOL_PREFIX}{os.getpid()}-"))
        return self._spool

    def _drop_spool(self) -> None:
        spool = getattr(self, "_spool", None)
        if spool is not None:
            shutil.rmtree(spool, ignore_errors=True)
            self._spool = None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._drop_spool()  # copied into the site by now
        if getattr(self, "_serving", False):
            # `--dirty` never cleans the site folder: a renamed or removed id's pages would stay served
            now = getattr(self, "_written_now", set())
            serve.remove_stale(Path(config.site_dir), self._written, now)
            self._written = now

    def on_build_error(self, *, error: Exception) -> None:
        self._drop_spool()

    def on_shutdown(self) -> None:
        self._drop_spool()

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Hand-written pages too go without the left column (the tabs are the navigation)."""
        hide = page.meta.get("hide")
        if not isinstance(hide, list):
            hide = page.meta["hide"] = []
        if "navigation" not in hide:
            hide.append("navigation")
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Drop a generated page's source once rendered: MkDocs holds every page until the end.

        An empty string, not None: a File without content would look for a source file. Anchor
        checks use ``present_anchor_ids``, kept.
        """
        if page.file.src_uri in getattr(self, "_generated", ()):
            page.markdown = ""
            page.file.content_string = ""
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Point feed readers at the feed from every page's head; then forget a generated page's HTML."""
        href = get_relative_url(paths.FEED, page.url)
        tag = f'<link rel="alternate" type="application/atom+xml" title="Briefings feed" href="{href}">'
        if page.file.src_uri in getattr(self, "_generated", ()):
            page.content = ""  # written once this returns; only its anchors are needed later
        output = output.replace("</head>", f"  {tag}\n  </head>", 1)
        error = getattr(self, "_build_error", None)
        return serve.banner(output, error) if error else output

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        for path in (self.briefings_dir, self.registry_path, self.topics_path, self.seeds_dir):
            if path is not None and path.exists():
                server.watch(str(path))
        serve.keep_serving(server, self._rebuild_failed)
        return server

    def _rebuild_failed(self, message: str) -> None:
        """A rebuild that failed outside the briefings (a page of docs/, a strict-mode warning):
        one line; the server goes on serving what it has."""
        serve.say(f"error: the site was not rebuilt: {message} (fix it and save: the server goes on)")


class _DirtyWarningFilter(logging.Filter):
    """Drops MkDocs's "A 'dirty' build is being performed" warning (see on_startup)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


SPOOL_PREFIX = "briefbook-files-"
SITE_MARK = ".briefbook-site"


def _shown(root: Path, path: str | os.PathLike[str]) -> str:
    """A path as a message shows it: relative to the project when inside it."""
    full = Path(os.path.abspath(Path(root) / path))
    return str(full.relative_to(root)) if full.is_relative_to(root) else str(full)


def _mark_site(site: Path) -> None:
    """Mark the folder as a site this plugin builds (MkDocs leaves dot files when it empties it)."""
    with contextlib.suppress(OSError):
        site.mkdir(parents=True, exist_ok=True)
        (site / SITE_MARK).write_text("made by briefbook: this folder is emptied on every build\n")


def _site_dir_refusal(site: Path, root: Path) -> str | None:
    """Why the build may not empty and fill ``site``, or None."""
    refused = fsguard.link_on_path(site, root)
    if refused is not None:
        return f"{_shown(root, site)}: {refused} (the build would empty the folder it leads to)"
    full = Path(os.path.abspath(site))
    if full.is_relative_to(root):
        # MkDocs empties the folder with rmtree, which leaves a link to a folder in place, and then
        # writes pages through it (`site/people -> ~/work`, committed with `git add -f`)
        for here, dirs, files in os.walk(full, followlinks=False):
            for name in sorted([*dirs, *files]):
                if os.path.islink(os.path.join(here, name)):
                    inside = _shown(root, Path(here, name))
                    return (f"{inside}: is a symbolic link inside the site folder: refused (the build would "
                            f"write through it); remove the site folder (make clean-site)")
        return None
    if not full.exists():
        return None
    if full.is_dir() and (not any(full.iterdir()) or (full / SITE_MARK).is_file()):
        return None
    return (f"{full}: the site folder is outside the project and was not made by a briefbook build: "
            "not emptied (empty it yourself, or choose another site_dir)")


def _remove_orphan_spools(tmp: Path) -> None:
    """Spool folders of builds whose process is gone (``kill -9`` leaves them behind)."""
    for folder in tmp.glob(f"{SPOOL_PREFIX}*"):
        pid = folder.name[len(SPOOL_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)) or not folder.is_dir() or folder.is_symlink():
            continue
        with contextlib.suppress(OSError):
            if folder.stat().st_uid == os.getuid():
                shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _api_index(names: list[str]) -> str:
    """A plain page that lists the files of /api/ (file names the export chose, escaped all the same)."""
    items = "".join(f'<li><a href="{html.escape(n)}">{html.escape(n)}</a></li>' for n in names)
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>API</title></head>\n'
            f"<body><h1>API</h1><p>The site's data as files:</p><ul>{items}</ul></body></html>\n")


def _digest(content: str | bytes) -> bytes:
    return hashlib.blake2b(content.encode() if isinstance(content, str) else content, digest_size=16).digest()


class _GeneratedFile(File):
    """A generated file that knows whether it is the same as in the last build. MkDocs asks
    ``File.is_modified`` (public API) whether `mkdocs serve --dirty` must write a file again; its
    own answer for a file held in memory is always yes. ``File.generated`` makes this class."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()
