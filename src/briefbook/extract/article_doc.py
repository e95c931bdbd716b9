"""The article as one spaCy Doc: what the extraction components read and what each one writes.

The model parses an article paragraph by paragraph (every item found knows its paragraph); the
extraction components (`components.py`) see the article whole. `article_doc` joins the parsed
paragraphs into one Doc that keeps them in ``doc._.paragraphs`` and carries what the page said
about itself in ``doc._.facts``. Each component writes its findings to the extension named for it
in `WRITTEN_BY` and reads those of the components before it, so that any one of them can be run on
a Doc alone, tested alone, or replaced by another that writes the same extension.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..registry import Registry


@dataclass(frozen=True)
class ArticleFacts:
    """What the cleaned page says about the article, beside its paragraphs."""

    title: str = ""  # the headline, or the lead's first words where the page gave none
    location: str | None = None  # the dateline's place ("Seoul")
    published: dt.date | None = None  # what "on Tuesday" and "last month" are read against
    agencies: frozenset[str] = frozenset()  # the news agencies the page credits, lower case
    registry: Registry = field(default_factory=Registry)  # the curated names of the corpus


# extension -> the component (or function) that writes it, and what it holds
WRITTEN_BY: dict[str, str] = {
    "paragraphs": "article_doc: the parsed paragraphs in order (paragraph n is paragraphs[n - 1])",
    "facts": "article_doc: ArticleFacts",
    "quotes": "briefbook_quotes: quotes.QuoteFound, each with the words that name its speaker",
    "speaking": "briefbook_quotes: name keys of the words a quote's own cue names its speaker by",
    "speaking_direct": "briefbook_quotes: the same, for quotes in quotation marks only",
    "people": "briefbook_people: people.PersonFound listed in the briefing, actors and mentioned (`level`)",
    "doubtful_people": "briefbook_people: names that may be people but are named once without title, role or speech",
    "places": "briefbook_places: place names (GPE and LOC entities), countries in their usual form",
    "organizations": "briefbook_organizations: organizations.OrgFound, actors and mentioned (initiatives take out their names)",
    "org_doubts": "briefbook_organizations: names that never act as organizations in the article",
    "initiatives": "briefbook_initiatives: initiatives.InitiativeFound",
    "entities": "briefbook_entities: resolve.Entities, the briefing's people, organizations and initiatives with ids",
    "attributed": "briefbook_speakers: model.Quote, each with its speaker's id or none",
    "events": "briefbook_events: events.EventFound, each sentence that carries a resolvable date",
    "topics": "briefbook_topics: topic ids from the controlled vocabulary",
}

for _name in WRITTEN_BY:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def article_doc(paragraphs: list[Doc], facts: ArticleFacts, vocab: object | None = None) -> Doc:
    """One Doc of the whole article, its paragraphs (already parsed, in order) and facts attached."""
    if paragraphs:
        with warnings.catch_warnings():  # a paragraph's own caches (user_data) stay with the paragraph
            warnings.filterwarnings("ignore", message=r"\[W102\]")
            doc = Doc.from_docs(paragraphs)
    else:
        if vocab is None:
            from .nlp import pipeline

            vocab = pipeline().vocab
        doc = Doc(vocab, words=[])  # type: ignore[arg-type]
    doc._.paragraphs = list(paragraphs)
    doc._.facts = facts
    return doc
