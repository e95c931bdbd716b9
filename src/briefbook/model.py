"""The briefing model: the one place that says what a briefing holds.

Everything downstream (the writer, the checker, the site) reads these classes, so the field
order here is also the key order of the YAML frontmatter that people read and edit. What else
knows the shape is read off these classes (the loader, the empty findings, the check's defaults,
the JSON and SQLite exports), and tests/test_shape.py fails on any difference between them and
the JSON Schema in ``data/briefing.schema.json`` (the same contract for other tools) or the
limits of ``budgets.MAX_ITEMS``.
"""

from __future__ import annotations

from dataclasses import MISSING, Field, asdict, dataclass, field, fields, is_dataclass
from enum import StrEnum
from functools import cache
from typing import Any, Literal, get_args, get_origin, get_type_hints

QuoteKind = Literal["direct", "indirect"]
# How much a person or organization weighs in the story: an ``actor`` acts, speaks, holds a role
# in it or is its subject; ``mentioned`` is named in passing. The site gives actors the weight
# (lead lines, home, graph) and lets mentions be found ("Also mentioned in").
Level = Literal["actor", "mentioned"]

# Field metadata. FOUND: what extraction finds in the article (the rest is the article's own
# metadata and the file's bookkeeping). DATE: YAML reads an unquoted 2025-10-29 as a date; the
# model keeps the ISO text.
FOUND = {"found": True}
DATE = {"date": True}
# SPARSE: written to the frontmatter only when it is not the field's default, so that a file
# without it (every briefing written before the field, a hand edit) reads as the default.
SPARSE = {"sparse": True}


class InitiativeKind(StrEnum):
    """What an initiative is; the schema's enum for ``kind`` lists these values in this order.

    Members are ``str`` (equal to and written as their value); `store` writes them to YAML as
    plain strings."""

    AGREEMENT = "agreement"
    INITIATIVE = "initiative"
    PROGRAM = "program"
    SUMMIT = "summit"
    MEETING = "meeting"
    COMMITTEE = "committee"
    FORUM = "forum"
    LAW = "law"
    ORDER = "order"
    STATEMENT = "statement"
    STRATEGY = "strategy"
    PROJECT = "project"

    @classmethod
    def of(cls, value: Any) -> InitiativeKind:
        """``value`` as a kind; a ValueError worded as `briefbook check` words it when it is none."""
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"initiatives: kind {value!r} is not one of: {', '.join(cls)}") from None


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
    level: Level = field(default="actor", metadata=SPARSE)


@dataclass
class Organization:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    level: Level = field(default="actor", metadata=SPARSE)


@dataclass
class Initiative:
    id: str
    name: str
    kind: InitiativeKind = InitiativeKind.INITIATIVE

    def __post_init__(self) -> None:
        # extraction and the files on disk give text: checked here, once, for every maker
        self.kind = InitiativeKind.of(self.kind)


@dataclass
class Quote:
    text: str
    speaker: str | None
    speaker_name: str | None
    kind: QuoteKind
    paragraph: int


@dataclass
class Event:
    date: str = field(metadata=DATE)
    text: str
    paragraph: int


@dataclass
class Briefing:
    title: str
    date: str | None = field(metadata=DATE)
    location: str | None
    source: Source
    summary: str | None = field(metadata=FOUND)
    key_points: list[str] = field(metadata=FOUND)
    topics: list[str] = field(metadata=FOUND)
    people: list[Person] = field(metadata=FOUND)
    organizations: list[Organization] = field(metadata=FOUND)
    initiatives: list[Initiative] = field(metadata=FOUND)
    quotes: list[Quote] = field(metadata=FOUND)
    events: list[Event] = field(metadata=FOUND)
    places: list[str] = field(metadata=FOUND)
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
        for key, (cls, many) in item_classes().items():
            sparse = [f for f in fields(cls) if f.metadata.get("sparse")]
            for item in (data[key] if many else [data[key]]) if sparse else []:
                for f in sparse:
                    if item.get(f.name) == f.default:
                        del item[f.name]
        title_from = data.pop("title_from")
        if title_from:
            data = {"title": data.pop("title"), "title_from": title_from, **data}
        if not data["story"]:
            data.pop("story")
        return data

    def entity_ids(self) -> list[tuple[str, str]]:
        """(kind, id) of every person, organization and initiative the briefing lists (mentioned or actor)."""
        return [
            *(("person", p.id) for p in self.people),
            *(("organization", o.id) for o in self.organizations),
            *(("initiative", i.id) for i in self.initiatives),
        ]

    @classmethod
    def from_parts(cls, meta: dict[str, Any], paragraphs: list[str]) -> Briefing:
        """Build a briefing from parsed frontmatter, field by field as the model types them: unknown
        keys are ignored, missing lists are empty, a flag that is not its one value is None."""
        values = {f.name: _read(f, hint, meta.get(f.name)) for f, hint in typed_fields(cls) if f.name != "paragraphs"}
        return cls(**values, paragraphs=paragraphs)


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


@cache
def typed_fields(cls: type) -> tuple[tuple[Field[Any], Any], ...]:
    """The fields of a model class with their types resolved (once: the loader reads thousands)."""
    hints = get_type_hints(cls)
    return tuple((f, hints[f.name]) for f in fields(cls))


def _empty(hint: Any) -> Any:
    """The empty value of a field's type: [] for a list, None when it may be None, {} for an item,
    MISSING for text (a title has no empty value)."""
    if get_origin(hint) is list:
        return []
    if type(None) in get_args(hint):
        return None
    if is_dataclass(hint):
        return {}
    return MISSING


def frontmatter_defaults() -> dict[str, Any]:
    """The empty value of every field a briefing must have that can be empty, read off `Briefing`.

    What ``check`` puts in place of a field a file leaves out before validating, so that the
    checker and the loader (`Briefing.from_parts`) agree on what a missing field means; ``title``
    has no empty value and stays required."""
    return {f.name: empty for f, hint in typed_fields(Briefing)
            if f.name != "paragraphs" and f.default is MISSING and f.default_factory is MISSING
            and (empty := _empty(hint)) is not MISSING}


@cache
def item_classes() -> dict[str, tuple[type, bool]]:
    """Frontmatter fields that hold model objects: name -> (class, whether it is a list of them)."""
    out: dict[str, tuple[type, bool]] = {}
    for f, hint in typed_fields(Briefing):
        many = get_origin(hint) is list
        cls = get_args(hint)[0] if many else hint
        if isinstance(cls, type) and is_dataclass(cls):
            out[f.name] = (cls, many)
    return out


def empty_findings() -> dict[str, Any]:
    """The fields extraction fills (``FOUND``) with nothing found: what every briefing has at least."""
    return {f.name: _empty(hint) for f, hint in typed_fields(Briefing) if f.metadata.get("found")}


def _read(f: Field[Any], hint: Any, value: Any) -> Any:
    """One frontmatter value as the model's field ``f`` of type ``hint`` holds it."""
    if get_origin(hint) is list:
        (item,) = get_args(hint)
        if is_dataclass(item):
            return [_item(item, raw) for raw in value or [] if isinstance(raw, dict)]
        return list(value or [])
    if is_dataclass(hint):
        return _item(hint, value if isinstance(value, dict) else {})
    if hint is dict or get_origin(hint) is dict:
        return dict(value or {})
    if f.metadata.get("date"):
        return _iso_date(value, hint)
    if hint is str:
        return str(value or "")
    flags = [a for a in get_args(hint) if get_origin(a) is Literal]
    if flags:  # a flag: its value, or None for anything else
        return value if value in get_args(flags[0]) else None
    return value


def _item(cls: type, raw: dict[str, Any]) -> Any:
    """A model item from a mapping: unknown keys ignored, dates kept as ISO text."""
    kwargs = {}
    for f, hint in typed_fields(cls):
        if f.name in raw:
            value = raw[f.name]
            kwargs[f.name] = _iso_date(value, hint) if f.metadata.get("date") else value
    return cls(**kwargs)


def _iso_date(value: Any, hint: Any) -> str | None:
    """A date as ISO text; empty is None, or "" for a field that may not be None."""
    text = _str_or_none(value)
    return text if text is not None or type(None) in get_args(hint) else ""


def _str_or_none(value: Any) -> str | None:
    """YAML turns bare 2025-10-29 into a date object; the model keeps ISO strings."""
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)
