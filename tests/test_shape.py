"""The briefing's shape is written once: `model.py` and `data/briefing.schema.json` agree field by
field (names, which are required, types), and `check` fills missing fields from the model."""

from __future__ import annotations

import json
import types
from dataclasses import MISSING, fields, is_dataclass
from importlib import resources
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import pytest

from briefbook.check import examine
from briefbook.model import Briefing, Event, Initiative, Organization, Person, Quote, Source

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
        elif is_dataclass(h):
            _same_fields(h, n, where)


def _kind(hint: Any) -> str:
    if get_origin(hint) is list:
        return "array"
    if get_origin(hint) is Literal or is_dataclass(hint):
        return "string" if get_origin(hint) is Literal else "object"
    return _JSON[get_origin(hint) or hint]


def _same_fields(cls: type, node: dict[str, Any], where: str, required: set[str] | None = None) -> None:
    node = _resolve(node)
    hints = get_type_hints(cls)
    names = {f.name for f in fields(cls)} - {"paragraphs"}  # the body, not the frontmatter
    assert names == set(node["properties"]), where
    assert node.get("additionalProperties") is False, where
    if required is not None:
        assert set(node["required"]) == required, where
    for name in names:
        _agree(hints[name], node["properties"][name], f"{where}.{name}")


def test_briefing_and_schema_agree_field_by_field():
    # a briefing must have every field the model gives no default (other_sources, review and
    # generator may be left out)
    required = {f.name for f in fields(Briefing) if f.default is MISSING and f.default_factory is MISSING}
    _same_fields(Briefing, SCHEMA, "briefing", required - {"paragraphs"})


@pytest.mark.parametrize("cls", [Source, Person, Organization, Initiative, Quote, Event])
def test_every_item_field_is_in_the_schema_and_required(cls):
    """Items are written whole: the schema requires every field (check fills the defaults first)."""
    node = {
        Source: SCHEMA["$defs"]["source"],
        Person: SCHEMA["properties"]["people"]["items"],
        Organization: SCHEMA["properties"]["organizations"]["items"],
        Initiative: SCHEMA["properties"]["initiatives"]["items"],
        Quote: SCHEMA["properties"]["quotes"]["items"],
        Event: SCHEMA["properties"]["events"]["items"],
    }[cls]
    _same_fields(cls, node, cls.__name__, {f.name for f in fields(cls)})


def test_check_fills_what_the_model_defaults():
    """A file with only a title and the fields with no empty value is accepted: check and the
    loader agree on what a missing field means."""
    text = "---\ntitle: Only a title\npeople:\n- id: kim-sang-bu\n  name: Kim Sang-bu\n---\n\nOne paragraph.\n"
    assert examine(text, "x.md").problems == []
    missing_title = "---\ndate: 2025-06-01\n---\n\nOne paragraph.\n"
    assert [p.message for p in examine(missing_title, "x.md").problems] != []
