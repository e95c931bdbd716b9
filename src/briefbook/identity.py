"""Who is who across the corpus: which entities of the briefings are one person or one organization.

Extraction names an entity as one article writes it; the corpus sees "Biden" in one briefing,
"Joe Biden" in another and "Joseph R. Biden Jr." in a third. Here they become one entity when the
corpus supports it and only then:

- people: the same surname (or a spelling variant of a long one, "Zelenskyy"/"Zelensky"), and a
  compatible given name: the same one, its initial, or a short form from
  ``data/lexicon/en/nicknames.yml`` ("Tim"/"Timothy"); middle names and a suffix ("Jr.") agree where
  both names have one. A surname alone or an initial joins the one person it can be; where two
  can be meant ("Biden" beside "Joe Biden" and "Hunter Biden"), nothing is merged and the pair is
  returned as ambiguous for ``briefbook entities`` to propose;
- organizations: the same name once a corporate suffix ("Corp", "Corporation", "Inc."), a leading
  "the", a leading country ("US", "South Korean") or acronym ("UN", "SIX") are set aside and
  "X Department" is read as "Department of X". A bare name joins the qualified one only when one
  qualifier is seen ("Security Council" beside "UN Security Council" and no other).

A surname alone that fits two people joins the one whose role a briefing gives it too ("Biden",
Vice President, beside "Joe Biden", Vice President, and "Hunter Biden").

Two registry entries never become one, and an entry's ``never_merge`` names stay apart from it.
Pure: candidates in, a map of ids out; ``corpus.build_corpus`` applies it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property

from .ids import clean_id, name_key
from .lexicon import countries, forms_of, groups
from .model import Briefing
from .names import ACRONYM, korean_name, name_words, osa_distance, romanization_key
from .registry import Registry

_SUFFIXES = groups("name_suffixes")
SUFFIXES = _SUFFIXES["person"]
CORPORATE = _SUFFIXES["corporate"]
# "Justice Department" -> "department of justice": the heads merged across briefings.
_REORDERED = dict(forms_of("reordered_org_heads"))["across_briefings"]


@dataclass
class Candidate:
    """One entity as the corpus has it before merging: its id, every name it goes by, its weight."""

    id: str
    names: Counter[str] = field(default_factory=Counter)
    briefings: int = 0
    registry: bool = False
    never: frozenset[str] = frozenset()  # name keys it must never be merged with
    roles: set[str] = field(default_factory=set)  # name keys of the roles briefings give it

    @cached_property
    def name(self) -> str:
        """The most frequent spelling (read once the names are all counted)."""
        return self.names.most_common(1)[0][0] if self.names else self.id


@dataclass
class Identity:
    """``merges``: id -> the id it joins (never itself); ``ambiguous``: (id, rival ids) left apart."""

    merges: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # a merged entity's id -> the name it goes by
    reasons: dict[str, str] = field(default_factory=dict)
    ambiguous: list[tuple[str, list[str]]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# People


@cache
def _formal_names() -> dict[str, frozenset[str]]:
    """A short form (folded) -> the given names it stands for; each name stands for itself."""
    out: dict[str, set[str]] = defaultdict(set)
    for formal, shorts in forms_of("nicknames"):
        out[name_key(formal)].add(name_key(formal))
        for short in shorts:
            out[name_key(short)].add(name_key(formal))
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True)
class PersonName:
    given: str | None  # folded; one letter for an initial
    middles: tuple[str, ...]
    surname: str
    suffix: str | None
    korean: bool = False

    @property
    def specific(self) -> bool:
        """A given name written out (not a surname alone, not an initial)."""
        return self.given is not None and len(self.given) > 1


def parse_person(name: str) -> PersonName | None:
    """The parts of a person's name; None when there is no name to read."""
    words = [w.strip(".,") for w in name.replace(",", " ").split()]
    words = [w for w in words if w]
    suffix = None
    while len(words) > 1 and words[-1].lower() in SUFFIXES:
        suffix = suffix or words[-1].lower()
        words.pop()
    if not words:
        return None
    k = korean_name(" ".join(words))
    if k is not None:
        return PersonName(romanization_key(k[1]), (), k[0], suffix, korean=True)
    surname = name_key(words[-1])
    if not surname:
        return None
    if len(words) == 1:
        return PersonName(None, (), surname, suffix)
    return PersonName(name_key(words[0]) or None, tuple(name_key(w) for w in words[1:-1]), surname, suffix)


def _given_compatible(a: str | None, b: str | None, korean: bool) -> bool:
    if a is None or b is None or a == b:
        return True
    if korean:
        return False
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    formal = _formal_names()
    fa, fb = formal.get(a, frozenset({a})), formal.get(b, frozenset({b}))
    # "tim" stands for "timothy"; two short forms of one name ("jim", "jimmy") agree too
    return a in fb or b in fa or (a not in fa and b not in fb and bool(fa & fb))


def compatible(a: PersonName, b: PersonName) -> bool:
    """Whether two names of one surname can be one person."""
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return False
    if not _given_compatible(a.given, b.given, a.korean and b.korean):
        return False
    if a.middles and b.middles:
        return _given_compatible(a.middles[0], b.middles[0], False)
    return True


def _surname_groups(parsed: dict[str, PersonName]) -> dict[str, str]:
    """Surname -> the surname its group is filed under: spelling variants of long surnames (one
    letter more or less, eight letters or more: "Zelenskyy"/"Zelensky") are one group."""
    by_deletion: dict[str, list[str]] = defaultdict(list)
    surnames = sorted({p.surname for p in parsed.values()})
    parent = {s: s for s in surnames}

    def root(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    for s in surnames:
        if len(s) < 8 or not s.isalpha():
            continue
        for variant in {s, *(s[:i] + s[i + 1 :] for i in range(len(s)))}:
            for other in by_deletion[variant]:
                if abs(len(s) - len(other)) == 1 and osa_distance(s, other) == 1 and s[:3] == other[:3]:
                    ra, rb = root(s), root(other)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
            by_deletion[variant].append(s)
    return {s: root(s) for s in surnames}


def _can_join(c: Candidate, members: list[Candidate], parsed: dict[str, PersonName]) -> bool:
    if c.registry and any(m.registry for m in members):
        return False
    for m in members:
        if (m.never or c.never) and (_keys(c) & m.never or c.never & _keys(m)):
            return False
        if not compatible(parsed[c.id], parsed[m.id]):
            return False
    return True


def _keys(c: Candidate) -> set[str]:
    return {name_key(n) for n in c.names}


def _given_keys(p: PersonName) -> frozenset[str]:
    """The given names a written-out given name can agree with: itself and what it is short for."""
    given = p.given or ""
    return frozenset({given}) if p.korean else _formal_names().get(given, frozenset()) | {given}


def _short_form(given: str | None) -> bool:
    """"Chris", "Tim": a short form that may stand for more than the name it is seen beside."""
    formal = _formal_names().get(given or "")
    return formal is not None and given not in formal


def _same_role(c: Candidate, cluster: list[Candidate]) -> bool:
    """Whether a briefing gives the name a role that one of the cluster's names also has."""
    return any(a in b or b in a for m in cluster for a in c.roles for b in m.roles)


def _information(p: PersonName) -> tuple[int, ...]:
    return (p.specific, not _short_form(p.given), len(p.middles), p.suffix is not None)


def resolve_people(candidates: Iterable[Candidate]) -> Identity:
    """Which people are one: see the module's description."""
    cands = {c.id: c for c in candidates}
    parsed = {cid: p for cid, c in cands.items() if (p := parse_person(c.name)) is not None}
    groups: dict[str, list[str]] = defaultdict(list)
    surname_of = _surname_groups(parsed)
    for cid, p in parsed.items():
        groups[surname_of[p.surname]].append(cid)
    result = Identity()
    for ids in groups.values():
        if len(ids) < 2:
            continue
        specific = sorted((i for i in ids if parsed[i].specific),
                          key=lambda i: (tuple(-x for x in _information(parsed[i])), -cands[i].briefings, i))
        clusters: list[list[Candidate]] = []
        by_given: dict[str, list[int]] = defaultdict(list)  # a given name -> the clusters it may join
        for cid in specific:
            gkeys = _given_keys(parsed[cid])
            near = sorted({i for g in gkeys for i in by_given.get(g, ())})
            fits = [clusters[i] for i in near if _can_join(cands[cid], clusters[i], parsed)]
            if len(fits) == 1:
                fits[0].append(cands[cid])
                index = next(i for i in near if clusters[i] is fits[0])
            else:
                if len(fits) > 1:
                    result.ambiguous.append((cid, [_target(cl, parsed).id for cl in fits]))
                clusters.append([cands[cid]])
                index = len(clusters) - 1
            for g in gkeys:
                if index not in by_given[g]:
                    by_given[g].append(index)
        vague = sorted((i for i in ids if not parsed[i].specific), key=lambda i: (-cands[i].briefings, i))
        for cid in vague:
            fits = [cl for cl in clusters if _can_join(cands[cid], cl, parsed)]
            if len(fits) > 1:  # "Biden", "Vice President", beside Joe Biden (Vice President) and Hunter Biden
                same_role = [cl for cl in fits if _same_role(cands[cid], cl)]
                fits = same_role if len(same_role) == 1 else fits
            if len(fits) == 1:
                fits[0].append(cands[cid])
            elif len(fits) > 1:
                result.ambiguous.append((cid, [_target(cl, parsed).id for cl in fits]))
        for cl in clusters:
            _record(result, cl, _target(cl, parsed), "person")
    return result


def _target(cluster: list[Candidate], parsed: dict[str, PersonName] | None = None) -> Candidate:
    """The entity a cluster becomes: its registry entry, else the most covered full name."""
    def score(c: Candidate) -> tuple[object, ...]:
        info = _information(parsed[c.id]) if parsed else ()
        return (c.registry, info[:1], c.briefings, info, len(c.name), c.name)

    return max(cluster, key=score)


def _record(result: Identity, cluster: list[Candidate], target: Candidate, kind: str) -> None:
    for c in cluster:
        if c.id != target.id:
            result.names[target.id] = target.name
            result.merges[c.id] = target.id
            result.reasons[c.id] = f"{c.name!r} is taken for {target.name!r}: the only {kind} it can be here"


# ---------------------------------------------------------------------------------------------
# Organizations


@cache
def _country_forms() -> tuple[tuple[str, str], ...]:
    """Leading forms that qualify an organization -> what they stand for, longest first."""
    forms = dict(countries())
    forms.update({"un": "united nations", "u.n.": "united nations", "united nations": "united nations",
                  "white house": "white house"})
    return tuple(sorted(forms.items(), key=lambda kv: -len(kv[0])))


def org_key(name: str) -> tuple[str, str] | None:
    """(qualifier, core key) of an organization's name; None when the core is too slight to go by."""
    text = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    qualifier = ""
    while True:
        low = text.lower()
        for form, stands_for in _country_forms():
            m = re.match(rf"{re.escape(form)}(?:['’]s)?\s+", low)
            if m and len(name_words(text[m.end():])) >= 2:
                qualifier = qualifier or stands_for
                text = text[m.end():]
                break
        else:
            first, _, rest = text.partition(" ")
            if rest and ACRONYM.match(first) and first.isupper() and len(name_words(rest)) >= 2:
                qualifier = qualifier or first.lower()
                text = rest
                continue
            break
    words = [w.strip(".,") for w in text.split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1].lower() in CORPORATE:
        words.pop()
    if not words:
        return None
    if len(words) >= 2 and words[-1].lower() in _REORDERED:
        words = [words[-1], "of", *words[:-1]]
    if len(words) == 1 and (qualifier or len(words[0]) < 4):
        return None  # "US Army" is not "Army"
    return qualifier, name_key(" ".join(words))


def resolve_organizations(candidates: Iterable[Candidate]) -> Identity:
    """Which organizations are one: see the module's description."""
    groups: dict[str, list[tuple[str, Candidate]]] = defaultdict(list)
    for c in candidates:
        key = org_key(c.name)
        if key is not None:
            groups[key[1]].append((key[0], c))
    result = Identity()
    for core, members in groups.items():
        if len(members) < 2 or (" " not in core and all(name_key(c.name) == core for _, c in members)):
            continue
        qualifiers = {q for q, _ in members if q}
        by_q: dict[str, list[Candidate]] = defaultdict(list)
        bare = [c for q, c in members if not q]
        for q, c in members:
            if q:
                by_q[q].append(c)
        if len(qualifiers) <= 1:
            clusters = [[c for _, c in members]]
        else:
            clusters = list(by_q.values())
            for c in bare:
                result.ambiguous.append((c.id, [_target(cl).id for cl in clusters]))
            if bare:
                clusters.append(bare)
        for cl in clusters:
            if _org_cluster_ok(cl):
                _record(result, cl, _target(cl), "organization")
    return result


def _org_cluster_ok(cluster: list[Candidate]) -> bool:
    if sum(c.registry for c in cluster) > 1:
        return False
    keys = [{name_key(n) for n in c.names} for c in cluster]
    return not any(a.never & kb for a in cluster for kb in keys)


# ---------------------------------------------------------------------------------------------
# From briefings


def candidates(briefings: Iterable[tuple[str, Briefing]], registry: Registry,
               kind: str) -> list[Candidate]:
    """Every person or organization the briefings and the registry have, before merging."""
    out: dict[str, Candidate] = {}
    for entry in registry.of_kind(kind):
        c = out[entry.id] = Candidate(entry.id, Counter({entry.name: 1}), registry=True,
                                      never=frozenset(name_key(n) for n in entry.never_merge))
        c.names.update({a: 0 for a in entry.aliases})
    for _, b in briefings:
        items = b.people if kind == "person" else b.organizations
        seen: set[str] = set()
        for item in items:
            aliases = getattr(item, "aliases", ())
            entry = registry.resolve(kind, item.id, item.name, aliases)
            cid = entry.id if entry else clean_id(item.id or item.name)
            c = out.get(cid)
            if c is None:
                c = out[cid] = Candidate(cid)
            if not c.registry:
                c.names[item.name] += 1
            role = getattr(item, "role", None)
            if role and len(name_key(role)) >= 4:
                c.roles.add(name_key(role))
            if cid not in seen:
                seen.add(cid)
                c.briefings += 1
    return list(out.values())


def resolve(briefings: list[tuple[str, Briefing]], registry: Registry) -> dict[str, Identity]:
    """kind -> the merges the corpus supports, for people and organizations."""
    return {
        "person": resolve_people(candidates(briefings, registry, "person")),
        "organization": resolve_organizations(candidates(briefings, registry, "organization")),
    }
