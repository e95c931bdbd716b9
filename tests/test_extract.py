"""Extractors, each specified by sentences written for these tests (not taken from any corpus)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefbook.extract.article import build_briefing
from briefbook.extract.events import find_events
from briefbook.extract.initiatives import find_initiatives
from briefbook.extract.nlp import parse
from briefbook.extract.organizations import find_organizations
from briefbook.extract.people import find_people, looks_like_name
from briefbook.extract.quotes import find_quotes
from briefbook.extract.summary import key_points, summarize
from briefbook.extract.topics import find_topics
from briefbook.model import Source
from briefbook.registry import Entry, Registry
from briefbook.text_cleaner import CleanArticle


def people_of(*paragraphs: str):
    return {p.name: p for p in find_people(parse(list(paragraphs)))}


def brief(*paragraphs: str, date: str | None = "2024-03-14", registry: Registry | None = None):
    clean = CleanArticle(paragraphs=list(paragraphs), title="Test story", date=date)
    return build_briefing(clean, Source(file="seeds/x.txt"), registry)


# ----------------------------------------------------------------------------- people


def test_pre_nominal_title_is_the_role():
    found = people_of("Trade Minister Park Ji-won met investors in Busan on Monday.")
    assert found["Park Ji-won"].role == "Trade Minister"


def test_apposition_after_the_name_is_the_role():
    found = people_of(
        "Elena Ruiz, deputy director of the National Institute of Standards, said the rules would change."
    )
    assert found["Elena Ruiz"].role == "deputy director of the National Institute of Standards"


def test_country_before_the_title_goes_to_country():
    found = people_of("Japanese Digital Minister Kenji Sato visited the plant.")
    assert found["Kenji Sato"].role == "Digital Minister"
    assert found["Kenji Sato"].country == "Japan"


def test_company_before_a_corporate_title_is_the_affiliation():
    found = people_of("On Friday, Nvidia CEO Jensen Huang toured the new lab in Taipei.")
    assert found["Jensen Huang"].role == "CEO"
    assert found["Jensen Huang"].role_org == "Nvidia"


def test_surname_alone_folds_into_the_full_name():
    found = people_of(
        "Foreign Minister Cho Hyun arrived in Tokyo.",
        "Cho told reporters the talks went well.",
    )
    assert list(found) == ["Cho Hyun"]
    assert "Cho" in found["Cho Hyun"].mentions


@pytest.mark.parametrize(
    "text", ["UP CM", "AI Ministerial Meeting", "AI", "Order 14320", "Ministry of Trade"]
)
def test_not_a_name(text):
    assert not looks_like_name(text)


# ----------------------------------------------------------------------------- organizations


def orgs_of(*paragraphs: str):
    docs = parse(list(paragraphs))
    return {o.name: o for o in find_organizations(docs, set(), set())}


def test_acronym_in_parentheses_is_an_alias():
    found = orgs_of("The Korea Energy Agency (KEA) opened a new office in Ulsan.")
    assert found["Korea Energy Agency"].aliases == ["KEA"]


def test_the_ministry_by_its_field_is_the_ministry():
    found = orgs_of(
        "The Ministry of Oceans and Fisheries announced the plan on Monday.",
        "The oceans ministry said the fleet would be renewed.",
    )
    assert "oceans ministry" in found["Ministry of Oceans and Fisheries"].aliases


def test_department_word_order_variants_are_one_organization():
    found = orgs_of(
        "The Department of Energy approved the loan.",
        "An Energy Department spokesperson confirmed the figure.",
    )
    assert list(found) == ["Department of Energy"]
    assert "Energy Department" in found["Department of Energy"].aliases


def test_two_names_joined_by_and_stay_two():
    found = orgs_of("Officials from the Asian Development Bank and the World Trade Organization met.")
    assert {"Asian Development Bank", "World Trade Organization"} <= set(found)


# ----------------------------------------------------------------------------- initiatives


def initiatives_of(*paragraphs: str, orgs: set[str] | None = None):
    return {i.name: i.kind for i in find_initiatives(parse(list(paragraphs)), orgs or set())}


def test_capitalised_name_with_a_kind_word():
    found = initiatives_of("Both sides praised the Clean Hydrogen Partnership Agreement signed last year.")
    assert found == {"Clean Hydrogen Partnership Agreement": "agreement"}


def test_numbered_order():
    assert initiatives_of("The policy follows Executive Order 14110 on safe AI.") == {
        "Executive Order 14110": "order"
    }


def test_actor_before_a_lower_case_kind_word():
    found = initiatives_of("Leaders will gather for the ASEAN summit in Kuala Lumpur.", orgs={"asean"})
    assert found == {"ASEAN summit": "summit"}


def test_adopted_text_described_by_its_subject():
    found = initiatives_of("The ministers adopted a joint declaration on ocean plastics and recycling.")
    assert "joint declaration on ocean plastics and recycling" in found


def test_quoted_titles_are_not_initiatives():
    assert (
        initiatives_of("The theme of the forum was “Building Bridges Toward Shared Prosperity Plan.”") == {}
    )


# ----------------------------------------------------------------------------- quotes


def quotes_of(*paragraphs: str):
    return [(q.text, q.speaker_text, q.kind) for q in find_quotes(parse(list(paragraphs)))]


def test_attribution_after_the_quote():
    got = quotes_of("“We will double our investment in chips,” Governor Alice Kim said on Monday.")
    assert got == [("We will double our investment in chips,", "Governor Alice Kim", "direct")]


def test_attribution_before_the_quote():
    got = quotes_of("Mayor Tom Reyes said: “The bridge will open before winter.”")
    assert got[0][:2] == ("The bridge will open before winter.", "Mayor Tom Reyes")


def test_quote_split_by_its_attribution_gives_two_quotes_same_speaker():
    got = quotes_of("“The deal is done,” Reyes said. “Now the work begins.”")
    assert [(t, s) for t, s, _ in got] == [("The deal is done,", "Reyes"), ("Now the work begins.", "Reyes")]


def test_partial_quote_goes_to_the_subject_of_the_reporting_verb():
    got = quotes_of("Harris stressed that the goal is to “bring factories home,” according to aides.")
    assert got[0][:2] == ("bring factories home,", "Harris")


def test_collective_speaker_is_kept_as_written():
    got = quotes_of("“The partnership will last for decades,” the two governments said in a statement.")
    assert got[0][1] == "the two governments"


def test_scare_quotes_and_titles_are_not_quotes():
    assert quotes_of("The plan, dubbed “moonshot,” was shelved.") == []
    assert quotes_of("The session “Connecting Cities For Everyone” drew a crowd.") == []


def test_indirect_speech_is_kind_indirect():
    got = quotes_of("Lee said a second round of talks would be held in June.")
    assert got == [("Lee said a second round of talks would be held in June.", "Lee", "indirect")]
    assert quotes_of("Lee proposed holding a second round of talks in June.") == []


def test_pronoun_speaker_resolves_to_the_last_subject():
    b = brief(
        "Energy Minister Oh Sung-min visited the reactor site on Tuesday.",
        "“Safety comes first,” he said.",
    )
    assert [(q.text, q.speaker, q.speaker_name) for q in b.quotes] == [
        ("Safety comes first,", "oh-sung-min", "Oh Sung-min")
    ]


# ----------------------------------------------------------------------------- events, topics, summary


def test_events_resolve_relative_dates_against_the_publication_date():
    events = find_events(
        [
            "The board met on Tuesday to approve the budget.",
            "On the previous day, the chairman resigned.",
            "Earlier this month, the company cut its forecast.",
            "The vote is scheduled for March 20 and March 21.",
        ],
        dt.date(2024, 3, 14),  # a Thursday
    )
    assert [(e.date, e.paragraph) for e in events] == [
        ("2024-03-12", 1),
        ("2024-03-11", 2),
        ("2024-03", 3),
        ("2024-03-20", 4),
        ("2024-03-21", 4),
    ]


def test_years_alone_are_not_events():
    assert find_events(["The company was founded in 1998."], dt.date(2024, 3, 14)) == []


def test_topics_come_from_the_vocabulary():
    topics = find_topics("Chip tariffs loom", ["Semiconductor makers fear new tariffs on chips and exports."])
    assert "semiconductors" in topics and "trade" in topics


def test_summary_is_the_lead_without_its_dateline():
    paras = [
        "BUSAN, March 14 (Reuters) -- The port handled a record volume of containers in February, officials said."
    ]
    assert summarize(paras).startswith("The port handled a record volume")


def test_key_points_are_sentences_of_the_article_in_order():
    paras = [
        "The city council approved a new budget of 4 billion dollars on Monday.",
        "Mayor Ana Cruz said the money would go to schools and 12 new clinics across the region.",
        "Residents were divided over the plan at a public meeting held in the old town hall.",
    ]
    points = key_points(paras, None, {2: 2.0})
    assert points and all(any(p in para for para in paras) for p in points)


# ----------------------------------------------------------------------------- the whole briefing


def test_registry_entry_overrides_the_extracted_name():
    registry = Registry(
        [Entry(name="Department of Energy", kind="organization", aliases=["DOE", "Energy Department"])]
    )
    b = brief("An Energy Department spokesperson confirmed the loan on Monday.", registry=registry)
    assert [(o.id, o.name) for o in b.organizations] == [("department-of-energy", "Department of Energy")]


def test_a_one_word_mention_does_not_name_a_registered_person():
    # "Roe" is the registered Jane Roe's alias, but Janet Roe is named in full: she keeps her own id.
    registry = Registry([Entry(name="Jane Roe", kind="person", aliases=["Roe"])])
    b = brief(
        "Janet Roe, the port director, said on Monday that the harbour would reopen.",
        "Roe added that ships were waiting.",
        registry=registry,
    )
    assert [(p.id, p.name) for p in b.people] == [("janet-roe", "Janet Roe")]
    b = brief("Director Roe said on Monday that the harbour would reopen.", registry=registry)
    assert [(p.id, p.name) for p in b.people] == [("jane-roe", "Jane Roe")]


def test_an_agency_the_story_cites_is_one_organization_under_its_usual_name():
    # "Xinhua News Agency" was known to the cleaner only, before the two lists became one; the
    # source the story cites is listed once (an actor here: the reported speech is its own).
    b = brief("The patient is stable, according to Xinhua News Agency.")
    assert [(o.name, o.aliases) for o in b.organizations] == [("Xinhua", ["Xinhua News Agency"])]
    assert b.quotes[0].speaker == "xinhua" and b.organizations[0].level == "actor"


def test_no_date_means_review():
    b = brief("The plant will open soon, the company said.", date=None)
    assert b.review and b.date is None


def test_ids_are_slugs_of_names_and_stable_across_spellings():
    a = brief("President Lee Jae-myung spoke on Monday.")
    b = brief("President Lee Jae Myung spoke on Monday.")
    assert a.people[0].id == b.people[0].id == "lee-jae-myung"


def test_a_title_introduces_a_name_the_tagger_missed():
    found = people_of("KASA Administrator Yoon Young-bin said the launch would go ahead.")
    assert found["Yoon Young-bin"].role == "KASA Administrator"


def test_a_common_korean_surname_is_not_taken_for_a_famous_person():
    b = brief("“We are ready,” Yoon told reporters on Monday.")
    assert all(p.name != "Yoon Suk Yeol" for p in b.people)


def test_a_famous_surname_alone_is_expanded():
    b = brief("Trump said on Monday that tariffs on steel would stay.")
    assert [p.name for p in b.people] == ["Donald Trump"]


def test_lower_case_title_and_hyphenated_given_name():
    found = people_of("According to presidential chief of staff Moon Tae-sik, the talks went well.")
    assert found["Moon Tae-sik"].role == "presidential chief of staff"


def test_participle_speaker_takes_the_subject_of_its_verb():
    got = quotes_of("The minister praised the workers, saying, “Nobody builds turbines like this team.”")
    assert got[0][:2] == ("Nobody builds turbines like this team.", "The minister")


def test_ambiguous_surname_goes_to_the_person_named_last():
    b = brief(
        "President Lee Jae Myung met investors on Monday.",
        "“The economy is turning a corner,” Lee said.",
        "Later, Samsung Electronics Chairman Lee Jae-yong toured the plant.",
    )
    assert b.quotes[0].speaker == "lee-jae-myung"


def test_employer_before_a_corporate_title_becomes_an_organization():
    b = brief("Nvidia CEO Jensen Huang met the minister in Seoul on Tuesday.")
    assert "Nvidia" in [o.name for o in b.organizations]


def test_apposition_names_an_initiative():
    found = initiatives_of("Canada joined Blue Harbor, a multilateral initiative to protect fisheries.")
    assert found == {"Blue Harbor": "initiative"}


def test_speaker_after_the_verb_keeps_a_hyphenated_name_whole():
    got = quotes_of("“We will not back down,” said Kim Min-seok, the prime minister.")
    assert got == [("We will not back down,", "Kim Min-seok", "direct")]


def test_a_portfolio_title_links_the_person_to_the_ministry_named_in_the_article():
    b = brief(
        "Energy Secretary Chris Wright met the delegation.", "The Department of Energy hosted the talks."
    )
    assert [(p.name, p.organization) for p in b.people] == [("Chris Wright", "department-of-energy")]


def test_a_hyphenated_name_is_not_a_dateline():
    paras = [
        "Science Minister Bae Kyung-hoon met with the delegation in Incheon to discuss joint research programs."
    ]
    assert summarize(paras).startswith("Science Minister Bae Kyung-hoon met")


def test_an_article_not_in_english_is_flagged_not_analysed():
    b = brief(
        "O ministro da Ciência anunciou na terça-feira um novo programa de cooperação com os Estados Unidos "
        "para pesquisa em inteligência artificial, segundo o comunicado divulgado pelo governo em Brasília.",
    )
    assert b.people == [] and b.organizations == []
    assert any("English" in r for r in b.review)


def test_an_undefined_agency_acronym_is_an_organization_but_a_product_is_not():
    b = brief("The agency signed an arrangement with NASA on Monday to share lunar data.")
    assert [o.name for o in b.organizations] == ["NASA"]
    b = brief("Demand for HBM chips rose sharply in the third quarter, analysts said on Monday.")
    assert b.organizations == []


def test_the_registry_names_a_speaker_the_rules_would_doubt():
    registry = Registry(
        [Entry(name="Ministry of Science and ICT", kind="organization", aliases=["MSIT", "science ministry"])]
    )
    b = brief("“The plan is ready for the next phase,” MSIT said on Monday.", registry=registry)
    assert [(q.speaker, q.speaker_name) for q in b.quotes] == [
        ("ministry-of-science-and-ict", "Ministry of Science and ICT")
    ]
    assert "MSIT" in b.organizations[0].aliases


def test_a_coordination_after_a_complement_is_two_organizations():
    found = orgs_of("The Ministry of Science and ICT and OpenAI agreed to study new data centers on Monday.")
    assert "Ministry of Science and ICT" in found
    assert not any(" and OpenAI" in name for name in found)


def test_a_capitalised_first_word_is_not_an_acronym():
    b = brief("SPEND a day at the county fair on Saturday, where riders compete for the cup.")
    assert b.organizations == []


def test_an_organization_in_doubt_goes_to_review_and_a_generic_employer_nowhere():
    b = brief("Shoppers can pre-order the Lumora Pad Pro at most stores this week.")
    assert b.organizations == []
    assert any("Lumora Pad Pro" in r and "organization" in r for r in b.review)


def test_a_common_word_in_a_role_is_no_employer():
    from briefbook.extract.components import _add_employers
    from briefbook.extract.people import PersonFound

    people = [PersonFound(name="Musa Danjuma", role="Inspector-General of Police", role_org="Police"),
              PersonFound(name="Dana Whitfield", role="Orvan Freight CEO", role_org="Orvan Freight")]
    assert [o.name for o in _add_employers(people, [])] == ["Orvan Freight"]


def test_a_person_named_in_a_role_is_no_employer():
    from briefbook.extract.components import _add_employers
    from briefbook.extract.people import PersonFound

    people = [PersonFound(name="Sonia Marsh", role="Dorsano's attorney", role_org="Dorsano"), PersonFound(name="Pat Dorsano")]
    assert _add_employers(people, []) == []


def test_an_article_with_more_doubts_than_the_budget_still_makes_a_briefing():
    from briefbook.budgets import MAX_ITEMS

    firsts = ("Alma", "Bruno", "Celia", "Dario", "Elsa", "Fabio", "Greta", "Hugo", "Ines", "Jonas", "Karla",
              "Lars", "Mirta", "Nils", "Olga", "Piet", "Rosa", "Sven", "Tilda", "Umar", "Vera", "Wim", "Xenia",
              "Yusuf")
    lasts = ("Quist", "Rourke", "Sandoval", "Tamm", "Ulloa", "Varga", "Wendt", "Yates", "Zorn", "Abbing", "Brandt", "Carvalho")
    b = brief(*(f"The list of donors included {f} {last} and many others." for f in firsts for last in lasts))
    assert len(b.review) == MAX_ITEMS["review"]
    assert b.review[-1].endswith("more doubts like these not listed")
