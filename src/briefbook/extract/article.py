"""From a cleaned article to a briefing: the extraction components run on the article's Doc, and
the briefing is assembled from what they wrote (the order is `data/pipeline.yml`'s)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc

from ..budgets import MAX_ITEMS
from ..fingerprint import code_fingerprint
from ..ids import name_key
from ..lexicon import COMMON_WORDS
from ..model import Briefing, Event, Source, empty_findings
from ..registry import Registry
from ..text_cleaner import CleanArticle
from .article_doc import ArticleFacts, article_doc
from .components import extractor
from .nlp import parse
from .summary import key_points, lead_title, summarize


def build_briefing(
    clean: CleanArticle, source: Source, registry: Registry | None = None, docs: list[Doc] | None = None
) -> Briefing:
    """The briefing of one article. Pure: the same input gives the same briefing.

    ``docs`` are the article's paragraphs already parsed (see `nlp.parse_many`), in order."""
    registry = registry or Registry()
    paragraphs = [p for p in clean.paragraphs if p.strip()]
    if not in_language(paragraphs):
        return _unanalysed(clean, source, paragraphs, registry)
    docs = docs if docs is not None and len(docs) == len(paragraphs) else parse(paragraphs)
    title = clean.title or lead_title(paragraphs) or "Untitled article"
    facts = ArticleFacts(
        title=title,
        location=clean.location,
        published=dt.date.fromisoformat(clean.date) if clean.date else None,
        agencies=frozenset(a.lower() for a in source.agencies),
        registry=registry,
    )
    doc = extractor()(article_doc(docs, facts))
    entities = doc._.entities
    events = [Event(e.date, e.text, e.paragraph) for e in doc._.events]
    summary = summarize(paragraphs)
    org_keys = {name_key(f) for o in doc._.organizations for f in o.forms()} | {
        name_key(n) for i in doc._.initiatives for n in (i.name, *i.aliases)
    }
    return _assemble(
        clean,
        source,
        paragraphs,
        registry,
        title=title,
        summary=summary,
        key_points=key_points(paragraphs, summary, _weights(doc, events)),
        topics=doc._.topics,
        people=entities.people,
        organizations=entities.organizations,
        initiatives=entities.initiatives,
        quotes=doc._.attributed,
        events=events,
        places=doc._.places,
        review=[
            f"possible person not listed (named once, without title, role or speech): {p.name}"
            for p in doc._.doubtful_people
        ]
        + [
            f"possible organization not listed (never acts as one in the article): {name}"
            for name in doc._.org_doubts
            if name_key(name) not in org_keys
        ],
    )


def _weights(doc: Doc, events: list[Event]) -> dict[int, float]:
    """How much each paragraph says of who and what: the key points are its heaviest sentences."""
    weights: dict[int, float] = {}
    for items, weight in ((doc._.people, 1.0), (doc._.organizations, 0.7), (doc._.initiatives, 1.0)):
        for item in (i for i in items if getattr(i, "level", "actor") == "actor"):  # mentions weigh nothing
            for n in item.paragraphs:
                weights[n] = weights.get(n, 0) + weight
    for e in events:
        weights[e.paragraph] = weights.get(e.paragraph, 0) + 0.8
    return weights


def in_language(paragraphs: list[str]) -> bool:
    """Whether the article is in the language of the lexicon and the model (English): ``common_words.yml``."""
    words = re.findall(r"[^\W\d_]+", " ".join(paragraphs[:20]).lower())
    if len(words) < 20:
        return True
    return sum(1 for w in words if w in COMMON_WORDS) / len(words) >= 0.08


def _unanalysed(clean: CleanArticle, source: Source, paragraphs: list[str], registry: Registry) -> Briefing:
    """A briefing that keeps the article and its metadata and asks a person to look at it."""
    title = clean.title or (paragraphs[0][:80] if paragraphs else "Untitled article")
    return _assemble(
        clean,
        source,
        paragraphs,
        registry,
        title=title,
        review=[
            "the article does not look like English: people, organizations and quotes were not extracted"
        ],
    )


def _assemble(
    clean: CleanArticle, source: Source, paragraphs: list[str], registry: Registry, **parts: Any
) -> Briefing:
    """The briefing with the article's metadata; ``parts`` are what extraction found (empty if not given)."""
    review = list(parts.pop("review", []))
    if not clean.date:
        review.insert(0, "no publication date found: relative dates could not be resolved")
    limit = MAX_ITEMS["review"]
    if len(review) > limit:  # an article naming hundreds of doubtful names is still a briefing
        review = [*review[: limit - 1], f"{len(review) - limit + 1} more doubts like these not listed"]
    fields = empty_findings() | parts
    briefing = Briefing(
        date=clean.date,
        location=clean.location,
        source=source,
        paragraphs=paragraphs,
        review=review,
        generator={"code": code_fingerprint()},
        title_from="lead" if clean.title_from_lead or not clean.title else None,
        **fields,
    )
    # Only the registry entries that concern this briefing: editing another leaves it as it is.
    digest = registry.digest_for_briefing(briefing.title, paragraphs, briefing.entity_ids())
    if digest:
        briefing.generator["registry"] = digest
    return briefing
