"""The word lists that are facts about the world, read from ``data/lexicon/*.yml``.

A contributor extends them without reading code: each file is a mapping from how a briefing
writes a thing to the other ways articles write it, with a comment saying what the list is for.
The cleaner and the extractors both read them here, so each list exists once. Files are read
once per process and checked: a malformed list fails loudly instead of silently matching less.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from . import yamlsafe

# Small words that may stand lower-case inside a name, a title or a label ("Ministry of Science and
# ICT", "Terms of Service", "Banco de España"). Rules that need fewer of them say which ones.
FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "&", "de"})


class LexiconError(ValueError):
    """A word list in ``data/lexicon`` is not a mapping of names to lists of forms."""


def fold(text: str) -> str:
    """How the lists compare forms: spacing collapsed, case ignored."""
    return re.sub(r"\s+", " ", text).strip().casefold()


@cache
def forms_of(list_name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``data/lexicon/<list_name>.yml`` as (usual name, other forms) pairs, in file order."""
    path = f"data/lexicon/{list_name}.yml"
    return parse_forms(resources.files("briefbook").joinpath(path).read_text(encoding="utf-8"), path)


def parse_forms(text: str, path: str = "<list>") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A word list's YAML as (name, other forms) pairs; `LexiconError` when it has another shape."""
    data = yamlsafe.load(text)
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping of names to lists of forms")
    out = []
    for name, forms in data.items():
        if not isinstance(name, str) or not name.strip():
            raise LexiconError(f"{path}: {name!r} is not a name")
        if forms is None:
            forms = []
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise LexiconError(f"{path}: the forms of {name!r} must be a list of words")
        out.append((name, tuple(forms)))
    return tuple(out)


@cache
def words(list_name: str) -> frozenset[str]:
    """``data/lexicon/<list_name>.yml``, a list of words or phrases, as a set (folded)."""
    path = f"data/lexicon/{list_name}.yml"
    return parse_words(resources.files("briefbook").joinpath(path).read_text(encoding="utf-8"), path)


def parse_words(text: str, path: str = "<list>") -> frozenset[str]:
    """A word list's YAML (a sequence of strings) as a set; `LexiconError` on anything else, such
    as an unquoted ``on`` or ``no`` that YAML reads as true or false."""
    data = yamlsafe.load(text)
    if not isinstance(data, list) or not data:
        raise LexiconError(f"{path}: expected a list of words")
    bad = [w for w in data if not isinstance(w, str) or not w.strip()]
    if bad:
        raise LexiconError(f"{path}: {bad[0]!r} is not a word (quote it)")
    return frozenset(fold(w) for w in data)


@cache
def agencies() -> dict[str, str]:
    """Folded form of a news agency -> how it is usually written ("associated press" -> "AP")."""
    return _by_form("agencies", include_name=True)


@cache
def countries() -> dict[str, str]:
    """Lower-case form standing for a country ("korean", "seoul") -> the country's name."""
    return _by_form("countries", include_name=False)


def _by_form(list_name: str, include_name: bool) -> dict[str, str]:
    return index_forms(forms_of(list_name), include_name, f"data/lexicon/{list_name}.yml")


def index_forms(
    pairs: tuple[tuple[str, tuple[str, ...]], ...], include_name: bool, path: str = "<list>"
) -> dict[str, str]:
    """Each folded form (and the name itself when ``include_name``) mapped to its name; a form
    claimed by two names is an error, since it could not say which one it stands for."""
    out: dict[str, str] = {}
    for name, forms in pairs:
        for form in ((name, *forms) if include_name else forms):
            key = fold(form)
            if out.get(key, name) != name:
                raise LexiconError(f"{path}: {form!r} is both {out[key]!r} and {name!r}")
            out[key] = name
    return out
