"""Finding entities that are probably the same, grouped, each with a suggested registry entry.

Kinds of probable duplicates:

- the same letters but for spaces, hyphens, case and accents (``ids.name_key``), or a name of one
  that is an alias of the other;
- Korean names romanized differently: the same surname (Lee/Yi/Rhee count as one) and given names
  that agree once romanization variants are folded (oo/u, eo/o, k/g, ...), or differ by one
  letter when long ("Bae Kyung-hoon" / "Bae Kyoung-hoon", "Park Yoon-kyu" / "Park Yun-kyu");
- an acronym and its expansion ("OSTP" / "Office of Science and Technology Policy");
- a surname alone and the one full name that ends (or, for Korean names, starts) with it;
- organization names that differ only by a leading "the", country or possessive ("Washington's
  Office of ..." / "Office of ...").

A person decides: nothing here writes a file.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from .. import identity
from ..model import ENTITY_KINDS, Briefing
from ..names import (
    ACRONYM,
    ACRONYM_SKIPS,
    expands,
    korean_name,
    name_key,
    name_words,
    org_core,
    osa_distance,
    romanization_key,
)
from ..registry import Entry, Registry
from .clusters import Cluster, collect

# ---------------------------------------------------------------------------------------------
# Finding probable duplicates


@dataclass
class Finding:
    kind: str
    a: str
    b: str
    reason: str


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def _allowed_distance(key: str) -> int:
    """Folded keys may still differ by one letter when long enough not to be another name."""
    return 1 if len(key) >= 7 else 0


def _same_key(kind: str, clusters: dict[str, Cluster]) -> Iterator[Finding]:
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cid, c in clusters.items():
        for form in c.forms():
            key = name_key(form)
            if len(key) >= 3 and (kind != "person" or len(name_words(form)) > 1):
                by_key[key].append((cid, form))
    for pairs in by_key.values():
        ids = list(dict.fromkeys(cid for cid, _ in pairs))
        for other in ids[1:]:
            fa = next(f for cid, f in pairs if cid == ids[0])
            fb = next(f for cid, f in pairs if cid == other)
            if fa == fb:
                reason = f"{fa!r} names both"
            else:
                reason = f"{fa!r} and {fb!r} differ only in spaces, hyphens, case or accents"
            yield Finding(kind, ids[0], other, reason)


def _korean_variants(clusters: dict[str, Cluster]) -> Iterator[Finding]:
    index: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    for cid, c in clusters.items():
        for name in c.names:
            k = korean_name(name)
            if k is None:
                continue
            surname, given = k
            key = romanization_key(given)
            for variant in _deletions(key, _allowed_distance(key)):
                index[(surname, variant)].add((cid, name, key))
    seen: set[tuple[str, str]] = set()
    for members in index.values():
        for (ia, na, ka), (ib, nb, kb) in combinations(sorted(members), 2):
            if ia == ib or (ia, ib) in seen:
                continue
            if name_key(na) == name_key(nb):
                continue  # the same key: _same_key reports it
            if osa_distance(ka, kb) <= min(_allowed_distance(ka), _allowed_distance(kb)):
                seen.add((ia, ib))
                yield Finding(
                    "person", ia, ib, f"{na!r} and {nb!r} look like two romanizations of one Korean name"
                )


def _acronyms(kind: str, clusters: dict[str, Cluster]) -> Iterator[Finding]:
    longs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    shorts: list[tuple[str, str]] = []
    for cid, c in clusters.items():
        for form in c.forms():
            if ACRONYM.match(form) and sum(ch.isupper() for ch in form) >= 2 and " " not in form:
                shorts.append((cid, form))
            words = [w for w in re.split(r"[\s\-/]+", form) if w and w.lower() not in ACRONYM_SKIPS]
            if len(words) >= 2:
                last = words[-1].upper()
                for w in words:
                    for ch in set(last):
                        longs[(w[0].upper(), ch)].append((cid, form))
    seen: set[tuple[str, str]] = set()
    for sid, short in shorts:
        letters = re.sub(r"[^A-Za-z0-9]", "", short).upper()
        for lid, long in longs.get((letters[0], letters[-1]), []):
            if lid == sid or (sid, lid) in seen or (lid, sid) in seen:
                continue
            if expands(short, long):
                seen.add((sid, lid))
                yield Finding(kind, lid, sid, f"{short!r} looks like the acronym of {long!r}")


def _surname_alone(clusters: dict[str, Cluster]) -> tuple[list[Finding], list[tuple[Cluster, list[Cluster]]]]:
    by_surname: dict[str, list[str]] = defaultdict(list)
    for cid, c in clusters.items():
        for name in c.names:
            words = name_words(name)
            if len(words) < 2:
                continue
            keys = {name_key(words[-1])}
            if korean_name(name):
                keys.add(name_key(words[0]))
            for key in keys:
                if cid not in by_surname[key]:
                    by_surname[key].append(cid)
    found, ambiguous = [], []
    for cid, c in clusters.items():
        if any(len(name_words(n)) > 1 for n in c.names):
            continue
        full = [f for f in by_surname.get(name_key(c.name), []) if f != cid]
        if len(full) == 1:
            other = clusters[full[0]]
            found.append(
                Finding("person", full[0], cid, f"{c.name!r} alone is the surname of {other.name!r}")
            )
        elif len(full) > 1:
            ambiguous.append((c, [clusters[f] for f in full]))
    return found, ambiguous


def _qualified(clusters: dict[str, Cluster]) -> Iterator[Finding]:
    by_core: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_form: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cid, c in clusters.items():
        for form in c.forms():
            by_form[name_key(form)].append((cid, form))
            core = org_core(form)
            if core != form and len(name_words(core)) >= 2:
                by_core[name_key(core)].append((cid, form))
    seen: set[tuple[str, str]] = set()
    for key, qualified in by_core.items():
        for qid, qform in qualified:
            for bid, bform in by_form.get(key, []):
                if bid != qid and (bid, qid) not in seen and (qid, bid) not in seen:
                    seen.add((bid, qid))
                    yield Finding(
                        "organization", bid, qid, f"{qform!r} is {bform!r} with a leading qualifier"
                    )


def _merged_by_corpus(kind: str, clusters: dict[str, Cluster], ident: identity.Identity,
                      ambiguous: list[tuple[Cluster, list[Cluster]]]) -> Iterator[Finding]:
    """What the corpus index merges on its own (an entry makes it lasting, or `never_merge` undoes
    it), and the names it leaves apart because two entities could be meant."""
    for a, b in ident.merges.items():
        if a in clusters and b in clusters:
            yield Finding(kind, b, a, ident.reasons[a] + " (the site merges them already)")
    listed = {c.id for c, _ in ambiguous}
    for a, rivals in ident.ambiguous:
        if a in clusters and a not in listed and all(r in clusters for r in rivals):
            ambiguous.append((clusters[a], [clusters[r] for r in rivals]))
            listed.add(a)


# ---------------------------------------------------------------------------------------------
# Grouping findings and suggesting entries


@dataclass
class Suggestion:
    kind: str
    clusters: list[Cluster]
    reasons: list[str]
    entry: Entry  # what the registry entry should say
    extends: Entry | None = None  # the registry entry it adds to, if any
    note: str | None = None


@dataclass
class Report:
    briefings: int
    suggestions: list[Suggestion]
    ambiguous: list[tuple[Cluster, list[Cluster]]]
    problems: list[str] = field(default_factory=list)


def _canonical(kind: str, clusters: list[Cluster]) -> str:
    names = Counter[str]()
    for c in clusters:
        names.update(c.names)

    def score(name: str) -> tuple[Any, ...]:
        acronym = bool(ACRONYM.match(name)) and " " not in name
        return (not acronym, len(name_words(name)), names[name], "-" in name, -len(name), name)

    return max(names, key=score)


def _suggest(kind: str, clusters: list[Cluster], reasons: list[str]) -> Suggestion:
    entries = list({id(c.entry): c.entry for c in clusters if c.entry is not None}.values())
    base = entries[0] if entries else None
    name = base.name if base else _canonical(kind, clusters)
    # Spellings that differ only in hyphens or spaces match anyway (the registry compares name
    # keys) but are kept, so that the entry shows every spelling the briefings use.
    aliases: dict[str, str] = {}
    if base:
        aliases.update((a.casefold(), a) for a in base.aliases)
    for c in sorted(clusters, key=lambda c: -len(c.briefings)):
        for form in [*sorted(c.names, key=lambda n: -c.names[n]), *sorted(c.aliases)]:
            aliases.setdefault(form.casefold(), form)
    aliases.pop(name.casefold(), None)
    entry = Entry(
        name=name,
        kind=kind,
        aliases=list(aliases.values()),
        description=base.description if base else None,
        links=list(base.links) if base else [],
        country=base.country if base else None,
        role=base.role if base else None,
    )
    note = None
    if len(entries) > 1:
        note = "several registry entries: merge them in the registry by hand if they are one " + kind
    return Suggestion(kind, clusters, reasons, entry, base, note)


def _root(parent: dict[str, str], x: str) -> str:
    while parent.get(x, x) != x:
        x = parent[x]
    return x


def find_duplicates(briefings: list[tuple[str, Briefing]], registry: Registry | None = None) -> Report:
    """Probable duplicates across the corpus, grouped, each with a suggested registry entry."""
    clusters = collect(briefings, registry)
    suggestions: list[Suggestion] = []
    ambiguous: list[tuple[Cluster, list[Cluster]]] = []
    corpus = identity.resolve(briefings, registry or Registry([]))  # what the site merges on its own
    for kind in ENTITY_KINDS:
        by_id = clusters[kind]
        findings = list(_same_key(kind, by_id))
        if kind == "person":
            findings += list(_korean_variants(by_id))
            alone, amb = _surname_alone(by_id)
            findings += alone
            ambiguous += amb
        else:
            findings += list(_acronyms(kind, by_id))
        if kind == "organization":
            findings += list(_qualified(by_id))
        if kind in corpus:
            findings += list(_merged_by_corpus(kind, by_id, corpus[kind], ambiguous))
        parent: dict[str, str] = {}
        for f in findings:
            ra, rb = _root(parent, f.a), _root(parent, f.b)
            if ra != rb:
                parent[rb] = ra
        groups: dict[str, list[str]] = defaultdict(list)
        reasons: dict[str, list[str]] = defaultdict(list)
        for cid in by_id:
            groups[_root(parent, cid)].append(cid)
        for f in findings:
            if f.reason not in reasons[_root(parent, f.a)]:
                reasons[_root(parent, f.a)].append(f.reason)
        for r, members in groups.items():
            if len(members) < 2:
                continue
            cs = sorted((by_id[m] for m in members), key=lambda c: (-len(c.briefings), c.id))
            suggestions.append(_suggest(kind, cs, reasons[r]))
    suggestions.sort(key=lambda s: (ENTITY_KINDS.index(s.kind), name_key(s.entry.name)))
    return Report(len(briefings), suggestions, ambiguous)
