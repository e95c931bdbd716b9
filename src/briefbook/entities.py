"""Curation: find entities that are probably the same, and apply registry entries to every briefing.

Extraction names an entity the way each article spells it, so one person can end up as
"Kim Sang-bu" in one briefing and "Kim Sangbu" in another, one agency as "OSTP" and as "Office of
Science and Technology Policy". :func:`find_duplicates` lists such pairs across the corpus with a
suggested registry entry; a person decides. :func:`apply_entries` then adds the entry to the
registry and re-links every briefing (ids, names, the ids that point at them) without extracting
again: a briefing nobody edited is rendered anew (and stays untouched generator output), a
briefing edited by hand keeps every byte except the re-linked values.

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
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from . import store, yamlerrors
from .check import read_frontmatter
from .corpus import briefing_files
from .extract.lexicon import COUNTRY_FORMS
from .ids import name_key
from .model import Briefing
from .registry import Entry, Registry, RegistryError, parse_registry

ENTITY_KINDS = ("person", "organization", "initiative")
_LIST = {"person": "people", "organization": "organizations", "initiative": "initiatives"}

# Romanizations of one Korean surname, each mapped to one spelling.
_SURNAME_GROUPS = (
    "kim gim",
    "lee yi rhee ri rie",
    "park pak bak pack",
    "choi choe chey",
    "jung jeong chung joung",
    "kang gang",
    "cho jo joh",
    "yoon yun",
    "jang chang",
    "lim im rim",
    "han",
    "oh o",
    "seo suh so",
    "shin sin shinn",
    "kwon gwon",
    "hwang whang",
    "ahn an",
    "song",
    "yoo yu you",
    "hong",
    "jeon chun jun cheon",
    "ko koh go",
    "moon mun",
    "yang",
    "son sohn",
    "bae pae",
    "baek paik paek back",
    "heo huh hur",
    "nam",
    "noh roh no",
    "ha",
    "kwak gwak",
    "sung seong",
    "cha",
    "joo ju chu",
    "woo wu",
    "koo ku goo",
    "min",
    "ryu yoo",
    "na ra",
    "jin chin",
    "ji chi",
    "byun byeon pyun",
    "chae",
    "won",
    "bang pang",
    "hyun hyeon",
    "ham",
    "yeo yeoh",
    "do doh",
    "seok suk",
    "ma",
    "gil kil",
    "pyo",
    "ban pan",
    "tak",
    "yeom yum",
    "chang",
    "kee ki gi",
    "wi",
    "um eom",
)
KOREAN_SURNAMES: dict[str, str] = {}
for _group in _SURNAME_GROUPS:
    _names = _group.split()
    for _n in _names:
        KOREAN_SURNAMES.setdefault(_n, _names[0])

_STOP = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "de", "&", "a", "an"})
_ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z0-9&]{1,9}|(?:[A-Z]\.){2,6})$")
_POSSESSIVE = re.compile(r"^\S+(?:['’]s|s['’])\s+", re.U)


# ---------------------------------------------------------------------------------------------
# What the corpus says about each entity


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
        entry = registry.get(kind, local_id) or registry.lookup(name, kind)
        if entry is None:
            entry = next((e for f in forms if (e := registry.lookup(f, kind))), None)
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


# ---------------------------------------------------------------------------------------------
# Finding probable duplicates


@dataclass
class Finding:
    kind: str
    a: str
    b: str
    reason: str


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐–]+", name.strip()) if w]


def _korean(name: str) -> tuple[str, str] | None:
    """(surname group, given-name key) for a Korean-style name, either order; None otherwise."""
    words = name.replace("-", " - ").split()
    tokens = [w for w in words if w != "-"]
    if len(tokens) < 2 or len(tokens) > 4:
        return None
    first, last = name_key(tokens[0]), name_key(tokens[-1])
    if first in KOREAN_SURNAMES:
        given = name_key(" ".join(tokens[1:]))
        surname = KOREAN_SURNAMES[first]
    elif last in KOREAN_SURNAMES and "-" in name:  # "Sang-bu Kim": hyphenated given name first
        given = name_key(" ".join(tokens[:-1]))
        surname = KOREAN_SURNAMES[last]
    else:
        return None
    return (surname, given) if len(given) >= 3 else None


def osa_distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions counting one ("hwa"/"wha")."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


# Spellings one Korean syllable gets in different romanizations (Revised, McCune-Reischauer,
# and the personal spellings people choose): folded to one before names are compared.
_ROMANIZATION = (
    ("shi", "si"),
    ("oo", "u"),
    ("ou", "u"),
    ("eo", "o"),
    ("eu", "u"),
    ("ee", "i"),
    ("ae", "e"),
    ("ch", "j"),
    ("k", "g"),
    ("p", "b"),
    ("t", "d"),
    ("r", "l"),
)


def romanization_key(given: str) -> str:
    """A given name with romanization variants folded: "Kyoung-hoon" and "Gyeong-hun" agree."""
    key = name_key(given)
    for a, b in _ROMANIZATION:
        key = key.replace(a, b)
    return key


def _allowed_distance(key: str) -> int:
    """Folded keys may still differ by one letter when long enough not to be another name."""
    return 1 if len(key) >= 7 else 0


def _same_key(kind: str, clusters: dict[str, Cluster]) -> Iterator[Finding]:
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cid, c in clusters.items():
        for form in c.forms():
            key = name_key(form)
            if len(key) >= 3 and (kind != "person" or len(_words(form)) > 1):
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
            k = _korean(name)
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


def expands(acronym: str, long: str) -> bool:
    """True when ``acronym`` reads as the initials of ``long`` (leading words may be left out).

    Every content word after the first one used gives the acronym at least its initial (and may
    give more letters: a prefix of the word, or any capitals of an all-capitals word such as
    "ICT", or the capitals inside "AeroSpace"); "of", "and", "the" may give their initial or nothing. "OSTP" expands "White House
    Office of Science and Technology Policy"; "MSIT" expands "Ministry of Science and ICT".
    """
    letters = re.sub(r"[^A-Za-z0-9]", "", acronym).upper()
    words = [w for w in re.split(r"[\s\-/]+", re.sub(r"['’]s\b", "", long)) if w]
    if len(letters) < 2 or len(words) < 2:
        return False
    upper = [w.upper() for w in words]

    def options(w: int, i: int) -> Iterator[int]:
        """How far word ``w`` can take the acronym from letter ``i``."""
        word, stop = upper[w], words[w].lower() in _STOP
        if stop:
            yield i
        if i >= len(letters) or not word or letters[i] != word[0]:
            return
        yield i + 1
        if stop:
            return
        capitals = [ch for ch in words[w][1:] if ch.isupper()]
        if capitals:  # ICT -> I, IC, ICT, IT; AeroSpace -> A, AS
            ends = {i + 1}
            for ch in capitals:
                ends |= {e + 1 for e in ends if e < len(letters) and letters[e] == ch}
            yield from sorted(ends - {i + 1})
        if not words[w].isupper():  # Korea -> K, KO, KOR, ...
            j = 1
            while j < len(word) and i + j < len(letters) and letters[i + j] == word[j]:
                j += 1
                yield i + j

    memo: dict[tuple[int, int], bool] = {}

    def fits(w: int, i: int) -> bool:
        if w == len(words):
            return i == len(letters)
        if (w, i) not in memo:
            memo[(w, i)] = any(fits(w + 1, j) for j in options(w, i))
        return memo[(w, i)]

    return any(fits(start, 0) for start in range(len(words)) if words[start].lower() not in _STOP)


def _acronyms(kind: str, clusters: dict[str, Cluster]) -> Iterator[Finding]:
    longs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    shorts: list[tuple[str, str]] = []
    for cid, c in clusters.items():
        for form in c.forms():
            if _ACRONYM.match(form) and sum(ch.isupper() for ch in form) >= 2 and " " not in form:
                shorts.append((cid, form))
            words = [w for w in re.split(r"[\s\-/]+", form) if w and w.lower() not in _STOP]
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
            words = _words(name)
            if len(words) < 2:
                continue
            keys = {name_key(words[-1])}
            if _korean(name):
                keys.add(name_key(words[0]))
            for key in keys:
                if cid not in by_surname[key]:
                    by_surname[key].append(cid)
    found, ambiguous = [], []
    for cid, c in clusters.items():
        if any(len(_words(n)) > 1 for n in c.names):
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


_QUALIFIERS = sorted({*COUNTRY_FORMS, "white house"}, key=len, reverse=True)


def _core(name: str) -> str:
    """An organization name without a leading "the", country, or possessive ("Washington's")."""
    text = name.strip()
    while True:
        before = text
        text = re.sub(r"^the\s+", "", text, flags=re.I)
        low = text.lower()
        for form in _QUALIFIERS:
            m = re.match(rf"{re.escape(form)}(?:['’]s)?\s+", low)
            if m:
                text = text[m.end() :]
                break
        else:
            m = _POSSESSIVE.match(text)
            if m and len(_words(text[m.end() :])) >= 2:
                text = text[m.end() :]
        if text == before:
            return text


def _qualified(clusters: dict[str, Cluster]) -> Iterator[Finding]:
    by_core: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_form: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cid, c in clusters.items():
        for form in c.forms():
            by_form[name_key(form)].append((cid, form))
            core = _core(form)
            if core != form and len(_words(core)) >= 2:
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
        acronym = bool(_ACRONYM.match(name)) and " " not in name
        return (not acronym, len(_words(name)), names[name], "-" in name, -len(name), name)

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
            if yaml.safe_load(value) == value:
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


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_report(report: Report) -> str:
    """The report as a YAML document: save it, edit it, and give it to ``--apply``."""
    n = len(report.suggestions)
    out = [
        f"# briefbook entities: {_count(n, 'probable duplicate')} in {_count(report.briefings, 'briefing')}.",
    ]
    if n:
        out += [
            "# Each suggestion is a registry entry. Keep the ones that are right (fix names, add a",
            "# description), delete the others, then apply them to registry.yml and every briefing:",
            "#   briefbook entities > fix.yml; $EDITOR fix.yml; briefbook entities --apply fix.yml",
        ]
    for cluster, fulls in report.ambiguous:
        out.append(
            f"# {cluster.name!r} alone ({_count(len(cluster.briefings), 'briefing')}) could be any of: "
            + ", ".join(repr(f.name) for f in fulls)
            + " (not merged)"
        )
    out.append("entities:" if n else "entities: []")
    for s in report.suggestions:
        seen = " ~ ".join(f"{c.name} ({_count(len(c.briefings), 'briefing')})" for c in s.clusters)
        out.append("")
        out.append(f"  # {s.kind}: {seen}")
        out += [f"  #   {r}" for r in s.reasons]
        if s.extends is not None:
            out.append(f"  #   adds to the registry entry {s.extends.name!r} (line {s.extends.line})")
        if s.note:
            out.append(f"  #   {s.note}")
        out.append(render_entry(s.entry))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Reading the corpus


def load_briefings(folder: str | os.PathLike[str]) -> tuple[list[tuple[str, Briefing]], list[str]]:
    """Every readable briefing as (path, briefing), and one line per file that could not be read."""
    out, problems = [], []
    for path in briefing_files(folder):
        try:
            text = path.read_text(encoding="utf-8")
            meta, body, _ = read_frontmatter(text, str(path))
            out.append((str(path), Briefing.from_parts(meta, store.paragraphs_of(body))))
        except store.BriefingError as exc:
            problems.append(f"{exc} (skipped; run `briefbook check`)")
        except (OSError, UnicodeDecodeError, TypeError, ValueError, AttributeError) as exc:
            problems.append(f"{path}:1: cannot be read: {exc} (skipped; run `briefbook check`)")
    return out, problems


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
        data = yaml.safe_load(text)
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


# ---------------------------------------------------------------------------------------------
# Applying entries: the briefings


@dataclass
class Relink:
    """The scalar edits that re-link one briefing: (field path, new value)."""

    edits: list[tuple[tuple[Any, ...], str]] = field(default_factory=list)
    old_names: dict[tuple[str, int], str] = field(default_factory=dict)  # (list, index) -> old name


def _items(meta: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = meta.get(key)
    return [(i, x) for i, x in enumerate(value) if isinstance(x, dict)] if isinstance(value, list) else []


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
            entry = registry.get(kind, ident) or registry.lookup(name, kind)
            if entry is None and kind == "person":
                multi = [m for m in item.get("mentions") or [] if isinstance(m, str) and len(m.split()) > 1]
                entry = next((e for m in multi if (e := registry.lookup(m, kind))), None)
            if entry is None and kind == "organization":
                aliases = [a for a in item.get("aliases") or [] if isinstance(a, str)]
                entry = next((e for a in aliases if (e := registry.lookup(a, kind))), None)
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
            entry = registry.get("topic", topic) or registry.lookup(topic.replace("-", " "), "topic")
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
        extra = "mentions" if key == "people" else "aliases" if key == "organizations" else None
        if (extra == "mentions" and old != item["name"]) or (
            extra and name_key(old) != name_key(item["name"])
        ):
            forms = list(item.get(extra) or [])
            if old not in forms:
                forms.append(old)
            item[extra] = sorted(forms) if extra == "mentions" else forms
    dropped: list[str] = []
    meta["people"] = _merge_items([p for _, p in _items(meta, "people")], "mentions", dropped, "people")
    meta["organizations"] = _merge_items(
        [o for _, o in _items(meta, "organizations")], "aliases", dropped, "organizations"
    )
    meta["initiatives"] = _merge_items([x for _, x in _items(meta, "initiatives")], "", dropped, "initiatives")
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


_EXTRA = {"people": "mentions", "organizations": "aliases", "initiatives": ""}


def _merge_in_place(fm: str, path: str, old_names: dict[tuple[str, int], str]) -> str:
    """Items that now share an id, joined into the first (as `_merge_items` joins them); the
    lines of the others removed. Every other line of the frontmatter is kept as the person left it.

    Works on block lists (``- id: ...`` lines, as the generator writes them); a list a person
    rewrote in flow style (``[{id: ...}]``) with two items to join is refused, not guessed.
    ``old_names``: the names the re-link replaced, kept among the joined item's mentions/aliases."""
    root = yaml.compose(fm, Loader=yaml.SafeLoader)
    data = yaml.safe_load(fm)
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
    out, n = [], 0
    while n < len(lines):
        if n in replace:
            end, text = replace[n]
            out.append(text)
            n = end
        else:
            out.append(lines[n])
            n += 1
    joined = "".join(out)
    joined = joined if fm.endswith("\n") or not joined.endswith("\n") else joined[:-1]
    return _add_review(joined, dropped) if dropped else joined


def _add_review(fm: str, reasons: list[str]) -> str:
    """``reasons`` added to the frontmatter's ``review:`` list, the other lines left as they are.

    The list is written back as one JSON-style flow list (valid YAML) on the ``review:`` line."""
    root = yaml.compose(fm, Loader=yaml.SafeLoader)
    pairs = root.value if isinstance(root, yaml.MappingNode) else []
    found = next(((k, v) for k, v in pairs if getattr(k, "value", None) == "review"), None)
    if found is None:
        return fm.rstrip("\n") + "\nreview: " + json.dumps(reasons, ensure_ascii=False) + ("\n" if fm.endswith("\n") else "")
    key, value = found
    old = yaml.safe_load(fm).get("review")
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


@dataclass
class ApplyReport:
    registry_notes: list[str]
    relinked: list[str]  # briefings rewritten
    hand_edited: list[str]  # of those, edited in place
    problems: list[str]


def apply_entries(
    entries: list[Entry],
    briefings_dir: str | os.PathLike[str],
    registry_path: str | os.PathLike[str],
    *,
    dry_run: bool = False,
    lock: Callable[[Path], Any] | None = None,
) -> ApplyReport:
    """Add/merge ``entries`` into the registry file, then re-link every briefing (atomic writes)."""
    reg_path = Path(registry_path)
    old_text = reg_path.read_text(encoding="utf-8") if reg_path.exists() else None
    new_text, notes = merge_registry(old_text, entries, str(reg_path))
    applied = parse_registry(new_text, str(reg_path))
    wanted = {(e.kind, e.id) for e in entries}
    touched = Registry([e for e in applied.entries if (e.kind, e.id) in wanted])
    report = ApplyReport(notes, [], [], [])
    folder = Path(briefings_dir)
    if lock is None:
        from .pipeline import folder_lock as lock  # the same lock ingest takes: the two never interleave
    with lock(folder) if folder.is_dir() else _nolock():
        if not dry_run and new_text != old_text:
            store.write_atomic(reg_path, new_text)
        for path in briefing_files(folder):
            try:
                text = path.read_text(encoding="utf-8")
                meta, body, _ = read_frontmatter(text, str(path))
            except (store.BriefingError, OSError, UnicodeDecodeError) as exc:
                report.problems.append(f"{exc} (not re-linked; fix it, then apply again)")
                continue
            plan = plan_relink(meta, touched)
            if not plan.edits:
                continue
            try:
                if store.is_hand_edited(text):
                    new = relink_in_place(text, plan, str(path))
                    report.hand_edited.append(str(path))
                else:
                    new = relink_pristine(meta, store.paragraphs_of(body), plan, applied)
                store.parse(new, path)  # never write a briefing that does not read back
            except (store.BriefingError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
                report.problems.append(f"{path}:1: not re-linked ({exc})")
                continue
            if new != text:
                if not dry_run:
                    store.write_atomic(path, new)
                report.relinked.append(str(path))
    return report


class _nolock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
