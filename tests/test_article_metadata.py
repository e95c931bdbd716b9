"""The article's own facts: the headline the page prints, the outlet, the date, the dateline, and a
body without the furniture around it (issue 21). Every page and line here is made up for the test."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from briefbook.extract.summary import lead_title, strip_dateline
from briefbook.html_meta import PageMeta, headline, outlet, printed_date, read_meta, strip_site
from briefbook.html_reader import read_html
from briefbook.text_cleaner import clean_text
from tools.evaluation.metadata_bench import furniture_left, outlet_ok, place_ok, title_f1

LEAD = ("The city council approved a new budget for the harbour on Monday after a long debate "
        "about ferry fares and the cost of repairs to the old pier.")
MORE = ("Council members said the repairs would start in the spring and take about two years, "
        "while ferries keep running on a reduced timetable.")
THIRD = ("The mayor said the vote showed that the city could still agree on the things that matter "
         "most to the people who live and work along the water.")


def page(head: str = "", body: str = "", ld: str = "") -> str:
    script = f'<script type="application/ld+json">{ld}</script>' if ld else ""
    return f"""<!doctype html><html><head>{head}{script}</head><body>
<header><h1 class="logo">Harbour Gazette</h1></header>
<article>{body}<p>{LEAD}</p><p>{MORE}</p><p>{THIRD}</p></article>
<footer><p>Copyright 2024 Harbour Gazette. All rights reserved.</p></footer></body></html>"""


def meta_of(html: str, url: str | None = "https://www.harbourgazette.example/2024/05/06/budget") -> PageMeta:
    return read_meta(lxml_html.document_fromstring(html), html, url)


# --------------------------------------------------------------------------- headline


def test_the_headline_is_the_h1_the_page_prints_not_the_tab_title():
    html = page('<title>Harbour budget passes | Harbour Gazette</title>'
                '<meta property="og:title" content="Harbour budget passes after long debate">',
                "<h1>Council approves harbour budget after long debate over ferry fares</h1>")
    meta = meta_of(html)
    assert headline(meta, "Harbour budget passes | Harbour Gazette", []) == (
        "Council approves harbour budget after long debate over ferry fares")


def test_an_h1_that_shares_no_word_with_the_titles_is_a_widget_or_another_story():
    html = page('<meta property="og:title" content="Harbour budget passes after long debate - Harbour Gazette">'
                '<meta property="og:site_name" content="Harbour Gazette">',
                "<h1>Win two tickets to the summer concert</h1>")
    assert headline(meta_of(html), None, []) == "Harbour budget passes after long debate"


@pytest.mark.parametrize("title, expected", [
    ("Harbour budget passes | Harbour Gazette", "Harbour budget passes"),
    ("Harbour Gazette — Harbour budget passes", "Harbour budget passes"),
    ("Opinion | Why the harbour budget matters", "Why the harbour budget matters"),
    ("Harbour budget passes - Auto News", "Harbour budget passes"),
    ("Harbour Gazette | The town's own paper: Harbour budget passes", "Harbour budget passes"),
    ("Harbour budget passes - the vote in full", "Harbour budget passes - the vote in full"),
])
def test_the_site_name_and_a_section_label_leave_the_tab_title(title, expected):
    names = {"harbourgazette", "harbourgazettethetownsownpaper"}
    assert strip_site(title, names, "harbourgazette.example") == expected


def test_a_headline_made_from_the_lead_is_cut_at_a_word_and_marked():
    made = lead_title(["The harbour " + " ".join(["authority"] * 30)])
    assert made.endswith(" …") and len(made) <= 84
    assert all(w == "authority" for w in made.removesuffix(" …").split()[2:])
    assert lead_title([]) is None


# --------------------------------------------------------------------------- outlet


@pytest.mark.parametrize("site_name, sitename, expected", [
    ("https://www.facebook.com/HarbourGazette", "Harbour Gazette", "Harbour Gazette"),
    ("Hosted", None, "harbourgazette.example"),
    ("Copyright 2014", None, "harbourgazette.example"),
    (None, "HGazetteNews", "harbourgazette.example"),  # a handle, not in the address
    (None, "Harbour Gazette", "Harbour Gazette"),
    ("U.S.", None, "harbourgazette.example"),  # a section, not the outlet
    ("Harbour Gazette | The town's own paper since 1901", None, "Harbour Gazette"),
])
def test_the_outlet_is_never_an_address_a_handle_a_copyright_line_or_a_section(site_name, sitename, expected):
    head = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    assert outlet(meta_of(page(head)), sitename) == expected


def test_the_publisher_of_the_json_ld_names_the_outlet():
    ld = '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Harbour Gazette"}}'
    assert outlet(meta_of(page(ld=ld)), None) == "Harbour Gazette"


# --------------------------------------------------------------------------- date


def test_the_date_printed_under_the_headline_is_the_one_a_reader_sees():
    html = page('<meta property="og:title" content="Council approves harbour budget">',
                "<p>May 7, 2024</p><h1>Council approves harbour budget</h1>"
                "<p>By Ana Reyes</p><p>May 6, 2024 9:40 pm</p>")
    meta = meta_of(html)
    # the header's "today" comes before the headline and is not read
    assert printed_date(meta, "Council approves harbour budget") == "2024-05-06"


def test_a_tweet_and_an_update_line_under_the_headline_are_not_the_date():
    html = page("", "<h1>Council approves harbour budget</h1><p>Updated May 9, 2024</p>"
                "<blockquote><p>Big day for the pier</p><p>May 8, 2024</p></blockquote>"
                "<p>— Ana Reyes (@anareyes) May 8, 2024</p><p>May 6, 2024</p>")
    assert printed_date(meta_of(html), "Council approves harbour budget") == "2024-05-06"


def test_metadata_in_utc_gives_way_to_the_printed_date_a_day_earlier():
    html = page('<meta property="article:published_time" content="2024-05-07T02:30:00Z">'
                '<meta property="og:title" content="Council approves harbour budget">',
                "<h1>Council approves harbour budget</h1><p>By Ana Reyes</p><p>May 6, 2024 10:30 pm</p>")
    assert read_html(html).date == "2024-05-06"


def test_a_placeholder_date_in_json_ld_is_no_date():
    ld = '{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}'
    assert meta_of(page(ld=ld)).ld_date is None


def test_a_page_read_whole_gives_headline_outlet_and_date():
    html = page('<title>Council approves harbour budget - Harbour Gazette</title>'
                '<meta property="og:site_name" content="Harbour Gazette">'
                '<meta property="article:published_time" content="2024-05-06T18:00:00-04:00">',
                "<h1>Council approves harbour budget</h1>")
    art = read_html(html)
    assert (art.title, art.outlet, art.date) == ("Council approves harbour budget", "Harbour Gazette", "2024-05-06")


# --------------------------------------------------------------------------- dateline


def test_a_region_of_three_words_after_the_city():
    art = clean_text(f"Budget passes\n\nDUBAI, United Arab Emirates — {LEAD}\n\n{MORE}")
    assert art.location == "Dubai"


def test_a_letters_column_and_a_headline_topic_are_not_datelines():
    assert clean_text(f"DEAR ABBY: {LEAD}\n\n{MORE}\n\n{THIRD}").location is None
    assert clean_text(f"Ana Reyes: Council drops the pier plan\n\n{LEAD}\n\n{MORE}").location is None


def test_a_colon_dateline_before_a_lead_still_counts():
    assert clean_text(f"Budget passes\n\nSEOUL: {LEAD}\n\n{MORE}").location == "Seoul"


@pytest.mark.parametrize("text, rest", [
    ("BUFFALO, N.Y. — " + LEAD, LEAD),
    ("COLUMBIA, S.C. (AP) — " + LEAD, LEAD),
    ("HARBOURTON, Eastern Shore (Gazette) - " + LEAD, LEAD),
    ("Ana Reyes, who chairs the council, said the vote was close and the debate was long.", None),
])
def test_the_summary_begins_with_the_story_not_the_dateline(text, rest):
    assert strip_dateline(text) == (rest or text)


# --------------------------------------------------------------------------- furniture


@pytest.mark.parametrize("line", [
    "Email Ana Reyes at areyes@harbourgazette.example or follow her on Twitter @anareyes.",
    "Have a tip? Ana Reyes may be reached at areyes@harbourgazette.example.",
    "Reach the reporter on Twitter at https://twitter.example/anareyes",
    "Follow the Harbour Gazette opinion desk on Facebook, Twitter (@hgopinion) and Instagram.",
    ("If you enjoyed this article, we have an offer for you: join our members' club today. "
     + "Members get more. " * 16).strip(),
    "Get the Harbour Monthly delivered through your letterbox every month. Click here for more.",
    "Get access to the town's fastest growing news subscription service for a small fee.",
    "That is all for today. Sign up for The Morning Pier to get the free daily newsletter in your inbox.",
    "Related post: Ten walks along the old pier",
    "[Related: The ferry timetable for the summer]",
    "Also on harbourgazette.example Ferry fares to rise in June",
    "Ferry fares to rise in June [NEWS]|",
    "Filed under: Council |",
    "SOURCE: Harbour Gazette News",
    "[button link=”https://harbourgazette.example/tips/” type=”big”] Send us your tips",
    "Download: https://harbourgazette.example/podcast",
    "2024-05-06T08:57:40+01:00",
    "Updated at 1:23 p.m.",
    "Ana Reyes contributed reporting from Harbourton.",
    "Note: we are moderating all comments submitted this week.",
    "Tell us what you think...",
    "Ferry fares to rise again this summer, council warns [EXCLUSIVE]",
    "Most read in local news",
    "Listen to the Harbour Hour live at 7:00 weekdays - or listen back here.",
    "How to listen to The Harbour Podcast",
    "Ferries wait outside the old pier terminal in Harbourton.Reuters",
    "2001-09 Harbour Imaging Inc., All right",
])
def test_furniture_lines_leave_the_body(line):
    art = clean_text(f"Budget passes\n\n{LEAD}\n\n{line}\n\n{MORE}\n\n{THIRD}")
    assert line not in art.paragraphs
    assert LEAD in art.paragraphs and MORE in art.paragraphs


@pytest.mark.parametrize("line", [
    "The council will email every household a copy of the budget and post it at https://harbourgazette.example.",
    "Residents who want to follow the repairs can sign up at the town hall, the mayor said on Monday.",
    "Source: the harbour authority's own figures show the pier lost money for five years in a row.",
])
def test_sentences_of_the_story_that_mention_mail_or_links_stay(line):
    art = clean_text(f"Budget passes\n\n{LEAD}\n\n{line}\n\n{MORE}\n\n{THIRD}")
    assert line in art.paragraphs


# --------------------------------------------------------------------------- the scorer


def test_the_scorer_compares_as_a_reader_would():
    assert title_f1("Council approves harbour budget", "council approves the harbour budget") > 0.85
    assert outlet_ok({"outlet": "The Harbour Gazette", "outlet_aliases": ["HG"]}, "harbourgazette.com")
    assert not outlet_ok({"outlet": "The Harbour Gazette"}, "Hosted")
    assert place_ok(None, None) and place_ok("Seoul", "SEOUL") and not place_ok(None, "Dear Abby")
    left = furniture_left(["Follow us on Twitter for more news and views", LEAD], "SEOUL (Gazette) — " + LEAD, LEAD)
    assert len(left) == 2


# --------------------------------------------------------------------------- pasted whole pages

MENU = "\n".join(["Home", "News", "Sport", "Business", "Weather", "Opinion", "Subscribe", "Sign in"])


def test_a_pasted_page_finds_its_headline_printed_again_under_the_tab_title():
    text = (f"Council approves harbour budget | Harbour Gazette\n\n{MENU}\n\n"
            "Council approves harbour budget\n\nBy Ana Reyes\n\nShare Tweet Email\n\n"
            f"Sunny 23°C Harbourton\n\n{LEAD}\n\n{MORE}\n\n{THIRD}")
    art = clean_text(text)
    assert art.title == "Council approves harbour budget" and not art.title_from_lead


def test_a_pasted_page_without_its_headline_takes_it_from_the_tab_title():
    text = (f"Harbour Gazette - Council approves harbour budget after a long debate\n\n{MENU}\n\n"
            f"Ferry timetable\n\nBy Ana Reyes\n\n{LEAD}\n\n{MORE}\n\n{THIRD}")
    assert clean_text(text).title == "Council approves harbour budget after a long debate"


@pytest.mark.parametrize("line", [
    "Harbourton 23°C Sunny",
    "Council approves harbour budget 1.2K views 14 comments",
    "Share on Facebook Tweet Email",
    "Council approves harbour budget @anareyes",
])
def test_widgets_counters_and_share_bars_are_never_headlines(line):
    from briefbook.text_cleaner import furniture_title

    assert furniture_title(line)
    assert not furniture_title("Council approves harbour budget after long debate")
    assert not furniture_title("Harbourton swelters as the pier hits 41°C for the first time")


# --------------------------------------------------------------------------- events


def test_a_posts_signature_and_a_heading_are_not_dated_events():
    import datetime as dt

    from briefbook.extract.events import find_events

    paragraphs = [
        "The council approved the harbour budget on Monday after a long debate.",
        "— Ana Reyes (@anareyes) May 6, 2024",
        "5 things to know about the harbour today",
        "Repairs to the old pier will start on June 3, the mayor said.",
    ]
    events = find_events(paragraphs, dt.date(2024, 5, 7))
    assert [(e.date, e.paragraph) for e in events] == [("2024-05-06", 1), ("2024-06-03", 4)]


def test_dashed_headlines_in_a_row_are_links_to_other_stories_and_dashed_sentences_stay():
    links = "- Ten Walks Along the Old Pier\n\n- Here's What the New Budget Means for You"
    art = clean_text(f"Budget passes\n\n{LEAD}\n\n{MORE}\n\n{links}\n\n{THIRD}")
    assert not any(p.startswith("- ") for p in art.paragraphs) and THIRD in art.paragraphs
    points = "- The budget rises by 5 percent.\n\n- Ferry fares stay the same until June."
    art = clean_text(f"Budget passes\n\n{LEAD}\n\n{MORE}\n\n{points}\n\n{THIRD}")
    assert "- The budget rises by 5 percent." in art.paragraphs


def test_the_headline_printed_again_under_a_caption_leaves_the_body():
    html = page('<meta property="og:title" content="Council approves harbour budget">',
                "<h1>Council approves harbour budget</h1><p>The old pier at dawn.</p>"
                "<p>Council approves harbour budget</p>")
    art = read_html(html)
    assert "Council approves harbour budget" not in art.paragraphs and LEAD in art.paragraphs


def test_the_heading_of_a_paywall_box_goes_with_its_prompt():
    art = clean_text(f"Budget passes\n\n{LEAD}\n\n{MORE}\n\nKnow your harbour\n\nJoin Harbour Gazette today\n\n{THIRD}")
    assert "Know your harbour" not in art.paragraphs and THIRD in art.paragraphs


def test_a_names_hover_card_pasted_into_the_sentence_goes():
    glued = ("The council thanked Ana ReyesAna ReyesPier plan goes to a vote | Ferry fares rise Mayor answers "
             "questions on the budget MORE (Harbour Party), who chaired the talks, on Monday evening at the town hall.")
    art = clean_text(f"Budget passes\n\n{LEAD}\n\n{glued}\n\n{MORE}")
    assert ("The council thanked Ana Reyes (Harbour Party), who chaired the talks, on Monday evening at the town hall."
            in art.paragraphs)


def test_json_ld_that_is_broken_or_nested_without_end_is_ignored():
    deep = "[" * 100000 + "]" * 100000
    meta = meta_of(page(ld=deep) + '<script type="application/ld+json">{"headline": </script>')
    assert meta.ld_date is None and meta.titles == []
    assert outlet(meta_of(page('<meta property="og:site_name" content="Inexhibit.com">'),
                          "https://www.inexhibit.com/x"), None) == "Inexhibit.com"


def test_a_headline_keeps_its_words_and_loses_the_handle_and_counters_glued_on():
    from briefbook.text_cleaner import trim_headline

    assert trim_headline("Council approves harbour budget @anareyes 12 comments 3 shares") == (
        "Council approves harbour budget")
    assert trim_headline("Harbour budget: 12 ferries, 3 piers") == "Harbour budget: 12 ferries, 3 piers"
    text = (f"{MENU}\n\nCouncil approves harbour budget @anareyes 12 comments\n\nBy Ana Reyes\n\n"
            f"{LEAD}\n\n{MORE}\n\n{THIRD}")
    assert clean_text(text).title == "Council approves harbour budget"


def test_an_xhtml_page_with_its_xml_declaration_still_gives_its_headline():
    html = ('<?xml version="1.0" encoding="utf-8"?>' + page(
        '<meta property="og:title" content="Council approves harbour budget - Harbour Gazette">',
        "<h1>Council approves harbour budget after long debate</h1>"))
    assert read_html(html).title == "Council approves harbour budget after long debate"


def test_make_eval_shows_the_figures_beside_the_peers_and_not_available_without_them():
    from tools.evaluation.report import metadata_rows

    assert all(r.status() == "not available" for r in metadata_rows(None))
    result = {"available": True,
              "ours": {"title_f1": 0.99, "date": 0.97, "dateline": 1.0, "dateline_n": 30, "outlet": 0.96,
                       "furniture": 3, "pages": 181},
              "htmldate": {"date": 0.89}, "trafilatura": {"title_f1": 0.91, "date": 0.92, "outlet": 0.93}}
    rows = {r.metric: r for r in metadata_rows(result)}
    assert rows["Title token F1"].status() == "met" and rows["Furniture fragments left"].status() == "missed by 2"
    assert rows["Publication date (accuracy)"].peers == [("htmldate", 0.89), ("trafilatura", 0.92)]


def test_a_date_line_with_its_time_and_reading_time_dates_the_article():
    text = (f"{MENU}\n\nCouncil approves harbour budget\n\nMay 6, 2024 at 9:24 pm ET • 2 min read\n\n"
            f"{LEAD}\n\n{MORE}\n\n{THIRD}")
    assert clean_text(text).date == "2024-05-06"
