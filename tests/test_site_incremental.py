"""`mkdocs serve` makes again only the pages an edit touches, and they are the pages a full build
makes: each edit below is made to a copy of the site fixtures, then every page the rebuild keeps
or makes is compared with the pages made from scratch; the serve test then checks the same in the
files a `--dirty` rebuild writes."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefbook.corpus_files import load_corpus
from briefbook.site.export import Kept, generate_files
from briefbook.site.incremental import PageCache
from briefbook.site.pages import generate_pages, generate_units

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "site"
ROOT = Path(__file__).resolve().parents[1]
WIND = "2025-03-12-norway-japan-open-offshore-wind-talks.md"
SUMMIT = "2025-06-16-nordic-summit-hydrogen-corridor.md"


def _copy(tmp: Path) -> Path:
    shutil.copytree(FIXTURES / "briefings", tmp / "briefings")
    shutil.copy(FIXTURES / "registry.yml", tmp / "registry.yml")
    return tmp


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\nA sentence added by hand.\n",
                    encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "a sentence added to the text": lambda t: _append(t / "briefings" / WIND),
    "a headline changed": lambda t: _replace(t / "briefings" / WIND, "title: Norway and Japan open talks",
                                             "title: Norway and Japan begin talks"),
    "a role changed": lambda t: _replace(t / "briefings" / WIND, "role: Director-General",
                                         "role: Deputy Director-General"),
    "a person renamed": lambda t: _replace(t / "briefings" / WIND, "name: Kenji Arakawa", "name: Kenji Arakawa-Sato"),
    "a date changed": lambda t: _replace(t / "briefings" / WIND, "date: 2025-03-12", "date: 2025-07-01"),
    "a briefing removed": lambda t: (t / "briefings" / SUMMIT).unlink(),
    "a briefing added": lambda t: shutil.copy(t / "briefings" / WIND, t / "briefings" / "2025-08-01-copy.md"),
    "a registry description": lambda t: _replace(t / "registry.yml", "Public body that plans",
                                                 "Public agency that plans"),
    "a registry alias": lambda t: _replace(t / "registry.yml", "aliases: [NSGA, the Grid Authority]",
                                           "aliases: [NSGA, the Grid Authority, Grid Authority]"),
    "a registry name": lambda t: _replace(t / "registry.yml", "name: Ingrid Halvorsen", "name: Ingrid M. Halvorsen"),
}


def _make(corpus):  # type: ignore[no-untyped-def]
    return lambda only: generate_units(corpus, only=only)


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_rebuild_keeps_or_makes_exactly_the_pages_of_a_full_build(tmp_path: Path, edit: str) -> None:
    root = _copy(tmp_path)
    cache = PageCache()

    def load():  # type: ignore[no-untyped-def]
        return load_corpus(root / "briefings", root / "registry.yml", keep_parsed=True)

    before = load()
    cache.pages(before, "settings", _make(before))
    kept = Kept()
    kept.start(cache.touched, "settings")
    generate_files(before, kept=kept)
    time.sleep(0.01)
    EDITS[edit](root)
    after = load()
    pages, fresh = cache.pages(after, "settings", _make(after))
    kept.start(cache.touched, "settings")
    assert generate_files(after, kept=kept) == generate_files(after)  # the feeds and the JSON export too
    full = generate_pages(after)
    assert list(pages) == list(full)  # the same pages, in the same order
    for uri, page in full.items():
        got = pages[uri] if uri in fresh else cache.body(uri)
        assert got == page, uri
        assert pages[uri].meta == page.meta, uri
    assert len(fresh) < len(full)  # (the fixtures are small: every edit here leaves some page alone)


def test_other_settings_make_every_page_again(tmp_path: Path) -> None:
    corpus = load_corpus(_copy(tmp_path) / "briefings", tmp_path / "registry.yml")
    cache = PageCache()
    cache.pages(corpus, "a", _make(corpus))
    assert cache.pages(corpus, "a", _make(corpus))[1] == {"index.md"}  # nothing changed: the home page only
    assert cache.pages(corpus, "b", _make(corpus))[1] == set(generate_pages(corpus))


# -- the same through MkDocs, as `make serve` (mkdocs serve --dirty) rebuilds -------------------


class _Serve:
    """MkDocs's serve loop in this process: the plugins kept, the config read again each build."""

    def __init__(self, root: Path) -> None:
        from mkdocs.config import load_config

        self.root = root
        self.config_file = root / "mkdocs.yml"
        self.config_file.write_text(
            f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\nsite_dir: {root / 'site'}\n"
            f"plugins:\n  - search\n  - briefbook:\n      briefings: {root / 'briefings'}\n"
            f"      registry: {root / 'registry.yml'}\n      seeds: {root / 'seeds'}\n")
        (root / "seeds").mkdir(exist_ok=True)
        self.config = load_config(config_file=str(self.config_file))
        self.config.plugins.on_startup(command="serve", dirty=True)
        self._load = load_config

    def build(self) -> None:
        from mkdocs.commands.build import build

        config = self._load(config_file=str(self.config_file))
        config.plugins = self.config.plugins  # what `mkdocs serve` does: one plugin instance throughout
        build(config, dirty=True)

    def stamps(self) -> dict[str, int]:
        site = self.root / "site"
        return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*.html")}

    def close(self) -> None:
        self.config.plugins.on_shutdown()


@pytest.fixture
def served(tmp_path: Path):  # type: ignore[no-untyped-def]
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    serve = _Serve(_copy(tmp_path))
    serve.build()
    yield serve
    serve.close()


def _page(serve: _Serve, rel: str) -> str:
    return (serve.root / "site" / rel).read_text(encoding="utf-8")


def test_a_briefing_edit_rewrites_its_pages_and_leaves_the_others(served: _Serve) -> None:
    briefing = f"briefings/{WIND.removesuffix('.md')}/index.html"
    person = "people/kenji-arakawa/index.html"
    unrelated = f"briefings/{SUMMIT.removesuffix('.md')}/index.html"
    before = served.stamps()
    time.sleep(0.02)
    _replace(served.root / "briefings" / WIND, "role: Director-General", "role: Chief Wind Envoy")
    served.build()
    after = served.stamps()
    assert "Chief Wind Envoy" in _page(served, briefing)
    assert "Chief Wind Envoy" in _page(served, person)
    assert after[briefing] != before[briefing] and after[person] != before[person]
    assert after[unrelated] == before[unrelated]  # not written again
    assert sum(after[k] != before[k] for k in before) < len(before) / 2


def test_a_registry_edit_rewrites_the_pages_of_its_entity(served: _Serve) -> None:
    page = "organizations/north-sea-grid-authority/index.html"
    unrelated = "people/kenji-arakawa/index.html"
    before = served.stamps()
    time.sleep(0.02)
    _replace(served.root / "registry.yml", "Public body that plans", "Public agency that plans")
    served.build()
    after = served.stamps()
    assert "Public agency that plans" in _page(served, page)
    assert after[page] != before[page]
    assert after[unrelated] == before[unrelated]


def test_a_rebuild_without_dirty_renders_the_kept_pages_whole(served: _Serve) -> None:
    """Plain `mkdocs serve` renders every page: one kept from the last build is made again."""
    from mkdocs.commands.build import build

    unrelated = f"briefings/{SUMMIT.removesuffix('.md')}/index.html"
    first = _page(served, unrelated)
    _append(served.root / "briefings" / WIND)
    config = served._load(config_file=str(served.config_file))
    config.plugins = served.config.plugins
    build(config, dirty=False)
    assert _page(served, unrelated) == first
