"""People and their roles on general news: each rule specified by sentences written for these tests."""

from __future__ import annotations

from briefbook.extract.nlp import parse
from briefbook.extract.people import find_people


def people_of(*paragraphs: str):
    return {p.name: p for p in find_people(parse(list(paragraphs)))}


def test_honorific_between_title_and_name_is_skipped():
    found = people_of("Transport Minister Dr Naledi Mokoena has apologised to commuters for the delays.")
    assert found["Naledi Mokoena"].role == "Transport Minister"


def test_constituency_before_mp_is_the_role():
    found = people_of("Redcliffe MP Alan Farrow says the hospital plan has been delayed again.")
    assert found["Alan Farrow"].role == "Redcliffe MP"


def test_title_set_off_by_commas_before_a_closed_name():
    found = people_of("The opposition party and its presidential candidate, Tomas Berhane, rejected the count.")
    assert found["Tomas Berhane"].role == "presidential candidate"


def test_title_with_a_complement_and_an_acronym_in_parentheses():
    found = people_of(
        "He rejected a remark by the spokesman of the National Transition Council (NTC), Salim Haddad, "
        "about the vote."
    )
    assert found["Salim Haddad"].role == "spokesman of the National Transition Council"


def test_a_comma_before_a_name_that_goes_on_is_no_title():
    found = people_of("Speaking to the minister, Grace Wanjiru said the plan was sound.")
    assert found["Grace Wanjiru"].role is None


def test_apposition_that_lost_its_closing_comma_is_cut_at_the_verb():
    found = people_of("Femi Oladipo, minister of mines has promised that royalties will rise next year.")
    assert found["Femi Oladipo"].role == "minister of mines"


def test_relative_clause_after_a_name_is_no_role():
    found = people_of("Peter Okafor, who met the minister of mines, has promised more jobs.")
    assert found["Peter Okafor"].role is None


def test_name_after_a_comma_title_that_the_tagger_missed():
    found = people_of("Water Cabinet Secretary, Wanjiku Mbugua, has asked farmers to conserve water.")
    assert found["Wanjiku Mbugua"].role == "Water Cabinet Secretary"


def test_a_place_after_a_comma_title_is_not_a_person():
    assert people_of("The Secretary, Lagos State, has asked for funds.") == {}


def test_a_person_who_owns_the_title_is_not_the_employer():
    found = people_of("Opposition leader Imran Sadiq's counsel, Faisal Rana, informed the bench on Monday.")
    assert found["Faisal Rana"].role == "counsel"
    assert found["Faisal Rana"].role_org is None
