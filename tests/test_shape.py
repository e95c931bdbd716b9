"""The briefing's shape is declared once, in `model.py`: the JSON Schema, the item limits of
`budgets`, the loader, the exports and the check's defaults agree with it field by field, and
this file fails on any difference."""

from __future__ import annotations

import datetime
import json
import sqlite3
import types
from dataclasses import MISSING, fields, is_dataclass
from enum import Enum
from importlib import resources
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import pytest
import yaml

from briefbook import budgets, store
from briefbook.check import examine
from briefbook.model import (
    Briefing,
    Event,
    Initiative,
    InitiativeKind,
    Organization,
    Person,
    Quote,
    Source,
    empty_findings,
)

SCHEMA = json.loads(resources.files("briefbook").joinpath("data/briefing.schema.json").read_text())
_JSON = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null", dict: "object"}


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _schema_options(node: dict[str, Any]) -> list[dict[str, Any]]:
    """One schema node per alternative (``oneOf`` and ``type: [a, b]`` taken apart)."""
    node = _resolve(node)
    if "oneOf" in node:
        return [o for sub in node["oneOf"] for o in _schema_options(sub)]
    if isinstance(node.get("type"), list):
        return [{**node, "type": t} for t in node["type"]]
    if "enum" in node:
        return [{"type": "string", "enum": node["enum"]}]
    return [node]


def _model_options(hint: Any) -> list[Any]:
    if get_origin(hint) in (Union, types.UnionType):
        return [o for arg in get_args(hint) for o in _model_options(arg)]
    return [hint]


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, Enum)


def _agree(hint: Any, node: dict[str, Any], where: str) -> None:
    """Assert the model's type ``hint`` and the schema ``node`` describe the same values."""
    hints, nodes = _model_options(hint), _schema_options(node)
    assert sorted(_kind(h) for h in hints) == sorted(n["type"] for n in nodes), where
    for h in hints:
        (n,) = [n for n in nodes if n["type"] == _kind(h)]
        if get_origin(h) is list:
            _agree(get_args(h)[0], n["items"], f"{where}[]")
        elif get_origin(h) is Literal:
            assert sorted(get_args(h)) == sorted(n["enum"]), where
        elif _is_enum(h):  # the schema lists the enumeration's values, in its order
            assert [m.value for m in h] == n["enum"], where
        elif is_dataclass(h):
            _same_fields(h, n, where, _written_whole(h))  # items are written whole but for their sparse fields
        else:
            assert "enum" not in n, f"{where}: the schema enumerates values the model does not"


def _kind(hint: Any) -> str:
    if get_origin(hint) is list:
        return "array"
    if get_origin(hint) is Literal or _is_enum(hint):
        return "string"
    if is_dataclass(hint):
        return "object"
    return _JSON[get_origin(hint) or hint]


def _written_whole(cls: type) -> set[str]:
    """The fields of an item every file has: all but the sparse ones (written only when not their default)."""
    return {f.name for f in fields(cls) if not f.metadata.get("sparse")}


def _same_fields(cls: type, node: dict[str, Any], where: str, required: set[str]) -> None:
    node = _resolve(node)
    hints = get_type_hints(cls)
    names = {f.name for f in fields(cls)} - {"paragraphs"}  # the body, not the frontmatter
    assert names == set(node["properties"]), where
    assert node.get("additionalProperties") is False, where
    assert set(node["required"]) == required, where
    for name in names:
        _agree(hints[name], node["properties"][name], f"{where}.{name}")
    for f in fields(cls):  # a sparse field left out is its default, for the schema's readers too
        if f.metadata.get("sparse"):
            assert _resolve(node["properties"][f.name]).get("default") == f.default, f"{where}.{f.name}"


def test_the_model_the_schema_and_the_budgets_agree():
    """Field names, required fields, types, enumerations and the items' shapes (recursively) of
    `Briefing` and the JSON Schema; and each list of a briefing has exactly one item limit:
    `budgets.MAX_ITEMS`, the schema's maxItems, or (the body) `budgets.MAX_PARAGRAPHS`."""
    # a briefing must have every field the model gives no default (other_sources, review and
    # generator may be left out)
    required = {f.name for f in fields(Briefing) if f.default is MISSING and f.default_factory is MISSING}
    _same_fields(Briefing, SCHEMA, "briefing", required - {"paragraphs"})
    hints = get_type_hints(Briefing)
    lists = {name for name, hint in hints.items() if get_origin(hint) is list}
    in_schema = {name for name in lists - {"paragraphs"} if "maxItems" in SCHEMA["properties"][name]}
    assert set(budgets.MAX_ITEMS) == lists - in_schema - {"paragraphs"}
    assert not in_schema & set(budgets.MAX_ITEMS)


def test_the_test_sees_a_difference():
    """The comparison above is not vacuous: a field, a requirement or an enum value off fails it."""
    item = SCHEMA["properties"]["initiatives"]["items"]
    with pytest.raises(AssertionError):
        _same_fields(Initiative, {**item, "properties": {**item["properties"], "extra": {"type": "string"}}},
                     "x", {"id", "name", "kind"})
    with pytest.raises(AssertionError):
        _same_fields(Initiative, {**item, "required": ["id", "name"]}, "x", {"id", "name", "kind"})
    kinds = {"enum": [*item["properties"]["kind"]["enum"], "treaty"]}
    with pytest.raises(AssertionError):
        _agree(InitiativeKind, kinds, "kind")
    with pytest.raises(AssertionError):
        _agree(str, {"enum": ["a"]}, "kind")


@pytest.mark.parametrize("cls", [Source, Person, Organization, Initiative, Quote, Event])
def test_every_item_field_is_in_the_schema_and_required(cls):
    """Items are written whole: the schema requires every field (check fills the defaults first)
    but the sparse ones, which a file leaves out when they are their default."""
    node = {
        Source: SCHEMA["$defs"]["source"],
        Person: SCHEMA["properties"]["people"]["items"],
        Organization: SCHEMA["properties"]["organizations"]["items"],
        Initiative: SCHEMA["properties"]["initiatives"]["items"],
        Quote: SCHEMA["properties"]["quotes"]["items"],
        Event: SCHEMA["properties"]["events"]["items"],
    }[cls]
    _same_fields(cls, node, cls.__name__, _written_whole(cls))


def test_a_level_is_written_only_when_mentioned_and_read_as_actor_when_left_out():
    """Briefings written before levels, and hand edits that leave the field out, read as actors."""
    b = _briefing(people=[Person("jane-roe", "Jane Roe"), Person("tom-poe", "Tom Poe", level="mentioned")],
                  organizations=[Organization("acme", "Acme", level="mentioned")])
    text = store.render(b)
    assert text.count("level:") == 2 and "level: actor" not in text
    again = store.parse(text)
    assert [p.level for p in again.people] == ["actor", "mentioned"] and again.organizations[0].level == "mentioned"
    assert store.render(again) == text
    old = "---\ntitle: T\npeople:\n- id: jane-roe\n  name: Jane Roe\n---\n\nOne.\n"
    assert store.parse(old).people[0].level == "actor" and examine(old, "x.md").problems == []
    wrong = old.replace("name: Jane Roe", "name: Jane Roe\n  level: minor")
    assert examine(wrong, "x.md").problems != []


def test_check_fills_what_the_model_defaults():
    """A file with only a title and the fields with no empty value is accepted: check and the
    loader agree on what a missing field means."""
    text = "---\ntitle: Only a title\npeople:\n- id: kim-sang-bu\n  name: Kim Sang-bu\n---\n\nOne paragraph.\n"
    assert examine(text, "x.md").problems == []
    missing_title = "---\ndate: 2025-06-01\n---\n\nOne paragraph.\n"
    assert [p.message for p in examine(missing_title, "x.md").problems] != []


def _briefing(**found: Any) -> Briefing:
    return Briefing(title="T", date="2025-06-01", location=None, source=Source(), paragraphs=["One."],
                    **(empty_findings() | found))


def test_empty_findings_are_what_extraction_fills():
    """Every required field that is not the article's own metadata (title, date, place, source, body)."""
    own = {"title", "date", "location", "source", "paragraphs"}
    required = {f.name for f in fields(Briefing) if f.default is MISSING and f.default_factory is MISSING}
    assert set(empty_findings()) == required - own
    assert _briefing().frontmatter()["people"] == []


def test_an_initiative_kind_is_written_and_read_as_plain_text():
    b = _briefing(initiatives=[Initiative("apec-summit", "APEC summit", "summit")])
    assert b.initiatives[0].kind is InitiativeKind.SUMMIT
    text = store.render(b)
    assert "\n  kind: summit\n" in text
    meta = yaml.safe_load(text.split("---\n")[1])
    assert type(meta["initiatives"][0]["kind"]) is str
    again = store.parse(text)
    assert again.initiatives == b.initiatives and store.render(again) == text


def test_an_unknown_initiative_kind_is_one_clear_line():
    text = store.render(_briefing(initiatives=[Initiative("x", "X")])).replace("kind: initiative", "kind: treaty")
    with pytest.raises(store.BriefingError) as err:
        store.parse(text, "x.md")
    message = str(err.value)
    assert "\n" not in message and "'treaty' is not one of: agreement, initiative" in message
    (problem,) = examine(text, "x.md").problems
    assert "'treaty' is not one of: agreement, initiative" in problem.message
    with pytest.raises(ValueError, match="is not one of"):
        Initiative("x", "X", "treaty")


def test_from_parts_reads_every_field_by_its_type():
    meta = _briefing(review=["why"], title_from="lead", story="separate",
                     other_sources=[Source(outlet="B")]).frontmatter()
    meta["date"] = datetime.date(2025, 6, 1)  # as YAML reads an unquoted date
    b = Briefing.from_parts({**meta, "unknown": 1, "events": [{"date": 2025, "text": "x", "paragraph": 1}]},
                            ["One."])
    assert b.date == "2025-06-01" and b.events[0].date == "2025" and b.title_from == "lead"
    assert b.story == "separate" and b.other_sources == [Source(outlet="B")] and b.review == ["why"]
    bare = Briefing.from_parts({"title": "T", "title_from": "other", "source": "nonsense"}, [])
    assert bare.title_from is None and bare.source == Source() and bare.people == [] and bare.summary is None


def test_the_exports_carry_every_field_of_the_model(tmp_path):
    """The JSON export has every field of the model but those it names as left out; the SQLite
    briefings table has a column for every field not kept in a table of its own."""
    from briefbook.corpus import build_corpus
    from briefbook.site.export import NOT_EXPORTED, briefings_json
    from briefbook.sqlite_export import BRIEFING_COLUMNS, IN_TABLES, NOT_KEPT, SOURCE_COLUMNS, export_sqlite

    names = {f.name for f in fields(Briefing)}
    assert names >= NOT_EXPORTED and names >= IN_TABLES and names >= NOT_KEPT
    # no people, organizations nor initiatives: their (empty) tables are made all the same
    b = _briefing(quotes=[Quote("We agree.", None, "Kim", "direct", 1)], events=[Event("2025-06", "Talks", 1)])
    corpus = build_corpus([("t", b)])
    (row,) = json.loads(briefings_json(corpus))["briefings"]
    assert names - NOT_EXPORTED <= set(row)
    assert {f.name for f in fields(Quote)} <= set(row["quotes"][0])
    assert {f.name for f in fields(Event)} <= set(row["events"][0])
    placed = {"source": set(SOURCE_COLUMNS.values()), "paragraphs": {"text"}}
    expected = {"id"} | {c for n in names - IN_TABLES - NOT_KEPT for c in placed.get(n, {n})}
    assert set(BRIEFING_COLUMNS) == expected
    export_sqlite(corpus, tmp_path / "c.db")
    with sqlite3.connect(tmp_path / "c.db") as conn:
        assert {r[1] for r in conn.execute("pragma table_info(briefings)")} == expected
