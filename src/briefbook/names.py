"""Names: what makes two spellings one name. Acronyms, initials, name keys, Korean romanizations,
a leading "the"/country/possessive.

One home for this knowledge so that extraction (``extract.spans.initials_match``), the corpus index
and curation (``curation.duplicates``) cannot disagree about whether "MSIT" is "Ministry of Science
and ICT". ``name_key`` (spaces, hyphens, case and accents folded) lives in ``ids`` beside the slugs
it is made for and is re-exported here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .ids import name_key
from .lexicon import FUNCTION_WORDS, countries, forms_of

__all__ = [
    "ACRONYM",
    "ACRONYM_SKIPS",
    "KOREAN_SURNAMES",
    "expands",
    "is_acronym",
    "korean_name",
    "name_key",
    "name_words",
    "org_core",
    "osa_distance",
    "romanization_key",
]

# Romanizations of one Korean surname, each mapped to one spelling.


# Every spelling of a surname -> the first spelling of its group.
KOREAN_SURNAMES: dict[str, str] = {}
for _usual, _others in forms_of("korean_surnames"):
    for _n in (_usual, *_others):
        KOREAN_SURNAMES.setdefault(_n, _usual)

# Words an acronym may skip or take the initial of ("Ministry of Science and ICT").
ACRONYM_SKIPS = FUNCTION_WORDS

# The shape of an acronym, the one every rule reads: capitals, digits and "&", with at most one
# hyphen ("OSTP", "KAIST", "AT&T", "CNDD-FDD"), or initials with their full stops ("U.S."). A
# capitalised word ("Seoul") is no acronym.
ACRONYM = re.compile(r"^(?:[A-Z][A-Z&0-9]*(?:-[A-Z][A-Z&0-9]*)?[A-Z0-9]|(?:[A-Z]\.){2,6})$")


def is_acronym(text: str) -> bool:
    """Whether ``text`` has the shape of an acronym, two to ten characters long."""
    return bool(ACRONYM.match(text)) and 2 <= len(text) <= 10


# A possessive first word: "Washington's Office of ...".
_POSSESSIVE = re.compile(r"^\S+(?:['’]s|s['’])\s+", re.U)


def name_words(name: str) -> list[str]:
    """The words of a name, hyphens splitting like spaces ("Kim Sang-bu" has three)."""
    return [w for w in re.split(r"[\s\-‐–]+", name.strip()) if w]


def korean_name(name: str) -> tuple[str, str] | None:
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
    """A given name with romanization variants folded: "Kyung-hoon" and "Gyung-hun" agree."""
    key = name_key(given)
    for a, b in _ROMANIZATION:
        key = key.replace(a, b)
    return key


def expands(acronym: str, long: str, *, whole: bool = False) -> bool:
    """True when ``acronym`` reads as the initials of ``long`` (leading words may be left out).

    Every content word after the first one used gives the acronym at least its initial (and may
    give more letters: a prefix of the word, or any capitals of an all-capitals word such as
    "ICT", or the capitals inside "AeroSpace"); "of", "and", "the" may give their initial or
    nothing. "OSTP" expands "White House Office of Science and Technology Policy"; "MSIT" expands
    "Ministry of Science and ICT".

    ``whole``: the acronym must spell the phrase from its first word, as when extraction asks
    whether "Basic Act on the Development of Artificial Intelligence (AI)" is one name (no).
    """
    letters = re.sub(r"[^A-Za-z0-9]", "", acronym).upper()
    words = [w for w in re.split(r"[\s\-/]+", re.sub(r"['’]s\b", "", long)) if w]
    if len(letters) < 2 or len(words) < 2:
        return False
    upper = [w.upper() for w in words]

    def options(w: int, i: int) -> Iterator[int]:
        """How far word ``w`` can take the acronym from letter ``i``."""
        word, stop = upper[w], words[w].lower() in ACRONYM_SKIPS
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

    if whole:
        return fits(0, 0)
    return any(fits(start, 0) for start in range(len(words)) if words[start].lower() not in ACRONYM_SKIPS)


_QUALIFIERS = sorted({*countries(), "white house"}, key=len, reverse=True)


def org_core(name: str) -> str:
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
            if m and len(name_words(text[m.end() :])) >= 2:
                text = text[m.end() :]
        if text == before:
            return text
