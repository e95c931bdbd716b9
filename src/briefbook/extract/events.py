"""Dated events: each sentence that carries a resolvable date becomes an event on that date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import find_dates_in_paragraphs
from ..sentences import sentence_bounds

_EVENT_PRECISIONS = {"day", "month"}
# "— Jane Roe (@janeroe) November 19, 2019": the signature under an embedded post
_POST_SIGNATURE = re.compile(r"^\W{0,3}[—–-]\s*.{0,80}\(@\w{2,}\)|\(@\w{2,}\)\s*\S+\s+\d{1,2},?\s+\d{4}")
_HEADING_WORDS = 15  # a line this short without a full stop is a heading ("10 things you need to know today")
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$|[\"”]\s*$")


@dataclass
class EventFound:
    date: str
    text: str
    paragraph: int


def _sentence_around(text: str, start: int, end: int) -> str:
    for a, b in sentence_bounds(text):
        if a <= start < b:
            return text[a:b].strip()
    return text.strip()


def _narrative(sentence: str) -> bool:
    """A sentence of the story, not a post's signature nor a heading or a teaser's headline."""
    if _POST_SIGNATURE.search(sentence):
        return False
    return bool(_SENTENCE_END.search(sentence)) or len(sentence.split()) > _HEADING_WORDS


def find_events(paragraphs: list[str], anchor: dt.date | None) -> list[EventFound]:
    """Events with day or month precision; years alone are context, not events."""
    out: list[EventFound] = []
    seen: set[tuple[str, int, str]] = set()
    for pno, mentions in enumerate(find_dates_in_paragraphs(paragraphs, anchor), start=1):
        text = paragraphs[pno - 1]
        for m in mentions:
            if m.precision not in _EVENT_PRECISIONS or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", m.value):
                continue
            sentence = _sentence_around(text, m.start, m.end)
            if not _narrative(sentence):
                continue
            key = (m.value, pno, sentence)
            if key in seen:
                continue
            seen.add(key)
            out.append(EventFound(m.value, sentence, pno))
    return out
