"""Limits on what one untrusted input may cost: article text before spaCy, briefings before a build.

Articles and briefings come from anyone (a pull request, a scraped page). Without limits one of
them can stall a run: spaCy's tokenizer is quadratic in the length of a word without spaces, the
parser's time grows with the tokens of a paragraph, and one briefing with thousands of people
makes thousands of pages. Each limit here is named in the README's "Bad input it handles" table.
The functions are pure; ingest, check and the site build apply them.
"""

from __future__ import annotations

import re
from typing import Any

# Article text (ingest)
MAX_PARAGRAPH_CHARS = 2_000  # longer paragraphs are split (news paragraphs stay under ~1,500)
MAX_RUN_CHARS = 100  # a longer run without a space gets one (the longest real words are ~30)
MIN_LETTER_SHARE = 0.3  # a paragraph with fewer letters is not prose: kept, but not parsed
ARTICLE_SECONDS = 60.0  # a worker that spends longer on one article reports it as failed
LOCK_WAIT_SECONDS = 300.0  # an ingest waiting for another one on the same folder gives up after

# Briefings (check and the site build)
MAX_BRIEFING_BYTES = 1_000_000
MAX_ITEMS = {"people": 300, "organizations": 300, "initiatives": 200, "quotes": 500, "events": 1_000,
             "topics": 50, "places": 200, "review": 100, "other_sources": 200}
MAX_PARAGRAPHS = 2_000
MAX_FIELD_CHARS = 20_000  # any one text value of the frontmatter
MAX_CONNECTED = 50  # past this many entities in one briefing, the others connect to the first 50 only
MAX_EVENT_ENTITIES = 20  # entities one event is listed under (besides the briefing's topics)
MAX_ID_CHARS = 120  # an id or a briefing's file name: a page's folder name (file systems stop at 255 bytes)
# Per entity (a briefing's item or a registry entry): each name is searched for in every paragraph
# of every briefing that names the entity, so these bound the work of one entity, not the sum.
MAX_ALIASES = 50
MAX_MENTIONS = 50
MAX_LIST_OF = {"aliases": MAX_ALIASES, "mentions": MAX_MENTIONS}


def item_over(item: dict[str, Any]) -> list[tuple[str, str]]:
    """What of one entity item (person, organization, initiative) is over its budget, as
    (field, message): an id too long, too many aliases or mentions."""
    out = []
    ident = item.get("id")
    if isinstance(ident, str) and len(ident) > MAX_ID_CHARS:
        out.append(("id", f"{len(ident)} characters, the limit is {MAX_ID_CHARS}"))
    for key, most in MAX_LIST_OF.items():
        value = item.get(key)
        if isinstance(value, list) and len(value) > most:
            out.append((key, f"{len(value):,} items, the limit is {most}"))
    return out

# bounded repeats only: a run of closing marks cannot make the search quadratic
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]{0,3}\s")
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


def split_paragraph(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after a sentence when one ends in the
    second half of the window, else at a space, else anywhere. Linear in the text."""
    pieces = []
    while len(text) > limit:
        window = text[:limit]
        cut = 0
        for m in _SENTENCE_END.finditer(window, limit // 2):
            cut = m.end()
        if not cut:
            cut = window.rfind(" ", limit // 2) + 1
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut].strip())
        text = text[cut:].lstrip()
    pieces.append(text)
    return [p for p in pieces if p]


def _break_run(run: str) -> str:
    return " ".join(run[i : i + MAX_RUN_CHARS] for i in range(0, len(run), MAX_RUN_CHARS))


def bounded_paragraphs(paragraphs: list[str]) -> list[str]:
    """Paragraphs no longer than :data:`MAX_PARAGRAPH_CHARS`, no run without a space over
    :data:`MAX_RUN_CHARS`: what spaCy is given, and so what the briefing's body holds."""
    out: list[str] = []
    for p in paragraphs:
        if len(p) > MAX_RUN_CHARS:
            p = _LONG_RUN.sub(lambda m: _break_run(m.group()), p)
        out.extend(split_paragraph(p) if len(p) > MAX_PARAGRAPH_CHARS else [p])
    return out


def is_prose(paragraph: str) -> bool:
    """True when at least :data:`MIN_LETTER_SHARE` of the paragraph's characters are letters."""
    text = paragraph.strip()
    if not text:
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return letters >= MIN_LETTER_SHARE * len(text)


def over_limits(meta: dict[str, Any], paragraphs: list[str], size: int) -> str | None:
    """Why a briefing (its frontmatter as written, its paragraphs, its size in bytes) is over the
    limits `check` and the build enforce, or None: ingest refuses to write what they would refuse."""
    if size > MAX_BRIEFING_BYTES:
        return f"the briefing would be {size / 1e6:.1f} MB, over the limit of {MAX_BRIEFING_BYTES / 1e6:.1f} MB"
    for key, most in MAX_ITEMS.items():
        value = meta.get(key)
        if isinstance(value, list) and len(value) > most:
            return f"the briefing would have {len(value)} {key}, over the limit of {most}"
    if len(paragraphs) > MAX_PARAGRAPHS:
        return f"the briefing would have {len(paragraphs)} paragraphs, over the limit of {MAX_PARAGRAPHS}"
    for key in ("people", "organizations", "initiatives"):
        for item in meta.get(key) or []:
            for field, message in item_over(item) if isinstance(item, dict) else []:
                return f"{key}: an item's {field} would have {message.replace('items', 'entries')}"
    stack: list[Any] = [meta]
    while stack:
        value = stack.pop()
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            return f"a field of the briefing would have {len(value):,} characters, over the limit of {MAX_FIELD_CHARS:,}"
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return None
