"""The scale benchmark's pieces, fast: corpus generator, measurement helpers, table. No benchmark run."""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

import pytest

from tools.bench import corpus, names, proc
from tools.bench.measure import (
    Result,
    bare_config,
    nav_files,
    plain_page,
    search_cost,
    site_config,
    write_bare_docs,
)
from tools.bench.run import parse_sizes
from tools.bench.table import COLUMNS, markdown, verdicts

ARTICLE_A = """date 2024-03-12 Harbour council approves new ferry terminal
Marta Lindgren, chair of the Port Authority of Eastvale (PAE), said on Tuesday that the terminal would open in 2025.
"We have waited a long time for this," Lindgren said after the vote.
The Eastvale Chamber of Commerce welcomed the plan, which it had backed since 2021.
Work starts in the spring, according to the council.
"""

ARTICLE_B = """Rail freight volumes rose for a third month, the Northern Freight Union reported.
Tomas Varga, its spokesman, said the growth came from grain exports.
Analysts at Kestrel Research expect the trend to continue through 2020.
Varga added that drivers remain in short supply.
"""


def fake_finder(paragraphs: list[str]) -> list[list[corpus.Span]]:
    """Stand-in for spaCy: the names these two test articles contain, found by string search."""
    people = ["Marta Lindgren", "Tomas Varga"]
    orgs = ["Port Authority of Eastvale", "PAE", "Eastvale Chamber of Commerce", "Northern Freight Union",
            "Kestrel Research"]
    out = []
    for text in paragraphs:
        spans = []
        for kind, found in (("PERSON", people), ("ORG", orgs)):
            for name in found:
                for m in re.finditer(re.escape(name), text):
                    spans.append((m.start(), m.end(), kind))
        out.append(spans)
    return out


@pytest.fixture
def templates(tmp_path: Path) -> list[corpus.Template]:
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    truth = tmp_path / "truth.json"
    truth.write_text(json.dumps({"page-b": {"articleBody": ARTICLE_B, "url": "https://example.org/b"}}))
    sources = corpus.read_sources(truth, [("seed", folder)])
    return corpus.load_templates(sources, tmp_path / "cache", fake_finder)


def test_sources_keep_the_date_prefix_apart(templates: list[corpus.Template]) -> None:
    a, b = templates
    assert a.key == "seed:a.txt" and a.date == "2024-03-12"
    assert a.paragraphs[0].text == "Harbour council approves new ferry terminal"
    assert b.key.startswith("gt:") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", b.date)


def test_name_groups_join_surnames_and_acronyms(templates: list[corpus.Template]) -> None:
    a, b = templates
    assert a.groups["Marta Lindgren"] == ("P:Marta Lindgren", "full")
    # "Lindgren said" was not found by the finder; the generator tags it from the full name
    assert a.groups["Lindgren"] == ("P:Marta Lindgren", "last")
    assert a.groups["PAE"] == ("O:Port Authority of Eastvale", "acronym")
    assert b.groups["Varga"] == ("P:Tomas Varga", "last")


def test_stories_are_deterministic_distinct_and_renamed(templates: list[corpus.Template]) -> None:
    stories = [corpus.story(templates, i) for i in range(40)]
    assert stories == [corpus.story(templates, i) for i in range(40)]
    assert len(set(stories)) == 40
    for text in stories:
        assert re.match(r"date \d{4}-\d{2}-\d{2} \S", text)
        for original in ("Marta Lindgren", "Tomas Varga", "Kestrel Research", "Northern Freight Union"):
            assert original not in text


def test_a_story_names_one_person_consistently(templates: list[corpus.Template]) -> None:
    text = corpus.story(templates, 0)
    full = re.search(r"^(\S+) (\S+), chair of the", text, re.M)
    assert full, text
    surname = full[2]
    assert f'{surname} said after the vote' in text
    acronym = re.search(r"\(([A-Z]+)\), said", text)
    org = re.search(r"chair of the (.+?) \(", text)
    assert acronym and org and acronym[1] == names.Org(org[1]).acronym


def test_years_move_with_the_date(templates: list[corpus.Template]) -> None:
    for i in range(0, 20, 2):
        text = corpus.story(templates, i)
        year = int(text[5:9])
        if "terminal would open in" in text:
            assert f"open in {year + 1}" in text  # 2025 in a story of 2024, moved along


def test_write_corpus_writes_numbered_files(tmp_path: Path, templates: list[corpus.Template]) -> None:
    paths = corpus.write_corpus(templates, 5, tmp_path / "articles")
    assert [p.name for p in paths] == [f"story-0000{i}.txt" for i in range(5)]
    assert paths[3].read_text(encoding="utf-8") == corpus.story(templates, 3)


def test_annotations_are_cached(tmp_path: Path, templates: list[corpus.Template]) -> None:
    cached = list((tmp_path / "cache").glob("templates-*.json"))
    assert len(cached) == 1
    sources = corpus.read_sources(tmp_path / "truth.json", [("seed", tmp_path / "raw")])

    def refuse(_: list[str]) -> list[list[corpus.Span]]:
        raise AssertionError("annotated again despite the cache")

    assert corpus.load_templates(sources, tmp_path / "cache", refuse) == templates


def test_zipf_draws_favour_the_head_and_reach_the_tail() -> None:
    rng = random.Random(7)
    draws = [names.draw(rng, 10_000, 1.1) for _ in range(5_000)]
    assert all(0 <= d < 10_000 for d in draws)
    assert sum(d < 10 for d in draws) > 1_000  # the few who recur
    assert len(set(draws)) > 1_000  # and a long tail
    assert len(names.people()) > 20_000 and len(set(names.people())) == len(names.people())


def test_nav_and_configs() -> None:
    base = {"site_name": "x", "theme": {"name": "material"}, "plugins": ["search", {"briefbook": {"briefings": "b"}}],
            "nav": [{"Home": "index.md"}, {"People": "people/index.md"}, {"About": "about.md"}],
            "extra_css": ["x.css"], "not_in_nav": "/quality.md\n"}
    assert nav_files(base["nav"]) == ["index.md", "people/index.md", "about.md"]
    ours = site_config(base, Path("/c/briefings"), Path("/c/registry.yml"))
    assert ours["plugins"] == ["search", {"briefbook": {"briefings": "/c/briefings",
                                                        "registry": "/c/registry.yml"}}]
    large = site_config(base, Path("/b"), Path("/r"), "pagefind")["plugins"]
    assert large[0] == "briefbook-pagefind" and large[1]["briefbook"]["search_min_briefings"] == 2
    bare = bare_config(base)
    assert bare["plugins"] == ["search"] and bare["nav"] == base["nav"] and "extra_css" not in bare
    assert base["plugins"][1] == {"briefbook": {"briefings": "b"}}  # the input is left as it was


def test_bare_docs_have_the_same_page_count(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("date 2021-05-01 First paragraph.\n\nSecond paragraph.\n", encoding="utf-8")
    docs = tmp_path / "docs"
    write_bare_docs(docs, ["index.md", "people/index.md"], [art], 6)
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert pages == ["index.md", "pages/00000.md", "pages/00001.md", "pages/00002.md", "pages/00003.md",
                     "people/index.md"]
    assert plain_page("T", art.read_text()) == "# T\n\nFirst paragraph.\n\nSecond paragraph.\n"


def test_search_cost_of_a_material_index(tmp_path: Path) -> None:
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text(json.dumps({"docs": [{"text": "same words again " * 200}]}))
    kind, raw, gz, worst = search_cost(tmp_path)
    assert kind == "material" and raw == index.stat().st_size and gz < raw / 10 and worst == gz
    assert search_cost(tmp_path / "nothing") == (None, None, None, None)


def test_search_cost_of_a_pagefind_bundle_counts_a_typical_and_the_largest_chunk(tmp_path: Path) -> None:
    pf = tmp_path / "pagefind"
    for sub in ("index", "fragment"):
        (pf / sub).mkdir(parents=True)
    (pf / "pagefind.js").write_text("x" * 1000)
    (pf / "pagefind-ui.js").write_text("not fetched by our search page" * 1000)
    (pf / "wasm.en.pagefind").write_bytes(bytes(range(256)) * 8)
    (pf / "site.pf_meta").write_bytes(b"m" * 300)
    for i, n in enumerate((100, 200, 5000)):
        (pf / "index" / f"c{i}.pf_index").write_bytes(b"i" * n)
    for i in range(3):
        (pf / "fragment" / f"f{i}.pf_fragment").write_bytes(b"f" * 50)
    kind, raw, typical, worst = search_cost(tmp_path)
    assert kind == "pagefind"
    base = len(gzip.compress(b"x" * 1000, 6)) + len(gzip.compress(bytes(range(256)) * 8, 6)) + 300 + 5 * 50
    assert typical == base + 200 and worst == base + 5000
    assert raw == 1000 + 2048 + 300 + 5 * 50 + 5000


def test_proc_run_measures_time_memory_and_output(tmp_path: Path) -> None:
    code = "import sys; b = bytearray(60 * 1024 * 1024); print('done'); sys.exit(3)"
    m = proc.run([sys.executable, "-c", code], cwd=tmp_path)
    assert m.returncode == 3 and m.stdout.strip() == "done" and not m.timed_out
    assert m.peak_rss >= 60 * 1024 * 1024 and m.seconds > 0 and m.cpu_seconds > 0
    slow = proc.run([sys.executable, "-c", "import time; time.sleep(30); print('finished')"], timeout=0.5)
    assert slow.timed_out and "finished" not in slow.stdout  # stopped, not waited for (no limit in seconds)


def test_table_and_verdicts() -> None:
    r = Result(1000, ingest_s=50, ingest_cpu_s=90, floor_s=62.5, floor_cpu_s=100, ingest_peak=900 * 1024**2, reingest_s=1.0, build_s=12, pages=4000,
               site_bytes=300 * 1024**2, search_bytes=2_000_000, search_gzip=250_000, search_kind="pagefind",
               rebuild_s=6.5, bare_s=10, bare_pages=4000)
    table = markdown([r, Result(100)])
    lines = table.splitlines()
    assert len(lines) == 4 and lines[0].count("|") == len(COLUMNS) + 1
    assert "| 1,000 | 20.0 | 90 | 16.0 | 0.80× (CPU 0.90×) | 900 MiB | 1.0 s | 12.0 s | 4,000 | 3.0 | 2.5 | 1.20× |" in lines[2]
    assert "n/a" in lines[3]
    v = "\n".join(verdicts([r]))
    assert "MISSED ingest ≥ 25 articles/s at 1,000: 20.00" in v
    assert "met    ingest ≤ 1.0 × spaCy's full small pipeline at 1,000: 0.80" in v
    assert "met    build of 1,000 < 15 s" in v and "MISSED rebuild at 1,000 < 5 s" in v
    assert "search download" not in v  # that target is for 10,000 only
    big = Result(10_000, search_gzip=250_000, search_gzip_worst=450_000, search_kind="pagefind")
    assert "244 KiB, at worst 439 KiB (pagefind)" in markdown([big])
    v = "\n".join(verdicts([big]))
    assert "met    search download < 300 kB at 10,000 (typical word)" in v
    assert "MISSED search download < 300 kB at 10,000 (worst word)" in v


def test_parse_sizes() -> None:
    assert parse_sizes("100,1000") == [100, 1000]
    assert parse_sizes("10_000") == [10_000]


def test_the_bench_children_find_the_tools_package_from_a_work_folder(tmp_path: Path) -> None:
    """The rebuild step runs `python -m tools.bench.rebuild` in the corpus folder; `tools` is in the
    checkout, not installed (a run of the bench lost its rebuild column to this)."""
    import subprocess

    from tools.bench.measure import child_env

    done = subprocess.run([sys.executable, "-c", "import tools.bench.rebuild"], cwd=tmp_path, env=child_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
