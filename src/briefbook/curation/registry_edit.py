"""Editing registry.yml: entries added or merged in, every comment and line around them kept.

The registry is written by people; a change made by ``entities --apply`` replaces only the
lines of the entry it touches (or appends one), and never writes a file that does not read back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from .. import yamlerrors, yamlsafe
from ..names import name_key
from ..registry import Entry, Registry, RegistryError, parse_registry

# ---------------------------------------------------------------------------------------------
# YAML out


_PLAIN = re.compile(r"^[A-Za-z0-9À-ɏ][\w .'’()&/+-]*$")


def scalar(value: str, flow: bool = False) -> str:
    """A YAML scalar for ``value``: plain when that reads back as the same text, else quoted."""
    plain = (
        _PLAIN.match(value)
        and not value.endswith(" ")
        and " #" not in value
        and not (flow and any(c in value for c in ",[]{}"))
    )
    if plain:
        try:
            if yamlsafe.load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def render_entry(entry: Entry, indent: str = "  ") -> str:
    """One registry entry as a block of YAML lines (no trailing newline)."""
    lines = [f"{indent}- name: {scalar(entry.name)}", f"{indent}  kind: {entry.kind}"]
    if entry.aliases:
        lines.append(f"{indent}  aliases: [{', '.join(scalar(a, flow=True) for a in entry.aliases)}]")
    if entry.description:
        lines.append(f"{indent}  description: {scalar(entry.description)}")
    if entry.country:
        lines.append(f"{indent}  country: {scalar(entry.country)}")
    if entry.role:
        lines.append(f"{indent}  role: {scalar(entry.role)}")
    if entry.links:
        lines.append(f"{indent}  links: [{', '.join(scalar(a, flow=True) for a in entry.links)}]")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Applying entries: the registry


class ApplyError(ValueError):
    """An entry that cannot be applied; the message says why and what to do."""


def parse_entries(arg: str) -> list[Entry]:
    """Entries from a YAML file or inline YAML: one mapping, a list, or ``entities: [...]``."""
    path = Path(arg)
    if "\n" not in arg and len(arg) < 4096 and path.is_file():
        text, label = path.read_text(encoding="utf-8"), str(path)
    else:
        text, label = arg, "<--apply>"
    try:
        data = yamlsafe.load(text, loader=yamlsafe.SafeLoader)  # its messages, for a hand-written file
    except yaml.YAMLError as exc:
        found = yamlerrors.locate(text, exc)  # fix.yml is edited by hand: the line, in words
        raise ApplyError(f"{label}:{found.line + 1}: not valid YAML: {found.message}") from None
    if isinstance(data, dict) and "entities" in data:
        pass
    elif isinstance(data, dict):
        text = yaml.safe_dump({"entities": [data]}, allow_unicode=True, sort_keys=False)
    elif isinstance(data, list):
        text = yaml.safe_dump({"entities": data}, allow_unicode=True, sort_keys=False)
    else:
        raise ApplyError(
            f"{label}: expected a registry entry such as '{{name: Kim Sang-bu, kind: person, aliases: [Kim Sangbu]}}'"
            " or a file of them"
        )
    try:
        entries = parse_registry(text, label).entries
    except RegistryError as exc:
        raise ApplyError(str(exc)) from None
    if not entries:
        raise ApplyError(f"{label}: no entries to apply")
    return entries


def _merge_entry(old: Entry, new: Entry) -> Entry:
    forms: dict[str, str] = {}
    for form in [*old.forms(), *new.aliases]:
        forms.setdefault(form.casefold(), form)
    forms.pop(new.name.casefold(), None)
    links = list(dict.fromkeys([*old.links, *new.links]))
    return Entry(
        name=new.name,
        kind=new.kind,
        aliases=list(forms.values()),
        description=new.description or old.description,
        links=links,
        country=new.country or old.country,
        role=new.role or old.role,
    )


def _entry_blocks(text: str) -> list[tuple[int, int, str]] | None:
    """(first line, end line, indent) of each entry, 0-based, trailing comments left out."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    seq = next((v for k, v in root.value if getattr(k, "value", None) == "entities"), None)
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style:
        return None
    lines = text.split("\n")
    out = []
    for item in seq.value:
        start, end = item.start_mark.line, item.end_mark.line
        if item.end_mark.column > 0 and end < len(lines) and lines[end][: item.end_mark.column].strip():
            end += 1  # the item ends inside this line (end of file without a newline)
        head = lines[start][: item.start_mark.column]
        m = re.fullmatch(r"(\s*)-\s+", head)
        if not m or getattr(item, "flow_style", False):
            return None
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        out.append((start, end, m.group(1)))
    return out


REGISTRY_HEADER = """\
# The curated entity registry: canonical names, aliases and short descriptions.
# A registry entry wins over extraction in every briefing (see CONTRIBUTING.md).
entities: []
"""


def merge_registry(
    text: str | None, entries: list[Entry], path: str = "registry.yml"
) -> tuple[str, list[str]]:
    """The registry text with ``entries`` added or merged in; comments and layout kept.

    An entry is merged into the existing entry of the same kind that shares its id or any of its
    names and aliases; the applied entry's name becomes the canonical name.
    """
    text = text if text and text.strip() else REGISTRY_HEADER
    notes = []
    for new in entries:
        reg = parse_registry(text, path)
        keys = {name_key(f) for f in new.forms()}
        hits = [
            e
            for e in reg.entries
            if e.kind == new.kind and (e.id == new.id or keys & {name_key(f) for f in e.forms()})
        ]
        if len(hits) > 1:
            names = " and ".join(f"{e.name!r} (line {e.line})" for e in hits)
            raise ApplyError(f"{path}: {new.name!r} would join {names}: merge those entries by hand first")
        blocks = _entry_blocks(text)
        lines = text.split("\n")
        if hits:
            old = hits[0]
            merged = _merge_entry(old, new)
            index = reg.entries.index(old)
            if blocks is None or len(blocks) != len(reg.entries):
                text = _rewrite(reg, {index: merged})
            else:
                start, end, indent = blocks[index]
                lines[start:end] = render_entry(merged, indent).split("\n")
                text = "\n".join(lines)
            notes.append(f"merged {new.kind} {merged.name!r} into the entry at {path}:{old.line}")
        else:
            if blocks is None:
                text = _rewrite(reg, {len(reg.entries): new})
            else:
                indent = blocks[-1][2] if blocks else "  "
                body = text.rstrip("\n")
                if re.search(r"^entities:\s*\[\s*\]\s*$", body, re.M):
                    body = re.sub(r"^entities:\s*\[\s*\]\s*$", "entities:", body, flags=re.M)
                text = body + ("\n\n" if blocks else "\n") + render_entry(new, indent) + "\n"
            notes.append(f"added {new.kind} {new.name!r} to {path}")
        parse_registry(text, path)  # never write a registry that does not read back
    return text, notes


def _rewrite(reg: Registry, changes: dict[int, Entry]) -> str:
    entries = list(reg.entries)
    for index, entry in changes.items():
        if index < len(entries):
            entries[index] = entry
        else:
            entries.append(entry)
    head = REGISTRY_HEADER.replace("entities: []", "entities:")
    return head + "\n\n".join(render_entry(e) for e in entries) + "\n"
