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

from ..extract.lexicon import COUNTRY_FORMS
from ..ids import name_key
from ..model import Briefing
from ..registry import Entry, Registry
from .clusters import ENTITY_KINDS, Cluster, collect

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
