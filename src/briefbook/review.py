"""Review flags a person should act on: a doubt about a fact the site shows, with the reason and
the paragraph to read.

The generator writes its doubts into a briefing's ``review`` list. Some concern what the site
shows (no publication date, an article that is not English); others only say what it leaves out
("possible person not listed"): those the site does not show, so they are not a flag. On top of
them come doubts the briefing's own facts raise: a place that is the name of someone in the
article, a direct quote shown without a speaker in a paragraph that names a person, a name
listed both as a person and as an organization. `briefbook review` prints them; the site's "Needs review" lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ids import name_key
from .model import Briefing

# Generator reasons about what the site leaves out: no fact on the site is in doubt.
NOT_SHOWN = ("possible person not listed", "possible organization not listed")
# Generator reasons about the whole briefing (lower case), and the fact each puts in doubt.
FACT_OF_REASON = (
    ("no publication date found", "date"),
    ("the article does not look like english", "people, organizations and quotes"),
)
QUOTE_WORDS = 8  # the first words of a quote that name it in a flag


@dataclass(frozen=True)
class Flag:
    fact: str  # what the site shows that may be wrong, as a reader sees it
    reason: str
    paragraph: int | None = None  # 1 = the first paragraph of the article

    def line(self) -> str:
        where = f" (paragraph {self.paragraph})" if self.paragraph else ""
        return f"{self.fact}: {self.reason}{where}"


def _generator_flags(b: Briefing) -> list[Flag]:
    out = []
    for reason in b.review:
        low = reason.lower()
        if low.startswith(NOT_SHOWN):
            continue
        fact = next((f for prefix, f in FACT_OF_REASON if low.startswith(prefix)), "briefing")
        out.append(Flag(fact, reason))
    return out


def _first_paragraph(b: Briefing, text: str) -> int | None:
    for number, paragraph in enumerate(b.paragraphs, 1):
        if text in paragraph:
            return number
    return None


def flags(b: Briefing) -> list[Flag]:
    """The doubts about one briefing's facts that a person should settle, each once."""
    out = _generator_flags(b)
    people = {name_key(p.name): p.name for p in b.people}
    orgs = {name_key(o.name): o.name for o in b.organizations}
    if b.location:
        key = name_key(b.location)
        if key in people:
            out.append(Flag(f"place {b.location!r}", "the place is the name of a person in the article",
                            _first_paragraph(b, b.location)))
    for key, name in people.items():
        if key in orgs:
            out.append(Flag(f"person {name!r}", "also listed as an organization: one of the two is wrong",
                            _first_paragraph(b, name)))
    for q in b.quotes:
        if q.kind != "direct" or q.speaker or q.speaker_name or not 1 <= q.paragraph <= len(b.paragraphs):
            continue
        # a quote nobody said is often a reader's review or a slogan; one in a paragraph that names
        # a person of the article was most likely said by them, and the site shows it unattributed
        named = [p.name for p in b.people if p.name in b.paragraphs[q.paragraph - 1]]
        if named:
            words = q.text.split()
            shown = " ".join(words[:QUOTE_WORDS]) + (" …" if len(words) > QUOTE_WORDS else "")
            out.append(Flag(f"quote “{shown}”", f"shown without a speaker, in a paragraph that names "
                            f"{', '.join(named[:3])}", q.paragraph))
    return list(dict.fromkeys(out))
