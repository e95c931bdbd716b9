"""Relinking one briefing to the registry without extracting again.

A briefing nobody edited is rendered anew (and stays untouched generator output); a briefing
edited by hand keeps every byte except the re-linked values. Items that come to share an id are
joined, and whatever the join had to drop is named in the briefing's review list.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import store, yamlsafe
from ..model import ENTITY_KINDS, ENTITY_LISTS, Briefing
from ..names import name_key
from ..registry import Registry
from .registry_edit import scalar

_LIST = dict(ENTITY_LISTS)
# The field of each list that keeps an item's other names (joined when two items become one).
_EXTRA = {"people": "mentions", "organizations": "aliases", "initiatives": ""}


@dataclass
class Relink:
    """The scalar edits that re-link one briefing: (field path, new value)."""

    edits: list[tuple[tuple[Any, ...], str]] = field(default_factory=list)
    old_names: dict[tuple[str, int], str] = field(default_factory=dict)  # (list, index) -> old name


def _items(meta: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = meta.get(key)
    return [(i, x) for i, x in enumerate(value) if isinstance(x, dict)] if isinstance(value, list) else []


def _other_forms(kind: str, item: dict[str, Any]) -> list[str]:
    """The forms besides its name that tie an item to a registry entry, as `clusters.collect`
    reads them: a person's multi-word mentions, an organization's aliases."""
    key = _EXTRA[_LIST[kind]]
    forms = [f for f in item.get(key) or [] if isinstance(f, str)] if key else []
    return [f for f in forms if len(f.split()) > 1] if kind == "person" else forms


def plan_relink(meta: dict[str, Any], registry: Registry) -> Relink:
    """What to change in one briefing's frontmatter so that it names the registry's entities."""
    plan = Relink()
    id_maps: dict[str, dict[str, str]] = {"person": {}, "organization": {}}
    names: dict[str, dict[str, str]] = {"person": {}, "organization": {}}
    for kind in ENTITY_KINDS:
        key = _LIST[kind]
        for i, item in _items(meta, key):
            ident, name = item.get("id"), item.get("name")
            if not isinstance(ident, str) or not isinstance(name, str):
                continue
            entry = registry.resolve(kind, ident, name, _other_forms(kind, item))
            if entry is None:
                continue
            if ident != entry.id:
                plan.edits.append(((key, i, "id"), entry.id))
                if kind in id_maps:
                    id_maps[kind][ident] = entry.id
            if name != entry.name:
                plan.edits.append(((key, i, "name"), entry.name))
                plan.old_names[(key, i)] = name
                if kind in names:
                    names[kind][name] = entry.name
    for i, person in _items(meta, "people"):
        org = person.get("organization")
        if isinstance(org, str) and org in id_maps["organization"]:
            plan.edits.append((("people", i, "organization"), id_maps["organization"][org]))
    person_ids = {p.get("id") for _, p in _items(meta, "people")}
    for i, quote in _items(meta, "quotes"):
        speaker, speaker_name = quote.get("speaker"), quote.get("speaker_name")
        kind = "person" if speaker in person_ids else "organization"
        if isinstance(speaker, str) and speaker in id_maps[kind]:
            plan.edits.append((("quotes", i, "speaker"), id_maps[kind][speaker]))
        if isinstance(speaker_name, str) and speaker_name in names[kind]:
            plan.edits.append((("quotes", i, "speaker_name"), names[kind][speaker_name]))
    topics = meta.get("topics")
    if isinstance(topics, list):
        for i, topic in enumerate(topics):
            if not isinstance(topic, str):
                continue
            entry = registry.resolve("topic", topic, topic.replace("-", " "))
            if entry is not None and entry.id != topic:
                plan.edits.append((("topics", i), entry.id))
    return plan


def _set(meta: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        meta = meta[part]
    meta[path[-1]] = value


def _merge_items(
    items: list[dict[str, Any]], extra: str, dropped: list[str] | None = None, label: str = ""
) -> list[dict[str, Any]]:
    """Items that now share an id become one: lists joined, empty fields filled from the others.

    Where both items hold a different value (two roles), the first is kept and ``dropped`` gets
    a review reason naming the other: a person must choose, the merge does not guess."""
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        ident = item.get("id")
        if ident not in out:
            out[ident] = item
            continue
        kept = out[ident]
        for k, v in item.items():
            if k == extra and isinstance(v, list):
                joined = list(kept.get(k) or []) + [x for x in v if x not in (kept.get(k) or [])]
                if item.get("name") and item["name"] != kept.get("name") and item["name"] not in joined:
                    joined.append(item["name"])
                kept[k] = sorted(joined) if extra == "mentions" else joined
            elif kept.get(k) in (None, "", []):
                kept[k] = v
            elif dropped is not None and k not in ("id", "name") and v not in (None, "", []) and v != kept[k]:
                dropped.append(
                    f"{label}: two entries became {kept.get('name')!r} (registry); its {k} {v!r} was "
                    f"dropped for {kept[k]!r}: check which is right"
                )
    return list(out.values())


def relink_pristine(
    meta: dict[str, Any], paragraphs: list[str], plan: Relink, registry: Registry | None = None
) -> str:
    """A generator-written briefing re-linked and rendered again (still untouched generator output).

    ``registry``: the whole registry after the change, whose digest the briefing then records
    (as ingest would), so that the next ingest finds it up to date instead of extracting again."""
    for path, value in plan.edits:
        _set(meta, path, value)
    for (key, i), old in plan.old_names.items():
        item = meta[key][i]
        extra = _EXTRA.get(key)
        if (extra == "mentions" and old != item["name"]) or (
            extra and name_key(old) != name_key(item["name"])
        ):
            forms = list(item.get(extra) or [])
            if old not in forms:
                forms.append(old)
            item[extra] = sorted(forms) if extra == "mentions" else forms
    dropped: list[str] = []
    for key, extra in _EXTRA.items():
        meta[key] = _merge_items([x for _, x in _items(meta, key)], extra, dropped, key)
    if dropped:
        meta["review"] = [*(meta.get("review") or []), *dropped]
    for org in meta["organizations"]:
        if isinstance(org.get("aliases"), list):
            org["aliases"] = [a for a in org["aliases"] if name_key(a) != name_key(org.get("name") or "")]
    if isinstance(meta.get("topics"), list):
        meta["topics"] = list(dict.fromkeys(meta["topics"]))
    briefing = Briefing.from_parts(meta, paragraphs)
    if registry is not None:
        digest = registry.digest_for_briefing(briefing.title, paragraphs, briefing.entity_ids())
        briefing.generator.pop("registry", None)
        if digest:
            briefing.generator["registry"] = digest
    return store.render(briefing)


def relink_in_place(text: str, plan: Relink, path: str = "<briefing>") -> str:
    """A hand-edited briefing with only the re-linked values replaced, every other byte kept."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    match = store.FRONTMATTER.match(body)
    if not match:
        raise store.BriefingError(path, 1, "no YAML frontmatter")
    fm, offset = match.group(1), match.start(1)
    root = yaml.compose(fm, Loader=yaml.SafeLoader)
    spans = []
    for field_path, value in plan.edits:
        node = root
        for part in field_path:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            else:
                node = None
            if node is None:
                break
        if isinstance(node, yaml.ScalarNode):
            flow = fm[: node.start_mark.index].rstrip().endswith(("[", ",", "{"))
            spans.append((node.start_mark.index, node.end_mark.index, scalar(value, flow=flow)))
    for start, end, new in sorted(spans, reverse=True):
        fm = fm[:start] + new + fm[end:]
    fm = _merge_in_place(fm, path, plan.old_names)
    return bom + body[:offset] + fm + body[offset + len(match.group(1)) :]



def _merge_in_place(fm: str, path: str, old_names: dict[tuple[str, int], str]) -> str:
    """Items that now share an id, joined into the first (as `_merge_items` joins them); the
    lines of the others removed. Every other line of the frontmatter is kept as the person left it.

    Works on block lists (``- id: ...`` lines, as the generator writes them); a list a person
    rewrote in flow style (``[{id: ...}]``) with two items to join is refused, not guessed.
    ``old_names``: the names the re-link replaced, kept among the joined item's mentions/aliases."""
    root = yaml.compose(fm, Loader=yaml.SafeLoader)
    data = yamlsafe.load(fm)
    if not isinstance(root, yaml.MappingNode) or not isinstance(data, dict):
        return fm
    lines = fm.splitlines(keepends=True)
    replace: dict[int, tuple[int, str]] = {}  # first line -> (end line, new text)
    dropped: list[str] = []
    for key_node, seq in root.value:
        key = getattr(key_node, "value", None)
        if key not in _EXTRA or not isinstance(seq, yaml.SequenceNode) or not isinstance(data.get(key), list):
            continue
        groups: dict[str, list[int]] = defaultdict(list)
        for i, item in enumerate(data[key]):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                groups[item["id"]].append(i)
        for ident, members in groups.items():
            if len(members) < 2:
                continue
            spans = [_item_lines(lines, seq.value[i]) for i in members]
            if seq.flow_style or None in spans:
                raise store.BriefingError(
                    path, seq.start_mark.line + 2,
                    f"{key}: two items now have the id {ident!r}; join them by hand (write the list one '- ' item per entry)",
                )
            items = [dict(data[key][i]) for i in members]
            extra = _EXTRA[key]
            for i, item in zip(members, items, strict=True):
                old = old_names.get((key, i))
                forms = item.get(extra) if extra else None
                if old and isinstance(forms, list) and name_key(old) != name_key(str(item.get("name"))):
                    item[extra] = [*forms, old] if old not in forms else forms
            (merged,) = _merge_items(items, extra, dropped, key)
            first, end = spans[0]  # type: ignore[misc]
            dash = lines[first].index("-")
            block = "".join(" " * dash + line + "\n" for line in store._dump_yaml([merged]).splitlines())  # type: ignore[arg-type]
            replace[first] = (end, block)
            for span in spans[1:]:
                replace[span[0]] = (span[1], "")  # type: ignore[index]
    if not replace:
        return fm
    joined = _splice(lines, replace)
    joined = joined if fm.endswith("\n") or not joined.endswith("\n") else joined[:-1]
    return _add_review(joined, dropped) if dropped else joined


def _splice(lines: list[str], replace: dict[int, tuple[int, str]]) -> str:
    """``lines`` joined, each run [first, end) named in ``replace`` swapped for its new text."""
    out, n = [], 0
    while n < len(lines):
        if n in replace:
            end, text = replace[n]
            out.append(text)
            n = end
        else:
            out.append(lines[n])
            n += 1
    return "".join(out)


def _add_review(fm: str, reasons: list[str]) -> str:
    """``reasons`` added to the frontmatter's ``review:`` list, the other lines left as they are.

    The list is written back as one JSON-style flow list (valid YAML) on the ``review:`` line."""
    root = yaml.compose(fm, Loader=yaml.SafeLoader)
    pairs = root.value if isinstance(root, yaml.MappingNode) else []
    found = next(((k, v) for k, v in pairs if getattr(k, "value", None) == "review"), None)
    if found is None:
        return fm.rstrip("\n") + "\nreview: " + json.dumps(reasons, ensure_ascii=False) + ("\n" if fm.endswith("\n") else "")
    key, value = found
    old = yamlsafe.load(fm).get("review")
    items = [*(old if isinstance(old, list) else [old] if old else []), *reasons]
    colon = fm.index(":", key.end_mark.index) + 1
    end = value.end_mark.index
    while end > colon and fm[end - 1] in " \t\n":  # a block list ends where the next key starts
        end -= 1
    return fm[:colon] + " " + json.dumps(items, ensure_ascii=False) + fm[end:]


def _item_lines(lines: list[str], node: yaml.Node) -> tuple[int, int] | None:
    """The lines [first, end) of one block-list item whose first line is ``- key: ...``; else None."""
    first = node.start_mark.line
    head = lines[first][: node.start_mark.column] if first < len(lines) else ""
    if head.strip() != "-":
        return None
    end = node.end_mark.line
    if end < len(lines) and lines[end][: node.end_mark.column].strip():
        end += 1
    return first, max(end, first + 1)
