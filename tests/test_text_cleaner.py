"""The plain-text cleaner: site furniture goes, every article sentence stays, metadata is lifted."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefbook.clean import clean
from briefbook.reading import read_article
from briefbook.text_cleaner import clean_markdown, clean_text

# An agency story pasted from a portal: menu words, headline, byline with an update time, a
# truncated repeat of the lead, app prompts, a teaser, a disclaimer and related-story lists.
PORTAL = """Home
Epaper

Port of Busan expands automated terminal as cargo volumes climb

By PTI | Updated: March 3, 2024 10:12 IST

Busan, Mar 3 South Korea's largest port will add six automated cranes to its ...

Open in App

Busan, Mar 3 South Korea's largest port will add six automated cranes to its newest terminal this year as cargo volumes climb, the oceans ministry said on Sunday.

The ministry said the terminal handled 1.2 million containers last year, up 9 percent from a year earlier, reports Yonhap news agency.

Also Read: Cricket board names new selection panel ahead of home series

"Automation lets us keep ships moving through the night without adding risk for workers," Vice Minister Park Ji-ho told reporters at the terminal.

What comes next

The port plans to open a second automated berth in 2026, pending a final budget review.

Disclaimer: This post has been auto-published from an agency feed without any modifications to the text and has not been reviewed by an editor

Related Stories

SportsLocal club signs striker on two-year deal

BusinessRupee ends flat against the dollar in thin trade
"""

# A daily's page: crawler prefix, headline, Published line, captioned photo with a credit,
# the wire credit and the outlet credit at the end, a comment prompt and a character counter.
DAILY = """ date 2024-06-12 Ministry unveils plan to train 10,000 chip engineers by 2030
Published: 12 Jun. 2024, 09:30
Students work in a clean room at a university lab in Daejeon on May 30. [NEWS1]

Education Minister Oh Min-jae on Wednesday unveiled a plan to train 10,000 semiconductor engineers by 2030, the ministry said.
"Chips are the backbone of our exports, and talent is the backbone of chips," Oh said at a briefing in Sejong.
The plan includes new graduate programs at eight universities and a scholarship for students who join domestic chipmakers.
Yonhap
with the Korea Daily Herald
To write comments, please log in to one of the accounts.
Standards Board Policy (0/300자)
"""

# A government portal: section label, site date, the photo caption printed twice with a credit,
# a byline, and a text that stops mid-word.
PORTAL_CAPTION = """Policies

Jul 09, 2024

Officials inspect a hydrogen bus at a charging station in Ulsan on July 8. (Ministry of Environment)

Officials inspect a hydrogen bus at a charging station in Ulsan on July 8. (Ministry of Environment)


By Kim Ha-eun


The Ministry of Environment on July 8 said it will expand hydrogen bus subsidies to 15 more cities next year.


Local governments will receive up to 50 percent of the purchase price for each bus, the ministry said.


The measure is expected to cut diesel use in public transport by about 12 percent, accord
"""

AGENCY_DATELINE = """GWANGJU, Oct. 14 (Yonhap) -- A local startup said Monday it has raised 20 billion won to expand its battery recycling plant in the southwestern city.

The company plans to double its capacity by the end of next year, its chief executive said.
"""

DASH_DATELINE = """ date 2024-11-02 Coastal city hosts regional climate forum
ULSAN — Mayors from 12 coastal cities met on Saturday to share plans for protecting harbors from rising seas.
The forum ended with a joint pledge to publish flood maps by next spring.
"""

LEAD_ONLY = """ date 2024-05-20 The central bank kept its benchmark rate unchanged on Monday, citing stubborn inflation in services and a weak currency that has raised import costs for manufacturers.

Economists had widely expected the decision after last week's data showed prices rising faster than forecast.
"""

WHOLE_PAGE = """Harbor council approves seawall budget | The Coastline Times
Skip to content
News
Sports
Business
Opinion
Subscribe
Sign in
Harbor council approves seawall budget
By Dana Whitfield
November 4, 2023 6:12 PM
The harbor council on Friday approved a 40 million dollar budget to rebuild the seawall that protects the old fishing district, ending months of debate over how to pay for it.
Council members voted 7-2 after a three-hour meeting in which residents urged them to act before the winter storm season, when waves regularly top the existing wall.
"We cannot ask families to bail out their basements every December," said council member Rosa Alvarez, who sponsored the measure.
The money will come from a mix of state grants and a bond that voters approved last spring. Construction is scheduled to begin in March and last about two years.
Two members voted against the plan, arguing that the city should first study whether a living shoreline of marshes and oyster reefs would cost less over time.
Related Articles
Ferry schedule changes for the holidays
New bakery opens on Main Street
12 Comments
Sort by Newest
harborfan88 says:
This should have been done years ago, the wall has been crumbling since I was a kid and everybody knows it.
oldsalt says:
Great news for the district, but I worry the bond will raise property taxes for everyone in town next year.
Copyright 2023 The Coastline Times. All rights reserved.
Privacy Policy
"""


def reasons(art) -> dict[str, str]:
    return {r.text: r.reason for r in art.removed}


def test_portal_furniture_goes_and_metadata_is_lifted() -> None:
    art = clean_text(PORTAL)
    assert art.title == "Port of Busan expands automated terminal as cargo volumes climb"
    assert art.date == "2024-03-03"
    assert art.location == "Busan"
    assert art.agencies == ["PTI", "Yonhap"]
    assert art.paragraphs[0].startswith("Busan, Mar 3 South Korea's largest port will add six")
    assert art.paragraphs[-1] == "The port plans to open a second automated berth in 2026, pending a final budget review."
    assert "What comes next" in art.paragraphs  # a one-line subheading inside the article stays
    body = art.text
    for furniture in ("Open in App", "Also Read", "Disclaimer", "Related Stories", "Rupee ends flat", "Epaper",
                      "By PTI", "..."):
        assert furniture not in body
    why = reasons(art)
    assert why["By PTI | Updated: March 3, 2024 10:12 IST"] == "byline"
    assert why["Open in App"] == "navigation"
    assert why["Also Read: Cricket board names new selection panel ahead of home series"] == "teaser"
    assert why["Related Stories"].startswith("related list")
    assert why["BusinessRupee ends flat against the dollar in thin trade"].startswith("related list")
    assert "truncated" in why["Busan, Mar 3 South Korea's largest port will add six automated cranes to its ..."]


def test_daily_with_prefix_caption_credits_and_comment_prompts() -> None:
    art = clean_text(DAILY)
    assert art.title == "Ministry unveils plan to train 10,000 chip engineers by 2030"
    assert art.date == "2024-06-12"
    assert art.location is None
    assert art.agencies == ["News1", "Yonhap"]  # the photo's wire credit, then the story's
    assert art.outlet == "Korea Daily Herald"
    assert len(art.paragraphs) == 3
    assert art.paragraphs[0].startswith("Education Minister Oh Min-jae on Wednesday")
    for furniture in ("Published:", "[NEWS1]", "Yonhap", "Korea Daily Herald", "log in", "0/300"):
        assert furniture not in art.text
    why = reasons(art)
    assert why["Published: 12 Jun. 2024, 09:30"] == "date line"
    assert why["Students work in a clean room at a university lab in Daejeon on May 30. [NEWS1]"] == "photo caption"
    assert why["Yonhap"] == "credit line"


def test_caption_printed_twice_byline_and_text_cut_mid_word() -> None:
    art = clean_text(PORTAL_CAPTION)
    assert art.date == "2024-07-09"
    assert art.authors == ["Kim Ha-eun"]
    assert art.location is None
    assert art.title_from_lead and art.title
    assert "Officials inspect" not in art.text
    assert "By Kim" not in art.text
    assert "Policies" not in art.text
    # the last sentence stops mid-word, and it is still article text
    assert art.paragraphs[-1].endswith("by about 12 percent, accord")
    assert len(art.paragraphs) == 3


def test_agency_dateline() -> None:
    art = clean_text(AGENCY_DATELINE)
    assert art.location == "Gwangju"
    assert art.agencies == ["Yonhap"]
    assert art.date is None  # month and day, but no year anywhere
    assert art.paragraphs[0].startswith("GWANGJU, Oct. 14 (Yonhap) -- A local startup")


def test_dateline_year_from_other_evidence() -> None:
    # the dateline gives month and day, the update line the year; the update is not the publication
    art = clean_text("Updated: 2023-10-15 08:00\n\n" + AGENCY_DATELINE)
    assert art.date == "2023-10-14"
    assert art.location == "Gwangju"


def test_dash_dateline_and_prefix_headline() -> None:
    art = clean_text(DASH_DATELINE)
    assert art.title == "Coastal city hosts regional climate forum"
    assert art.location == "Ulsan"
    assert art.date == "2024-11-02"
    assert len(art.paragraphs) == 2


def test_prefix_followed_by_the_lead_is_not_a_headline() -> None:
    art = clean_text(LEAD_ONLY)
    assert art.date == "2024-05-20"
    assert art.paragraphs[0].startswith("The central bank kept its benchmark rate unchanged on Monday")
    assert art.title_from_lead
    assert art.title is not None and len(art.title.split()) <= 14
    assert art.title.startswith("The central bank kept its benchmark rate unchanged")


def test_whole_page_keeps_only_the_article() -> None:
    art = clean_text(WHOLE_PAGE)
    assert art.title == "Harbor council approves seawall budget"
    assert art.date == "2023-11-04"
    assert art.authors == ["Dana Whitfield"]
    assert len(art.paragraphs) == 5
    assert art.paragraphs[0].startswith("The harbor council on Friday approved")
    assert art.paragraphs[-1].startswith("Two members voted against the plan")
    for furniture in ("Skip to content", "Ferry schedule", "says:", "crumbling", "property taxes", "Copyright"):
        assert furniture not in art.text
    why = reasons(art)
    assert why["12 Comments"] == "comments"
    assert why["oldsalt says:"] in {"comments", "after the article"}


def test_each_removal_is_reported_once_with_a_reason() -> None:
    art = clean_text(PORTAL)
    texts = [r.text for r in art.removed]
    assert len(texts) == len(set(texts)) or texts.count("Open in App") == 2
    assert all(r.reason for r in art.removed)
    kept = set(art.paragraphs)
    assert not any(r.text in kept for r in art.removed)


def test_whitespace_is_normalised() -> None:
    art = clean_text("The   mayor\u00a0opened the new library on Tuesday,\tand\u200b hundreds of residents came.\r\n")
    assert art.paragraphs == ["The mayor opened the new library on Tuesday, and hundreds of residents came."]


def test_hard_wrapped_lines_are_joined() -> None:
    text = (
        "The regional assembly passed a law on Thursday that requires all new public buildings\n"
        "to install solar panels on their roofs from 2026 onwards.\n\n"
        "Officials said the rule would add about 3 percent to construction costs.\n"
    )
    art = clean_text(text)
    assert art.paragraphs[0].endswith("install solar panels on their roofs from 2026 onwards.")
    assert len(art.paragraphs) == 2


def test_list_items_stay_in_order() -> None:
    text = (
        "The agency said applicants must:\n"
        "- live in the province;\n"
        "- run a business with fewer than 50 staff; and\n"
        "- file their tax returns on time.\n"
        "Applications open on May 1 and close at the end of June, the agency added.\n"
    )
    art = clean_text(text)
    assert art.paragraphs[1:4] == [
        "- live in the province;",
        "- run a business with fewer than 50 staff; and",
        "- file their tax returns on time.",
    ]


def test_markdown_frontmatter_and_markup() -> None:
    md = (
        "---\ntitle: ignored\nsource: somewhere\n---\n# River cleanup draws 300 volunteers\n\n"
        "More than **300 volunteers** joined a [river cleanup](https://example.org) on Saturday, "
        "collecting two tonnes of plastic from the banks.\n\n"
        "## Next steps\n\nOrganisers plan a second cleanup in the spring, the city said.\n"
    )
    art = clean_markdown(md)
    assert art.title == "River cleanup draws 300 volunteers"
    assert art.paragraphs[0].startswith("More than 300 volunteers joined a river cleanup on Saturday")
    assert "title: ignored" not in art.text
    assert "Next steps" in art.paragraphs


def test_clean_dispatches_on_kind(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DASH_DATELINE, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Headline here now\n\n" + AGENCY_DATELINE, encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Forum ends</title></head><body><article><h1>Forum ends</h1><p>"
        + AGENCY_DATELINE.splitlines()[0]
        + "</p><p>Organisers said next year's meeting will be held in the same city in October.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert clean(read_article(tmp_path / "a.txt")).location == "Ulsan"
    assert clean(read_article(tmp_path / "b.md")).title == "Headline here now"
    html = clean(read_article(tmp_path / "c.html"))
    assert html.title == "Forum ends"
    assert html.location == "Gwangju"


HERALD_STYLE = """Busan to host 2026 maritime expo
Published : Sept. 3, 2024 - 15:10
Updated : Sept. 3, 2024 - 17:45
By Choi Min-su (minsu@example-herald.com)
Facebook Twitter Kakaostory Email Print
Visitors look at a model ship at a trade fair in Busan on Monday. / Yonhap
Busan will host an international maritime expo in 2026, the city said Tuesday, expecting some 40,000 visitors.
The expo will feature autonomous ships and hydrogen-powered ferries, organizers said.
minsu@example-herald.com
"""

WIRE_TAIL = """WASHINGTON, D.C. — The Senate on Thursday passed a bill to fund research into quantum sensors, sending it to the president's desk.
The measure passed 88-9 after a brief debate.
Associated Press writer Maria Lopez contributed to this report.
(Reporting by Tom Hale; Editing by Ann Ruiz)
"""


def test_herald_style_labels_bylines_share_buttons_and_slash_credits() -> None:
    art = clean_text(HERALD_STYLE)
    assert art.title == "Busan to host 2026 maritime expo"
    assert art.date == "2024-09-03"
    assert art.authors == ["Choi Min-su"]
    assert art.agencies == ["Yonhap"]
    assert art.paragraphs == [
        "Busan will host an international maritime expo in 2026, the city said Tuesday, expecting some 40,000 visitors.",
        "The expo will feature autonomous ships and hydrogen-powered ferries, organizers said.",
    ]
    why = reasons(art)
    assert why["Facebook Twitter Kakaostory Email Print"] == "share buttons"
    assert why["Visitors look at a model ship at a trade fair in Busan on Monday. / Yonhap"] == "photo caption"
    assert why["minsu@example-herald.com"] == "contact"


def test_wire_credits_and_region_datelines() -> None:
    art = clean_text(WIRE_TAIL)
    assert art.location == "Washington"
    assert len(art.paragraphs) == 2
    assert "contributed" not in art.text and "Reporting by" not in art.text
    assert {r.reason for r in art.removed} == {"credit line"}


def test_published_with_a_dash_and_a_day_first_date() -> None:
    art = clean_text("Published - August 05, 2025 09:24 am IST\n\n" + AGENCY_DATELINE)
    assert art.date == "2025-08-05"
    art = clean_text("Posted 14.10.2024 09:00\n\n" + AGENCY_DATELINE)
    assert art.date == "2024-10-14"


PORTAL_WITH_SUMMARY = """Home
Markets
Opinion
Latest News

Shipbuilders win record orders for LNG carriers

Korea's three largest shipbuilders won a record number of orders for LNG carriers this year, industry data showed.

Park Min-ho
Published 2024.12.02 10:15

Korea's three largest shipbuilders won a record number of orders for LNG carriers this year, industry data showed.
Orders reached 68 vessels by the end of November, up from 52 a year earlier.
___
"""


def test_bare_name_byline_summary_and_separator() -> None:
    art = clean_text(PORTAL_WITH_SUMMARY)
    assert art.title == "Shipbuilders win record orders for LNG carriers"
    assert art.authors == ["Park Min-ho"]
    assert art.date == "2024-12-02"
    assert art.paragraphs == [
        "Korea's three largest shipbuilders won a record number of orders for LNG carriers this year, "
        "industry data showed.",
        "Orders reached 68 vessels by the end of November, up from 52 a year earlier.",
    ]
    why = reasons(art)
    assert why["___"] == "separator"
    assert "summary repeated as the lead" in why.values()


@pytest.mark.speed
def test_huge_text_stays_fast() -> None:
    import time

    page = "\n".join([WHOLE_PAGE] * 400)  # about 700 KB of page text
    started = time.perf_counter()
    clean_text(page)
    assert time.perf_counter() - started < 5  # a speed test: make bench runs it, make test does not


def test_clean_command_json_and_bad_files(tmp_path: Path, capsys) -> None:
    import json

    from briefbook.cli import main

    good = tmp_path / "daily.txt"
    good.write_text(DAILY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code = main(["clean", "--json", str(good), str(empty)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.strip() == f"{empty}: file is empty"
    data = json.loads(out)
    entry = data[str(good)]
    assert entry["title"] == "Ministry unveils plan to train 10,000 chip engineers by 2030"
    assert entry["date"] == "2024-06-12"
    assert entry["agencies"] == ["News1", "Yonhap"]
    assert entry["text"] == "\n\n".join(entry["paragraphs"])
    assert {"text": "Published: 12 Jun. 2024, 09:30", "reason": "date line"} in entry["removed"]


def test_clean_command_text_report(tmp_path: Path, capsys) -> None:
    from briefbook.cli import main

    (tmp_path / "portal.txt").write_text(PORTAL, encoding="utf-8")
    assert main(["clean", "--show-removed", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "title:     Port of Busan expands automated terminal as cargo volumes climb" in out
    assert "location:  Busan" in out
    assert "[1] Busan, Mar 3 South Korea's largest port" in out
    assert "  - teaser: Also Read: Cricket board names new selection panel ahead of home series" in out


def test_dateline_year_from_full_dates_in_the_story() -> None:
    art = clean_text(
        "SEOUL, Oct. 30 (Yonhap) -- The two countries signed the deal on Oct. 29, 2025, officials said.\n\n"
        "Follow-up talks are set for Nov. 3, 2025, in Washington.\n"
    )
    assert art.date == "2025-10-30"
    assert art.location == "Seoul"


def test_caption_that_places_people_in_the_photo() -> None:
    text = (
        "By Han Ji-woo\n"
        "Trade Minister Ahn Duk-geun (second from left) tours a battery plant in Ochang on Monday.\n"
        "Trade Minister Ahn Duk-geun said Monday the government will help battery makers secure "
        "lithium from new suppliers in South America.\n"
        "The ministry plans to sign supply agreements with two countries by the end of the year.\n"
    )
    art = clean_text(text)
    assert len(art.paragraphs) == 2
    assert "tours a battery plant" not in art.text
    assert reasons(art)[
        "Trade Minister Ahn Duk-geun (second from left) tours a battery plant in Ochang on Monday."
    ] == "photo caption"


@pytest.mark.speed
def test_adversarial_lines_stay_fast() -> None:
    import time

    for text in ("*a " * 30_000, "[a" * 30_000, "A" * 150_000, "a " * 50_000, "By X\n" * 5_000):
        started = time.perf_counter()
        clean_markdown(text)
        clean_text(text)
        assert time.perf_counter() - started < 5  # a speed test: make bench runs it, make test does not


def test_a_name_before_a_dash_is_no_dateline() -> None:
    lead = "U.S. President Donald Trump — who spoke on Monday — said the trade deal was finished."
    assert clean_text(lead).location is None
    assert clean_text("New York — The city council voted on Monday to expand bike lanes.").location == "New York"


def test_labelled_photo_caption_at_the_end_is_cut():
    text = (
        "Ports agree on a green corridor\n\n"
        "The ports of Busan and Seattle agreed on Thursday to build a green shipping corridor.\n\n"
        "The corridor will open to container ships in 2027, officials said.\n\n"
        "Photo: Oceans Minister Kang Do-hyung, left, shakes hands with the mayor of Seattle. Yonhap\n"
    )
    cleaned = clean_text(text)
    assert not any(p.startswith("Photo:") for p in cleaned.paragraphs)
    assert any(r.reason == "photo caption" for r in cleaned.removed)


def test_a_date_label_inside_the_story_does_not_beat_the_dateline():
    text = (
        "Labs agree to share models\n\n"
        "SEOUL, April 14, 2026 -- Two labs agreed on Tuesday to share open models, officials said.\n\n"
        "The annex lists the fields of the form:\n\n"
        "date: 1999-01-01\n\n"
        "A first review is due in June, the officials said.\n"
    )
    assert clean_text(text).date == "2026-04-14"


def test_upper_case_byline_with_bracketed_email_and_wire_tag_in_headline():
    text = (
        "(LEAD) Chip exports hit a record in May\n\n"
        "BY KIM HA-NUL [kim.hanul@example.co.kr]\n\n"
        "SEOUL, June 1, 2025 (Yonhap) -- Semiconductor exports hit a record in May, the trade ministry said.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Chip exports hit a record in May"
    assert cleaned.authors and "example" not in cleaned.authors[0]
    assert all("BY KIM" not in p for p in cleaned.paragraphs)


def test_wire_date_line_with_glued_time_dates_the_article_and_is_no_title() -> None:
    text = (
        "Factory orders climb for third month\n\nBy Jane Roe\n\n"
        "April 7, 20259:41 AM GMT+9Updated 3 hours ago\n\n"
        "SEOUL, April 7 (Reuters) - Factory orders in South Korea rose for a third straight month in "
        "March, the statistics office said on Monday.\n\n"
        "The office said exports of chips led the gain, while car shipments slowed.\n"
    )
    art = clean_text(text)
    assert (art.title, art.date, art.location) == ("Factory orders climb for third month", "2025-04-07", "Seoul")
    assert not any("Updated" in p for p in art.paragraphs)


def test_portal_date_line_with_spaced_dots() -> None:
    text = (
        "2023. 11. 8. 09:30\n\nPort workers end strike after pay deal\n\n"
        "BUSAN -- Port workers ended a three-day strike on Wednesday after the union agreed to a pay "
        "deal with operators, the union said.\n\nThe deal raises wages by 4 percent.\n"
    )
    art = clean_text(text)
    assert (art.title, art.date) == ("Port workers end strike after pay deal", "2023-11-08")
    assert not any("09:30" in p for p in art.paragraphs)


# ----------------------------------------------------------------------------- titles, datelines, widgets
# (each page below is written for the test, in the shapes general news sites print)

_BODY = (
    "The city council approved a new budget for road repairs on Tuesday after a long debate, officials said.\n\n"
    "The plan sets aside money for bridges and for the bus lanes that residents asked for last year.\n\n"
    "Work is due to begin in the spring, the council said in a statement.\n"
)


def test_headline_printed_twice_beats_a_reading_time_line() -> None:
    text = (
        "Council backs road repair budget after long debate\nMarch 4, 2025 / 9:10 AM / 2 years ago\n\n"
        "Council backs road repair budget after long debate\n\nStaff Writer\n\n3 Min Read\n\n" + _BODY
    )
    assert clean_text(text).title == "Council backs road repair budget after long debate"


def test_menu_words_run_together_are_no_title() -> None:
    text = " date 2025-03-04 SubscribeGift CardsNewslettersPodcasts\n\nCouncil backs road repair budget\n\n" + _BODY
    art = clean_text(text)
    assert art.title == "Council backs road repair budget"
    assert art.date == "2025-03-04"


def test_the_line_after_an_image_caption_label_is_a_caption() -> None:
    text = (
        "Council backs road repair budget\n\n• Published\nJane MarloweImage source, Family handout\n"
        "Image caption,\n\nJane Marlowe campaigned for safer crossings near the school\n\n" + _BODY
    )
    art = clean_text(text)
    assert art.title == "Council backs road repair budget"
    assert not any("campaigned for safer" in p for p in art.paragraphs)


def test_a_social_handle_line_is_furniture() -> None:
    art = clean_text(" date 2025-03-04 (@CityDeskNews)\n\n" + _BODY)
    assert not any("@CityDeskNews" in p for p in art.paragraphs)
    assert art.title and "@" not in art.title


def test_dateline_with_a_portal_credit_in_parentheses() -> None:
    text = (
        "Lusaka, (IANS - Example Portal / Example News - 3rd June, 2021 ) :Zambia's opposition has "
        "rejected the first results of the vote, its leader said.\n\nCounting went on through the night.\n"
    )
    art = clean_text(text)
    assert art.location == "Lusaka"
    assert "IANS" in art.agencies


def test_city_and_country_dateline_with_a_hyphen() -> None:
    text = "Accra, Ghana - The finance minister has presented a new budget to parliament.\n\nIt cuts spending.\n"
    assert clean_text(text).location == "Accra"


def test_section_names_and_weekdays_are_no_dateline_but_a_dated_lead_dates_the_article() -> None:
    assert clean_text("Local – The mayor has apologised for the water cuts.\n\nRepairs go on.\n").location is None
    art = clean_text("Tuesday, March 4, 2025 – The mayor has apologised for the water cuts.\n\nRepairs go on.\n")
    assert (art.location, art.date) == (None, "2025-03-04")
    assert art.title and not art.title.startswith("Tuesday")


def test_the_wire_sign_off_under_the_story_dates_it() -> None:
    text = "Mayor promises repairs\n\n" + _BODY + "\nPANA 14/03/2025\n"
    assert clean_text(text).date == "2025-03-14"


def test_the_place_on_a_published_line_is_the_location_without_a_dateline() -> None:
    text = "Mayor promises repairs\n\nPublished - March 04, 2025 01:05 am IST - New Delhi\n\n" + _BODY
    art = clean_text(text)
    assert (art.date, art.location) == ("2025-03-04", "New Delhi")


def test_a_todays_date_widget_whose_weekdays_disagree_with_the_story_is_no_date() -> None:
    text = (
        "Tuesday\n\n6th Dec 2022\n\nMinister rejects criticism from Brussels\n\n"
        "The minister said on Wednesday (15 September) that the criticism was unfair and that the "
        "government would not change its policy.\n\nHe spoke after a cabinet meeting in the capital.\n"
    )
    assert clean_text(text).date is None
    agreeing = text.replace("Wednesday (15 September)", "Thursday (15 September)")
    assert clean_text(agreeing).date == "2022-12-06"


# ----------------------------------------------------------------------------- furniture by its shape


@pytest.mark.parametrize(
    "line",
    [
        "The Daily Courier Bureau",
        "https://twitter.com/CityDesk/status/1234567890123",
        "Follow Europe news at https://twitter.com/example_eu",
        "Updated:",
        "Hide Ad",
        "Join Newsbridge today",
        "Get instant access to all articles — and 10 years of archives. 30-day free trial.",
        "... or subscribe as a group",
        "road repairs budget council city transport",
    ],
)
def test_interface_lines_inside_the_story_are_cut(line: str) -> None:
    text = "Mayor promises repairs\n\n" + _BODY.replace("\n\nWork is due", f"\n\n{line}\n\nWork is due")
    art = clean_text(text)
    assert line not in art.text
    assert "Work is due to begin in the spring" in art.text


def test_a_caption_with_a_photographer_credit_is_cut() -> None:
    text = "Mayor promises repairs\n\n" + _BODY + "\nMayor Jane Roe. Photographer: Sam Smith.\n\nThe budget passed.\n"
    assert "Photographer" not in clean_text(text).text


def test_a_reporting_credit_closing_the_last_paragraph_is_cut_and_the_sentence_kept() -> None:
    text = "Mayor promises repairs\n\n" + _BODY.rstrip() + " (Reporting by Sam Smith; editing by Jo Lee)\n"
    art = clean_text(text)
    assert "Reporting by" not in art.text
    assert art.paragraphs[-1].endswith("the council said in a statement.")


def test_a_portal_credit_inside_the_dateline_is_cut_and_the_dateline_read() -> None:
    text = (
        "Lusaka, (IANS - Example Portal / Example News - 3rd June, 2021 ) :Zambia's opposition has "
        "rejected the first results of the vote, its leader said.\n\nCounting went on through the night.\n"
    )
    art = clean_text(text)
    assert art.location == "Lusaka"
    assert "Example Portal" not in art.text


def test_an_outlet_named_in_the_byline_is_no_headline() -> None:
    text = "Mayor promises repairs to city roads\n\nUpdated:\nThe Valley Post\nBy The Valley Post\n" + _BODY
    assert clean_text(text).title == "Mayor promises repairs to city roads"


def test_a_lead_title_is_the_main_clause_of_the_lead() -> None:
    from briefbook.text_cleaner import lead_headline

    lead = (
        "LISBON, May 2 (Reuters) - Portugal and Spain signed an agreement on Wednesday to share power "
        "grid data, officials said, as both countries try to avoid another blackout."
    )
    assert lead_headline(lead) == "Portugal and Spain signed an agreement on Wednesday to share power grid data, officials said"
    short = "Water Secretary, Wanjiku Mbugua, has asked farmers to save water as the drought worsens in the north."
    assert lead_headline(short) == short.rstrip(".")  # short enough: the whole sentence


def test_a_lead_title_that_must_be_cut_mid_clause_says_so() -> None:
    from briefbook.text_cleaner import lead_headline

    lead = (
        "The Ministry of Water and Sanitation has said that a statement by the regional Minister, Kofi Boateng "
        "about the role of the army in the campaign against illegal dumping has been misreported by the press."
    )
    assert lead_headline(lead).endswith("…")


def test_a_briefing_says_when_its_title_comes_from_the_lead() -> None:
    from briefbook.extract.article import build_briefing
    from briefbook.model import Source

    art = clean_text("Portugal and Spain signed a grid agreement on Wednesday, officials said.\n\nIt takes effect in May.\n")
    b = build_briefing(art, Source(file="x.txt"))
    assert b.title_from == "lead"
    assert list(b.frontmatter())[:2] == ["title", "title_from"]
    headed = clean_text("Grid deal signed\n\n" + _BODY)
    assert build_briefing(headed, Source(file="x.txt")).title_from is None
    assert "title_from" not in build_briefing(headed, Source(file="x.txt")).frontmatter()


def test_line_length_limits_are_named_settings_not_inline_numbers():
    # Every character limit a cleaning rule uses is a field of text_cleaner.Limits, with what it is for.
    import ast
    import inspect

    import briefbook.text_cleaner as cleaning

    def is_len_of_text(node: ast.AST) -> bool:
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "len" and node.args):
            return False
        arg = ast.unparse(node.args[0])
        return "words" not in arg and "sources" not in arg  # word counts stay beside their rule

    inline = [
        ast.unparse(node)
        for node in ast.walk(ast.parse(inspect.getsource(cleaning)))
        if isinstance(node, ast.Compare)
        and any(is_len_of_text(x) for x in [node.left, *node.comparators])
        and any(isinstance(x, ast.Constant) and isinstance(x.value, int) and x.value >= 20
                for x in [node.left, *node.comparators])
    ]
    assert inline == []
    assert cleaning.LIMITS.notice > cleaning.LIMITS.end_marker > cleaning.LIMITS.heading


@pytest.mark.parametrize("line", [
    "Tempo de leitura: 2 minutos",
    "Lesezeit: 3 Minuten",
    "12/03/2024 - Publicado por: Ana Lima - Categoria: Saúde - Tags: gripe, vacina",
    "Posted by: Tom Reyes | Category: Transport | Tags: ferries",
])
def test_a_posts_own_details_in_any_language_are_not_the_story(line: str) -> None:
    page = ("Ferry service resumes after storm\n\n" + line + "\n\n"
            "The island ferry resumed its crossings on Monday after a week of storms kept the boats in port, "
            "the operator said.\n\nPassengers queued from early morning at the harbour.\n")
    art = clean_text(page)
    assert not any(line[:12] in p for p in art.paragraphs)
    assert any(p.startswith("The island ferry resumed") for p in art.paragraphs)


def test_a_sentence_that_only_mentions_a_category_or_the_reading_time_stays() -> None:
    page = ("Ferry service resumes after storm\n\n"
            "The author: a lifelong sailor, she said the category of the boat was wrong for the route.\n\n"
            "Reading time is short on the crossing, the captain joked on Monday as the ferry left port.\n")
    assert len(clean_text(page).paragraphs) == 2


def test_headlines_of_other_posts_and_a_letters_prompt_are_not_the_story() -> None:
    page = ("Ferry service resumes after storm\n\n"
            "The island ferry resumed its crossings on Monday after a week of storms kept the boats in port.\n\n"
            "Harbour Week 2024 | The New Terminal Opens Its Doors\n\n"
            "Harbour Week 2024 | Sailors Remember the Great Storm\n\n"
            "The Courier welcomes letters. We’d like to hear what you think about this or any of our articles.\n")
    art = clean_text(page)
    assert [p[:20] for p in art.paragraphs] == ["The island ferry res"]
    # a sentence with a bar in it is still a sentence
    kept = clean_text("Ferry fares\n\nFares rose 5% | and crossings fell 3% in the quarter, the operator said.\n")
    assert kept.paragraphs == ["Fares rose 5% | and crossings fell 3% in the quarter, the operator said."]


@pytest.mark.parametrize("line", ["sexta-feira, 22 de outubro de 2010 às 20:13", "Dienstag, 3. März 2020",
                                  "lundi 4 mars 2019 à 10h30"])
def test_a_date_line_in_another_language_is_not_the_story(line: str) -> None:
    page = ("Ferry service resumes after storm\n\n" + line + "\n\n"
            "The island ferry resumed its crossings on Monday after a week of storms kept the boats in port.\n")
    assert [p[:10] for p in clean_text(page).paragraphs] == ["The island"]


def test_a_copyright_notice_is_never_the_rest_of_a_related_headline() -> None:
    # the notice opens in lower case under a headline with no full stop: not a wrapped line
    page = ("The island ferry resumed its crossings on Monday after a week of storms kept the boats in port.\n"
            "Harbour Week 2024 | a look back at the Great Storm of the winter\n"
            "copyright Harbour Courier 2024 - ISSN: 1234-5678\n")
    assert [p[:20] for p in clean_text(page, find_body=False).paragraphs] == ["The island ferry res"]
    # a sentence hard-wrapped before a lower-case "copyright" goes on as before
    wrapped = ("The publisher filed a lawsuit on Monday accusing the startup of\n"
               "copyright infringement over its news summaries, the court said.\n")
    assert len(clean_text(wrapped).paragraphs) == 1


@pytest.mark.parametrize("heading", ["Você pode gostar...", "Artículos relacionados", "Vous aimerez aussi :"])
def test_a_related_list_heading_in_another_language_ends_the_article_with_the_posts_categories(heading: str) -> None:
    page = ("A balsa voltou a operar na segunda-feira depois de uma semana de tempestades, disse a empresa.\n"
            "Os passageiros fizeram fila desde cedo no porto para a primeira travessia do dia.\n"
            "Notícias do Porto, Viagens e Turismo\n" + heading + "\n"
            "O novo terminal abre as portas ao público no sábado, com visitas guiadas e música ao vivo para todos.\n")
    art = clean_text(page, find_body=False)
    assert [p[:12] for p in art.paragraphs] == ["A balsa volt", "Os passageir"]
    assert {r.reason for r in art.removed} >= {"tags", "related list / footer"}


def test_an_inline_read_also_label_in_another_language_does_not_end_the_article() -> None:
    page = ("Il traghetto è tornato in servizio lunedì dopo una settimana di tempeste, ha detto la compagnia.\n"
            "Leggi anche\n"
            "Tornando al porto, il nuovo terminal aprirà sabato con visite guidate e musica dal vivo per tutti.\n")
    assert clean_text(page, find_body=False).paragraphs[-1].startswith("Tornando al porto")


def test_a_last_line_with_a_comma_stays_when_no_related_list_follows() -> None:
    page = ("The island ferry resumed its crossings on Monday after a week of storms kept the boats in port.\n"
            "Harbour News, Travel and Tourism\n")
    assert len(clean_text(page, find_body=False).paragraphs) == 2


def test_headlines_of_other_stories_above_an_extracted_lead_are_cut() -> None:
    lead = "The island ferry resumed its crossings on Monday after a week of storms kept the boats in port."
    links = ("Harbour Week 2024\nNew Terminal Opens Its Doors to the Public on Saturday\n"
             "Sailors Remember the Great Storm of the Winter\nFerry Fares to Rise by Five Percent in the Spring\n")
    art = clean_text(links + lead + "\n", find_body=False)
    assert art.paragraphs == [lead]
    # the story's own headline and standfirst above it, and a list of dates under it, stay
    own = "Island Ferry Back in Service After the Storms\nCrossings Resume With Extra Boats at the Weekend\n"
    dates = "June 9 -- Harbour Theatre, West Palm Beach, FL\nJune 10 -- Civic Music Hall, Tampa Bay, FL\n" * 2
    assert len(clean_text(own + lead + "\n" + dates, find_body=False).paragraphs) == 7


STORY = ("Harbourline said on Monday it would add six ferries to its island routes next year.\n"
         "The company said demand had grown by a fifth since the new terminal opened in the spring.\n"
         "\"Our passengers asked for more crossings, and we listened,\" chief executive Jane Roe said.\n")


@pytest.mark.parametrize("heading", ["", "About Harbourline\n"])
def test_a_press_releases_company_profile_after_the_story_is_cut(heading: str) -> None:
    profile = (heading + "Harbourline is a leading provider of ferry services in northern Europe. Its mission is to "
               "connect islands with safe and reliable crossings.\n"
               "Harbourline is headquartered in Bergen, employs 1,200 people and is listed on the Oslo Stock Exchange.\n")
    for find_body in (True, False):
        art = clean_text(STORY + profile, find_body=find_body)
        assert [p[:12] for p in art.paragraphs] == ["Harbourline ", "The company ", "\"Our passeng"]


def test_a_news_storys_closing_background_on_the_company_stays() -> None:
    closing = ("Harbourline is a family firm founded in 1952. It is headquartered in Bergen and employs "
               "1,200 people, the company said.\n")
    assert len(clean_text(STORY + closing, find_body=False).paragraphs) == 4
    # two paragraphs of background in the reporter's voice stay too
    twice = closing + "Harbourline is a rival of Nordferry, which runs ferries in 12 countries worldwide, the company said.\n"
    assert len(clean_text(STORY + twice, find_body=False).paragraphs) == 5


def test_a_note_on_the_author_with_how_to_follow_them_closes_no_story() -> None:
    note = ("Jane Roe's book about island life, \"Out There\" (Harbour Press, 2018), is out now. "
            "Follow her on Twitter @janeroe. Follow us on Twitter @harbourcourier or Facebook.\n")
    art = clean_text(STORY + note, find_body=False)
    assert len(art.paragraphs) == 3 and art.removed[-1].reason == "author note"
    # the story's last words before a follow prompt stay: they report what someone said
    last = "The first new ferry arrives in May, the company said. Follow us on Twitter @harbourcourier.\n"
    assert len(clean_text(STORY + last, find_body=False).paragraphs) == 4
