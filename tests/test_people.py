"""People and their roles on general news: each rule specified by sentences written for these tests."""

from __future__ import annotations

import pytest

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
    titled = people_of("Opposition Leader in the National Assembly Imran Sadiq's counsel, Faisal Rana, said so.")
    assert titled["Faisal Rana"].role_org is None


def test_initial_and_left_out_middle_name_are_the_same_person():
    found = people_of(
        "The statement by the Minister for Mines, Hon. Kwame B. Mensah, was misreported.",
        "Kwame Boateng Mensah said on Friday the army had been put in charge.",
    )
    assert list(found) == ["Kwame Boateng Mensah"]
    assert found["Kwame Boateng Mensah"].role == "Minister for Mines"


def test_a_name_with_an_inner_capital_is_a_name():
    found = people_of("Niall FitzGerald, chairman of the shipping group, said the deal was fair.")
    assert found["Niall FitzGerald"].role == "chairman of the shipping group"


def brief_people(*paragraphs: str):
    from briefbook.extract.article import build_briefing
    from briefbook.model import Source
    from briefbook.text_cleaner import CleanArticle

    clean = CleanArticle(paragraphs=list(paragraphs), title="Test story", date="2024-03-14")
    b = build_briefing(clean, Source(file="seeds/x.txt"))
    return [p.name for p in b.people], b.review


def test_a_name_with_no_evidence_goes_to_review_not_people():
    people, review = brief_people(
        "Mayor Lena Ortiz said the new homes would be built near the river.",
        "The patient was moved to the general hospital in Marsh Hollow after a fall.",
    )
    assert people == ["Lena Ortiz"]
    assert not any("Lena Ortiz" in r for r in review)


def test_a_name_as_the_modifier_of_a_thing_is_not_repeated_evidence():
    people, _ = brief_people(
        "Officials blamed delays on the Harbor Link project and the Harbor Link contractors.",
        "Mayor Lena Ortiz said the work would resume.",
    )
    assert "Harbor Link" not in people


def test_a_subject_of_a_verb_is_a_person_without_a_title():
    people, _ = brief_people("Daniel Whitford won the regional chess title on Sunday in Leeds.")
    assert people == ["Daniel Whitford"]


def test_a_surname_with_an_honorific_is_a_person_even_unexpanded():
    found = people_of("Mr Lindqvist said he would not resign, and the party backed him on Monday.")
    assert list(found) == ["Lindqvist"]


def test_a_bare_surname_without_title_or_honorific_is_left_out():
    assert "Lindqvist" not in people_of("Lindqvist won again, the party said on Monday.")


def test_an_interface_verb_before_a_name_is_not_part_of_it():
    found = people_of("Email Dana Whitlock at dana@example.com or follow her on social media.")
    assert "Email Dana Whitlock" not in found


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("The Acme Phone 12 Turbo Max sells for $999 in the United States.", "Turbo Max"),
        ("The sculptors found inspiration for their work Silent Harbor in an old painting.", "Silent Harbor"),
        ("According to the website, the name of the juice bar is ‘Fresh Sunny’.", "Fresh Sunny"),
        ("Reviews of the Google Lumina were mixed, and Google said it would improve it.", "Google Lumina"),
        ("Skyline Drone Mini Kora for $399", "Mini Kora"),
        ("The Mini Kora is the ideal combination of a capable drone in a small package.", "Mini Kora"),
    ],
)
def test_names_of_things_are_no_evidence_of_a_person(paragraph: str, name: str) -> None:
    from briefbook.extract.people import PersonFound, person_evidence

    suspect = PersonFound(name=name, mentions=[name], role="host", titled=True)
    assert person_evidence(parse([paragraph]), suspect) is None


@pytest.mark.parametrize(
    ("paragraph", "not_a_name"),
    [
        ("Recent Vexo smart TVs also include the streaming app.", "Recent Vexo"),
        ("Will Okafor continue to lead the party, or will the rebels win?", "Will Okafor"),
        ("#Hawks Jamal Reid has been solid in run support this season.", "Hawks Jamal Reid"),
    ],
)
def test_a_sentence_initial_common_word_or_hashtag_is_not_part_of_a_name(paragraph: str, not_a_name: str) -> None:
    assert not_a_name not in people_of(paragraph)


def test_a_shop_name_with_an_apostrophe_s_is_no_person():
    from briefbook.extract.people import PersonFound, person_evidence

    suspect = PersonFound(name="Rival Harlow", mentions=["Rival Harlow"], role="x", titled=True)
    assert person_evidence(parse(["Rival Harlow's was also lower after the results."]), suspect) is None


def test_a_hyphenated_company_before_a_title_is_its_whole_name():
    found = people_of("E-Trade CEO Lena Holt is stepping down in March.")
    assert found["Lena Holt"].role_org == "E-Trade"


@pytest.mark.parametrize("sentence", [
    "“I think, Mr. Ranking Member, that the schedule cannot hold,” the administrator told the panel.",
    "“Madam Secretary, will the money arrive this year?” asked Senator Ruth Okafor.",
    "“Thank you, Mr. Vice Chairman,” said the witness, before reading her statement.",
])
def test_a_title_used_to_address_someone_is_not_a_person(sentence):
    found = people_of(sentence)
    assert not any(set(name.split()) <= {"Ranking", "Member", "Madam", "Secretary", "Vice", "Chairman"}
                   for name in found), found


def test_an_occupation_before_a_name_is_a_role():
    found = people_of("The veteran actress Adaeze Okonkwo returned to the stage on Friday after a long illness.")
    assert found["Adaeze Okonkwo"].role == "veteran actress"


def test_a_prepositional_phrase_after_a_comma_is_no_role():
    found = people_of("She called them the quiet chapters, after the novelist Ines Marlowe described them to her.")
    assert "quiet chapters" not in {n.lower() for n in found}
    assert all(p.role is None or not p.role.startswith("after") for p in found.values())


def test_the_next_person_of_a_list_is_not_the_role_of_the_one_before():
    found = people_of("Drummer Karl Osei, bassist Lindqvist and singer Mara Voss will tour together next year.")
    assert all(p.role is None or "Lindqvist" not in p.role for p in found.values())


def test_a_firm_named_at_the_end_of_a_role_stays_in_it():
    found = people_of("Tomas Berhane, a market analyst with the research firm Quillmark, said prices would fall.")
    assert found["Tomas Berhane"].role == "market analyst with the research firm Quillmark"


def test_miss_madame_and_lord_are_honorifics_not_parts_of_a_name():
    from briefbook.extract.article import build_briefing
    from briefbook.model import Source
    from briefbook.text_cleaner import CleanArticle

    clean = CleanArticle(paragraphs=["Miss Jane Roe said the plan would fail. “It cannot work,” Miss Roe said.",
                                     "Madame Clara Vey and Lord Peter Ashdown met the minister on Monday."],
                         title="Test story", date="2024-05-02")
    b = build_briefing(clean, Source(file="tests/x.txt"))
    assert {p.id for p in b.people} >= {"jane-roe"}
    assert not any(p.name.split()[0] in ("Miss", "Madame", "Lord") for p in b.people)
    assert [q.speaker for q in b.quotes if q.kind == "direct"] == ["jane-roe"]


def test_an_honorific_added_to_its_file_tells_the_gender_too():
    from briefbook.lexicon import FEMALE_WORDS, HONORIFICS, MALE_WORDS

    assert {"miss", "madame", "mme."} <= FEMALE_WORDS & HONORIFICS and "lord" in MALE_WORDS & HONORIFICS
    assert "dr." in HONORIFICS and "dr." not in FEMALE_WORDS | MALE_WORDS


def test_a_given_name_that_is_also_a_news_agency_short_name_is_still_a_name():
    """ANI and EFE are news agencies (agencies.yml), Ani and Efe given names (first_names.yml)."""
    found = people_of("Union leader Ani Petrosyan said teachers would march again.",
                      "Economy Minister Efe Yilmaz said the budget was ready.")
    assert {"Ani Petrosyan", "Efe Yilmaz"} <= set(found)
    assert "Reuters Roe" not in people_of("Reuters Roe said the deal was done.")  # an agency that is no name


# --------------------------------------------------------------------------- levels: actors and mentions


def levels_of(*paragraphs: str) -> dict[str, str]:
    """The people of a whole extraction, each with its level."""
    from briefbook.extract.article_doc import ArticleFacts, article_doc
    from briefbook.extract.components import extractor

    doc = extractor()(article_doc(parse(list(paragraphs)), ArticleFacts()))
    return {p.name: p.level for p in doc._.entities.people}


def test_a_person_named_in_passing_is_listed_as_mentioned():
    found = levels_of(
        "Mayor Tomas Okonjo said the new library would open in June.",
        "The building was designed in 1962, a year after the death of Margaret Holloway.",
    )
    assert found == {"Tomas Okonjo": "actor", "Margaret Holloway": "mentioned"}


_PLACES_AND_FIRMS = {
    "Kora Venti": "Aid convoys reached the village of Kora Venti on Monday, officials said.",
    "Harlan Brooks": "Shares of Harlan Brooks Ltd fell 5 percent after Harlan Brooks cut its forecast.",
    "Riverside Ford": "The commissioners asked Riverside Ford to hold two Ford Explorers for the sheriff.",
}


def test_a_name_named_once_that_may_be_a_place_or_a_firm_is_not_listed() -> None:
    for name, paragraph in _PLACES_AND_FIRMS.items():
        assert name not in levels_of(paragraph), paragraph


def test_a_rank_before_a_name_is_its_role():
    found = people_of("Colonel Amos Tendai said the road to the border was open again.")
    assert "Amos Tendai" in found and found["Amos Tendai"].role == "Colonel"
    found = people_of("Detective Nora Feld told reporters the car had been found.")
    assert "Nora Feld" in found and found["Nora Feld"].role == "Detective"


def test_a_lower_case_particle_keeps_a_name_whole():
    found = people_of("Foreign Minister Mbala wa Kinsu said on Friday that the talks would resume.")
    assert "Mbala wa Kinsu" in found


def test_a_rulers_ordinal_is_part_of_the_name():
    assert levels_of("The museum holds a portrait of Henry VIII.") == {"Henry VIII": "mentioned"}
    assert levels_of("The palace was rebuilt for Louis XIV in 1680.") == {"Louis XIV": "mentioned"}


def test_from_or_to_before_a_full_name_is_no_place():
    found = levels_of("The council read out a letter from Ruslan Khasbulatov about the flooding.")
    assert found == {"Ruslan Khasbulatov": "mentioned"}


@pytest.mark.parametrize(
    "paragraph",
    [
        "Fans queued all night for the release of Silent Harbor, the sequel to last year's hit.",
        "The stadium is a short drive from Cedar Falls, and tickets went on sale on Monday.",
    ],
)
def test_a_name_made_of_common_words_is_no_person_named_in_passing(paragraph: str) -> None:
    assert not {"Silent Harbor", "Cedar Falls"} & set(levels_of(paragraph))
