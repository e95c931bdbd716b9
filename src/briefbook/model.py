"""The briefing model: the one place that says what a briefing holds.

Everything downstream (the writer, the checker, the site) reads these classes, so the field
order here is also the key order of the YAML frontmatter that people read and edit.
The JSON Schema in ``data/briefing.schema.json`` is the same contract for other tools.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields, is_dataclass
from typing import Any, Literal, get_args, get_origin, get_type_hints

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
    title_from: Literal["lead"] | None = None
    # "separate": a person said this briefing is no other outlet's version of a story (stories.py)
    story: Literal["separate"] | None = None

    def frontmatter(self) -> dict[str, Any]:
        """The frontmatter mapping, in the documented key order (paragraphs go to the body);
        ``title_from`` right after the title, and only when there is something to say."""
        data = asdict(self)
        data.pop("paragraphs")
        title_from = data.pop("title_from")
        if title_from:
            data = {"title": data.pop("title"), "title_from": title_from, **data}
        if not data["story"]:
            data.pop("story")
        return data

    def entity_ids(self) -> list[tuple[str, str]]:
        """(kind, id) of every person, organization and initiative the briefing lists."""
        return [
            *(("person", p.id) for p in self.people),
            *(("organization", o.id) for o in self.organizations),
            *(("initiative", i.id) for i in self.initiatives),
        ]

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
            story="separate" if meta.get("story") == "separate" else None,
        )


# The kinds of entity a briefing lists, each with the frontmatter list it is kept in: the one list
# of kinds (registry, corpus index and curation import these).
ENTITY_LISTS = (("person", "people"), ("organization", "organizations"), ("initiative", "initiatives"))
ENTITY_KINDS = tuple(kind for kind, _ in ENTITY_LISTS)
# Every kind an id or a registry entry can name: the entities and the topics briefings are filed under.
KINDS = (*ENTITY_KINDS, "topic")


def entity_ids_of(meta: dict[str, Any]) -> list[tuple[str, str]]:
    """`Briefing.entity_ids` read from a frontmatter mapping as found on disk (any shape)."""
    out = []
    for kind, key in ENTITY_LISTS:
        items = meta.get(key)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out.append((kind, item["id"]))
    return out


def frontmatter_defaults() -> dict[str, Any]:
    """The empty value of every field a briefing must have that can be empty, read off `Briefing`.

    What ``check`` puts in place of a field a file leaves out before validating, so that the
    checker and the loader (`Briefing.from_parts`) agree on what a missing field means; ``title``
    has no empty value and stays required."""
    hints = get_type_hints(Briefing)
    out: dict[str, Any] = {}
    for f in fields(Briefing):
        if f.name == "paragraphs" or f.default is not MISSING or f.default_factory is not MISSING:
            continue
        hint = hints[f.name]
        if get_origin(hint) is list:
            out[f.name] = []
        elif type(None) in get_args(hint):
            out[f.name] = None
        elif is_dataclass(hint):
            out[f.name] = {}
    return out


def item_classes() -> dict[str, tuple[type, bool]]:
    """Frontmatter fields that hold model objects: name -> (class, whether it is a list of them)."""
    out: dict[str, tuple[type, bool]] = {}
    for name, hint in get_type_hints(Briefing).items():
        many = get_origin(hint) is list
        cls = get_args(hint)[0] if many else hint
        if isinstance(cls, type) and is_dataclass(cls):
            out[name] = (cls, many)
    return out


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
