"""Extraction as spaCy components: each runs on an article's Doc alone and writes its extension.

Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from briefbook.extract.article_doc import WRITTEN_BY, ArticleFacts, article_doc
from briefbook.extract.components import build_extractor, extractor
from briefbook.extract.nlp import parse

PARAGRAPHS = [
    "LISBON, March 3 — Portugal's Energy Minister Ana Lima met executives of the Lisbon Grid Company on Tuesday.",
    "“We will double storage by 2030,” Lima said after the meeting.",
    "The Lisbon Grid Company said it would sign the Atlantic Storage Pact next month.",
]
FACTS = ArticleFacts(title="Portugal plans storage", location="Lisbon", published=dt.date(2026, 3, 3))


def _doc() -> Doc:
    return article_doc(parse(PARAGRAPHS), FACTS)


def test_the_pipeline_is_the_one_the_data_file_lists() -> None:
    names = extractor().pipe_names
    assert names[:2] == ["briefbook_quotes", "briefbook_people"]
    assert {"briefbook_organizations", "briefbook_speakers", "briefbook_events"} <= set(names)
    assert names.index("briefbook_entities") < names.index("briefbook_speakers")


def test_the_article_doc_keeps_its_paragraphs_and_facts() -> None:
    doc = _doc()
    assert doc.text.startswith("LISBON") and len(doc._.paragraphs) == 3
    assert doc._.facts.location == "Lisbon"
    assert all(Doc.has_extension(name) for name in WRITTEN_BY)


def test_quotes_component_alone() -> None:
    doc = extractor().get_pipe("briefbook_quotes")(_doc())
    direct = [q for q in doc._.quotes if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].text.startswith("We will double storage by 2030")
    assert "lima" in doc._.speaking_direct


def test_people_component_reads_what_quotes_wrote() -> None:
    nlp = extractor()
    doc = nlp.get_pipe("briefbook_people")(nlp.get_pipe("briefbook_quotes")(_doc()))
    lima = [p for p in doc._.people if p.name == "Ana Lima"]
    assert lima and "Energy Minister" in (lima[0].role or "")


def test_organizations_and_events_components() -> None:
    doc = extractor()(_doc())
    assert any(o.name == "Lisbon Grid Company" for o in doc._.organizations)
    assert "2026-03-03" in {e.date for e in doc._.events}  # "on Tuesday" read against March 3
    attributed = [q for q in doc._.attributed if q.kind == "direct"]
    assert attributed and attributed[0].speaker == "ana-lima"


def test_a_component_of_ones_own_joins_the_pipeline() -> None:
    """A project registers a factory and lists it: it sees what the components before it wrote."""

    @Language.factory("test_count_people")
    def make(nlp: Language, name: str):
        def count(doc: Doc) -> Doc:
            doc.user_data["people_seen"] = len(doc._.people)
            return doc

        return count

    spec = {"components": [{"factory": "briefbook_quotes"}, {"factory": "briefbook_people"},
                           {"factory": "test_count_people"}]}
    doc = build_extractor(spec)(_doc())
    assert doc.user_data["people_seen"] == len(doc._.people) >= 1
    assert "test_count_people" not in extractor().pipe_names


def test_a_pipeline_file_of_another_shape_or_factory_fails_loudly() -> None:
    with pytest.raises(ValueError, match=r"my\.yml: expected components"):
        build_extractor({"components": ["briefbook_quotes"]}, "my.yml")
    with pytest.raises(ValueError, match="no_such_component"):  # spaCy's own message names it
        build_extractor({"components": [{"factory": "no_such_component"}]})


def test_people_component_can_be_configured() -> None:
    """``known_surnames: false``: a well-known surname alone no longer names its person."""
    facts = ArticleFacts(title="Tariffs")
    text = ["Trump said the tariffs would stay, according to a statement on Friday."]
    on = build_extractor({"components": [{"factory": "briefbook_people"}]})(article_doc(parse(text), facts))
    off = build_extractor({"components": [{"factory": "briefbook_people", "config": {"known_surnames": False}}]})(
        article_doc(parse(text), facts))
    assert "Donald Trump" in {p.name for p in on._.people + on._.doubtful_people}
    assert "Donald Trump" not in {p.name for p in off._.people + off._.doubtful_people}
