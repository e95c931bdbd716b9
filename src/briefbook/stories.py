"""Stories across outlets: briefings that report one event, grouped, each outlet's version kept.

Two briefings are one story when they share a person or an organization (after ``identity``),
were published within ``DAYS`` days of each other (an undated one may join a dated one if their
words agree more: ``UNDATED_SIMILARITY``), and their words agree: the cosine of their TF-IDF
vectors (title twice, summary, first paragraphs; words of four letters or more) is at least
``SIMILARITY``. Groups are closed under the relation (A~B, B~C: one story). A briefing whose
frontmatter says ``story: separate`` is never grouped: how a contributor splits a wrong story.

Candidates come from each entity's briefings in date order within the window, so the work grows
with the briefings a name has in a few days, not with the square of the corpus. Pure: the
corpus index calls ``group``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Briefing

DAYS = 3
SIMILARITY = 0.38
UNDATED_SIMILARITY = 0.45
PARAGRAPHS = 4
MAX_PER_WINDOW = 60  # briefings of one name compared within one window (a name in every story of a day)
_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class Story:
    """One event as the corpus has it: its briefings, newest first (the first is the lead)."""

    id: str  # the slug of its earliest briefing
    briefings: tuple[str, ...]


def _vector(b: Briefing, idf: Mapping[str, float]) -> dict[str, float]:
    counts = _words(b)
    v = {w: (1 + math.log(n)) * idf.get(w, 0.0) for w, n in counts.items()}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items() if x}


def _words(b: Briefing) -> Counter[str]:
    text = " ".join([b.title or "", b.title or "", b.summary or "", *b.paragraphs[:PARAGRAPHS]])
    return Counter(w.lower() for w in _WORD.findall(text))


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date or "")
    except ValueError:
        return None


def similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def group(briefings: Mapping[str, Briefing], actors: Mapping[str, Sequence[object]]) -> list[Story]:
    """The stories of more than one briefing. ``actors``: slug -> the people and organizations it
    names (canonical refs, so that "Joe Biden" and "Biden" are one)."""
    docs = {slug: _words(b) for slug, b in briefings.items()}
    df = Counter(w for counts in docs.values() for w in counts)
    n = len(docs) or 1
    idf = {w: math.log(1 + n / k) for w, k in df.items()}  # (smoothed: two briefings alone still compare)
    vectors: dict[str, dict[str, float]] = {}

    def vec(slug: str) -> dict[str, float]:
        if slug not in vectors:
            vectors[slug] = _vector(briefings[slug], idf)
        return vectors[slug]

    by_actor: dict[object, list[str]] = defaultdict(list)
    for slug, refs in actors.items():
        if briefings[slug].story == "separate":  # a person split it off (`story: separate`)
            continue
        for ref in refs:
            by_actor[ref].append(slug)
    parent = {slug: slug for slug in briefings}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    tried: set[tuple[str, str]] = set()
    for slugs in by_actor.values():
        for a, b in _window_pairs(slugs, briefings):
            if (a, b) in tried or root(a) == root(b):
                continue
            tried.add((a, b))
            dated = _day(briefings[a].date) is not None and _day(briefings[b].date) is not None
            if similarity(vec(a), vec(b)) >= (SIMILARITY if dated else UNDATED_SIMILARITY):
                ra, rb = root(a), root(b)
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for slug in briefings:
        groups[root(slug)].append(slug)
    stories = []
    for members in groups.values():
        if len(members) > 1:
            members.sort(key=lambda s: (briefings[s].date or "", s))
            stories.append(Story(members[0], tuple(reversed(members))))
    stories.sort(key=lambda s: s.id)
    return stories


def _window_pairs(slugs: Iterable[str], briefings: Mapping[str, Briefing]) -> Iterable[tuple[str, str]]:
    """Pairs of one name's briefings published within DAYS of each other (undated ones with all)."""
    dated = sorted((d, s) for s in slugs if (d := _day(briefings[s].date)) is not None)
    undated = sorted(s for s in slugs if _day(briefings[s].date) is None)
    for i, (day, a) in enumerate(dated):
        for other_day, b in dated[i + 1 : i + 1 + MAX_PER_WINDOW]:
            if (other_day - day).days > DAYS:
                break
            yield (a, b) if a < b else (b, a)
    for u in undated[:MAX_PER_WINDOW]:
        for _, s in dated[:MAX_PER_WINDOW]:
            yield (u, s) if u < s else (s, u)
        for v in undated[:MAX_PER_WINDOW]:
            if u < v:
                yield u, v
