"""Identity across the corpus: one person, one page; one organization, one page (issue #22)."""

from __future__ import annotations

from collections import Counter

import pytest

from briefbook.corpus import build_corpus
from briefbook.curation import find_duplicates
from briefbook.identity import Candidate, org_key, parse_person, resolve_organizations, resolve_people
from briefbook.ids import slugify
from briefbook.model import Briefing, Organization, Person, Source
from briefbook.registry import parse_registry


def _cand(name: str, briefings: int = 1, registry: bool = False) -> Candidate:
    return Candidate(slugify(name), Counter({name: briefings}), briefings, registry)


def _people(*names: str) -> dict[str, str]:
    return resolve_people([_cand(n) for n in names]).merges


def _orgs(*names: str) -> dict[str, str]:
    return resolve_organizations([_cand(n) for n in names]).merges


@pytest.mark.parametrize("names, joined", [
    (["Marta Oyelaran", "Oyelaran"], {"oyelaran": "marta-oyelaran"}),  # a surname alone
    (["Oleksandr Kovalenkoo", "Kovalenko"], {"kovalenko": "oleksandr-kovalenkoo"}),  # a spelling variant
    (["Tim Whitcombe", "Timothy Whitcombe"], {"timothy-whitcombe": "tim-whitcombe"}),  # a nickname
    (["Rosa L. Delacroix", "Rosa Delacroix"], {"rosa-delacroix": "rosa-l-delacroix"}),  # a middle initial
    (["Gavin Threlkeld Jr.", "Gavin Threlkeld"], {"gavin-threlkeld": "gavin-threlkeld-jr"}),  # a suffix
])
def test_a_name_joins_the_one_person_the_corpus_supports(names, joined):
    merges = _people(*names)
    assert merges == {k: v for k, v in joined.items()} or merges == {v: k for k, v in joined.items()}


def test_two_candidates_merge_nothing_and_are_proposed():
    result = resolve_people([_cand("Nora Pettigrew"), _cand("Hugh Pettigrew"), _cand("Pettigrew")])
    assert result.merges == {}
    assert result.ambiguous == [("pettigrew", ["hugh-pettigrew", "nora-pettigrew"])]


@pytest.mark.parametrize("names", [
    ["Gavin Threlkeld Jr.", "Gavin Threlkeld Sr."],  # father and son
    ["Rosa L. Delacroix", "Rosa M. Delacroix"],  # two middle names
    ["Anna Kowalczyk", "Piotr Kowalczyk"],  # two given names
    ["Stephen Arbuthnot", "Steven Arbuthnot"],  # two names that share a short form
    ["Dale Fenwick", "Dale Fenwicks"],  # short surnames one letter apart are two names
])
def test_names_that_cannot_be_one_person_stay_apart(names):
    assert _people(*names) == {}


def test_a_short_form_of_two_names_is_left_alone():
    result = resolve_people([_cand("Chris Ellery"), _cand("Christopher Ellery"), _cand("Christine Ellery")])
    assert result.merges == {}
    assert [a for a, _ in result.ambiguous] == ["chris-ellery"]


def test_parsed_names():
    assert parse_person("Gavin R. Threlkeld Jr.") == parse_person("Gavin R Threlkeld, Jr")
    assert parse_person("Threlkeld").given is None


@pytest.mark.parametrize("names", [
    ["Harrow Dynamics Corp", "Harrow Dynamics Corporation"],
    ["Harrow Dynamics", "Harrow Dynamics Inc."],
    ["Trusteeship Council", "UN Trusteeship Council"],
    ["US Commerce Department", "Department of Commerce"],
    ["Commerce Department", "Department of Commerce"],
    ["NSX Nordic Exchange", "Nordic Exchange"],
])
def test_organization_forms_join(names):
    assert len(_orgs(*names)) == len(names) - 1


def test_a_bare_organization_name_with_two_qualified_readings_is_left_alone():
    result = resolve_organizations([_cand("Trusteeship Council"), _cand("UN Trusteeship Council"),
                                    _cand("French Trusteeship Council")])
    assert result.merges == {}
    assert result.ambiguous and result.ambiguous[0][0] == "trusteeship-council"


def test_one_word_organizations_need_more_than_a_country():
    assert org_key("US Army") == ("", "usarmy")
    assert _orgs("Army", "US Army") == {}


def _briefing(slug_date: str, people=(), orgs=()) -> Briefing:
    return Briefing(title=f"Story of {slug_date}", date=slug_date, location=None, source=Source(), summary=None,
                    key_points=[], topics=[], people=[Person(slugify(n), n) for n in people],
                    organizations=[Organization(slugify(n), n) for n in orgs], initiatives=[], quotes=[],
                    events=[], places=[], paragraphs=["A paragraph the test writes."])


def test_the_corpus_index_has_one_page_per_person_and_organization():
    briefings = [("a", _briefing("2024-05-01", ["Marta Oyelaran"], ["Harrow Dynamics Corporation"])),
                 ("b", _briefing("2024-05-02", ["Oyelaran"], ["Harrow Dynamics Corp"])),
                 ("c", _briefing("2024-05-03", ["Marta Oyelaran"]))]
    corpus = build_corpus(briefings)
    person = corpus.entities["person"]["marta-oyelaran"]
    assert list(corpus.entities["person"]) == ["marta-oyelaran"]
    assert person.name == "Marta Oyelaran" and person.briefings == ["a", "b", "c"]
    assert "Oyelaran" in person.aliases
    assert list(corpus.entities["organization"]) == ["harrow-dynamics-corporation"]


def test_the_registry_wins_and_can_say_never_merge():
    registry = parse_registry(
        "entities:\n"
        "  - {name: Marta Oyelaran, kind: person, aliases: [M. Oyelaran]}\n"
        "  - {name: Harrow Dynamics Corporation, kind: organization, never_merge: [Harrow Dynamics Corp]}\n")
    briefings = [("a", _briefing("2024-05-01", ["Oyelaran"], ["Harrow Dynamics Corporation"])),
                 ("b", _briefing("2024-05-02", ["Marta Oyelaran"], ["Harrow Dynamics Corp"]))]
    corpus = build_corpus(briefings, registry)
    assert list(corpus.entities["person"]) == ["marta-oyelaran"]
    assert corpus.entities["person"]["marta-oyelaran"].in_registry
    assert sorted(corpus.entities["organization"]) == ["harrow-dynamics-corp", "harrow-dynamics-corporation"]


def test_two_registry_people_are_never_made_one():
    registry = parse_registry("entities:\n  - {name: Tim Whitcombe, kind: person}\n"
                              "  - {name: Timothy Whitcombe, kind: person}\n")
    corpus = build_corpus([("a", _briefing("2024-05-01", ["Tim Whitcombe", "Timothy Whitcombe"]))], registry)
    assert sorted(corpus.entities["person"]) == ["tim-whitcombe", "timothy-whitcombe"]


def test_briefbook_entities_proposes_what_the_corpus_cannot_decide():
    briefings = [("a", _briefing("2024-05-01", ["Nora Pettigrew"])), ("b", _briefing("2024-05-02", ["Hugh Pettigrew"])),
                 ("c", _briefing("2024-05-03", ["Pettigrew"])), ("d", _briefing("2024-05-04", ["Tim Whitcombe"])),
                 ("e", _briefing("2024-05-05", ["Timothy Whitcombe"]))]
    report = find_duplicates(briefings)
    assert [c.name for c, _ in report.ambiguous] == ["Pettigrew"]
    merged = [s for s in report.suggestions if any("merges them already" in r for r in s.reasons)]
    assert [sorted(c.name for c in s.clusters) for s in merged] == [["Tim Whitcombe", "Timothy Whitcombe"]]


def test_a_surname_alone_with_a_role_joins_the_one_candidate_of_that_role():
    nora, hugh, alone = _cand("Nora Pettigrew"), _cand("Hugh Pettigrew"), _cand("Pettigrew")
    nora.roles, alone.roles = {"harbourmaster"}, {"formerharbourmaster"}
    result = resolve_people([nora, hugh, alone])
    assert result.merges == {"pettigrew": "nora-pettigrew"} and result.ambiguous == []
