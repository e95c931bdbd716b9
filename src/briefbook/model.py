"""The briefing model: the one place that says what a briefing holds.

Everything downstream (the writer, the checker, the site) reads these classes, so the field
order here is also the key order of the YAML frontmatter that people read and edit.
The JSON Schema in ``data/briefing.schema.json`` is the same contract for other tools.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect"]


@dataclass
class Source:
    file: str | None = None
    url: str | None = None
    outlet: str | None = None
    agencies: list[str] = field(default_factory=list)
    sha256: str | None = None


@dataclass
class Person:
    id: str
    name: str
    role: str | None = None
    organization: str | None = None
    country: str | None = None
    mentions: list[str] = field(default_factory=list)


@dataclass
class Organization:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None


@dataclass
class Initiative:
    id: str
    name: str
    kind: str = "initiative"


@dataclass
class Quote:
    text: str
    speaker: str | None
    speaker_name: str | None
    kind: QuoteKind
    paragraph: int


@dataclass
class Event:
    date: str
    text: str
    paragraph: int


@dataclass
class Briefing:
    title: str
    date: str | None
    location: str | None
    source: Source
    summary: str | None
    key_points: list[str]
    topics: list[str]
    people: list[Person]
    organizations: list[Organization]
    initiatives: list[Initiative]
    quotes: list[Quote]
    events: list[Event]
    places: list[str]
    paragraphs: list[str]
    # Extra sources of the same story (near-duplicate articles from other outlets).
    other_sources: list[Source] = field(default_factory=list)
    # Reasons a human should look at this briefing (no date found, ...); empty when none.
    review: list[str] = field(default_factory=list)
    # Written by the generator so that a hand edit can be told apart from generated text.
    generator: dict[str, str] = field(default_factory=dict)
    # "lead" when the page had no headline and the title was written from the lead sentence.
    title_from: str | None = None

    def frontmatter(self) -> dict[str, Any]:
        """The frontmatter mapping, in the documented key order (paragraphs go to the body);
        ``title_from`` right after the title, and only when there is something to say."""
        data = asdict(self)
        data.pop("paragraphs")
        title_from = data.pop("title_from")
        if title_from:
            data = {"title": data.pop("title"), "title_from": title_from, **data}
        return data

    @classmethod
    def from_parts(cls, meta: dict[str, Any], paragraphs: list[str]) -> Briefing:
        """Build a briefing from parsed frontmatter; unknown keys are ignored, missing lists are empty."""

        def items(key: str, kind: type) -> list[Any]:
            names = {f.name for f in fields(kind)}
            out = []
            for raw in meta.get(key) or []:
                if isinstance(raw, dict):
                    out.append(kind(**{k: v for k, v in raw.items() if k in names}))
            return out

        src = meta.get("source") if isinstance(meta.get("source"), dict) else {}
        src_names = {f.name for f in fields(Source)}
        others = [
            Source(**{k: v for k, v in s.items() if k in src_names})
            for s in meta.get("other_sources") or []
            if isinstance(s, dict)
        ]
        return cls(
            title=str(meta.get("title") or ""),
            date=_str_or_none(meta.get("date")),
            location=meta.get("location"),
            source=Source(**{k: v for k, v in src.items() if k in src_names}),
            summary=meta.get("summary"),
            key_points=list(meta.get("key_points") or []),
            topics=list(meta.get("topics") or []),
            people=items("people", Person),
            organizations=items("organizations", Organization),
            initiatives=items("initiatives", Initiative),
            quotes=items("quotes", Quote),
            events=[
                Event(date=_str_or_none(e.date) or "", text=e.text, paragraph=e.paragraph)
                for e in items("events", Event)
            ],
            places=list(meta.get("places") or []),
            paragraphs=paragraphs,
            other_sources=others,
            review=list(meta.get("review") or []),
            generator=dict(meta.get("generator") or {}),
            title_from=meta.get("title_from") if meta.get("title_from") == "lead" else None,
        )


def empty_findings() -> dict[str, Any]:
    """The extracted fields of a briefing with nothing found: what every briefing has at least."""
    return {
        "summary": None,
        "key_points": [],
        "topics": [],
        "people": [],
        "organizations": [],
        "initiatives": [],
        "quotes": [],
        "events": [],
        "places": [],
    }


def _str_or_none(value: Any) -> str | None:
    """YAML turns bare 2025-10-29 into a date object; the model keeps ISO strings."""
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)
