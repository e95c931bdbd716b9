"""Proper-noun phrases: the raw material of organization and initiative names.

spaCy's small model splits "Ministry of Science and ICT" into two entities and misses
"Technology Prosperity Deal"; a run of capitalised words joined by "of", "and", "for", "on",
"the" is a more faithful unit for institutional names in news English.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..lexicon import INITIATIVE_HEADS, NAME_JOINERS, ORG_HEADS, words
from ..names import expands, is_acronym

_JOINERS = NAME_JOINERS
# Small words that open a sentence before a name and are no part of it ("The Ministry", "While Acme").
_LEADING_WORDS = words("leading_function_words")
_HEADISH = ORG_HEADS | set(INITIATIVE_HEADS)  # words that end a name (Bank, Group, Deal)
T = TypeVar("T")


def tokens_with_lower(doc: Doc, words: Collection[str]) -> list[Token]:
    """The tokens whose lower-case form is one of ``words`` (lower-case), in order.

    Read from one array: making a Token object for every word of a paragraph costs three times
    the test, and most words fail it."""
    ids = _word_ids(words) if isinstance(words, frozenset) else {get_string_id(w) for w in words}
    return [doc[i] for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower in ids]


def per_doc(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, made once per paragraph and kept on it: rules asked once per name in a
    paragraph (where a token stands, whether a sentence is a price list) would otherwise redo
    the same pass over it for every name."""
    key = f"briefbook.{name}"
    if key not in doc.user_data:
        doc.user_data[key] = build(doc)
    return doc.user_data[key]


@lru_cache(maxsize=64)
def _word_ids(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


@dataclass(frozen=True)
class Phrase:
    start: int  # token index in the Doc
    end: int
    text: str
    acronym: str | None = None  # "(OSTP)" right after the phrase
    alias: str | None = None  # "(AI Basic Act)": a short name in parentheses right after the phrase

    @property
    def words(self) -> list[str]:
        return self.text.split()


def _capital(t: Token) -> bool:
    text = t.text
    if t.ent_type_ in ("DATE", "TIME"):
        return False
    if not text or not text[0].isalpha():
        return t.like_num and len(text) == 4 and text.isdigit()  # years inside names: "APEC 2025 ..."
    return text[0].isupper()


def _may_join_and(doc: Doc, start: int, j: int) -> bool:
    """'Science and ICT' after 'Ministry of' joins; 'World Bank and APEC' are two names."""
    inside = [t.lower_ for t in doc[start:j]]
    # what follows "and" is another name if it is a name of its own ("... and OpenAI", "... and Samsung
    # Electronics"); a complement takes one "and" at most ("Ministry of Science and ICT and OpenAI")
    k = j + 1
    while k < len(doc) and _capital(doc[k]) and not doc[k].is_punct:
        text = doc[k].text
        if doc[k].lower_ in ORG_HEADS or (any(c.isupper() for c in text[1:]) and not text.isupper()):
            return False
        k += 1
    if {"of", "for", "on"} & set(inside):
        return "and" not in inside[next(i for i, w in enumerate(inside) if w in ("of", "for", "on")) :]
    if doc[j - 1].lower_ in _HEADISH:
        return False
    # join only when the words after "and" run on to a head word: "Digital and AI Ministerial Meeting"
    k = j + 1
    while k < len(doc) and _capital(doc[k]) and not doc[k].is_punct:
        if doc[k].lower_ in _HEADISH:
            return True
        k += 1
    return False


def _acronym_spans_in(doc: Doc, start: int, j: int) -> bool:
    """'in' is inside a name when the acronym after the name needs the words after 'in' too."""
    k = j + 1
    while k < len(doc) and _capital(doc[k]) and not doc[k].is_punct:
        k += 1
    if k == j + 1 or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
        return False
    acronym = doc[k + 1].text
    while start < j and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return (
        is_acronym(acronym)
        and initials_match(acronym, doc[start:k].text)
        and not initials_match(acronym, doc[start:j].text)
    )


def _portfolio_list(doc: Doc, start: int, j: int) -> bool:
    """A comma inside a ministry's list of portfolios: 'Ministry of Trade, Industry and Energy'.
    Only after a head word with its complement, and only when the list closes with 'and' + a
    capitalised word before any other punctuation (no people or places in it)."""
    inside = [t.lower_ for t in doc[start:j]]
    if not any(w in ORG_HEADS for w in inside) or not {"of", "for"} & set(inside):
        return False
    k = j + 1
    seen_and = False
    while k < len(doc) and k - j < 8:
        t = doc[k]
        if t.ent_type_ in ("PERSON", "GPE"):
            return False
        if t.lower_ in ("and", "&"):
            seen_and = True
        elif t.text == ",":
            pass
        elif not (_capital(t) and not t.is_punct):
            break
        k += 1
    return seen_and and k > j + 1 and doc[k - 1].lower_ not in ("and", "&", ",") and _capital(doc[k - 1])


def _text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text.replace("\u2019", "’")


def phrases(doc: Doc) -> list[Phrase]:
    """Maximal runs of capitalised tokens (with inner joiners, hyphens and possessive plurals)."""
    out: list[Phrase] = []
    i, n = 0, len(doc)
    while i < n:
        if not _capital(doc[i]) or doc[i].is_punct or doc[i].like_num:
            i += 1
            continue
        start = i
        j = i + 1
        while j < n:
            t = doc[j]
            if _capital(t) and not t.is_punct:
                j += 1
            elif t.text.isdigit() and len(t.text) == 4 and j + 1 < n and _capital(doc[j + 1]):
                j += 1  # "Asia-Pacific Economic Cooperation 2025 Digital and AI Ministerial Meeting"
            elif t.text == "-" and j + 1 < n and not doc[j - 1].whitespace_ and _capital(doc[j + 1]):
                j += 2  # Asia-Pacific
            elif (
                t.text == "-"
                and j + 3 < n
                and not doc[j - 1].whitespace_
                and doc[j + 1].is_lower
                and doc[j + 2].text == "-"
                and _capital(doc[j + 3])
            ):
                j += 4  # County Court-at-Law
            elif (
                t.text in ("’", "'") and doc[j - 1].text.endswith("s") and j + 1 < n and _capital(doc[j + 1])
            ):
                j += 1  # Leaders’ Meeting
            elif (
                t.text == "("
                and j + 3 < n
                and doc[j + 2].text == ")"
                and is_acronym(doc[j + 1].text)
                and doc[j + 3].lower_ in ("and", "of")
                and j + 4 < n
                and _capital(doc[j + 4])
            ):
                j += 3  # "Development of Artificial Intelligence (AI) and Creation of ..."
            elif t.lower_ == "in" and _acronym_spans_in(doc, start, j):
                j += 1  # "Board of Control for Cricket in India (BCCI)"
            elif t.text == "," and _portfolio_list(doc, start, j):
                j += 1  # "Ministry of Road, Transport and Highways"
            elif (
                t.lower_ in _JOINERS
                and j + 1 < n
                and (
                    _capital(doc[j + 1])
                    or (doc[j + 1].lower_ in ("the", "a") and j + 2 < n and _capital(doc[j + 2]))
                )
            ):
                nxt = doc[j + 2] if doc[j + 1].lower_ in ("the", "a") else doc[j + 1]
                if t.lower_ in ("and", "&") and not _may_join_and(doc, start, j):
                    break
                if (
                    t.lower_ in ("the", "a")
                    and doc[j - 1].lower_ not in _JOINERS
                    and doc[j - 1].pos_ == "PROPN"
                    and not doc[j - 1].lower_.endswith("ing")  # "Fostering the Future Together" is one
                ):
                    break  # "told Billboard the Doobies": two names
                if t.lower_ == "of" and doc[j + 1].lower_ == "the" and nxt.ent_type_ == "GPE":
                    break  # "... Policy of the U.S."
                j += 1
            else:
                break
        end = j
        # sentence-initial function words are not part of a name
        while start < end and doc[start].lower_ in _LEADING_WORDS:
            start += 1
        while end > start and doc[end - 1].lower_ in _JOINERS:
            end -= 1
        if end > start:
            acr = alias = None
            if (
                end + 2 < n
                and doc[end].text == "("
                and doc[end + 2].text == ")"
                and is_acronym(doc[end + 1].text)
            ):
                acr = doc[end + 1].text
            elif end + 1 < n and doc[end].text == "(":
                close = next((k for k in range(end + 1, min(n, end + 8)) if doc[k].text == ")"), None)
                if (
                    close
                    and close > end + 2
                    and all(_capital(t) or t.lower_ in _JOINERS for t in doc[end + 1 : close])
                ):
                    alias = doc[end + 1 : close].text
            out.append(Phrase(start, end, _text(doc, start, end), acr, alias))
        i = max(j, i + 1)
    return out


def initials_match(acronym: str, expansion: str) -> bool:
    """'OSTP' ~ 'Office of Science and Technology Policy': one rule for extraction and curation."""
    return expands(acronym, expansion, whole=True)


def head_word(words: list[str]) -> tuple[int, str] | None:
    """The word that says what a name is: its last word, or a kind word followed by of/on/for
    ("Organization for Economic Cooperation", "Basic Act on the Development of ...")."""
    low = [w.lower().strip(".,") for w in words]
    if low and low[-1] in _HEADISH:
        return len(low) - 1, low[-1]
    if low and "-" in low[-1] and low[-1].split("-")[0] in _HEADISH and len(low) > 1:
        return len(low) - 1, low[-1].split("-")[0]  # "County Court-at-Law"
    for k, w in enumerate(low[:-1]):
        if w in _HEADISH and low[k + 1] in ("of", "on", "for"):
            return k, w
    return None


def inside_quotes(doc: Doc, start: int) -> bool:
    """True when token ``start`` sits inside an open quotation in its paragraph."""
    before = doc[:start].text
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
