"""How the word lists are read: ``data/lexicon/<language>/<list>.yml``, checked, once per process.

A contributor extends a list without reading code: each file is a list of words, or a mapping
from how a briefing writes a thing to the other ways articles write it, and opens with a comment
saying what the list is for. A malformed list fails loudly instead of silently matching less.
The folder is chosen by a language code; English is the only language shipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from .. import yamlsafe

# The language whose folder the module-level lists are read from (the only one shipped).
LANGUAGE = "en"


class LexiconError(ValueError):
    """A word list in ``data/lexicon`` is not a mapping of names to lists of forms."""


def fold(text: str) -> str:
    """How the lists compare forms: spacing collapsed, case ignored."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def _path(list_name: str, language: str) -> str:
    return f"data/lexicon/{language}/{list_name}.yml"


def _read(list_name: str, language: str) -> str:
    return resources.files("briefbook").joinpath(_path(list_name, language)).read_text(encoding="utf-8")


@cache
def forms_of(list_name: str, language: str = LANGUAGE) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``data/lexicon/<language>/<list_name>.yml`` as (usual name, other forms) pairs, in file order."""
    return parse_forms(_read(list_name, language), _path(list_name, language))


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
def words(list_name: str, language: str = LANGUAGE) -> frozenset[str]:
    """``data/lexicon/<language>/<list_name>.yml``, a list of words or phrases, as a set (folded)."""
    return frozenset(fold(w) for w in ordered_words(list_name, language))


@cache
def ordered_words(list_name: str, language: str = LANGUAGE) -> tuple[str, ...]:
    """A list of words as written in its file, in file order (for lists whose order means something,
    such as the months of the year)."""
    return parse_word_list(_read(list_name, language), _path(list_name, language))


def parse_words(text: str, path: str = "<list>") -> frozenset[str]:
    """A word list's YAML (a sequence of strings) as a set; `LexiconError` on anything else, such
    as an unquoted ``on`` or ``no`` that YAML reads as true or false."""
    return frozenset(fold(w) for w in parse_word_list(text, path))


def parse_word_list(text: str, path: str = "<list>") -> tuple[str, ...]:
    """A word list's YAML (a sequence of strings), in order, unfolded; see `parse_words`."""
    data = yamlsafe.load(text)
    if not isinstance(data, list) or not data:
        raise LexiconError(f"{path}: expected a list of words")
    bad = [w for w in data if not isinstance(w, str) or not w.strip()]
    if bad:
        raise LexiconError(f"{path}: {bad[0]!r} is not a word (quote it)")
    return tuple(data)


def groups(list_name: str, language: str = LANGUAGE) -> dict[str, frozenset[str]]:
    """A mapping list (``female: [mrs, ms, ...]``) as group name -> its forms, folded."""
    return {name: frozenset(fold(f) for f in forms) for name, forms in forms_of(list_name, language)}


def subset(list_name: str, of: frozenset[str], of_name: str, language: str = LANGUAGE) -> frozenset[str]:
    """A list whose every word must be one of another list's (the joiners of a name are function
    words): the words, or `LexiconError` naming a word the larger list lacks."""
    found = words(list_name, language)
    extra = sorted(found - of)
    if extra:
        raise LexiconError(f"{_path(list_name, language)}: {extra[0]!r} is not in {of_name}")
    return found


@cache
def agencies(language: str = LANGUAGE) -> dict[str, str]:
    """Folded form of a news agency -> how it is usually written ("associated press" -> "AP")."""
    return index_forms(forms_of("agencies", language), True, _path("agencies", language))


@cache
def countries(language: str = LANGUAGE) -> dict[str, str]:
    """Lower-case form standing for a country ("korean", "seoul") -> the country's name."""
    return index_forms(forms_of("countries", language), False, _path("countries", language))


def by_form(list_name: str, language: str = LANGUAGE) -> dict[str, str]:
    """A mapping list read backwards: each folded form -> the name it stands under
    (``senator: [sen.]`` gives "sen." -> "senator")."""
    return index_forms(forms_of(list_name, language), False, _path(list_name, language))


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


def alternation(forms: Iterable[str], spaces: str = " ") -> str:
    """Words or phrases as a regular-expression alternation, longest first (so that "Getty Images"
    is tried before "Getty"), each space written as ``spaces`` (``r"\\s+"`` to allow any spacing)."""
    return "|".join(re.escape(f).replace(r"\ ", spaces) for f in sorted(forms, key=len, reverse=True))


@cache
def settings(language: str = LANGUAGE) -> dict[str, str]:
    """``data/lexicon/<language>/language.yml``: what else the language decides (its spaCy model)."""
    path = _path("language", language)
    data = yamlsafe.load(_read("language", language))
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise LexiconError(f"{path}: expected a mapping of settings to words")
    return data


def spacy_model(language: str = LANGUAGE) -> str:
    """The spaCy pipeline that parses articles in ``language``."""
    try:
        return settings(language)["spacy_model"]
    except KeyError:
        raise LexiconError(f"{_path('language', language)}: no spacy_model") from None
