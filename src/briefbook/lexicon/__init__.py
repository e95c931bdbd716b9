"""The bottom layer: every word list that is a fact about the world or the language, read from
``data/lexicon/<language>/*.yml`` (`loader`) and shared as sets (`vocabulary`).

It imports nothing from briefbook but `yamlsafe`, so that the cleaner, the sentence splitter, the
site and the extractors can all read it without depending on one another.
"""

from __future__ import annotations

from .loader import (
    LANGUAGE,
    LexiconError,
    agencies,
    alternation,
    by_form,
    countries,
    fold,
    forms_of,
    groups,
    index_forms,
    ordered_words,
    parse_forms,
    parse_word_list,
    parse_words,
    spacy_model,
    subset,
    words,
)
from .vocabulary import *  # noqa: F403  (the sets, by the names the rules use)
from .vocabulary import __all__ as _sets

__all__ = [
    "LANGUAGE",
    "LexiconError",
    "agencies",
    "alternation",
    "by_form",
    "countries",
    "fold",
    "forms_of",
    "groups",
    "index_forms",
    "ordered_words",
    "parse_forms",
    "parse_word_list",
    "parse_words",
    "spacy_model",
    "subset",
    "words",
    *_sets,
]
