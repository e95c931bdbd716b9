"""What the corpus says about each entity: every briefing read, each id with the names it goes by.

Curation compares these clusters (``duplicates``) rather than raw briefings, so that a registry
entry already gathers its names and aliases under one id before anything is compared.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import store
from ..model import ENTITY_KINDS, Briefing
from ..registry import Entry, Registry
from ..store import briefing_files


@dataclass
class Cluster:
    """One entity id across the corpus (after the registry) with every way briefings name it."""

    kind: str
    id: str
    names: Counter[str] = field(default_factory=Counter)  # name -> number of briefings
    aliases: set[str] = field(default_factory=set)  # organization aliases, multi-word mentions
    briefings: list[str] = field(default_factory=list)
    entry: Entry | None = None

    @property
    def name(self) -> str:
        if self.entry is not None:
            return self.entry.name
        return max(self.names.items(), key=lambda kv: (kv[1], "-" in kv[0], len(kv[0]), kv[0]))[0]

    def forms(self) -> set[str]:
        out = set(self.names) | self.aliases
        if self.entry is not None:
            out |= set(self.entry.forms())
        return out


def collect(
    briefings: Iterable[tuple[str, Briefing]], registry: Registry | None = None
) -> dict[str, dict[str, Cluster]]:
    """Clusters by kind and id; registry entries gather their names and aliases under one id."""
    registry = registry or Registry([])
    out: dict[str, dict[str, Cluster]] = {k: {} for k in ENTITY_KINDS}

    def add(kind: str, local_id: str, name: str, forms: Iterable[str], label: str) -> None:
        entry = registry.resolve(kind, local_id, name, forms)
        key = entry.id if entry else local_id
        cluster = out[kind].setdefault(key, Cluster(kind, key, entry=entry))
        if not cluster.briefings or cluster.briefings[-1] != label:
            cluster.briefings.append(label)
            cluster.names[name] += 1
        cluster.aliases.update(f for f in forms if f and f != name)

    for label, b in briefings:
        for p in b.people:
            if p.id and p.name:
                add("person", p.id, p.name, [m for m in p.mentions if len(m.split()) > 1], label)
        for o in b.organizations:
            if o.id and o.name:
                add("organization", o.id, o.name, o.aliases, label)
        for i in b.initiatives:
            if i.id and i.name:
                add("initiative", i.id, i.name, [], label)
    return out


def load_briefings(folder: str | os.PathLike[str]) -> tuple[list[tuple[str, Briefing]], list[str]]:
    """Every readable briefing as (path, briefing), and one line per file that could not be read."""
    out, problems = [], []
    for path in briefing_files(folder):
        try:
            text = path.read_text(encoding="utf-8")
            meta, body, _ = store.split(text, str(path))
            out.append((str(path), Briefing.from_parts(meta, store.paragraphs_of(body))))
        except store.BriefingError as exc:
            problems.append(f"{exc} (skipped; run `briefbook check`)")
        except (OSError, UnicodeDecodeError, TypeError, ValueError, AttributeError) as exc:
            problems.append(f"{path}:1: cannot be read: {exc} (skipped; run `briefbook check`)")
    return out, problems
