"""Dated events: each sentence that carries a resolvable date becomes an event on that date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import find_dates_in_paragraphs
from ..sentences import sentence_bounds

_EVENT_PRECISIONS = {"day", "month"}


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
            key = (m.value, pno, sentence)
            if key in seen:
                continue
            seen.add(key)
            out.append(EventFound(m.value, sentence, pno))
    return out
