"""The curated entity registry: where people merge and correct what extraction guessed.

One YAML file (``registry.yml`` at the project root) with a list of entries::

    entities:
      - name: Lee Jae Myung          # canonical name; the id is its slug
        kind: person                 # person | organization | initiative | topic
        aliases: [Lee Jae-myung, President Lee]
        description: President of South Korea.
        links: [https://example.org/lee]

A registry entry wins over extraction: any mention that matches a name or alias is given the
entry's canonical name and id, in every briefing.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .ids import name_key, slugify
from .store import ALIAS_MESSAGE, first_alias

KINDS = ("person", "organization", "initiative", "topic")
DEFAULT_PATH = "registry.yml"


class RegistryError(ValueError):
    def __init__(self, path: str | os.PathLike[str], line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message


@dataclass
class Entry:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    links: list[str] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    line: int = 0

    @property
    def id(self) -> str:
        return slugify(self.name)

    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Registry:
    entries: list[Entry] = field(default_factory=list)
    path: str | None = None
    # sha256 of the registry text, recorded in briefings so that a changed registry re-links them
    digest: str | None = None

    def __post_init__(self) -> None:
        self._by_key: dict[tuple[str, str], Entry] = {}
        self._by_id: dict[tuple[str, str], Entry] = {}
        for entry in self.entries:
            self._by_id[(entry.kind, entry.id)] = entry
            for form in entry.forms():
                self._by_key.setdefault((entry.kind, name_key(form)), entry)

    def lookup(self, surface: str, kind: str) -> Entry | None:
        """The entry whose name or alias matches ``surface`` (ignoring case, hyphens, spaces)."""
        return self._by_key.get((kind, name_key(surface)))

    def get(self, kind: str, entity_id: str) -> Entry | None:
        return self._by_id.get((kind, entity_id))

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]


class _LineLoader(yaml.SafeLoader):
    """Records the source line of each mapping so that problems can be reported as path:line."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_registry(text: str, path: str | os.PathLike[str] = DEFAULT_PATH) -> Registry:
    alias = first_alias(text)
    if alias is not None:
        raise RegistryError(path, alias + 1, ALIAS_MESSAGE)
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RegistryError(
            path,
            (mark.line + 1) if mark else 1,
            # one line: a reader error (a control character) has no `problem`, only a long text
            f"registry is not valid YAML: {getattr(exc, 'problem', None) or str(exc).splitlines()[0]}",
        ) from None
    if data is None:
        return Registry([], str(path))
    raw = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise RegistryError(path, 1, "registry must have a top-level 'entities:' list")
    entries: list[Entry] = []
    seen: dict[tuple[str, str], int] = {}
    for item in raw:
        if not isinstance(item, dict):
            raise RegistryError(path, 1, "each registry entry must be a mapping with name and kind")
        line = int(item.get("__line__", 1))
        name, kind = item.get("name"), item.get("kind")
        if not isinstance(name, str) or not name.strip():
            raise RegistryError(path, line, "registry entry has no name")
        if kind not in KINDS:
            raise RegistryError(
                path, line, f"registry entry {name!r} has kind {kind!r}; use one of " + ", ".join(KINDS)
            )
        aliases = item.get("aliases") or []
        links = item.get("links") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise RegistryError(path, line, f"aliases of {name!r} must be a list of strings")
        if not isinstance(links, list) or not all(isinstance(a, str) for a in links):
            raise RegistryError(path, line, f"links of {name!r} must be a list of strings")
        entry = Entry(
            name=name.strip(),
            kind=kind,
            aliases=[a.strip() for a in aliases if a.strip()],
            description=_opt_str(item.get("description")),
            links=links,
            country=_opt_str(item.get("country")),
            role=_opt_str(item.get("role")),
            line=line,
        )
        if (kind, entry.id) in seen:
            raise RegistryError(
                path, line, f"{name!r} is listed twice (first at line {seen[(kind, entry.id)]})"
            )
        seen[(kind, entry.id)] = line
        entries.append(entry)
    return Registry(entries, str(path))


def load_registry(path: str | os.PathLike[str] | None) -> Registry:
    """The registry at ``path``; an empty one when the path is None or the file does not exist."""
    if path is None or not Path(path).exists():
        return Registry([], str(path) if path else None)
    text = Path(path).read_text(encoding="utf-8")
    registry = parse_registry(text, path)
    registry.digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return registry


def _opt_str(value: Any) -> str | None:
    return str(value).strip() if value not in (None, "") else None
