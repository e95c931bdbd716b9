"""Sentences of a paragraph, split where a full stop ends one and not after "U.S.", "Gov." or "Jan.".

The one splitter for text that is not parsed by spaCy (dates read a sentence's tense, events and
summaries quote whole sentences); the abbreviation list is data in ``lexicon``.
"""

from __future__ import annotations

import re

from .lexicon import ABBREVIATIONS

__all__ = ["sentence_bounds", "split_sentences"]

_END = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _abbreviation_before(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text[max(0, dot - 12) : dot])
    if not m:
        return False
    word = m.group(1)
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word):  # "U.S", "J", "U.K": initials
        return True
    return word.lower() in ABBREVIATIONS


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, in order, covering the whole text."""
    bounds, start = [], 0
    for m in _END.finditer(text):
        if text[m.start()] == "." and _abbreviation_before(text, m.start()):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped, empty ones left out."""
    return [s for a, b in sentence_bounds(text) if (s := text[a:b].strip())]
