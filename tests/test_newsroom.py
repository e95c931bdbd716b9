"""The site as a newsroom reads it (issue #22): latest first, outlets, quote sources, stories across
outlets, passing mentions apart, feeds per entity. Sentences written for these tests."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from briefbook.corpus import build_corpus
from briefbook.model import Briefing, Event, Organization, Person, Quote, Source
from briefbook.site.export import generate_files
from briefbook.site.pages import generate_pages
from briefbook.stories import group

ATOM = "{http://www.w3.org/2005/Atom}"
PLEDGE = ("Mayor Ines Calleja pledged on Monday to rebuild the flooded Marsa ferry terminal before the "
          "summer season, promising new pontoons, a sea wall and a waiting hall for commuters.")


def _b(date: str, title: str, paragraphs: list[str], *, outlet: str | None = None, url: str | None = None,
       people=(), orgs=(), quotes=(), events=(), topics=(), summary: str | None = None, role: str | None = None):
    return Briefing(title=title, date=date, location="Valletta", source=Source(url=url, outlet=outlet),
                    summary=summary, key_points=[], topics=list(topics),
                    people=[Person(n.lower().replace(" ", "-"), n, role=role) for n in people],
                    organizations=[Organization(n.lower().replace(" ", "-"), n) for n in orgs],
                    initiatives=[], quotes=list(quotes), events=list(events), places=[], paragraphs=paragraphs)


def _corpus():
    quote = Quote(text="We will have the terminal open before the first ferry of June.", speaker="ines-calleja",
                  speaker_name="Ines Calleja", kind="direct", paragraph=2)
    return build_corpus([
        ("a", _b("2024-03-04", "Mayor pledges to rebuild ferry terminal", [PLEDGE, "“We will have the terminal open "
                 "before the first ferry of June,” Ines Calleja said."], outlet="Harbour Post",
                 url="https://harbourpost.example/terminal", people=["Ines Calleja"], quotes=[quote],
                 topics=["infrastructure"], role="Mayor",
                 events=[Event(date="2024-03-04", text="The mayor pledged to rebuild the terminal.", paragraph=1),
                         Event(date="2023-11-20", text="Floods closed the terminal.", paragraph=1)])),
        ("b", _b("2024-03-05", "Marsa ferry terminal to be rebuilt by summer, mayor says", [PLEDGE],
                 outlet="Island Wire", people=["Ines Calleja"], topics=["infrastructure"])),
        ("c", _b("2024-05-10", "Ferry fares rise for the summer", ["Ferry fares rise by a tenth from June.",
                 "The rise follows a busy spring; Ines Calleja was at the launch of a new boat too."],
                 outlet="Harbour Post", people=["Ines Calleja"], topics=["infrastructure"])),
    ])


def test_one_event_told_by_two_outlets_is_one_story_with_both_sources():
    corpus = _corpus()
    assert [s.briefings for s in corpus.stories.values()] == [("b", "a")]
    pages = generate_pages(corpus)
    person = pages["people/ines-calleja.md"].body
    coverage = person.split('id="latest-coverage"')[1].split("</ul>")[0]
    assert coverage.count("Mayor pledges to rebuild") + coverage.count("to be rebuilt by summer") == 1
    assert re.search(r'2 sources: <a href="[^"]+/briefings/b/">Island Wire</a> · <a href="[^"]+/briefings/a/">'
                     r"Harbour Post</a>", coverage)
    assert "The same story from 1 other source" in pages["briefings/a.md"].body


def test_stories_need_the_same_actors_close_dates_and_similar_words():
    far = {"a": _b("2024-03-04", "Mayor pledges to rebuild ferry terminal", [PLEDGE]),
           "z": _b("2024-04-20", "Mayor pledges to rebuild ferry terminal", [PLEDGE])}
    assert group(far, {"a": ["p"], "z": ["p"]}) == []  # six weeks apart
    near = {"a": far["a"], "y": _b("2024-03-05", "Mayor pledges to rebuild ferry terminal", [PLEDGE])}
    assert group(near, {"a": ["p"], "y": ["q"]}) == []  # nobody in common
    assert len(group(near, {"a": ["p"], "y": ["p"]})) == 1


def test_coverage_names_the_outlet_and_lists_passing_mentions_apart():
    body = generate_pages(_corpus())["people/ines-calleja.md"].body
    coverage = body.split('id="latest-coverage"')[1].split('id="in-passing"')[0]
    assert "2024-03-05 · Island Wire · Valletta" in coverage
    passing = body.split('id="in-passing"')[1].split("</ul>")[0]
    assert "Ferry fares rise" in passing and "Ferry fares rise" not in coverage


def test_a_quote_shows_its_date_outlet_and_a_link_to_the_source_article():
    body = generate_pages(_corpus())["people/ines-calleja.md"].body
    quotes = body.split('<h2 id="quotes">')[1]
    assert re.search(r'<strong>2024-03-04</strong> · Harbour Post · <a [^>]+>Mayor pledges[^<]+</a> · '
                     r'<a href="https://harbourpost.example/terminal" rel="nofollow noopener noreferrer">source</a>',
                     quotes)


def test_entity_and_topic_pages_put_the_newest_first_and_never_say_since():
    pages = generate_pages(_corpus())
    person = pages["people/ines-calleja.md"].body
    timeline = person.split('<h2 id="timeline">')[1]
    assert timeline.index("2024-03-04") < timeline.index("2023-11-20")
    assert "data-bb-order" in timeline and "data-bb-order-switch" in timeline
    assert " since " not in person
    topic = pages["topics/infrastructure.md"].body
    dates = re.findall(r"\d{4}-\d\d-\d\d", topic.split('class="bb-facts"')[1].split("</p>", 1)[1])
    assert dates[0] == "2024-05-10"  # the first date past the facts line is the newest
    assert topic.index('id="latest-coverage"') < topic.index('<h2 id="timeline">')


def test_home_names_the_most_covered_people_and_organizations_first():
    home = generate_pages(_corpus())["index.md"].body
    top = home.split('id="most-covered"')[1].split("</div>")[0]
    assert "<strong>People:</strong>" in top and "Ines Calleja</a> (3)" in top
    assert home.index('id="most-covered"') < home.index("Latest briefings")


def test_every_entity_seen_twice_and_every_topic_has_an_atom_feed_linked_from_its_page():
    corpus = _corpus()
    files = generate_files(corpus)
    feed = ET.fromstring(files["people/ines-calleja/feed.xml"])
    assert feed.find(f"{ATOM}title").text.startswith("Ines Calleja")
    entries = feed.findall(f"{ATOM}entry")
    assert entries[0].find(f"{ATOM}title").text == "Ferry fares rise for the summer"
    assert entries[0].find(f"{ATOM}link").get("href") == "../../briefings/c/"
    assert "topics/infrastructure/feed.xml" in files
    page = generate_pages(corpus)["people/ines-calleja.md"].body
    assert 'href="../../people/ines-calleja/feed.xml">Atom feed</a>' in page


def test_briefbook_check_stories_lists_the_grouping(tmp_path):
    import subprocess
    import sys

    from briefbook.store import render

    folder = tmp_path / "briefings"
    folder.mkdir()
    corpus = _corpus()
    for slug, entry in corpus.briefings.items():
        (folder / f"{entry.date}-{slug}.md").write_text(render(entry.briefing), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "briefbook.cli", "check", str(folder), "--stories", "--no-cache",
                           "--registry", str(tmp_path / "none.yml")], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines() == [f"story: {folder / '2024-03-05-b.md'} + {folder / '2024-03-04-a.md'}"]


def test_page_pieces_come_from_templates_a_site_can_override(tmp_path):
    from briefbook.site import snippets

    own = tmp_path / "overrides" / "briefbook"
    own.mkdir(parents=True)
    (own / "same_story.html").write_text('<p class="my-story">Also told by {{ others | join(", ") }}</p>',
                                         encoding="utf-8")
    try:
        snippets.use_theme_dirs([tmp_path / "overrides"])
        page = generate_pages(_corpus())["briefings/a.md"].body
    finally:
        snippets.use_theme_dirs([])
    assert '<p class="my-story">Also told by <a href="../../briefings/b/">Island Wire: ' in page
    assert "The same story from" not in page
    assert "The same story from" in generate_pages(_corpus())["briefings/a.md"].body


def test_article_text_in_a_template_is_escaped():
    corpus = _corpus()
    corpus.briefings["b"].briefing.source.outlet = "<b>Island</b> Wire"
    body = generate_pages(corpus)["people/ines-calleja.md"].body
    assert "&lt;b&gt;Island&lt;/b&gt; Wire" in body and "<b>Island</b>" not in body


def test_a_contributor_splits_a_wrong_story_with_story_separate():
    from briefbook.store import parse, render

    corpus = _corpus()
    text = render(corpus.briefings["b"].briefing).replace("\ntitle:", "\nstory: separate\ntitle:", 1)
    b = parse(text)
    assert b.story == "separate" and "story: separate" in render(b)
    split = build_corpus([("a", corpus.briefings["a"].briefing), ("b", b), ("c", corpus.briefings["c"].briefing)])
    assert split.stories == {}
    assert "story:" not in render(corpus.briefings["a"].briefing)  # written only when said


def test_people_beside_an_organization_only_where_it_is_named_in_passing_are_listed_apart():
    corpus = build_corpus([
        ("a", _b("2024-03-04", "Harbour Board approves the new ferry terminal",
                 ["The Harbour Board approved the plans on Monday, Ines Calleja said."],
                 people=["Ines Calleja"], orgs=["Harbour Board"])),
        ("b", _b("2024-03-09", "A weekend of sailing races", ["Races ran all weekend, said Tomas Vella.",
                 "Boats moored near the old Harbour Board office."], people=["Tomas Vella"], orgs=["Harbour Board"])),
    ])
    body = generate_pages(corpus)["organizations/harbour-board.md"].body
    beside = body.split('id="mentioned-beside-it"')[1]
    main, passing = beside.split("Only where it is named in passing:")
    assert "Ines Calleja" in main and "Tomas Vella" not in main
    assert "Tomas Vella" in passing.split("</p>")[0]


def test_home_shows_one_card_per_story():
    home = generate_pages(_corpus())["index.md"].body
    cards = home.split("Latest briefings")[1]
    assert ("briefings/a/" in cards) != ("briefings/b/" in cards)


def test_the_json_export_gives_each_briefing_its_story_and_flags():
    import json

    data = {b["slug"]: b for b in json.loads(generate_files(_corpus())["api/briefings.json"])["briefings"]}
    assert data["a"]["story"] == data["b"]["story"] == "a" and data["c"]["story"] is None
    assert data["a"]["flags"] == []
