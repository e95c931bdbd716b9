"""A small index of entity names and aliases, for search that finds a page by its name.

Full-text search ranks by where and how often words occur; a reader who types "NASA" or a
person's name wants that entity's page first, at 2 briefings as at 10,000. This index is the
rule that guarantees it: every searchable entity's name and aliases, in small JSON files keyed by
the first two letters of each word (``search-names/na.json``), so a search fetches one file of a
few kB whatever the corpus size. ``briefbook-search.js`` puts exact matches first, then names that
start with what was typed, then the full-text results.
"""

from __future__ import annotations

import json
import re
import unicodedata

from ..corpus import Corpus, Entity
from ..safetext import without_bidi
from . import paths

FOLDER = "search-names"
_NOT_WORD = re.compile(r"[^a-z0-9]+")
KIND_LABELS = {"person": "Person", "organization": "Organization", "initiative": "Initiative", "topic": "Topic"}


def fold(text: str) -> str:
    """Lower case, accents off, words of letters and digits (briefbook-search.js does the same)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", text.lower()).strip()


def shard(word: str) -> str:
    return word[:2]


def searchable(ent: Entity, search_min_briefings: int) -> bool:
    return ent.kind == "topic" or ent.in_registry or len(ent.briefings) >= search_min_briefings


def name_files(corpus: Corpus, *, directory_urls: bool = True, search_min_briefings: int = 1) -> dict[str, str]:
    """``{path: JSON}``: for each two-letter start of a word, the names that have such a word.

    Each entry is ``[folded form, name, url from the site root, kind, briefings]``, most covered first.
    """
    shards: dict[str, list[tuple[int, str, list[object]]]] = {}
    # An alias that is another entity's name is not searched as this one's: it cannot put this
    # entity above the one that bears the name (an organization aliased "Donald Trump").
    names = {fold(ent.name) for by_id in corpus.entities.values() for ent in by_id.values()}
    for kind, by_id in corpus.entities.items():
        for ent in by_id.values():
            if not searchable(ent, search_min_briefings):
                continue
            url = paths.url(paths.entity(ent.ref), directory_urls)
            own = fold(ent.name)
            for form in dict.fromkeys([own, *(a for a in map(fold, ent.aliases) if a == own or a not in names)]):
                keys = {shard(w) for w in form.split() if len(w) >= 2}
                for key in keys:
                    shards.setdefault(key, []).append(
                        (-len(ent.briefings), form, [form, without_bidi(ent.name), url, KIND_LABELS[kind],
                                                     len(ent.briefings)]))
    return {f"{FOLDER}/{key}.json": json.dumps([e for _, _, e in sorted(entries, key=lambda x: (x[0], x[1]))],
                                               ensure_ascii=False, separators=(",", ":"))
            for key, entries in sorted(shards.items())}
