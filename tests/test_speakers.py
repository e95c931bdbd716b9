"""Who said it: quote spans, cues and speaker resolution, specified by sentences written for these tests."""

from __future__ import annotations

from briefbook.extract.article import build_briefing
from briefbook.extract.quotes import quote_spans
from briefbook.model import Source
from briefbook.text_cleaner import CleanArticle


def brief(*paragraphs: str):
    clean = CleanArticle(paragraphs=list(paragraphs), title="Test story", date="2024-05-02")
    return build_briefing(clean, Source(file="tests/x.txt"))


def said(*paragraphs: str, kind: str = "direct") -> list[tuple[str, str | None]]:
    """(quote text, speaker id) of the briefing's quotes of one kind."""
    return [(q.text, q.speaker) for q in brief(*paragraphs).quotes if q.kind == kind]


# ----------------------------------------------------------------------------- quote spans


def test_single_marks_are_quotes_and_apostrophes_inside_them_are_not():
    spans = quote_spans(
        "Ravi Menon said: 'We're proud of the merger. It's a great day for our staff.' He left."
    )
    assert [s.inner for s in spans] == ["We're proud of the merger. It's a great day for our staff."]


def test_a_plural_possessive_does_not_close_a_single_quote():
    spans = quote_spans("The farmers' union said 'no deal on the players' wages will pass' on Friday.")
    assert [s.inner for s in spans] == ["no deal on the players' wages will pass"]
    spans = quote_spans("The farmers' union said 'no deal will pass without us' on Friday.")
    assert [s.inner for s in spans] == ["no deal will pass without us"]


def test_an_unclosed_mark_runs_to_the_end_of_the_paragraph():
    spans = quote_spans("Ortiz said: “We will rebuild every school in the district before")
    assert [(s.inner, s.closed) for s in spans] == [
        ("We will rebuild every school in the district before", False)
    ]


def test_a_closing_mark_with_no_opening_ends_a_quote_begun_earlier():
    spans = quote_spans("and nobody will stop us,” she said.")
    assert [(s.inner, s.opened) for s in spans] == [("and nobody will stop us,", False)]


def test_a_quote_over_several_paragraphs_keeps_its_speaker():
    got = said(
        "Mayor Dana Ortiz presented the budget on Tuesday.",
        "“The budget is balanced for the first time in a decade,” Ortiz said. “We kept every promise.",
        "“Next year we will cut the waiting lists for housing in half.",
        "“Nobody thought that was possible.”",
    )
    assert {speaker for _, speaker in got} == {"dana-ortiz"}
    assert len(got) == 4


def test_a_quote_opened_without_attribution_takes_the_speaker_named_where_it_closes():
    got = said(
        "“The council has read the reports about the bridge with concern and wants to set the record straight.",
        "“The bridge is safe, and the inspections were carried out on time,” the Ministry of Works said.",
    )
    assert [s for _, s in got] == ["ministry-of-works", "ministry-of-works"]


# ----------------------------------------------------------------------------- cues


def test_quotes_before_a_paragraph_final_cue_share_its_speaker():
    got = said(
        "Governor Helen Park spoke in Albany.",
        "“We listened to every town.” “Now we act on what we heard,” Park said.",
    )
    assert got == [
        ("We listened to every town.", "helen-park"),
        ("Now we act on what we heard,", "helen-park"),
    ]


def test_the_possessor_of_a_speech_noun_is_the_speaker_of_the_quote_it_introduces():
    got = said(
        "Governor Helen Park visited the flooded schools on Monday.",
        "Parents seized on the governor's remark that “the schools can wait another year for repairs,” "
        "calling it reckless.",
    )
    assert got == [("the schools can wait another year for repairs,", "helen-park")]


# ----------------------------------------------------------------------------- mentions


def test_honorific_and_surname_name_the_speaker():
    got = said(
        "Health Minister Ruth Adeyemi opened the clinic.", "“We have enough vaccines,” Ms Adeyemi said."
    )
    assert got == [("We have enough vaccines,", "ruth-adeyemi")]


def test_a_role_nominal_is_the_one_person_whose_title_says_so():
    got = said(
        "Transport Minister Kofi Mensah and Mayor Ama Owusu toured the depot on Friday.",
        "“The new line opens in May,” the minister said.",
    )
    assert got == [("The new line opens in May,", "kofi-mensah")]


def test_a_title_given_in_an_apposition_counts_for_the_role_nominal():
    got = said(
        "Paolo Ferri, chairman of the port authority, announced the tender on Monday.",
        "“We expect six bids by the summer,” the chairman said.",
    )
    assert got == [("We expect six bids by the summer,", "paolo-ferri")]


def test_the_ministry_and_the_company_name_the_organization_that_fits():
    b = brief(
        "The Ministry of Water warned residents in Accra on Monday.",
        "“Supplies are safe to drink,” the ministry said.",
        "Brightline Logistics Inc opened a depot near the Department of Labor.",
        "“Orders rose by twelve percent this spring,” the company said.",
    )
    assert [(q.speaker, q.speaker_name) for q in b.quotes if q.kind == "direct"] == [
        ("ministry-of-water", "Ministry of Water"),
        ("brightline-logistics-inc", "Brightline Logistics Inc"),
    ]


def test_he_is_never_a_woman_the_article_calls_ms():
    got = said(
        "Mr Daniel Okafor presented the budget to parliament.",
        "Ms Laura Reyes criticised the plan at length.",
        "“We stand by every figure,” he said.",
    )
    assert got == [("We stand by every figure,", "daniel-okafor")]


def test_a_pronoun_goes_to_the_main_subject_not_to_a_name_in_the_clause_it_reports():
    got = said(
        "Speaking on Friday, Ngozi Okonjo said she and Governor Bello Musa would reopen the port.",
        "“The port is the heart of this city,” she said.",
    )
    assert got == [("The port is the heart of this city,", "ngozi-okonjo")]


# ----------------------------------------------------------------------------- news conventions


def test_a_quote_paragraph_with_no_cue_continues_the_subject_of_the_paragraph_before():
    got = said(
        "Energy Minister Dr Thandiwe Moyo apologised for the blackouts on Sunday.",
        "Addressing reporters, the minister said repairs were under way at three plants.",
        "“By Friday the lights will be back on in every province.”",
    )
    assert got == [("By Friday the lights will be back on in every province.", "thandiwe-moyo")]


def test_a_cue_less_quote_after_an_unnamed_speaker_stays_unattributed():
    got = said(
        "“Prices will fall by the autumn,” Mayor Tom Reyes said.",
        "Critics said the forecast was wishful thinking.",
        "“Nobody in this town believes these numbers.”",
    )
    assert got == [
        ("Prices will fall by the autumn,", "tom-reyes"),
        ("Nobody in this town believes these numbers.", None),
    ]


# ----------------------------------------------------------------------------- abstaining


def test_a_description_that_names_nobody_of_the_article_is_no_speaker():
    b = brief("“The vote was a disgrace for the whole republic,” the veteran politician said on Wednesday.")
    assert [(q.speaker, q.speaker_name) for q in b.quotes] == [(None, None)]


def test_a_dateline_or_a_collective_is_never_the_speaker():
    b = brief(
        "WASHINGTON — “We will respond at a time of our choosing,” officials said on Monday.",
        "“The partnership will last for decades,” the two governments said in a statement.",
    )
    assert [(q.speaker, q.speaker_name) for q in b.quotes] == [(None, None), (None, None)]


def test_reported_speech_needs_a_speaker_of_the_article():
    assert said("Governor Alice Kim said that property taxes would not rise next year.", kind="indirect") == [
        ("Governor Alice Kim said that property taxes would not rise next year.", "alice-kim")
    ]
    assert said("Analysts said that property taxes would rise next year.", kind="indirect") == []


def test_the_dateline_sentence_is_not_reported_speech():
    got = said(
        "SEOUL, Aug 5 (Yonhap) -- Trade Minister Park Ji-won said that exports rose in July.", kind="indirect"
    )
    assert got == []


def test_a_person_quoted_by_name_and_introduced_with_a_title_is_a_person_of_the_briefing():
    b = brief(
        "Health Cabinet Secretary, Wanjiru Kamau, urged patience on Monday.",
        "“Cartels are not beaten overnight,” Kamau said.",
    )
    assert "wanjiru-kamau" in [p.id for p in b.people]
    assert [q.speaker for q in b.quotes if q.kind == "direct"] == ["wanjiru-kamau"]


def test_she_said_skips_a_man_the_article_names_after_her():
    got = said(
        "Governor Kathy Hochul signed the rent bill on Friday.",
        "State Senator David Weprin attended the ceremony in Albany.",
        "“This law protects every tenant in the state,” she said.",
    )
    assert got == [("This law protects every tenant in the state,", "kathy-hochul")]


def test_a_pronoun_in_the_sentence_of_the_only_person_named_tells_the_gender():
    got = said(
        "Tariq Odhiambo opened the farmers' meeting in Kisumu on Monday.",
        "Ngozi Adeyemi asked the farmers to be patient as she reviews the subsidy scheme.",
        "“The money will reach every farm by June,” he said.",
    )
    assert got == [("The money will reach every farm by June,", "tariq-odhiambo")]


def test_of_two_subjects_of_the_say_verb_the_nearer_one_speaks():
    got = said(
        "Acmeleaks editor-in-chief Kristinn Arnarsson said: “Let us now focus on the threat Mr Hale has "
        "been warning about for years.”"
    )
    assert got == [
        ("Let us now focus on the threat Mr Hale has been warning about for years.", "kristinn-arnarsson")
    ]


def test_a_name_in_apposition_to_a_title_is_the_speaker():
    got = said(
        "Governor Tim Walsh vetoed the housing bill on Monday.",
        "“The governor made the right call,” Walsh's spokesman, Peter Hanlon, said.",
    )
    assert got == [("The governor made the right call,", "peter-hanlon")]


def test_two_people_speaking_together_are_no_single_speaker():
    got = said(
        "Sarah Miller and Tom Jonas spoke at the rally.",
        "“We are united on this issue,” Miller and Jonas said in a joint statement.",
    )
    assert got == [("We are united on this issue,", None)]


def test_the_cue_of_a_one_word_answer_names_the_quote_after_it():
    got = said(
        "Daniel Okafor shook his head.",
        "“No,” he said. “You tell me a story, and when you are gone, I will tell it to somebody else.”",
    )
    assert got == [
        ("You tell me a story, and when you are gone, I will tell it to somebody else.", "daniel-okafor")
    ]


def test_an_inch_mark_is_not_a_quotation_mark():
    assert quote_spans('The 70" television sells for $499, and the 65" model for $399.') == []


def test_a_title_s_possessor_does_not_give_its_gender():
    from briefbook.extract.speakers import Speaker, note_genders

    aide = Speaker(id="a", name="Pemberton", kind="person", role="Queen Elizabeth's private secretary")
    voice = Speaker(id="b", name="Okoro", kind="person", role="the ministry's spokeswoman")
    note_genders([], [aide, voice])
    assert (aide.gender, voice.gender) == (None, "f")


def test_a_hyphenated_given_name_the_parser_splits_still_names_its_person():
    got = said(
        "Science Minister Oh Min-hoon visited the laboratory on Monday.",
        "“The agreement is a symbol of cooperation for the next generation,” Science Minister Oh Min-hoon said.",
    )
    assert got == [("The agreement is a symbol of cooperation for the next generation,", "oh-min-hoon")]


def test_an_honorific_in_the_cue_is_enough_to_name_a_person_the_labels_missed():
    b = brief(
        "Deputy Director of Public Prosecution Eva-Marie Persson closed the case on Tuesday.",
        "Ms Persson said: “The injured party gave a credible and reliable account of events.”",
    )
    assert [q.speaker_name for q in b.quotes if q.kind == "direct"] == ["Eva-Marie Persson"]


def test_he_after_an_unnamed_speaker_is_left_unattributed():
    got = said(
        "Finance Minister Daniel Okafor presented the budget on Monday.",
        "A spokesman for the opposition said the numbers did not add up.",
        "“This budget is built on sand,” he said.",
    )
    assert got == [("This budget is built on sand,", None)]


def test_it_said_goes_only_to_the_organization_just_named():
    got = said(
        "The Ministry of Water said on Monday that supplies were safe to drink.",
        "An unnamed regulator said it would review the tests. “We expect results within a week,” it said.",
    )
    assert got == [("We expect results within a week,", None)]


def test_a_colon_hands_the_quote_to_the_subject_before_it():
    got = said(
        "“The plan will cut waiting times in half,” said Health Minister Ruth Adeyemi. "
        "Opposition leader Samuel Okoro disagreed: “Nobody in the wards believes that.”"
    )
    assert got == [
        ("The plan will cut waiting times in half,", "ruth-adeyemi"),
        ("Nobody in the wards believes that.", "samuel-okoro"),
    ]


def test_a_quote_after_a_sentence_about_someone_else_is_not_the_first_speaker_s():
    got = said(
        "“The plan will cut waiting times in half,” said Health Minister Ruth Adeyemi. "
        "Opposition leader Samuel Okoro rejected the figures at a rally in Lagos on Sunday. "
        "“Nobody in the wards believes that.”"
    )
    assert got[0] == ("The plan will cut waiting times in half,", "ruth-adeyemi")
    assert got[1][1] != "ruth-adeyemi"


def test_a_person_named_in_apposition_to_a_title_in_the_cue_is_a_person_of_the_briefing():
    b = brief(
        "“The evidence is not strong enough to bring charges,” the country’s deputy director of public "
        "prosecutions, Eva-Marie Persson, said."
    )
    assert [q.speaker_name for q in b.quotes] == ["Eva-Marie Persson"]


def test_a_spokesman_is_not_the_spokesman_the_article_named():
    got = said(
        "Peter Hanlon, a spokesman for the mayor, confirmed the closure on Monday.",
        "“We will reopen the bridge in spring,” a spokesman said.",
        "“The repairs are on schedule,” the spokesman added.",
    )
    assert got == [("We will reopen the bridge in spring,", None), ("The repairs are on schedule,", None)]


def test_an_abbreviated_title_counts_for_the_role_nominal():
    got = said(
        "Sen. Rand Paulson questioned the health official for an hour on Tuesday.",
        "“We still have no answers about the money,” the senator said.",
    )
    assert got == [("We still have no answers about the money,", "rand-paulson")]


def test_a_say_verb_closing_the_paragraph_names_its_quotes():
    got = said(
        "Mayor Dana Ortiz and Governor Helen Park opened the bridge on Friday.",
        "“The bridge took ten years to build.” “It will carry forty thousand cars a day.” Park said.",
    )
    assert got == [
        ("The bridge took ten years to build.", "helen-park"),
        ("It will carry forty thousand cars a day.", "helen-park"),
    ]


def test_a_say_verb_inside_a_relative_clause_is_no_reported_speech():
    got = said(
        "Governor Alice Kim opened the new bridge, which engineers said would last a century.",
        "Governor Alice Kim told reporters that the bridge had cost less than planned.",
        kind="indirect",
    )
    assert got == [
        ("Governor Alice Kim told reporters that the bridge had cost less than planned.", "alice-kim")
    ]


def test_the_ministry_is_the_one_that_was_last_the_subject_among_several():
    got = said(
        "The Ministry of Lands and Natural Resources has stated that the minister was misquoted.",
        "He spoke at a press briefing held at the Ministry of Information on Thursday.",
        "“The minister did not blame the army for anything,” the ministry said.",
    )
    assert got == [
        ("The minister did not blame the army for anything,", "ministry-of-lands-and-natural-resources")
    ]


def test_a_person_who_was_said_to_think_something_did_not_say_it():
    got = said(
        "His mother, Queen Margarethe, was said to have disapproved of the plan from the start.",
        kind="indirect",
    )
    assert got == []


def test_the_first_word_of_a_company_s_name_names_it():
    got = said(
        "Hanwha Aerospace signed a supply deal with the Department of Defense on Monday.",
        "“Deliveries begin next year,” Hanwha said.",
    )
    assert got == [("Deliveries begin next year,", "hanwha-aerospace")]


def test_a_decade_s_apostrophe_opens_no_quote():
    assert quote_spans("In the '90s the players' union grew fast, and in the 2000s it shrank.") == []


def test_a_stray_mark_in_the_middle_of_a_sentence_is_no_quote():
    assert (
        said('The so-called "reform package was approved by the council after a long debate on Monday.') == []
    )


def test_less_common_say_verbs_are_cues_too():
    got = said("“Nobody reads the fine print,” Judge Ama Owusu sighed during the hearing on Tuesday.")
    assert got == [("Nobody reads the fine print,", "ama-owusu")]


def test_a_country_word_before_a_title_agrees_with_the_person_of_that_country():
    got = said(
        "President Donald Trump met South Korean President Lee Jae Myung in Gyeongju on Wednesday.",
        "Trump praised the shipbuilding deal.",
        "“We will build ships together,” the U.S. president said.",
    )
    assert got == [("We will build ships together,", "donald-trump")]


def test_the_longest_name_in_the_cue_picks_one_of_two_people_sharing_a_surname():
    from briefbook.extract.nlp import parse
    from briefbook.extract.speakers import Speaker, resolve

    patrick = Speaker(
        id="p",
        name="Patrick Nielsen Hayden",
        kind="person",
        forms=["Patrick Nielsen Hayden", "Nielsen Hayden"],
    )
    teresa = Speaker(
        id="t", name="Teresa Nielsen Hayden", kind="person", forms=["Teresa Nielsen Hayden", "Nielsen Hayden"]
    )
    doc = parse(["Senior editor Patrick Nielsen Hayden said the book was late."])[0]
    subject = doc[0:5]
    assert resolve(subject, [patrick, teresa], [], 1) is patrick
    assert (
        resolve(parse(["Nielsen Hayden said the book was late."])[0][0:2], [patrick, teresa], [], 1) is None
    )


def test_the_statement_speaks_for_the_one_who_issued_it():
    got = said(
        "The Ministry of Water said in a statement on Monday that the reservoir was safe.",
        "“Tests found no contamination in any sample,” the statement said.",
    )
    assert got == [("Tests found no contamination in any sample,", "ministry-of-water")]


def test_an_apposition_the_parser_takes_for_a_coordination_does_not_hide_the_name():
    got = said(
        "“He could have had a bigger career,” Patrick Nielsen Hayden, Teresa’s husband and the house’s "
        "editor in chief, said."
    )
    assert got == [("He could have had a bigger career,", "patrick-nielsen-hayden")]


def test_a_kinship_word_gives_no_gender_to_a_name_further_on():
    from briefbook.extract.nlp import parse
    from briefbook.extract.speakers import Speaker, note_genders

    starner = Speaker(id="s", name="Starner", kind="person", forms=["Starner"])
    note_genders(parse(["Ford's late father told Starner that he was alive."]), [starner])
    assert starner.gender is None


def test_the_subject_of_a_passive_say_verb_is_what_is_spoken_of():
    b = brief(
        "Acme Health studied the disease for a decade.",
        "Acme Health is often called “the quiet giant of American medicine.”",
    )
    assert all(q.speaker is None for q in b.quotes)


def test_a_cue_less_quote_after_an_organization_acted_is_not_its_words():
    got = said(
        "Energy Minister Dr Thandiwe Moyo apologised for the blackouts on Sunday.",
        "Eskom Holdings cut power to four million homes overnight.",
        "“We will not find excuses for what went wrong this week.”",
    )
    assert got == [("We will not find excuses for what went wrong this week.", None)]


# ----------------------------------------------------------------------------- round 2: kinds of attribution


def test_two_apostrophes_written_as_a_double_mark_are_a_quote():
    spans = quote_spans("''We will not raise fares this year,'' said the transit chief, Ana Ruiz.")
    assert [s.inner for s in spans] == ["We will not raise fares this year,"]
    quotes = said("''We will not raise fares this year,'' said the transit chief, Ana Ruiz. "
                  "''The budget holds.''")
    assert quotes == [("We will not raise fares this year,", "ana-ruiz"), ("The budget holds.", "ana-ruiz")]
    # the attribution after such a quote is not also a sentence of reported speech
    assert said("''We will not raise fares this year,'' said Ana Ruiz, the transit chief.", kind="indirect") == []


def test_a_name_written_with_initials_speaks():
    quotes = said("“The ferry must run all winter,” said Rep. T.J. Okafor, head of the island caucus.")
    assert quotes == [("The ferry must run all winter,", "t-j-okafor")]


def test_party_and_state_between_a_name_and_its_apposition_keep_the_role():
    b = brief("“The ferry must run all winter,” said Rep. Lena Okafor (D-Maine), head of the island caucus.")
    person = next(p for p in b.people if p.id == "lena-okafor")
    assert person.role == "head of the island caucus"
    assert [q.speaker for q in b.quotes] == ["lena-okafor"]


def test_a_participle_after_a_relative_clause_goes_with_the_sentence_subject():
    quotes = said(
        "Governor Ruth Adams was defensive when asked about a builder who said he was never paid, "
        "saying, “Perhaps the work was late, and I was not pleased with it.”"
    )
    assert quotes == [("Perhaps the work was late, and I was not pleased with it.", "ruth-adams")]


def test_a_verb_and_its_particle_introduce_a_quote():
    quotes = said("Mayor Omar Haddad faced hard questions on Monday. When a rival said the city had missed "
                  "its targets, Haddad shot back, “We met every one of them.”")
    assert quotes == [("We met every one of them.", "omar-haddad")]
    # "shot" alone says nothing of speech
    assert said("Haddad shot the opening scene himself, “a long take in the rain,” at dawn.") == []


def test_a_description_whose_apposition_is_a_name_speaks_by_that_name():
    b = brief("Her challenger, Paul Mbeki, said the answers showed she was out of touch.")
    assert [p.id for p in b.people] == ["paul-mbeki"]
    assert [(q.kind, q.speaker) for q in b.quotes] == [("indirect", "paul-mbeki")]


def test_a_quote_signed_with_a_dash_and_a_name_is_that_persons():
    b = brief(
        "We asked readers what they made of the new bridge toll.",
        "“It punishes people who have to drive to work. There is no train from my town.” ― Ellen Marsh",
        "“I am glad someone is finally paying for the repairs.” — Victor Osei, 52, Riverside",
    )
    assert [(q.text[:12], q.speaker) for q in b.quotes] == [
        ("It punishes ", "ellen-marsh"), ("I am glad so", "victor-osei")]
    # a dash that does not close the paragraph with a name signs nothing
    assert said("“It punishes people who drive to work every day,” ― and the toll rises again in May.") == [
        ("It punishes people who drive to work every day,", None)]


def test_a_person_named_once_as_a_quotes_speaker_is_a_person_of_the_briefing():
    b = brief("The council met on Monday.",
              "“We cannot keep raising the toll,” said Ines Duarte, who drives to the city every day.")
    assert "ines-duarte" in [p.id for p in b.people]
    assert not any("Ines Duarte" in r for r in b.review)


def test_after_an_honorific_a_role_word_is_a_surname():
    quotes = said("Broadcaster Charles King signed with a new network on Monday.",
                  "“They pay us well, and we need the money for our crew,” Mr. King said.")
    assert quotes == [("They pay us well, and we need the money for our crew,", "charles-king")]


def test_a_speech_verb_that_opens_the_sentence_names_the_speaker_after_it():
    quotes = said("Ryan Ellis, a media analyst, has followed the network for years.",
                  "Viewers were unconvinced. Said Ellis: “I do not get the sense they care about the audience.”")
    assert quotes == [("I do not get the sense they care about the audience.", "ryan-ellis")]


def test_an_uncued_quote_in_a_sentence_that_names_someone_else_is_not_the_last_speakers():
    quotes = said("“The amendment has a loophole,” director Ava Laurent explained.",
                  "Critics disagreed, among them Tom Reyes of the film society: “It is an old argument.”")
    assert quotes[0] == ("The amendment has a loophole,", "ava-laurent")
    assert quotes[1][1] != "ava-laurent"


def test_a_pronoun_cue_can_stand_for_the_named_subject_before_the_quote_in_its_sentence():
    quotes = said("Television doctor Mark Olsen testified before a Senate panel on Tuesday.",
                  "Sen. Claire Dunmore scolded him: “The research is almost united against you,” she said.")
    assert quotes == [("The research is almost united against you,", "claire-dunmore")]


def test_an_abbreviated_title_before_a_name_is_spelled_out_as_the_role():
    b = brief("Democratic Sen. Claire Dunmore (D-Mo.) questioned the witness on Tuesday.",
              "Gov. Earl Tomlin of West Virginia praised the plan.")
    roles = {p.id: p.role for p in b.people}
    assert roles == {"claire-dunmore": "Democratic Senator", "earl-tomlin": "Governor"}


def test_two_right_single_marks_close_a_quote_opened_with_a_double_mark():
    quotes = said("“It was an attempt to mislead voters,’’ Nora Quist, head of the watchdog group Fair Count, "
                  "told the radio station. “It is misleading for a party to behave that way.”")
    assert quotes == [("It was an attempt to mislead voters,", "nora-quist"),
                      ("It is misleading for a party to behave that way.", "nora-quist")]


def test_whom_a_speaker_tells_is_not_the_speaker():
    quotes = said('"The service was built for the cloud from the start," Dana Whitfield, head of games at '
                  'Nimbus, tells The Evening Courier.')
    assert quotes == [("The service was built for the cloud from the start,", "dana-whitfield")]


def test_titles_between_a_quote_and_its_verb_lead_to_the_name_among_them():
    quotes = said("“Sales were below our expectations this quarter,” chairman, CEO and president Carl Menzel "
                  "said in the earnings release.")
    assert quotes == [("Sales were below our expectations this quarter,", "carl-menzel")]


def test_a_surname_alone_that_speaks_in_quotation_marks_is_a_person():
    b = brief("The coach was pleased after the game.",
              "“He is just playing terrific basketball,” Vogel said. “Nobody works harder than him.”")
    assert [p.id for p in b.people] == ["vogel"]
    assert [q.speaker for q in b.quotes] == ["vogel", "vogel"]
    # a surname two full names share stays unresolved rather than becoming a third person
    b = brief("Coach Anna Vogel and her brother Tom Vogel met on Monday.", "“We are ready,” Vogel said.")
    assert "vogel" not in [p.id for p in b.people]


def test_an_apposition_with_a_possessive_is_not_a_second_speaker():
    quotes = said("“We had some issues ... we had customer service issues,” Mayer, Disney’s chairman of "
                  "streaming, said Tuesday at a media conference.")
    assert quotes == [("We had some issues ... we had customer service issues,", "mayer")]


def test_a_described_surname_that_speaks_in_quotation_marks_is_a_person():
    b = brief("“I think I played one of the best matches of the year,” the 14th-ranked Schwartzman said.")
    assert [(q.speaker, p.id) for q, p in zip(b.quotes, b.people, strict=True)] == [("schwartzman", "schwartzman")]


def test_an_honorific_tells_two_people_of_one_surname_apart():
    quotes = said("Hillary Rowan and her husband, former Governor Bill Rowan, campaigned in Ohio on Monday.",
                  "“We will win this state in November,” Mrs. Rowan said.",
                  "“She is the best candidate I have ever seen,” Mr. Rowan told reporters.")
    assert quotes == [("We will win this state in November,", "hillary-rowan"),
                      ("She is the best candidate I have ever seen,", "bill-rowan")]
    # and the honorific makes no third person "Rowan"
    assert sorted(p.id for p in brief("Senator Hillary Rowan and Governor Bill Rowan met voters.",
                                      "“We will win,” Mrs. Rowan said on Monday.").people) == [
        "bill-rowan", "hillary-rowan"]


def test_a_surname_that_is_a_role_word_speaks_inside_the_full_name():
    quotes = said("“It is not going to be easy for him to win the state,” said Representative Peter T. King of "
                  "New York, who endorsed him on Tuesday.")
    assert quotes == [("It is not going to be easy for him to win the state,", "peter-t-king")]


def test_charging_and_opining_introduce_quotes():
    quotes = said("“You have called people you do not like terrible names,” Kelly charged in her question.")
    assert quotes == [("You have called people you do not like terrible names,", "kelly")]


def test_a_name_doubted_as_an_organization_that_speaks_in_quotation_marks_is_one():
    b = brief("Newspapers warned readers before the convention.",
              "“Gun owners should leave their weapons at home,” opined the Plain Dealer.")
    assert [o.id for o in b.organizations] == ["plain-dealer"]
    assert [q.speaker for q in b.quotes] == ["plain-dealer"]


# ----------------------------------------------------------------------------- round 2 (issue 19)


def test_a_cue_sentence_split_off_after_a_question_names_the_quote_before_it():
    got = said("“Have we lost the vote already?” Dana Ortiz asked the clerk. “No, we have not.”")
    assert got == [("Have we lost the vote already?", "dana-ortiz"), ("No, we have not.", "dana-ortiz")]


def test_a_sentence_after_a_quote_that_reports_something_else_is_no_cue():
    got = said(
        "Mayor Dana Ortiz spoke to the council on Monday.",
        "“We cannot wait any longer for the state.” Tom Baker said the vote would be held in June.",
    )
    assert ("We cannot wait any longer for the state.", "tom-baker") not in got


def test_said_then_a_name_with_a_long_apposition_names_the_speaker():
    got = said("“The plan is a disaster for the city,” said Dana Ortiz, a council member who voted against it.")
    assert got == [("The plan is a disaster for the city,", "dana-ortiz")]


def test_said_then_a_day_is_no_speaker():
    got = said("“The plan is a disaster for the city,” said Tuesday the council.")
    assert all(speaker is None for _, speaker in got)


def test_an_opening_mark_typed_for_a_closing_one_still_closes_the_quote():
    spans = quote_spans("“The plan is a disaster for the city,“ said Dana Ortiz.")
    assert [s.inner for s in spans] == ["The plan is a disaster for the city,"]
    assert said("“The plan is a disaster for the city,“ said Dana Ortiz, a council member.") == [
        ("The plan is a disaster for the city,", "dana-ortiz")
    ]


def test_a_surname_with_an_honorific_keeps_a_person_named_once_in_full():
    b = brief(
        "Maureen Sherry wrote a novel about Wall Street.",
        "Critics liked it.",
        "“I wanted to show what the trading floor was like for women,” Ms. Sherry said.",
    )
    assert [p.id for p in b.people] == ["maureen-sherry"]
    assert [q.speaker for q in b.quotes if q.kind == "direct"] == ["maureen-sherry"]


def test_who_said_is_the_one_the_relative_clause_hangs_from():
    got = said("Critics include Tom Baker, who told reporters that the plan “will ruin the river for a generation.”")
    assert got == [("will ruin the river for a generation.", "tom-baker")]
    got = said(
        "The rally drew Dana Ortiz, a retired teacher from Ohio who said “nobody in this town believes the promises.”"
    )
    assert got == [("nobody in this town believes the promises.", "dana-ortiz")]


def test_a_quote_paragraph_continues_a_speaker_across_a_paragraph_that_names_nobody_else():
    got = said(
        "Mayor Dana Ortiz told reporters on Monday that the city would appeal.",
        "What an appeal would achieve is unclear, since the court has ruled twice already.",
        "“We will not give up on this.”",
    )
    assert got == [("We will not give up on this.", "dana-ortiz")]


def test_a_quote_paragraph_does_not_continue_across_a_paragraph_that_names_someone_else():
    got = said(
        "Mayor Dana Ortiz told reporters on Monday that the city would appeal.",
        "The ruling was written by Judge Tom Baker, with two judges dissenting.",
        "“We will not give up on this.”",
    )
    assert got == [("We will not give up on this.", None)]


def test_a_paragraph_that_is_a_dash_and_a_name_signs_the_quotes_above_it():
    got = said(
        "The candidates made several claims in the debate on Tuesday.",
        "\"Nobody has created more jobs in this state than our administration.\"",
        "- Dana Ortiz.",
        "That is not quite true, as the figures show.",
    )
    assert got == [("Nobody has created more jobs in this state than our administration.", "dana-ortiz")]


def test_a_given_name_and_surname_in_a_cue_is_a_person_even_named_once():
    signed = "“He never answered a single question about the economy.” ― Christina Halvorsen"
    assert said("Readers sent us their views of the debate.", signed) == [
        ("He never answered a single question about the economy.", "christina-halvorsen")
    ]


def test_an_uncued_quote_in_a_paragraph_signed_by_another_does_not_continue_the_last_speaker():
    got = said(
        "Readers sent us their views of the debate.",
        "“He never answered a single question about the economy.” ― Christina Halvorsen",
        "“He said “nothing” about jobs, and that is all we care about here.” ― Robert Lindqvist",
    )
    assert got[0] == ("He never answered a single question about the economy.", "christina-halvorsen")
    assert all(speaker != "christina-halvorsen" for _, speaker in got[1:])


def test_the_statement_speaks_for_the_one_who_issued_it_in_the_paragraph_before():
    got = said(
        "Acme Corporation issued a statement on Monday about the recall.",
        "The statement, which was posted online, said: “No customer was ever at risk from the fault.”",
    )
    assert got == [("No customer was ever at risk from the fault.", "acme-corporation")]


def test_a_surname_two_people_share_is_the_one_the_story_names_first_at_its_top():
    got = said(
        "How a school shooting changed Senator Dana Ortiz.",
        "The gunman killed 20 children and their teacher, Ms. Maria Ortiz.",
        "“It changed everything about why I do this job,” Ortiz said.",
    )
    assert got == [("It changed everything about why I do this job,", "dana-ortiz")]


def test_a_cue_sentence_whose_subject_is_a_kin_with_a_name_in_apposition_names_the_quote_before():
    got = said(
        "Senator Tom Baker spoke at the fair.",
        "“This is a big year for all of us!” Baker's sister, Dr. Ann Lowe, shouted to the crowd. “We need you.”",
    )
    assert all(speaker != "tom-baker" for _, speaker in got)


def test_answering_and_fuming_introduce_quotes():
    assert said("“Not this year,” Dana Ortiz answered.") == [("Not this year,", "dana-ortiz")]
    assert said("“They broke every promise,” Dana Ortiz fumed.") == [("They broke every promise,", "dana-ortiz")]


def test_a_sentence_that_opens_with_an_adverbial_is_no_cue_for_the_quote_before():
    got = said(
        "Jane Starner knew the family well.",
        "“I don’t know whether they ever spoke again,” Starner said. “Nobody in the family would tell me.” "
        "But at some point, his father told Starner that “the checks were the only sign he was alive.”",
    )
    assert ("Nobody in the family would tell me.", "jane-starner") in got
