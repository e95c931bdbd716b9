"""`make eval`: every figure of quality in one table, ours beside the peers' and the target.

The steps (development articles, their peers, the cleaning benchmark, TempEval-3) run one after the
other; a step that is missing or fails turns its rows into "not available" instead of stopping the
others, so the table always shows what can be measured today. The same table goes to the terminal
and to ``docs/quality.md`` with the command, the date and the machine, so a number in the docs can be
traced to a run anyone can repeat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import itertools
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

COMMAND = "make eval"


@dataclass(frozen=True)
class Target:
    """A threshold a figure must reach: at least ``value`` (``higher=True``) or at most ``value``."""

    value: float
    higher: bool = True

    def gap(self, x: float) -> float:
        """How far ``x`` falls short of the target (0 when it is met)."""
        return max(0.0, self.value - x) if self.higher else max(0.0, x - self.value)

    def met(self, x: float) -> bool:
        return self.gap(x) <= 1e-9

    def label(self, fmt: Callable[[float], str]) -> str:
        return ("≥ " if self.higher else "≤ ") + fmt(self.value)


@dataclass
class Row:
    """One line of the table; ``ours``/peer values of None mean "not measured"."""

    section: str
    metric: str
    ours: float | None
    peers: list[tuple[str, float | None]] = field(default_factory=list)
    target: Target | None = None
    digits: int = 2
    of: int | None = None  # counts such as leaks are shown "n/of"
    higher: bool = True
    note: str = ""

    def fmt(self, x: float | None) -> str:
        if x is None:
            return "n/a"
        if self.of is not None:
            return f"{round(x)}/{self.of}"
        return f"{x:.{self.digits}f}"

    def fmt_gap(self, x: float) -> str:
        return str(round(x)) if self.of is not None else f"{x:.{self.digits}f}"

    def status(self) -> str:
        if self.ours is None:
            return "not available"
        if self.target is None:
            return "no target"
        if self.target.met(self.ours):
            return "met"
        return f"missed by {self.fmt_gap(self.target.gap(self.ours))}"

    def best_peer(self) -> float | None:
        values = [v for _, v in self.peers if v is not None]
        if not values:
            return None
        return max(values) if self.higher else min(values)

    def versus_peer(self) -> str:
        """Ours minus the best peer, signed so that + means ours is better."""
        peer = self.best_peer()
        if self.ours is None or peer is None:
            return "–"
        diff = (self.ours - peer) if self.higher else (peer - self.ours)
        text = self.fmt_gap(abs(diff))
        return "±0" if float(text) == 0 else ("+" if diff > 0 else "−") + text

    def cells(self) -> list[str]:
        peers = "; ".join(f"{name} {self.fmt(v)}" for name, v in self.peers) or "–"
        target = self.target.label(self.fmt_gap) if self.target else "–"
        return [self.metric, self.fmt(self.ours), peers, target, self.status(), self.versus_peer()]


HEADER = ["Metric", "Ours", "Peer(s)", "Target", "Status", "vs best peer"]


def format_table(rows: list[Row]) -> str:
    """A Markdown table padded into columns, readable both in a terminal and on the site.

    A row per section title precedes that section's lines.
    """
    lines: list[list[str]] = []
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            lines.append([f"**{section}**", "", "", "", "", ""])
        lines.append([_escape(c) for c in row.cells()])
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(HEADER)]

    def join(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    out = [join(HEADER), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [join(line) for line in lines]
    return "\n".join(out)


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")


# ----------------------------------------------------------------------------- rows from results

DEV = "Development articles: Korea–US (score.py)"
DEV_GENERAL = "Development articles: general news (score.py)"
SPEAKERS = "Speakers on the article-extraction benchmark (181 news pages)"
CLEAN = "Cleaning: article-extraction benchmark, shingle F1"
DATES = "Dates: TempEval-3 platinum, DATE expressions"
ENTITIES = "Entities with a page: 181 benchmark pages, a judged sample"
POLNEAR = "Direct quotes: PolNeAR {split} split (US political news, polnear/score.py)"
CONLL = "People and organizations: CoNLL-2003 {split} split (Reuters, conll/score.py)"

# (scorer figure, label, target, note) for each corpus; targets are those of the issues that set them.
POLNEAR_LINES: tuple[tuple[str, str, Target | None, str], ...] = (
    ("quotes_f1", "Quotes F1 (text)", Target(0.95), "direct quotes found, fuzzy text match, speaker ignored"),
    ("attribution", "Attribution (accuracy)", Target(0.92),
     "of the gold direct quotes found whose source is named, the share given that source"),
    ("e2e_f1", "Quotes end-to-end F1", Target(0.88), "a quote counts when its text and its speaker are right"),
    ("wrong_speaker", "Wrong speaker (share)", Target(0.03, higher=False),
     "of the same quotes, the share given another speaker"),
)
CONLL_LINES: tuple[tuple[str, str, str, Target | None], ...] = (
    ("news", "people_p", "News: people precision", Target(0.93)),
    ("news", "people_f1", "News: people F1", Target(0.90)),
    ("news", "orgs_p", "News: organizations precision", Target(0.85)),
    ("news", "orgs_f1", "News: organizations F1", Target(0.80)),
    ("sports", "people_f1", "Sports: people F1", None),
    ("sports", "orgs_f1", "Sports: organizations F1", None),
    ("all", "people_f1", "All stories: people F1", None),
    ("all", "orgs_f1", "All stories: organizations F1", None),
)
METADATA = "The article itself: 181 benchmark pages, annotated (tools/evaluation/data/article_metadata.yml)"

# (key in dev.flatten_totals, label, target, peer label, note)
DEV_LINES: tuple[tuple[str, str, Target | None, str, str], ...] = (
    ("people_f1", "People F1", Target(0.90), "spaCy PERSON",
     "people found, matched by canonical name or alias (exact after normalising), micro F1 over articles"),
    ("roles", "Roles (accuracy)", Target(0.80), "spaCy (none)",
     "share of matched people whose stated role agrees with the gold role"),
    ("organizations_f1", "Organizations F1", Target(0.80), "spaCy ORG",
     "organizations matched by name or alias"),
    ("initiatives_f1", "Initiatives F1", Target(0.60), "spaCy EVENT+LAW",
     "named agreements, programmes, meetings, summits (fuzzy name match ≥ 85)"),
    ("quotes_f1", "Quotes F1 (text)", Target(0.95), "textacy",
     "direct quotations found, text matched fuzzily (≥ 85), speaker ignored"),
    ("quotes_e2e_f1", "Quotes end-to-end F1", Target(0.88), "textacy",
     "a quote counts only when both its text and its speaker are right"),
    ("attribution", "Attribution (accuracy)", Target(0.92), "textacy",
     "share of found quotes whose speaker is right"),
    ("wrong_speaker", "Wrong speaker (share)", Target(0.03, higher=False), "textacy",
     "share of predicted direct quotes that match a gold quote but name another speaker (a null "
     "speaker is not wrong)"),
    ("events_f1", "Event dates F1", Target(0.75), "dateparser",
     "distinct event dates (day, or month where the gold has month precision)"),
    ("pubdate", "Publication date (accuracy)", Target(0.95), "dateparser",
     "articles whose publication date is exactly the gold date (null when the text has none)"),
    ("leaks", "Boilerplate leaks", Target(0, higher=False), "raw text",
     "annotated site-furniture fragments still present in the briefing body or summary"),
    ("location", "Dateline location (accuracy)", None, "none",
     "dateline city, on articles where gold or prediction has one"),
    ("title_f1", "Title token F1", None, "first line",
     "token overlap of the title with the headline"),
)


def dev_rows(ours: dict[str, Any] | None, peers: dict[str, Any] | None, section: str = DEV) -> list[Row]:
    """One development set's lines, ours beside the peers' on the same articles."""
    ours = ours or {"available": False, "reason": "not run"}
    peers = peers or {"available": False, "reason": "not run"}
    om = ours.get("metrics", {}) if ours.get("available") else {}
    pm = peers.get("metrics", {}) if peers.get("available") else {}
    fragments = om.get("boilerplate_fragments") or pm.get("boilerplate_fragments")
    rows = []
    for key, label, target, peer_name, note in DEV_LINES:
        is_count = key == "leaks"
        rows.append(Row(
            section, label, om.get(key), [(peer_name, pm.get(key))], target,
            of=fragments if is_count else None, higher=not is_count and key != "wrong_speaker", note=note,
            digits=3 if key == "wrong_speaker" else 2,  # 0.032 is not "0.03, missed by 0.00"
        ))
    return rows


def metadata_rows(result: dict[str, Any] | None) -> list[Row]:
    """Headline, date, dateline, outlet and furniture from ``metadata_bench.run``, beside htmldate and trafilatura."""
    ok = bool(result) and result.get("available", False)
    ours = result.get("ours", {}) if ok and result else {}
    hd = result.get("htmldate", {}) if ok and result else {}
    tr = result.get("trafilatura", {}) if ok and result else {}
    pages = ours.get("pages")
    return [
        Row(METADATA, "Title token F1", ours.get("title_f1"), [("trafilatura", tr.get("title_f1"))], Target(0.95),
            note="token overlap of the briefing's title with the headline the page prints, mean over pages"),
        Row(METADATA, "Publication date (accuracy)", ours.get("date"),
            [("htmldate", hd.get("date")), ("trafilatura", tr.get("date"))], Target(0.97),
            note="exactly the date a reader sees as the article's (null where the page gives none)"),
        Row(METADATA, "Dateline place (accuracy)", ours.get("dateline"), [], Target(0.95),
            note=f"on the {ours.get('dateline_n', '?')} pages where the gold or the prediction has one"),
        Row(METADATA, "Outlet (accuracy)", ours.get("outlet"), [("trafilatura", tr.get("outlet"))], Target(0.95),
            note="the publisher's name or one of its forms (or its web address)"),
        Row(METADATA, "Furniture fragments left", ours.get("furniture"), [], Target(1, higher=False),
            of=None, digits=0, higher=False,
            note=f"paragraphs of 4 words or more sharing no 4-word shingle with the page's clean body, and "
            f"summaries that open with a dateline, over {pages or 181} pages"),
    ]


def speaker_rows(result: dict[str, Any] | None) -> list[Row]:
    """The count of quotes whose speaker is no person or organization of their briefing (target 0)."""
    ok = bool(result) and result.get("available", False)
    m = result.get("metrics", {}) if ok and result else {}
    return [
        Row(SPEAKERS, "Speaker is not an entity", m.get("not_entity"), [], Target(0, higher=False),
            of=m.get("named"), higher=False,
            note="the 181 pages' HTML through `briefbook ingest`; quotes whose speaker_name is not the name "
            "of a person or organization of the same briefing, or is a pronoun, a relative, a credit line "
            "or a dateline, out of the quotes that have a speaker"),
    ]


def cleaning_rows(result: dict[str, Any] | None) -> list[Row]:
    """Cleaning rows from ``cleaning_bench.run``: ``{"text"|"nothing"|"html"|"trafilatura": {f1, ...}}``."""
    ok = bool(result) and result.get("available", True)

    def f1(system: str) -> float | None:
        m = result.get(system) if ok and result else None
        return m.get("f1") if isinstance(m, dict) else None

    return [
        Row(CLEAN, "Pasted text: our cleaner", f1("text"), [("do nothing", f1("nothing"))], Target(0.90),
            digits=3, note="the whole visible text of 181 news pages (menus and all) through the plain-text "
            "cleaner, against the article body; 4-token shingles, mean P and R over pages"),
        Row(CLEAN, "HTML: our HTML reader", f1("html"), [("trafilatura", f1("trafilatura"))], Target(0.95),
            digits=3, note="the same pages from their saved HTML through the HTML reader"),
    ]


def entity_rows(result: dict[str, Any] | None) -> list[Row]:
    """Audit rows from ``entity_audit.run``: how many sampled entities are not what they claim."""
    ok = bool(result) and result.get("available", True)
    audit = (result or {}).get("audit", {}) if ok else {}
    rows = []
    for kind, label in (("person", "people"), ("organization", "organizations")):
        t = audit.get(kind, {})
        judged = t.get("judged") or 0
        rows.append(Row(
            ENTITIES, f"{label.capitalize()} not what they claim", t.get("wrong") if judged else None, [],
            Target(2, higher=False), of=judged or None, higher=False,
            note=f"{(result or {}).get(label, '?')} {label} get a page; a seeded random sample judged by reading "
            "(docs/entity-audit.yml, python -m tools.evaluation.entity_audit)",
        ))
    return rows


def tempeval_rows(result: dict[str, Any] | None) -> list[Row]:
    """TempEval rows from ``tempeval.run``: ``{system name: {span_f1, value_f1, span_r, value_r, ...}}``.

    Our system is the one named after briefbook; every other system is a peer. Value accuracy (right
    value among the gold expressions found) is value recall over span recall.
    """
    ok = bool(result) and result.get("available", True)
    systems = {k: v for k, v in (result or {}).items() if isinstance(v, dict)} if ok else {}
    ours_key = next((k for k in systems if re.search(r"briefbook|ours", k, re.I)), None)
    ours = systems.get(ours_key, {})
    peers = {k: v for k, v in systems.items() if k != ours_key} or {"dateparser": {}}

    def value_accuracy(m: dict[str, Any]) -> float | None:
        span_r, value_r = m.get("span_r"), m.get("value_r")
        return value_r / span_r if span_r else None

    getters: list[tuple[str, Callable[[dict[str, Any]], float | None], Target | None, str]] = [
        ("DATE value F1", lambda m: m.get("value_f1"), Target(0.80),
         "expression found (any overlap with the gold span) and its normalised value equal to the gold"),
        ("DATE span F1 (relaxed)", lambda m: m.get("span_f1"), None,
         "expressions found, any overlap with a gold DATE span"),
        ("DATE value accuracy", value_accuracy, None,
         "share of the gold expressions found whose value is right (value recall / span recall)"),
    ]
    return [Row(DATES, label, get(ours), [(name, get(m)) for name, m in peers.items()], target, note=note)
            for label, get, target, note in getters]


def polnear_rows(result: dict[str, Any] | None, split: str = "dev") -> list[Row]:
    """PolNeAR's figures (``corpora.run_corpus``), textacy beside them on the same articles."""
    ok = bool(result) and result.get("available", False)
    ours = (result or {}).get("metrics", {}).get("all", {}) if ok else {}
    peer = (result or {}).get("peers", {}).get("all", {}) if ok else {}
    n = (result or {}).get("articles", "?")
    section = POLNEAR.format(split=split)
    return [Row(section, label, ours.get(key), [("textacy", peer.get(key))], target,
                higher=key != "wrong_speaker", digits=3 if key == "wrong_speaker" else 2,
                note=f"{note} ({n} articles)")
            for key, label, target, note in POLNEAR_LINES]


def conll_rows(result: dict[str, Any] | None, split: str = "dev") -> list[Row]:
    """CoNLL-2003's figures by desk (news first: the sports desk is line-ups), spaCy alone beside them."""
    ok = bool(result) and result.get("available", False)
    ours = (result or {}).get("metrics", {}) if ok else {}
    peer = (result or {}).get("peers", {}) if ok else {}
    section = CONLL.format(split=split)
    return [Row(section, label, ours.get(desk, {}).get(key), [("spaCy alone", peer.get(desk, {}).get(key))],
                target, digits=3,
                note=f"document-level P/R/F1 over the {desk if desk != 'all' else 'kept'} stories "
                     f"({int(ours.get(desk, {}).get('docs', 0)) or '?'}); a name is credited once per story")
            for desk, key, label, target in CONLL_LINES]


# ----------------------------------------------------------------------------- running the steps


def run_step(name: str, fn: Callable[[], dict[str, Any] | None]) -> tuple[dict[str, Any], float]:
    """Run one step; any failure becomes ``{"available": False, "reason": ...}``."""
    print(f"[eval] {name} …", file=sys.stderr, flush=True)
    start = time.perf_counter()
    try:
        result = fn() or {"available": False, "reason": "returned nothing"}
    except Exception as exc:  # a sibling's bug must not hide the other figures
        result = {"available": False, "reason": f"{type(exc).__name__}: {exc}"}
    seconds = time.perf_counter() - start
    state = "ok" if result.get("available", True) else f"not available: {result.get('reason')}"
    print(f"[eval] {name}: {state} ({seconds:.0f} s)", file=sys.stderr, flush=True)
    return result, seconds


def sibling(module: str, shared: Path) -> Callable[[], dict[str, Any]]:
    """``tools.evaluation.<module>.run(shared)``, or "not available" when it is not written yet."""

    def call() -> dict[str, Any]:
        try:
            mod = importlib.import_module(f"tools.evaluation.{module}")
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("tools.evaluation"):
                return {"available": False, "reason": f"{module} not written yet"}
            raise
        return mod.run(shared)

    return call


def machine() -> str:
    return (f"{platform.system()} {platform.release()} {platform.machine()}, "
            f"{os.cpu_count()} CPU(s), Python {platform.python_version()}")


def render_doc(rows: list[Row], results: dict[str, dict[str, Any]], timings: dict[str, float],
               when: dt.datetime, shared: str) -> str:
    """The page ``docs/quality.md``: the table, how it was made, and what each line measures."""
    total = sum(timings.values())
    out = [
        "# Measured quality",
        "",
        f"Generated by `{COMMAND}` (`python scripts/eval.py`, data from `{shared}`) on "
        f"{when:%Y-%m-%d %H:%M} UTC, on {machine()}, in {total:.0f} s "
        f"({', '.join(f'{k} {v:.0f} s' for k, v in timings.items())}). Do not edit by hand: run "
        f"`{COMMAND}` again.",
        "",
        "\"vs best peer\" is ours minus the best peer on that line, signed so that + means ours is better.",
        "",
        format_table(rows),
        "",
        *_how(results),
        "## What each line measures",
        "",
    ]
    for section, group in itertools.groupby(rows, key=lambda r: r.section):
        out += [f"**{section}**", "", *(f"- *{r.metric}*: {r.note or '–'}." for r in group), ""]
    out += ["## The peers", "", *PEER_NOTES, ""]
    for key, title in (("dev", "briefbook, Korea–US"), ("peers", "the peers, Korea–US"),
                       ("dev-general", "briefbook, general news"), ("peers-general", "the peers, general news")):
        res = results.get(key, {})
        if res.get("available") and res.get("table"):
            out += [f"## Per article: {title}", "", "```text", res["table"], "```", ""]
    if missing := not_measured(results):
        out += ["## Not measured in this run", "", *(f"- {line}" for line in missing), ""]
    return "\n".join(out).rstrip() + "\n"


def _how(results: dict[str, dict[str, Any]]) -> list[str]:
    lines = []
    if cmd := results.get("dev", {}).get("command"):
        lines.append(f"Development articles ingested with `{cmd}` and scored with "
                     "`python ../shared/eval/score.py --gold ../shared/eval/gold --pred <tmp>` (Korea–US) and "
                     "`--gold ../shared/eval/general/gold` (general news, from `../shared/eval/general/articles`).")
    if examples := results.get("speakers", {}).get("examples"):
        lines.append("Speakers that are not entities on the benchmark pages: " + "; ".join(examples) + ".")
    lines += [
        "The development articles (seven Korea–US, twenty general news) are the ones that were at hand while "
        "the extraction was written, so their "
        "figures are an upper bound: the same measure on articles the project has never seen decides. "
        "The benchmarks (cleaning, dates) are public sets that no rule was fitted to.",
        "",
    ]
    return lines


PEER_NOTES = [
    "- Development articles: each peer gets the raw article (it cleans nothing, so its body is the raw "
    "text and every boilerplate fragment counts as a leak). People, organizations and initiatives are "
    "the PERSON, ORG and EVENT/LAW entities of `en_core_web_sm`; quotes are textacy's "
    "`direct_quotations` run per paragraph, the speaker widened to its named entity; event dates are "
    "every date `dateparser.search.search_dates` finds (relative to the publication date, at "
    "dateparser's own day or month precision); the publication date is the first date it finds. "
    "For comparison, `../shared/eval/README.md` reports for such tools people 0.80, organizations 0.45, "
    "initiatives 0.17, roles 0.00, quotes end-to-end 0.57, attribution 0.67, event dates 0.56, "
    "publication date 0.71 and 6 of 10 leaks; the small differences come from how each tool's output is "
    "turned into a briefing (documented in `tools/evaluation/peers.py`).",
    "- The article itself: `htmldate.find_date(original_date=True, extensive_search=True)` for the date and "
    "`trafilatura.extract_metadata` for the title, date and site name, on the same saved pages; the "
    "annotation (`tools/evaluation/data/article_metadata.yml`) is what a reader sees on each page, drafted "
    "from the pages' metadata and checked against their text.",
    "- Cleaning: \"do nothing\" keeps the whole visible text; trafilatura extracts from the HTML "
    "(published F1 0.958 on this benchmark).",
    "- Dates: `dateparser.search.search_dates` relative to the document creation time (the best "
    "TempEval-3 system, HeidelTime, reached value F1 0.776 on all expression types).",
]


def not_measured(results: dict[str, dict[str, Any]]) -> list[str]:
    """One line per step that gave no figures, with its reason (the table only says "not available")."""
    return [f"{name}: {' '.join(str(r.get('reason', 'unknown')).split())}"
            for name, r in results.items() if not r.get("available", True)]


def build_rows(results: dict[str, dict[str, Any]]) -> list[Row]:
    return (dev_rows(results.get("dev"), results.get("peers"))
            + dev_rows(results.get("dev-general"), results.get("peers-general"), DEV_GENERAL)
            + speaker_rows(results.get("speakers"))
            + metadata_rows(results.get("metadata"))
            + cleaning_rows(results.get("cleaning"))
            + tempeval_rows(results.get("tempeval"))
            + entity_rows(results.get("entities"))
            + polnear_rows(results.get("polnear-dev"))
            + conll_rows(results.get("conll-dev"))
            + (polnear_rows(results["polnear-train"], "train") if "polnear-train" in results else [])
            + (conll_rows(results["conll-train"], "train") if "conll-train" in results else []))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/eval.py", description="Measure briefbook against its peers.")
    ap.add_argument("--shared", type=Path, default=Path("..") / "shared",
                    help="the shared folder with eval/ and benchmarks/ (default ../shared)")
    ap.add_argument("--doc", type=Path, default=Path("docs") / "quality.md", help="page to write")
    ap.add_argument("--no-doc", action="store_true", help="print the table only")
    ap.add_argument("--skip", action="append", default=[],
                    choices=["dev", "peers", "dev-general", "peers-general", "speakers", "metadata", "cleaning",
                             "tempeval", "entities", "polnear-dev", "conll-dev"],
                    help="leave a step out (repeatable)")
    ap.add_argument("--corpora", type=Path, default=None,
                    help="the converted PolNeAR and CoNLL-2003 splits (default $BRIEFBOOK_CORPORA or ../corpora)")
    ap.add_argument("--train", action="store_true",
                    help="also score the train splits of PolNeAR and CoNLL-2003 (several minutes each)")
    args = ap.parse_args(argv)

    from . import corpora, dev, peers, speakers_bench

    shared = args.shared
    steps: dict[str, Callable[[], dict[str, Any] | None]] = {
        "dev": lambda: dev.run(shared, cwd=Path.cwd()),
        "peers": lambda: peers.run(shared),
        "dev-general": lambda: dev.run(shared, cwd=Path.cwd(), subset="general"),
        "peers-general": lambda: peers.run(shared, subset="general"),
        "speakers": lambda: speakers_bench.run(shared, cwd=Path.cwd()),
        "metadata": sibling("metadata_bench", shared),
        "cleaning": sibling("cleaning_bench", shared),
        "tempeval": sibling("tempeval", shared),
        "entities": sibling("entity_audit", shared),
        "polnear-dev": lambda: corpora.run_corpus("polnear", "dev", shared, args.corpora, Path.cwd()),
        "conll-dev": lambda: corpora.run_corpus("conll", "dev", shared, args.corpora, Path.cwd()),
    }
    if args.train:
        steps["polnear-train"] = lambda: corpora.run_corpus("polnear", "train", shared, args.corpora, Path.cwd(),
                                                            peers=False)
        steps["conll-train"] = lambda: corpora.run_corpus("conll", "train", shared, args.corpora, Path.cwd(),
                                                          peers=False)
    results: dict[str, dict[str, Any]] = {}
    timings: dict[str, float] = {}
    for name, fn in steps.items():
        if name in args.skip:
            results[name] = {"available": False, "reason": "skipped (--skip)"}
            continue
        results[name], timings[name] = run_step(name, fn)

    rows = build_rows(results)
    print(format_table(rows))
    for line in not_measured(results):
        print(f"not available: {line}")
    if not args.no_doc:
        when = dt.datetime.now(dt.UTC)
        args.doc.parent.mkdir(parents=True, exist_ok=True)
        args.doc.write_text(render_doc(rows, results, timings, when, str(shared)), encoding="utf-8")
        print(f"\nwrote {args.doc}", file=sys.stderr)
    return 0
