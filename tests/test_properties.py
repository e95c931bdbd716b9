"""Property-based tests: random text and random frontmatter never crash the cleaner, the extractors,
the loader or `check`, generated briefings always pass `check`, and ingest writes only into its folder."""

from __future__ import annotations

import datetime as dt
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
        assert {o.status for o in report.outcomes} <= {"new", "updated", "failed"}
        assert check([out], None, cache_file=None).problems == []
