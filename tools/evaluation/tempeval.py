"""How well ``briefbook.dates`` finds and normalises dates, on the TempEval-3 platinum test set.

The 20 TimeML documents are news like ours, with every temporal expression marked by hand and
normalised against the document creation time (DCT). Only the DATE expressions matter here (a
briefing's events are dated, not timed), so: strip the tags, keep the offsets of the DATE
TIMEX3 elements, run the finder on the plain text with the DCT as anchor, and count

- relaxed span P/R/F1: a found expression overlaps a gold one (one-to-one);
- value P/R/F1: it overlaps one *and* has the same normalised value.

A found expression that overlaps only a TIME, DURATION or SET expression is a correct find of
another type: it is left out of precision (and counted apart) for every system alike.

The peer is ``dateparser.search.search_dates`` with the DCT as relative base and past dates
preferred; each string it returns is parsed again to learn its period (day, month, year, week),
which gives the value's precision.

    python -m tools.evaluation.tempeval [--shared ../shared] [--failures]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from briefbook.dates import find_dates

BENCH = Path("benchmarks") / "tempeval3-platinum"


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: date
    text: str
    timexes: tuple[Timex, ...]

    @property
    def dates(self) -> list[Timex]:
        return [t for t in self.timexes if t.type == "DATE"]

    @property
    def others(self) -> list[Timex]:
        return [t for t in self.timexes if t.type != "DATE"]


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    value: str


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')


def read_tml(path: Path) -> Document:
    """Plain text of <TEXT> with the offsets of its TIMEX3 elements, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d\d-\d\d)", raw)
    if not dct_match:
        raise ValueError(f"{path}: no DCT")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex:
            start, a = open_timex
            text = "".join(out)[start:length]
            timexes.append(Timex(start, length, text, a.get("type", ""), a.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return Document(path.stem, date.fromisoformat(dct_match.group(1)), "".join(out), tuple(timexes))


def load(shared_dir: Path) -> list[Document]:
    folder = Path(shared_dir) / BENCH
    return [read_tml(p) for p in sorted(folder.glob("*.tml"))]


# --------------------------------------------------------------------------------------------
# Systems


def ours(doc: Document) -> list[Found]:
    return [Found(m.start, m.end, m.text, m.value) for m in find_dates(doc.text, doc.dct, timeml=True)]


def ours_calendar(doc: Document) -> list[Found]:
    """What a briefing gets: no PRESENT_REF, decades or centuries (``timeml=False``)."""
    return [Found(m.start, m.end, m.text, m.value) for m in find_dates(doc.text, doc.dct)]


def dateparser_peer(doc: Document) -> list[Found]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = datetime(doc.dct.year, doc.dct.month, doc.dct.day, 12, 0)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    found = search_dates(doc.text, languages=["en"], settings=settings) or []
    parser = DateDataParser(languages=["en"], settings=settings)
    out: list[Found] = []
    pos = 0
    for text, when in found:
        start = doc.text.find(text, pos)
        if start < 0:
            start = doc.text.find(text)
            if start < 0:
                continue
        pos = start + len(text)
        period = parser.get_date_data(text).period or "day"
        out.append(Found(start, start + len(text), text, _period_value(when, period)))
    return out


def _period_value(when: datetime, period: str) -> str:
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        iso = when.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    return when.date().isoformat()


SYSTEMS: dict[str, Callable[[Document], list[Found]]] = {
    "briefbook.dates": ours,
    "dateparser 1.5 search_dates": dateparser_peer,
}


# --------------------------------------------------------------------------------------------
# Scoring


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    span: int = 0
    value: int = 0
    other_type: int = 0  # found expressions that overlap only a non-DATE timex

    def add(self, other: Counts) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlap(a: Timex | Found, b: Timex | Found) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


@dataclass(frozen=True)
class Outcome:
    """One document's matching, kept for reading the failures."""

    counts: Counts
    pairs: list[tuple[Timex, Found]]
    missed: list[Timex]
    spurious: list[Found]


def score(doc: Document, found: Iterable[Found]) -> Outcome:
    """One-to-one matching of found and gold DATE expressions, value matches first."""
    gold = doc.dates
    preds = []
    other_type = 0
    for f in found:
        if not any(_overlap(f, g) > 0 for g in gold) and any(_overlap(f, o) > 0 for o in doc.others):
            other_type += 1
            continue
        preds.append(f)
    cands = sorted(
        (
            (g.value == f.value, _overlap(g, f), gi, fi)
            for gi, g in enumerate(gold)
            for fi, f in enumerate(preds)
            if _overlap(g, f) > 0
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_f: set[int] = set()
    pairs = []
    for _eq, _ov, gi, fi in cands:
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        pairs.append((gold[gi], preds[fi]))
    counts = Counts(
        gold=len(gold),
        pred=len(preds),
        span=len(pairs),
        value=sum(g.value == f.value for g, f in pairs),
        other_type=other_type,
    )
    missed = [g for i, g in enumerate(gold) if i not in used_g]
    spurious = [f for i, f in enumerate(preds) if i not in used_f]
    return Outcome(counts, pairs, missed, spurious)


def run(shared_dir: Path | str, systems: dict[str, Callable[[Document], list[Found]]] | None = None) -> dict:
    """Scores per system: {name: {gold, pred, span_p, span_r, span_f1, value_p, value_r, value_f1}}."""
    folder = Path(shared_dir) / BENCH
    if not folder.is_dir():
        return {"available": False, "reason": f"no benchmark at {folder}"}
    docs = load(Path(shared_dir))
    results: dict[str, dict] = {}
    for name, system in (systems or SYSTEMS).items():
        total = Counts()
        for doc in docs:
            total.add(score(doc, system(doc)).counts)
        sp, sr, sf = total.prf(total.span)
        vp, vr, vf = total.prf(total.value)
        results[name] = {
            "documents": len(docs), "gold": total.gold, "pred": total.pred,
            "other_type": total.other_type,
            "span_p": sp, "span_r": sr, "span_f1": sf, "value_p": vp, "value_r": vr, "value_f1": vf,
        }  # fmt: skip
    return results


def failures(shared_dir: Path | str) -> Iterable[str]:
    """Our misses, spurious finds and wrong values, one line each, for reading."""
    for doc in load(Path(shared_dir)):
        out = score(doc, ours(doc))
        for g, f in out.pairs:
            if g.value != f.value:
                ours_ = f"ours {f.text!r}={f.value}"
                yield f"{doc.name}\tVALUE\t{g.text!r}={g.value}\t{ours_}\t{_context(doc, g)}"
        for g in out.missed:
            yield f"{doc.name}\tMISS\t{g.text!r}={g.value}\t\t{_context(doc, g)}"
        for f in out.spurious:
            yield f"{doc.name}\tEXTRA\t\tours {f.text!r}={f.value}\t{_context(doc, f)}"


def _context(doc: Document, t: Timex | Found, width: int = 70) -> str:
    s = doc.text[max(0, t.start - width) : t.start].replace("\n", " ")
    e = doc.text[t.end : t.end + width].replace("\n", " ")
    return f"...{s}[[{doc.text[t.start : t.end]}]]{e}..."


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[3] / "shared"))
    ap.add_argument("--failures", action="store_true", help="list our errors, one per line")
    args = ap.parse_args(argv)
    if not (Path(args.shared) / BENCH).is_dir():
        print(f"no benchmark at {Path(args.shared) / BENCH}", file=sys.stderr)
        return 2
    if args.failures:
        for line in failures(args.shared):
            print(line)
        return 0
    results = run(args.shared)
    # Shown here, not in run(): the report takes every other system there for a peer.
    results["  without TimeML extras"] = run(args.shared, {"x": ours_calendar})["x"]
    any_r = next(iter(results.values()))
    print(f"TempEval-3 platinum, DATE expressions: {any_r['documents']} documents, {any_r['gold']} gold")
    print(f"{'system':30} {'found':>5} {'other':>5} {'span P':>7} {'span R':>7} {'span F1':>7}"
          f" {'val P':>7} {'val R':>7} {'val F1':>7}")  # fmt: skip
    for name, r in results.items():
        print(
            f"{name:30} {r['pred']:5d} {r['other_type']:5d} {r['span_p']:7.3f} {r['span_r']:7.3f} "
            f"{r['span_f1']:7.3f} {r['value_p']:7.3f} {r['value_r']:7.3f} {r['value_f1']:7.3f}"
        )
    print("other = found expressions overlapping only a TIME/DURATION/SET expression (not counted)")
    print("without TimeML extras = find_dates(timeml=False), as briefings use it (no PRESENT_REF etc.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
