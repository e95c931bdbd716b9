"""The glue of `make eval`: target checks, the table, scoring a folder through the shared scorer.

Fixtures are invented (a made-up river-data pact between two made-up countries); the shared
scorer is used as it is, through a symlink, never copied.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tools.evaluation import dev, peers, report
from tools.evaluation.report import Row, Target

# The evaluation kit (scorer and held-out gold) is kept beside the repository, not in it, so a
# contributor's clone has none: these tests then say what they need in words, naming no path.
SHARED = Path(os.environ.get("BRIEFBOOK_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
SCORER = SHARED / "eval" / "score.py"
NO_SCORER = ("needs the project's evaluation scorer, which is not part of the repository "
             "(`make eval` uses it; set BRIEFBOOK_SHARED to the folder that holds it)")
needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason=NO_SCORER)

ARTICLE = (
    "date 2025-03-04 Northland and Southland agree to share river data\n"
    "Open in App\n"
    "Northland's Environment Minister Jane Holloway met Southland's water commissioner, Pedro Alvarez,"
    " in Harbour City on Monday.\n"
    "\u201cWe will share every river gauge we have with our neighbours,\u201d Holloway said"
    " after the meeting.\n"
    "The two governments first discussed the plan in October, and the Riverwatch Agreement will be"
    " signed on April 2.\n"
)

GOLD = {
    "id": "01",
    "url": "https://example.org/river-data",
    "title": "Northland and Southland agree to share river data",
    "date": "2025-03-04",
    "location": None,
    "agencies": [],
    "people": [
        {"name": "Jane Holloway", "aliases": ["Holloway"], "role": "Environment Minister",
         "affiliation": "Northland"},
        {"name": "Pedro Alvarez", "aliases": ["Alvarez"], "role": "water commissioner",
         "affiliation": "Southland"},
    ],
    "organizations": [],
    "initiatives": [{"name": "Riverwatch Agreement", "aliases": [], "kind": "agreement"}],
    "quotes": [{"text": "We will share every river gauge we have with our neighbours,",
                "speaker": "Jane Holloway", "kind": "direct"}],
    "events": [{"date": "2025-03-03", "what": "the two officials meet"},
               {"date": "2025-04-02", "what": "the agreement is signed"}],
    "events_optional": [],
    "boilerplate": ["Open in App"],
}

# A stand-in for briefbook's output: one person right (with role), one wrong, the quote right,
# one of two event dates, and the menu line left in the body.
STAND_IN = """---
title: Northland and Southland agree to share river data
date: '2025-03-04'
location: null
source: {file: articles/01.txt, agencies: []}
people:
- {id: jane-holloway, name: Jane Holloway, role: Environment Minister}
- {id: harbour-city, name: Harbour City, role: null}
organizations: []
initiatives:
- {id: riverwatch-agreement, name: Riverwatch Agreement, kind: agreement}
quotes:
- {text: 'We will share every river gauge we have with our neighbours,', speaker: jane-holloway,
   speaker_name: Holloway, kind: direct, paragraph: 2}
events:
- {date: '2025-03-03', text: met on Monday, paragraph: 1}
---

Open in App

Northland's Environment Minister Jane Holloway met Southland's water commissioner.
"""


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A shared folder of one invented article, its gold, and the real scorer (symlinked)."""
    root = tmp_path / "shared"
    (root / "eval" / "articles").mkdir(parents=True)
    (root / "eval" / "gold").mkdir()
    (root / "eval" / "articles" / "01.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "eval" / "gold" / "01.json").write_text(json.dumps(GOLD), encoding="utf-8")
    if SCORER.exists():
        (root / "eval" / "score.py").symlink_to(SCORER)
    return root


# ----------------------------------------------------------------------------- targets and rows


def test_target_at_least_and_at_most():
    assert Target(0.90).met(0.90) and Target(0.90).gap(0.85) == pytest.approx(0.05)
    assert not Target(0.90).met(0.8999)
    leaks = Target(0, higher=False)
    assert leaks.met(0) and not leaks.met(2) and leaks.gap(2) == 2


def test_row_status_says_how_much_is_missing():
    assert Row("s", "m", 0.93, target=Target(0.90)).status() == "met"
    assert Row("s", "m", 0.84, target=Target(0.90)).status() == "missed by 0.06"
    assert Row("s", "m", 0.941, target=Target(0.95), digits=3).status() == "missed by 0.009"
    assert Row("s", "m", 0.5).status() == "no target"
    assert Row("s", "m", None, target=Target(0.9)).status() == "not available"
    leaks = Row("s", "leaks", 3, [("raw", 10)], Target(0, higher=False), of=10, higher=False)
    assert leaks.status() == "missed by 3"
    assert leaks.cells()[1:4] == ["3/10", "raw 10/10", "≤ 0"]


def test_versus_peer_is_positive_when_ours_is_better():
    assert Row("s", "m", 0.90, [("a", 0.80), ("b", 0.85)]).versus_peer() == "+0.05"
    assert Row("s", "m", 0.70, [("a", 0.80)]).versus_peer() == "−0.10"
    assert Row("s", "m", 0.80, [("a", 0.80)]).versus_peer() == "±0"
    assert Row("s", "leaks", 1, [("raw", 6)], of=10, higher=False).versus_peer() == "+5"
    assert Row("s", "m", None, [("a", 0.8)]).versus_peer() == "–"
    assert Row("s", "m", 0.8, [("a", None)]).versus_peer() == "–"


def test_table_columns_line_up_and_sections_head_their_rows():
    rows = [
        Row("First", "People F1", 0.91, [("spaCy", 0.8)], Target(0.9)),
        Row("First", "A|B", None, [("x", None)]),
        Row("Second", "Value F1", 0.5, [("p1", 0.4), ("p2", 0.6)], Target(0.8)),
    ]
    table = report.format_table(rows).splitlines()
    assert len({len(line) for line in table}) == 1
    assert table[0].startswith("| Metric") and set(table[1]) <= {"|", "-"}
    assert "**First**" in table[2] and "**Second**" in table[5]
    assert "A\\|B" in table[4] and "not available" in table[4]
    assert "p1 0.40; p2 0.60" in table[6] and "missed by 0.30" in table[6] and "−0.10" in table[6]


def test_dev_rows_pair_ours_with_peers_and_count_leaks():
    ours = {"available": True, "metrics": {"people_f1": 0.95, "leaks": 1, "boilerplate_fragments": 10}}
    theirs = {"available": True, "metrics": {"people_f1": 0.80, "leaks": 6}}
    rows = {r.metric: r for r in report.dev_rows(ours, theirs)}
    assert rows["People F1"].cells()[1:] == ["0.95", "spaCy PERSON 0.80", "≥ 0.90", "met", "+0.15"]
    assert rows["Boilerplate leaks"].cells()[1:] == ["1/10", "raw text 6/10", "≤ 0", "missed by 1", "+5"]
    missing = {r.metric: r for r in report.dev_rows({"available": False, "reason": "no CLI"}, theirs)}
    assert missing["People F1"].status() == "not available"
    assert missing["People F1"].fmt(missing["People F1"].best_peer()) == "0.80"


def test_tempeval_rows_find_ours_among_the_systems():
    result = {
        "briefbook.dates": {"span_r": 0.8, "value_r": 0.6, "span_f1": 0.85, "value_f1": 0.7},
        "dateparser x": {"span_r": 0.5, "value_r": 0.25, "span_f1": 0.6, "value_f1": 0.3},
    }
    rows = report.tempeval_rows(result)
    assert [r.ours for r in rows] == pytest.approx([0.7, 0.85, 0.75])
    assert rows[0].peers == [("dateparser x", 0.3)]
    assert rows[0].status() == "missed by 0.10"
    assert rows[2].peers[0][1] == pytest.approx(0.5)
    unavailable = report.tempeval_rows({"available": False, "reason": "no data"})
    assert all(r.status() == "not available" for r in unavailable)


def test_cleaning_rows_pair_our_paths_with_their_peers():
    result = {"text": {"f1": 0.912}, "nothing": {"f1": 0.665}, "html": {"f1": 0.94},
              "trafilatura": {"f1": 0.958}, "_": {"seconds": 3.0}}
    text, html = report.cleaning_rows(result)
    assert text.cells()[1:] == ["0.912", "do nothing 0.665", "≥ 0.900", "met", "+0.247"]
    assert html.cells()[1:] == ["0.940", "trafilatura 0.958", "≥ 0.950", "missed by 0.010", "−0.018"]
    partial = report.cleaning_rows({"nothing": {"f1": 0.665}})
    assert partial[0].status() == "not available" and partial[0].best_peer() == 0.665


def test_missing_sibling_module_is_not_available():
    out = report.sibling("no_such_benchmark", Path("."))()
    assert out == {"available": False, "reason": "no_such_benchmark not written yet"}
    result, _ = report.run_step("boom", lambda: 1 / 0)
    assert result["available"] is False and "ZeroDivisionError" in result["reason"]


def test_doc_carries_command_date_machine_and_reasons():
    import datetime as dt

    rows = report.build_rows({"dev": {"available": False, "reason": "ingest missing"}})
    when = dt.datetime(2025, 3, 4, 12, 0, tzinfo=dt.UTC)
    doc = report.render_doc(rows, {"dev": {"available": False, "reason": "ingest missing"}},
                            {"dev": 1.0}, when, "../shared")
    assert "`make eval`" in doc and "2025-03-04 12:00 UTC" in doc and "CPU(s)" in doc
    assert report.format_table(rows) in doc
    assert "- dev: ingest missing" in doc
    assert "*People F1*:" in doc


def test_main_with_every_step_skipped_still_writes_the_page(tmp_path: Path, capsys):
    page = tmp_path / "docs" / "quality.md"
    argv = ["--doc", str(page), "--shared", str(tmp_path)]
    for step in ("dev", "peers", "dev-general", "peers-general", "speakers", "cleaning", "tempeval"):
        argv += ["--skip", step]
    assert report.main(argv) == 0
    assert "| People F1" in capsys.readouterr().out
    assert page.read_text(encoding="utf-8").startswith("# Measured quality")


# ----------------------------------------------------------------------------- scoring through score.py


@needs_scorer
def test_stand_in_briefings_are_scored_by_the_shared_scorer(shared: Path, tmp_path: Path):
    out = tmp_path / "pred"
    out.mkdir()
    (out / "01.md").write_text(STAND_IN, encoding="utf-8")
    m = dev.score_folder(out, dev.EvalPaths(shared))["metrics"]
    assert m["people_f1"] == pytest.approx(0.5)
    assert m["roles"] == 1.0
    assert m["initiatives_f1"] == 1.0
    assert m["quotes_e2e_f1"] == 1.0 and m["attribution"] == 1.0
    assert m["events_f1"] == pytest.approx(2 / 3)
    assert m["pubdate"] == 1.0
    assert (m["leaks"], m["boilerplate_fragments"]) == (1, 1)


@needs_scorer
def test_dev_run_ingests_into_a_temporary_folder_and_scores_it(shared: Path):
    seen = {}

    def stand_in_ingest(articles: Path, out: Path) -> str:
        seen["articles"] = sorted(p.name for p in articles.iterdir())
        (out / "01.md").write_text(STAND_IN, encoding="utf-8")
        return "stand-in ingest"

    result = dev.run(shared, ingest=stand_in_ingest)
    assert result["available"] and result["command"] == "stand-in ingest"
    assert seen["articles"] == ["01.txt"]
    assert result["metrics"]["briefings_mapped"] == 1
    assert "people" in result["table"]


def test_dev_run_reports_failures_instead_of_raising(shared: Path, tmp_path: Path):
    def broken(articles: Path, out: Path) -> str:
        raise dev.EvalError("briefbook ingest failed (1): boom")

    if SCORER.exists():
        assert dev.run(shared, ingest=broken) == {"available": False,
                                                  "reason": "briefbook ingest failed (1): boom"}
    nowhere = dev.run(tmp_path / "nothing-here")
    assert nowhere["available"] is False and "missing" in nowhere["reason"]


@needs_scorer
def test_a_briefing_without_people_scores_zero_not_an_error(shared: Path, tmp_path: Path):
    out = tmp_path / "pred"
    out.mkdir()
    (out / "01.md").write_text("---\nsource: {file: 01.txt}\npeople: []\n---\n\nNothing.\n", encoding="utf-8")
    m = dev.score_folder(out, dev.EvalPaths(shared))["metrics"]
    assert m["people_f1"] == 0.0 and m["leaks"] == 0 and m["briefings_mapped"] == 1


# ----------------------------------------------------------------------------- peers


@pytest.fixture(scope="module")
def nlp():
    return peers.load_nlp()


def test_peers_fill_the_fields_the_scorer_reads(nlp):
    finder, tool = peers.quote_finder()
    b = peers.peer_briefing("01.txt", ARTICLE, nlp, finder)
    assert b.date == "2025-03-04"
    assert "Jane Holloway" in b.people
    assert b.quotes and b.quotes[0][0] == "We will share every river gauge we have with our neighbours,"
    if tool.startswith("textacy"):
        assert b.quotes[0][1] == "Holloway"
    assert "2025-03-03" in b.events  # "on Monday" before a Tuesday publication date
    assert "2025-10" in b.events  # "in October": dateparser says month precision
    assert b.body == ARTICLE  # peers clean nothing


def test_textacy_bails_on_an_unclosed_quote_only_in_that_paragraph(nlp):
    finder, tool = peers.quote_finder()
    if not tool.startswith("textacy"):
        pytest.skip("textacy not installed")
    doc = nlp("\u201cThe pumps are ready,\u201d said Jane Holloway.\nShe added: \u201cThe next phase will")
    assert [q for q, _ in finder(doc)] == ["The pumps are ready,"]


def test_regex_fallback_finds_quotes_and_a_speaker(nlp):
    doc = nlp('"The pumps are ready," said Jane Holloway on Friday.')
    assert peers.regex_quotes(doc) == [("The pumps are ready,", "Jane Holloway")]


@needs_scorer
def test_peer_briefings_round_trip_through_the_scorer(shared: Path, tmp_path: Path, nlp):
    out = tmp_path / "peer"
    out.mkdir()
    finder, _ = peers.quote_finder()
    assert peers.write_peer_briefings(shared / "eval" / "articles", out, nlp, finder) == 1
    m = dev.score_folder(out, dev.EvalPaths(shared))["metrics"]
    assert m["briefings_mapped"] == 1
    assert m["leaks"] == 1  # the raw text keeps the menu line
    assert m["pubdate"] == 1.0
    assert m["roles"] == 0.0  # spaCy gives no roles


# ----------------------------------------------------------------------------- speakers and sets


def test_a_speaker_that_is_no_entity_of_its_briefing_is_counted():
    from tools.evaluation.speakers_bench import not_an_entity

    meta = {
        "location": "Harbour City",
        "people": [{"id": "jane-holloway", "name": "Jane Holloway"}],
        "organizations": [{"id": "who", "name": "WHO"}, {"id": "harbour-city", "name": "Harbour City"}],
        "quotes": [
            {"text": "a", "speaker": "jane-holloway", "speaker_name": "Jane Holloway"},
            {"text": "b", "speaker": "who", "speaker_name": "WHO"},
            {"text": "c", "speaker": None, "speaker_name": None},
            {"text": "d", "speaker": None, "speaker_name": "he"},
            {"text": "e", "speaker": None, "speaker_name": "the French politician"},
            {"text": "f", "speaker": "harbour-city", "speaker_name": "Harbour City"},
            {"text": "g", "speaker": None, "speaker_name": "AFP"},
        ],
    }
    assert not_an_entity(meta) == ["he", "the French politician", "Harbour City", "AFP"]


def test_an_agency_is_a_credit_line_only_where_the_briefing_credits_it():
    from tools.evaluation.speakers_bench import not_an_entity

    cited = {"id": "associated-press", "name": "Associated Press"}
    quote = {"text": "a", "speaker": "associated-press", "speaker_name": "Associated Press"}
    # "..., writes the Associated Press": an outlet the story cites is one of its organizations
    assert not_an_entity({"organizations": [cited], "quotes": [quote]}) == []
    # the same outlet credited as the article's own source is its credit line, not a speaker
    credited = {"source": {"agencies": ["Associated Press"]}, "organizations": [cited], "quotes": [quote]}
    assert not_an_entity(credited) == ["Associated Press"]


def test_each_development_set_has_its_own_section_and_the_speaker_count_its_row():
    ours = {"available": True, "metrics": {"attribution": 0.95, "wrong_speaker": 0.05}}
    theirs = {"available": True, "metrics": {"attribution": 0.60, "wrong_speaker": 0.40}}
    rows = report.build_rows({"dev": ours, "peers": theirs, "dev-general": ours, "peers-general": theirs,
                              "speakers": {"available": True, "metrics": {"not_entity": 2, "named": 50}}})
    sections = {r.section for r in rows}
    assert {report.DEV, report.DEV_GENERAL, report.SPEAKERS} <= sections
    wrong = next(r for r in rows if r.section == report.DEV_GENERAL and r.metric.startswith("Wrong speaker"))
    assert wrong.cells()[1:] == ["0.050", "textacy 0.400", "≤ 0.030", "missed by 0.020", "+0.350"]
    count = next(r for r in rows if r.section == report.SPEAKERS)
    assert count.cells()[1] == "2/50" and count.status() == "missed by 2"


def test_the_general_news_set_lives_in_its_own_folder(tmp_path: Path):
    paths = dev.EvalPaths(tmp_path, "general")
    assert paths.articles == tmp_path / "eval" / "general" / "articles"
    assert paths.gold == tmp_path / "eval" / "general" / "gold"
    assert dev.EvalPaths(tmp_path).articles == tmp_path / "eval" / "articles"


# ----------------------------------------------------------------------------- the public corpora


def test_a_corpus_that_was_not_converted_is_one_line_that_says_how(tmp_path: Path):
    from tools.evaluation import corpora

    result = corpora.run_corpus("polnear", "dev", tmp_path / "shared", tmp_path / "nothing-here")
    assert result["available"] is False
    assert "polnear/README.md" in result["reason"] and "outside the repository" in result["reason"]


def test_the_corpora_folder_comes_from_the_argument_then_the_environment(monkeypatch, tmp_path: Path):
    from tools.evaluation import corpora

    monkeypatch.setenv("BRIEFBOOK_CORPORA", str(tmp_path))
    assert corpora.corpora_dir() == tmp_path
    assert corpora.corpora_dir(Path("elsewhere")) == Path("elsewhere")
    monkeypatch.delenv("BRIEFBOOK_CORPORA")
    assert corpora.corpora_dir() == Path("..") / "corpora"


def test_the_scorers_closing_line_is_read_as_figures():
    from tools.evaluation import corpora

    out = ("article  gold pred\nx 3 2\n"
           "polnear_direct: quotes_f1=0.84 attribution=0.76 e2e_f1=0.62 wrong_speaker=0.042 n_gold=619\n\n")
    assert corpora.parse_figures(out) == {"quotes_f1": 0.84, "attribution": 0.76, "e2e_f1": 0.62,
                                          "wrong_speaker": 0.042, "n_gold": 619.0}
    with pytest.raises(dev.EvalError):
        corpora.parse_figures("\n \n")


def test_corpus_rows_put_ours_beside_the_peer_with_the_issue_targets():
    polnear = {"available": True, "articles": 84,
               "metrics": {"all": {"quotes_f1": 0.9, "attribution": 0.8, "e2e_f1": 0.7, "wrong_speaker": 0.04}},
               "peers": {"all": {"quotes_f1": 0.7, "attribution": 0.5, "e2e_f1": 0.4, "wrong_speaker": 0.3}}}
    rows = {r.metric: r for r in report.polnear_rows(polnear)}
    assert rows["Wrong speaker (share)"].status() == "missed by 0.010"
    assert rows["Attribution (accuracy)"].versus_peer() == "+0.30"
    conll = {"available": True,
             "metrics": {"news": {"people_p": 0.95, "people_f1": 0.91, "orgs_p": 0.8, "orgs_f1": 0.7, "docs": 100}},
             "peers": {"news": {"people_p": 0.6, "people_f1": 0.7, "orgs_p": 0.5, "orgs_f1": 0.6}}}
    rows = {r.metric: r for r in report.conll_rows(conll)}
    assert rows["News: people F1"].status() == "met"
    assert rows["News: organizations precision"].status() == "missed by 0.050"
    assert rows["Sports: people F1"].ours is None  # a desk not scored is "n/a", not zero
    assert all(r.ours is None for r in report.conll_rows({"available": False, "reason": "x"}))
