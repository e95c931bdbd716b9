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

import difflib
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import budgets, safetext, yamlerrors, yamlsafe
from .ids import name_key, slugify
from .model import KINDS

DEFAULT_PATH = "registry.yml"


class RegistryError(ValueError):
    """The first problem of a registry; ``more`` holds the others, each reported by `check`."""

    def __init__(
        self, path: str | os.PathLike[str], line: int, message: str, more: list[RegistryError] | None = None
    ) -> None:
        tail = f" (and {len(more)} more: `briefbook check` lists them)" if more else ""
        super().__init__(safetext.one_line(f"{path}:{line}: {message}{tail}"))
        self.path = str(path)
        self.line = line
        self.message = message
        self.more = more or []
        self.partial: Registry | None = None  # the entries that fit, when only some do not

    def all(self) -> list[RegistryError]:
        return [self, *self.more]


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
    never_merge: list[str] = field(default_factory=list)  # names the corpus must not merge with it

    @property
    def id(self) -> str:
        return slugify(self.name)

    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Registry:
    entries: list[Entry] = field(default_factory=list)
    path: str | None = None
    # sha256 of the registry text (briefings record `digest_for`, the part that concerns them)
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

    def resolve(
        self, kind: str, entity_id: str | None, name: str, forms: Iterable[str] = ()
    ) -> Entry | None:
        """The entry a briefing's item stands for: by its id, else its name, else its first other
        form (alias, multi-word mention) that the registry knows. One order for every caller:
        extraction (no id yet: None), the corpus index and curation.
        """
        entry = (self.get(kind, entity_id) if entity_id else None) or self.lookup(name, kind)
        if entry is None:
            entry = next((e for f in forms if (e := self.lookup(f, kind))), None)
        return entry

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def named_in(self, text: str) -> list[Entry]:
        """The entries one of whose names or aliases occurs in ``text`` as whole words.

        A form matches as `lookup` matches (case, accents, hyphens and spaces ignored: "Kim
        Sangbu" names "Kim Sang-bu"), but only from the start of a word to the end of a word:
        the alias "IOC" is not in "Ohio Center", nor "SPA" in "Spanish" or "transparency".
        The one place where a registry name is looked for in running text.
        """
        if not self.entries:
            return []
        words = WordIndex(text)
        return [e for e in self.entries if any(words.contains(f) for f in e.forms())]

    def digest_for(self, text: str, ids: Iterable[tuple[str, str]] = ()) -> str | None:
        """A digest of the entries that can change one briefing; None when none can.

        An entry can change a briefing when one of its names or aliases occurs in the
        briefing's text as whole words (`named_in`) or when the briefing already links to it
        (``ids``: (kind, id) pairs). Only the fields that extraction copies into a briefing
        count, so an alias added for one person re-extracts the briefings that name that
        person, and a new description re-extracts none.
        """
        if not self.entries:
            return None  # (splitting a whole article into words costs more than the rest of this)
        used = set(ids)
        named = {id(e) for e in self.named_in(text)}
        relevant = sorted(
            (e for e in self.entries if (e.kind, e.id) in used or id(e) in named),
            key=lambda e: (e.kind, e.id),
        )
        if not relevant:
            return None
        fields = [[e.kind, e.name, e.aliases, e.country, e.role] for e in relevant]
        return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]

    def digest_for_briefing(
        self, title: str | None, paragraphs: Iterable[str], ids: Iterable[tuple[str, str]]
    ) -> str | None:
        """`digest_for` of a briefing: its title and paragraphs, and the entity ids it lists."""
        return self.digest_for("\n".join([title or "", *paragraphs]), ids)


_POSSESSIVE = re.compile(r"['\u2019]s\b", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z0-9&]*[A-Z][A-Z0-9&]*")


class WordIndex:
    """``text`` as `name_key` sees names, with its word boundaries kept: the words of its slug
    joined without hyphens, and the offsets where a word starts and ends in that string."""

    def __init__(self, text: str) -> None:
        self.text = text
        # a possessive's "s" is a word of its own here ("the IOC's" names the IOC); uncached (a
        # whole article is not a name) and without a length limit (no word is cut)
        slug = slugify.__wrapped__(_POSSESSIVE.sub(" s", text), max_length=sys.maxsize)
        words = [] if slug == "untitled" and "untitled" not in text.lower() else slug.split("-")
        self.flat = "".join(words)
        self.starts: set[int] = set()
        self.ends: set[int] = set()
        at = 0
        for word in words:
            self.starts.add(at)
            at += len(word)
            self.ends.add(at)

    def contains(self, name: str) -> bool:
        """Whether ``name`` occurs here from the start of a word to the end of a word; an acronym
        ("SPA", "AT&T") only where it is written in capitals (not in "a spa hotel")."""
        if len(name) > 1 and _ACRONYM.fullmatch(name):
            return re.search(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", self.text) is not None
        key = name_key(name)
        if not key:
            return False
        at = self.flat.find(key)
        while at != -1:
            if at in self.starts and at + len(key) in self.ends:
                return True
            at = self.flat.find(key, at + 1)
        return False


class _LineLoader(yamlsafe.SafeLoader):
    """Records the source line of each mapping so that problems can be reported as path:line."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_registry(text: str, path: str | os.PathLike[str] = DEFAULT_PATH) -> Registry:
    try:
        data = yamlsafe.load(text, loader=_LineLoader)
    except yaml.YAMLError as exc:
        found = yamlerrors.locate(text, exc)  # the line the mistake starts on, in words (one line)
        raise RegistryError(path, found.line + 1, f"registry is not valid YAML: {found.message}") from None
    if data is None:
        return Registry([], str(path))
    raw = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise RegistryError(path, 1, "registry must have a top-level 'entities:' list")
    entries: list[Entry] = []
    seen: dict[tuple[str, str], int] = {}
    problems: list[RegistryError] = []  # every entry's problem, not only the first one's
    for item in raw:
        try:
            entry = _entry(item, path)
        except RegistryError as exc:
            problems.append(exc)
            continue
        line, name, kind = entry.line, entry.name, entry.kind
        if (kind, entry.id) in seen:
            problems.append(
                RegistryError(path, line, f"{name!r} is listed twice (first at line {seen[(kind, entry.id)]})")
            )
            continue
        seen[(kind, entry.id)] = line
        entries.append(entry)
    if problems:
        first = problems[0]
        error = RegistryError(first.path, first.line, first.message, problems[1:])
        error.partial = Registry(entries, str(path))  # `check` goes on with the entries that fit
        raise error
    return Registry(entries, str(path))


def _entry(item: Any, path: str | os.PathLike[str]) -> Entry:
    """One entry of the registry file; RegistryError (at its line) when it does not fit."""
    if not isinstance(item, dict):
        raise RegistryError(path, 1, "each registry entry must be a mapping with name and kind")
    line = int(item.get("__line__", 1))
    name, kind = item.get("name"), item.get("kind")
    if not isinstance(name, str) or not name.strip():
        raise RegistryError(path, line, "registry entry has no name")
    if kind not in KINDS:
        close = difflib.get_close_matches(str(kind), KINDS, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise RegistryError(
            path, line, f"registry entry {name!r} has kind {kind!r}{hint}; use one of " + ", ".join(KINDS)
        )
    aliases = item.get("aliases") or []
    links = item.get("links") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise RegistryError(path, line, f"aliases of {name!r} must be a list of strings")
    if not isinstance(links, list) or not all(isinstance(a, str) for a in links):
        raise RegistryError(path, line, f"links of {name!r} must be a list of strings")
    never = item.get("never_merge") or []
    if not isinstance(never, list) or not all(isinstance(a, str) for a in never):
        raise RegistryError(path, line, f"never_merge of {name!r} must be a list of names")
    if len(aliases) > budgets.MAX_ALIASES:  # each alias is looked for in every briefing that names it
        raise RegistryError(path, line, f"aliases of {name[:60]!r}: {len(aliases):,}, the limit is {budgets.MAX_ALIASES}")
    return Entry(
        name=name.strip(),
        kind=kind,
        aliases=[a.strip() for a in aliases if a.strip()],
        description=_opt_str(item.get("description")),
        links=links,
        country=_opt_str(item.get("country")),
        role=_opt_str(item.get("role")),
        line=line,
        never_merge=[a.strip() for a in never if a.strip()],
    )


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
