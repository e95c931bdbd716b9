"""Property-based tests: random text and random frontmatter never crash the cleaner, the extractors,
the loader or `check`, generated briefings always pass `check`, and ingest writes only into its folder."""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbook import store
from briefbook.check import check, examine
from briefbook.cleaning import CleanArticle, clean_markdown, clean_text
from briefbook.extract.article import build_briefing
from briefbook.html_reader import read_html
from briefbook.model import Source
from briefbook.pipeline import ingest

# Modest by default so that `make test` stays fast; BRIEFBOOK_PROPERTY_SCALE=20 for a deep run.
SCALE = int(os.environ.get("BRIEFBOOK_PROPERTY_SCALE", "1"))
FAST = settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=15 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["Seoul", "Washington", "said", "the", "minister", "Kim", "Sang-bu", "Lee", "Jae-myung", "Ministry",
         "of", "Science", "and", "ICT", "OSTP", "on", "Tuesday", "Oct.", "29", "2025", "agreed", "to", "AI",
         '"', "“", "”", "'", ",", ".", "--", "(", ")", "{{", "}}", "{%", "%}", "<script>", "</script>", "---",
         "title:", "#", "*", "|", "[x](javascript:alert(1))", "\u00e9", "\ud55c\uad6d", "\x00", "\u202e", "\t"]
word = st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8))
sentence = st.lists(word, min_size=1, max_size=25).map(" ".join)
article_text = st.lists(st.one_of(sentence, st.just(""), st.just("---"), st.just("date: 2025-13-45")),
                        min_size=0, max_size=12).map("\n\n".join)
any_text = st.one_of(article_text, st.text(max_size=400))


@FAST
@given(any_text)
def test_cleaners_never_crash(text):
    for result in (clean_text(text), clean_markdown(text), read_html(f"<html><body><p>{text}</p></body></html>")):
        assert isinstance(result, CleanArticle)
        assert all(isinstance(p, str) for p in result.paragraphs)


@SLOW
@given(article_text, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))))
def test_generated_briefings_always_pass_check(text, date):
    cleaned = clean_text(text)
    cleaned.date = date.isoformat() if date else None
    paragraphs = [p for p in cleaned.paragraphs if p.strip()]
    if not paragraphs:
        return
    briefing = build_briefing(cleaned, Source(file="articles/x.txt", sha256="0" * 64))
    rendered = store.render(briefing)
    assert store.parse(rendered).paragraphs == store.paragraphs_of("\n\n".join(briefing.paragraphs))
    assert not store.is_hand_edited(rendered)
    assert examine(rendered, "x.md").problems == []


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=False), st.text(max_size=20),
                      st.dates(), st.sampled_from(["2025-10-29", "2025-02-30", "ai", "lee-jae-myung", "direct"]))
json_value = st.recursive(json_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(["id", "name", "text", "speaker", "paragraph",
                                                                   "date", "kind", "file", "sha256", "x"]), inner,
                                                  max_size=5)), max_leaves=12)
FIELDS = ["title", "date", "location", "source", "summary", "key_points", "topics", "people", "organizations",
          "initiatives", "quotes", "events", "places", "other_sources", "review", "generator", "extra"]
frontmatter = st.dictionaries(st.sampled_from(FIELDS), json_value, max_size=10)


def as_file(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body


@FAST
@given(st.one_of(frontmatter.map(lambda m: as_file(m, "A body.\n\nAnother paragraph.\n")),
                 st.text(max_size=300).map(lambda t: "---\n" + t + "\n---\nBody\n"),
                 st.text(max_size=300)))
def test_loader_and_check_never_crash(text):
    try:
        store.parse(text, "x.md")
    except store.BriefingError as exc:
        assert str(exc).startswith("x.md:") and "\n" not in exc.message.strip()
    facts = examine(text, "x.md")
    for problem in facts.problems:
        assert problem.path == "x.md" and problem.line >= 1 and "\n" not in problem.message


@SLOW
@given(st.lists(st.tuples(st.text(max_size=40), article_text), min_size=1, max_size=3))
def test_ingest_writes_only_into_its_folder(articles):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inputs, out = root / "in", root / "deep" / "out"
        inputs.mkdir()
        for i, (title, text) in enumerate(articles):
            (inputs / f"a{i}.txt").write_text(title.replace("\x00", "") + "\n\n" + text, encoding="utf-8",
                                              errors="replace")
        before = {p for p in root.rglob("*")}
        cwd = set(os.listdir("."))
        report = ingest([inputs], out, root=root)
        assert set(os.listdir(".")) == cwd
        new = {p for p in root.rglob("*")} - before
        assert all(p == out or out in p.parents or p == out.parent for p in new), new
        assert all(p.parent == out for p in out.glob("**/*") if p.is_file())
        assert len(list(out.glob("*.md"))) <= len(articles)
        assert {o.status for o in report.outcomes} <= {"new", "updated", "failed", "skipped"}
        # skipped only as a byte-identical copy of another article of the run
        assert all("a copy" in (o.message or "") for o in report.outcomes if o.status == "skipped")
        assert check([out], None, cache_file=None).problems == []


# ---------------------------------------------------------------------------------------------
# The site build: random briefings and registries give pages or one `path:line: message`


def _valid_meta() -> dict:
    from briefbook.model import Briefing, Event, Person, Quote
    from briefbook.model import Source as Src

    b = Briefing(title="Flood gates open", date="2025-03-04", location="Rotterdam",
                 source=Src(file="a.txt", sha256="1" * 64), summary="Gates opened.", key_points=["Opened."],
                 topics=["environment"], people=[Person(id="anna-de-vries", name="Anna de Vries", role="minister")],
                 organizations=[], initiatives=[], places=["Rotterdam"],
                 quotes=[Quote(text="It works", speaker="anna-de-vries", speaker_name="Anna de Vries",
                               kind="direct", paragraph=1)],
                 events=[Event(date="2025-03-04", text="opened the gates", paragraph=1)],
                 paragraphs=["Anna de Vries opened the gates.", "It works, she said."])
    return yaml.safe_load(store.render(b).split("---\n")[1])


_PATHS = [("title",), ("date",), ("summary",), ("key_points",), ("key_points", 0), ("topics",), ("topics", 0),
          ("people",), ("people", 0), ("people", 0, "id"), ("people", 0, "name"), ("people", 0, "role"),
          ("people", 0, "mentions"), ("quotes", 0, "paragraph"), ("quotes", 0, "speaker"), ("quotes", 0, "text"),
          ("events",), ("events", 0, "date"), ("events", 0, "text"), ("events", 0, "paragraph"), ("places", 0),
          ("source",), ("source", "url"), ("other_sources",), ("review",), ("location",)]
hostile_leaf = st.one_of(json_leaf, st.sampled_from(['"><!--', '"><s>X', "tomorrow", "index", "index-page",
                                                      "\u202e", "<script>alert(1)</script>", "{{ x }}", "3"]))
hostile_value = st.recursive(hostile_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["id", "name", "date", "text", "paragraph"]),
                                                 inner, max_size=3)), max_leaves=6)


def _mutated(path: tuple, value: object) -> dict:
    meta = _valid_meta()
    node = meta
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return meta


briefing_file = st.one_of(
    st.tuples(st.sampled_from(_PATHS), hostile_value).map(lambda pv: as_file(_mutated(*pv), "A body.\n\nTwo.\n")),
    frontmatter.map(lambda m: as_file(m, "A body.\n\nAnother paragraph.\n")),
)
registry_text = st.one_of(
    st.just(""),
    st.lists(st.dictionaries(st.sampled_from(["name", "kind", "aliases", "description", "links", "role"]),
                             st.one_of(hostile_value, st.sampled_from(["person", "organization", "Anna de Vries",
                                                                      "김민지", "이재명"])), max_size=5),
             max_size=4).map(lambda items: yaml.safe_dump({"entities": items}, allow_unicode=True)),
    st.text(max_size=200),
)
LINE_MESSAGE = r"^briefbook: [^\n]+:\d+: [^\n]+$"


def _pages_or_one_line(folder: Path, registry: Path) -> None:
    """What the plugin does with the briefings (index, pages, feed, export), minus MkDocs."""
    import re

    from briefbook.corpus_files import load_corpus
    from briefbook.registry import RegistryError
    from briefbook.site.export import generate_files
    from briefbook.site.pages import PageCollision, generate_pages

    try:
        corpus = load_corpus(folder, registry)
        generate_pages(corpus)
        generate_files(corpus, site_url=None, directory_urls=True, site_name="t")
    except (store.BriefingError, RegistryError, PageCollision) as exc:
        assert re.match(LINE_MESSAGE, f"briefbook: {exc}") or isinstance(exc, PageCollision), exc


@FAST
@given(st.lists(briefing_file, min_size=1, max_size=3), registry_text)
def test_random_briefings_and_registries_give_pages_or_one_line(texts, registry):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "briefings"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"b{i}.md").write_text(text, encoding="utf-8", errors="replace")
        (Path(tmp) / "registry.yml").write_text(registry, encoding="utf-8", errors="replace")
        _pages_or_one_line(folder, Path(tmp) / "registry.yml")


@settings(max_examples=10 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(briefing_file, min_size=1, max_size=2), registry_text)
def test_random_briefings_built_by_mkdocs_give_a_site_or_one_line(texts, registry):
    """The whole `mkdocs build` with the plugin, in this process: a site, or a PluginError that is
    one `path:line: message`; never another exception."""
    import re

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "docs").mkdir()
        folder = root / "briefings"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"b{i}.md").write_text(text, encoding="utf-8", errors="replace")
        (root / "registry.yml").write_text(registry, encoding="utf-8", errors="replace")
        (root / "mkdocs.yml").write_text("site_name: t\ndocs_dir: docs\nsite_dir: site\ntheme: {name: material}\n"
                                         "plugins:\n  - briefbook:\n      briefings: briefings\n"
                                         "      registry: registry.yml\n")
        config = load_config(str(root / "mkdocs.yml"))
        errors: list[str] = []
        handler = logging.Handler(logging.ERROR)
        handler.emit = lambda record: errors.append(record.getMessage())  # type: ignore[method-assign]
        logging.getLogger("mkdocs").addHandler(handler)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except Abort:  # MkDocs logs the plugin's error, then aborts: the log holds the one line
            assert len(errors) == 1 and re.match(LINE_MESSAGE, errors[0]), errors
        else:
            assert (root / "site" / "index.html").exists() and errors == []
        finally:
            config.plugins.on_shutdown()
            logging.getLogger("mkdocs").removeHandler(handler)
