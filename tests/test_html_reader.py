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
