"""The HTML reader: trafilatura's main text and metadata, the furniture rules, and only text out."""

from __future__ import annotations

import re

from briefbook.html_reader import read_html

PARAS = [
    "SEOUL, March 4 (Yonhap) -- The industry minister visited a battery plant on Tuesday to check "
    "progress on a new production line, officials said.",
    "The plant, which employs about 1,200 workers, is expected to double its output by the end of "
    "next year, according to the company.",
    '"We will support the industry with every tool we have," the minister told reporters at the '
    "site after a tour of the facility.",
    "The ministry plans to announce a broader support package for battery makers next month, "
    "including tax credits for new equipment.",
]

PAGE = f"""<!doctype html>
<html><head>
<title>Minister visits battery plant | Example Daily</title>
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2025-03-04T10:00:00+09:00">
<meta name="author" content="Jane Doe">
<script>document.write("tracking pixel"); alert("x");</script>
<style>body {{ color: red }}</style>
</head>
<body onload="steal()">
<nav><a href="/">Home</a> <a href="javascript:alert(1)">World</a> <a href="/biz">Business</a></nav>
<article>
<h1>Minister visits battery plant</h1>
<p class="byline">By Jane Doe</p>
<p>{PARAS[0]}</p>
<p onclick="evil()">{PARAS[1]}<img src="x.png" onerror="alert(2)"></p>
<iframe src="https://ads.example/frame">frame text must not appear</iframe>
<p>Also Read: Unrelated story about a football transfer that is not part of this article</p>
<p>{PARAS[2]}</p>
<script>var leaked = "script text must not appear";</script>
<p>{PARAS[3]}</p>
</article>
<aside><h2>Related Stories</h2><ul><li><a href="/a">Shipyard wins order</a></li></ul></aside>
<footer>Copyright 2025 Example Daily. All rights reserved.</footer>
</body></html>"""


def test_main_text_and_metadata() -> None:
    art = read_html(PAGE, url="https://example.org/news/battery-plant")
    assert art.paragraphs == PARAS
    assert art.title == "Minister visits battery plant"
    assert art.date == "2025-03-04"
    assert art.location == "Seoul"
    assert art.agencies == ["Yonhap"]
    assert "Jane Doe" in art.authors
    assert art.outlet == "Example Daily"
    assert art.url == "https://example.org/news/battery-plant"


def test_furniture_rules_run_on_extracted_text() -> None:
    art = read_html(PAGE)
    assert "Also Read" not in art.text
    assert any(r.reason == "teaser" for r in art.removed)
    assert "Copyright" not in art.text
    assert "Shipyard wins order" not in art.text


def test_hostile_markup_yields_only_text() -> None:
    art = read_html(PAGE)
    text = art.text + " ".join(r.text for r in art.removed)
    for bad in ("alert", "javascript:", "steal", "evil", "onerror", "<", "tracking pixel",
                "frame text", "script text", "color: red"):
        assert bad not in text


def test_empty_and_junk_pages() -> None:
    assert read_html("").paragraphs == []
    assert read_html("<html><body><script>alert(1)</script></body></html>").paragraphs == []
    junk = read_html("<<<>>> not really html &&& </p></div>")
    assert not re.search(r"</?[a-z]", junk.text)


def test_unclosed_active_elements_are_inert() -> None:
    page = "<html><body><p>Visible opening sentence of the page for readers.</p>" + "<script>x" * 5000
    page += "<p>" + "Hidden text after an unclosed script. " * 2000 + "</p></body></html>"
    art = read_html(page)
    assert "Hidden text" not in art.text


# -- pages laid out with tables, and pull quotes ---------------------------------------------

COLUMN = [
    "Earlier this month the agency said the new engines had been fitted to the rocket's core stage, "
    "which will now be shipped to a test stand on the coast.",
    "The rocket has been central to the agency's plans for a decade, despite delays that pushed "
    "its first launch back by several years.",
    "Some members of the committee have argued that it should fly more often, and said so at a "
    "hearing last week.",
]

LAYOUT_PAGE = f"""<html><head><title>A bigger role for a big rocket</title></head><body>
<table width="100%"><tr><td><a href="/">The Review</a></td><td>Search</td></tr></table>
<div align="center"><table width="90%" cellspacing="3"><tbody><tr>
<td width="20%" valign="top"> </td>
<td width="60%" valign="top">
<table align="center" width="600"><tr><td><img src="a.jpg"><div class="info2">The core stage in its
hall. (credit: the agency)</div></td></tr></table>
<h1 class="headline">A bigger role for a big rocket</h1>
<h3 class="byline">by Jane Doe<br><span class="datetime">Monday, November 18, 2019</span></h3>
<p>{COLUMN[0]}</p>
<table width="40%" align="right"><tr><td class="pullquote">“It should fly more often,” the chairman
said at the hearing last week.</td></tr></table>
<p>{COLUMN[1]}</p>
<p>{COLUMN[2]}</p>
</td><td width="20%" valign="top">Other articles: <a href="/x">Moon plans</a></td></tr></tbody></table></div>
</body></html>"""


def test_an_article_in_a_layout_table_comes_out_as_its_paragraphs() -> None:
    """A page laid out with tables: the article is one cell, not one table row of run-on text."""
    art = read_html(LAYOUT_PAGE)
    assert art.paragraphs[:3] == COLUMN
    assert not any(p.startswith("|") for p in art.paragraphs)
    assert not any("the chairman" in p for p in art.paragraphs)  # the pull quote is a copy
    assert art.authors == ["Jane Doe"]  # not "Jane Doe Monday" and "November" from the byline's date


def test_a_month_that_ends_an_author_s_name_is_kept() -> None:
    page = PAGE.replace('content="Jane Doe"', 'content="Theresa May; Saturday"')
    assert "Theresa May" in read_html(page).authors


DATA_PAGE = f"""<html><head><title>Standings after the final race</title></head><body><article>
<h1>Standings after the final race</h1>
<p>{COLUMN[0]}</p>
<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>
<tr><td>1</td><td>Kyle Roe</td><td>5040</td></tr><tr><td>2</td><td>Martin Doe</td><td>5035</td></tr></table>
<p>{COLUMN[1]}</p>
</article></body></html>"""


def test_a_table_of_data_stays_a_table() -> None:
    art = read_html(DATA_PAGE)
    assert "| 1 | Kyle Roe | 5040 |" in art.paragraphs


def test_a_page_without_tables_or_pull_quotes_reaches_the_extractor_unchanged() -> None:
    from briefbook.html_layout import unlayout

    assert unlayout(PAGE) is PAGE


def _page_with_boxes_above(above: str) -> str:
    return f"""<!doctype html><html><head><title>Minister visits battery plant | Example Daily</title>
<meta property="og:title" content="Minister visits battery plant"></head><body><div class="content">
{above}<h1>Minister visits battery plant</h1>
{"".join(f"<p>{p}</p>" for p in PARAS[1:])}
</div></body></html>"""


def test_boxes_of_the_page_above_its_headline_are_not_the_story() -> None:
    teaser = ("<p>Night mode is an automatic setting which takes advantage of the new wide-angle camera, "
              "allowing for brighter photos when the light is low.</p><h2>New Laptop Now Available</h2>")
    art = read_html(_page_with_boxes_above(teaser))
    assert art.paragraphs == PARAS[1:]
    # a lead printed above the headline (a video's title) ends in a full stop and stays
    lead = read_html(_page_with_boxes_above(f"<p>{PARAS[0]}</p>"))
    assert lead.paragraphs[0] == PARAS[0]
