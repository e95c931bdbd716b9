"""Topics from a controlled vocabulary (``data/topics.yml``), by keyword frequency."""

from __future__ import annotations

import re
from functools import lru_cache

from ..topics_data import Topic, load_topics


def vocabulary() -> tuple[Topic, ...]:
    return tuple(load_topics().values())


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[Topic, re.Pattern[str]], ...]:
    out = []
    for topic in vocabulary():
        alts = []
        for kw in topic.keywords:
            body = re.escape(kw).replace(r"\ ", r"[\s-]+")
            alts.append(f"(?-i:{body})" if kw.isupper() else body)
        out.append((topic, re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)))
    return tuple(out)


def find_topics(title: str, paragraphs: list[str], min_hits: int = 2) -> list[str]:
    """Topic ids whose keywords occur at least ``min_hits`` times (a title hit counts double)."""
    body = "\n".join(paragraphs)
    scored = []
    for topic, pattern in _patterns():
        hits = len(pattern.findall(body)) + 2 * len(pattern.findall(title or ""))
        if hits >= min_hits:
            scored.append((-hits, topic.id))
    return [tid for _, tid in sorted(scored)]
