"""Page generation as a pure function of the corpus: addresses, content, links, escaping."""

from __future__ import annotations

import html
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefbook import cli, store
from briefbook.corpus import Ref, build_corpus
from briefbook.corpus_files import load_corpus
from briefbook.model import Briefing, Event, Person, Source
from briefbook.site import paths
from briefbook.site.export import generate_files
from briefbook.site.pages import TIMELINE_PAGE, generate_pages
from briefbook.site.text import h, safe_url

FIXTURES = Path(__file__).parent / "fixtures" / "site"
HOSTILE = FIXTURES / "hostile" / "hostile-briefing.md"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(FIXTURES / "briefings", FIXTURES / "registry.yml")


@pytest.fixture(scope="module")
def pages(corpus):
    """Each page as `briefbook pages` writes it: YAML meta, then the HTML body."""
    return {uri: page.source() for uri, page in generate_pages(corpus).items()}


class Html(HTMLParser):
    """Every element with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def render(page: str) -> Html:
    body = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.S)
    parser = Html()
    parser.feed(body)
    return parser


def hrefs(page: str) -> list[str]:
    return [a.get("href") or "" for tag, a in render(page).elements if tag == "a"]


def test_addresses(pages, corpus):
    expected = {"index.md", "briefings/index.md", "people/index.md", "organizations/index.md",
                "initiatives/index.md", "topics/index.md", "timeline/index.md", "graph/index.md", "review.md",
                "people/ingrid-halvorsen.md", "organizations/north-sea-grid-authority.md",
                "initiatives/offshore-wind-partnership.md", "topics/energy.md",
                "briefings/2025-04-22-japan-norway-sign-wind-partnership.md"}
    assert expected <= set(pages)
    assert len([p for p in pages if p.startswith("briefings/")]) == len(corpus.briefings) + 1


def resolve(uri: str, target: str) -> str:
    """What a relative href of page ``uri`` points to: a built URL."""
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(paths.url(uri)), target))
    if resolved.endswith((".xml", ".json")):
        return resolved
    return "" if resolved == "." else resolved + "/"


def test_every_relative_link_points_to_a_generated_page_and_anchor(pages):
    ids = {uri: {a.get("id") for _, a in render(text).elements if a.get("id")} for uri, text in pages.items()}
    built = {paths.url(uri): uri for uri in pages}
    extra = {paths.ABOUT, paths.FEED, paths.API_BRIEFINGS, paths.API_ENTITIES}
    extra |= {paths.url(u) for u in extra}
    for uri, text in pages.items():
        for href in hrefs(text):
            if href.startswith(("https://", "http://")):
                continue
            target, _, anchor = href.partition("#")
            if target:
                resolved = resolve(uri, target)
                if resolved in extra or _feed_of_a_page(resolved, pages):
                    continue
                resolved = built.get(resolved, resolved)
                assert resolved in pages, f"{uri}: broken link {href}"
            else:
                resolved = uri
            if anchor:
                assert anchor in ids[resolved], f"{uri}: no anchor #{anchor} in {resolved}"


def test_briefing_page(pages):
    page = pages["briefings/2025-04-22-japan-norway-sign-wind-partnership.md"]
    html = render(page)
    text = "".join(html.text)
    assert "2025-04-22" in text and "Tokyo" in text and "Pacific Energy Daily (Kyodo, NTB)" in text
    assert "The two governments signed a five-year partnership" in text
    # quotes link to the speaker's page and to their paragraph
    assert "“Cables are the slowest part of any wind farm, so we start with them.”" in text
    links = hrefs(page)
    assert "../../people/maria-costa/" in links and "#p-4" in links
    # numbered paragraphs with ids
    para_ids = [a["id"] for tag, a in html.elements if tag == "p" and a.get("id", "").startswith("p-")]
    assert para_ids == ["p-1", "p-2", "p-3", "p-4", "p-5"]
    # first mentions linked once: Maria Costa is linked in paragraph 4 only, not again as "Costa"
    assert page.count('<a href="../../people/maria-costa/">Maria Costa</a>') == 3  # quote, people table, first mention
    assert "../../initiatives/offshore-wind-partnership/" in links
    assert "../../topics/trade/" in links
    assert '<a href="https://news.example.org/2025/04/22/wind-partnership-signed" rel="nofollow noopener noreferrer">' in page


def test_person_page_roles_quotes_connections(pages):
    page = pages["people/ingrid-halvorsen.md"]
    text = "".join(render(page).text)
    assert "Deputy Minister of Petroleum and Energy" in text and "2025-03-12" in text
    assert re.search(r"<td>Minister of Petroleum and Energy</td><td>.*</td><td><a [^>]+>2025-06-16</a>", page)
    assert "Also known as: Minister Halvorsen" in text
    for quote in ("Floating wind is where", "This agreement turns", "The partnership with Japan"):
        assert quote in text
    # newest quote first, each linked to its paragraph
    assert text.index("The partnership with Japan") < text.index("Floating wind is where")
    links = hrefs(page)
    assert "../../briefings/2025-03-12-norway-japan-open-offshore-wind-talks/#p-3" in links
    assert "../../people/kenji-arakawa/" in links
    assert re.search(r'<td><a href="\.\./\.\./people/kenji-arakawa/">Kenji Arakawa</a></td><td>[^<]*</td><td>2</td>',
                     page)
    assert page.startswith('---\ntitle: "Ingrid Halvorsen"\nsearch:\n  boost: 5\nhide: [navigation]\n---')


def test_organization_page_has_registry_description_aliases_people_and_timeline(pages):
    page = pages["organizations/north-sea-grid-authority.md"]
    text = "".join(render(page).text)
    assert "Public body that plans and licenses" in text
    assert "Also known as: NSGA, the Grid Authority" in text
    assert '<h2 id="people">People</h2>' in page and "Maria Costa" in text and "Chief Executive" in text
    assert '<h2 id="timeline">Timeline</h2>' in page and '<h2 id="latest-coverage">Latest coverage</h2>' in page
    assert "https://nsga.example.org/" in hrefs(page)


def test_index_tables(pages):
    people = pages["people/index.md"]
    assert "<tr><th>Name</th><th>Role</th><th>Organization</th><th>Briefings</th><th>Quotes</th><th>Last seen</th></tr>" in people
    assert re.search(r'<td><a href="\.\./people/ingrid-halvorsen/">Ingrid Halvorsen</a></td>'
                     r"<td>Minister of Petroleum and Energy</td>"
                     r'<td><a href="\.\./organizations/[a-z-]+/">Ministry of Petroleum and Energy</a></td>'
                     r"<td>3</td><td>3</td><td>2025-06-16</td>", people)
    briefings = pages["briefings/index.md"]
    dates = re.findall(r"^<tr><td>([^<]*)</td>", briefings, flags=re.M)
    assert dates == ["2025-06-16", "2025-04-22", "2025-03-12", "—"]


def test_timeline_by_month(pages):
    page = pages["timeline/index.md"]
    months = re.findall(r'^<h2 id="m-([0-9-]+)">(.+?)</h2>$', page, flags=re.M)
    months = [(title, key) for key, title in months]
    # the latest first (a date known only to its year goes after that year's months, so first here)
    assert months == [("2026 (month not known)", "2026"), ("June 2025", "2025-06"), ("April 2025", "2025-04"),
                      ("March 2025", "2025-03")]
    for date in ("2025-03-11", "2025-04-22", "2025-06-15", "2025-06-16"):
        assert f"<strong>{date}</strong>" in page


def test_timeline_splits_into_pages_and_keeps_the_news_not_the_background():
    events = ([Event(date="2022-12-20", text=f"Before {i}.", paragraph=1) for i in range(30)]
              + [Event(date=f"2023-02-{1 + i % 28:02d}", text=f"February {i}.", paragraph=1) for i in range(200)]
              + [Event(date="2023-05-02", text=f"May {i}.", paragraph=1) for i in range(10)]
              + [Event(date="1990-06-01", text=f"History {i}.", paragraph=2) for i in range(5)]
              + [Event(date="1991-01-01", text="Ann Lee was born.", paragraph=1)])
    b = Briefing(title="Many", date="2023-01-01", location=None, source=Source(), summary=None, key_points=[],
                 topics=[], people=[Person(id="ann-lee", name="Ann Lee")], organizations=[], initiatives=[],
                 quotes=[], events=events, places=[], paragraphs=["Ann Lee spoke.", "Long ago."])
    other = _briefing("2023-03-01", ["Ann Lee"])
    pages = generate_pages(build_corpus([("many", b), ("other", other)]))
    timeline = {uri: page.body for uri, page in pages.items() if uri.startswith("timeline/")}
    assert set(timeline) == {"timeline/index.md", "timeline/1991.md", "timeline/2022.md",
                             "timeline/2023-02-01.md", "timeline/2023-02-17.md", "timeline/2023-05.md"}
    every = "".join(timeline.values())
    assert "History 0." not in every  # long before the article, nobody of the corpus in it
    assert "Ann Lee was born." in timeline["timeline/1991.md"]  # Ann Lee is in two briefings
    for body in timeline.values():
        assert body.count("<li") <= TIMELINE_PAGE
    assert sum(body.count("February ") for body in timeline.values()) >= 200
    index = timeline["timeline/index.md"]
    assert '<a href="../timeline/2023-02-01/#m-2023-02">February 2023, 1–16 (' in index
    assert '<a href="../timeline/2023-05/#m-2023-05">May 2023 (10)</a>' in index
    part = timeline["timeline/2023-02-01.md"]
    assert '<a href="../../timeline/">All dates</a>' in part and "February 2023, 17–28 →" in part
    assert 'data-bb-events' in part and '<li data-f="person">' in part  # Ann Lee is in paragraph 1


def test_home_and_review(pages):
    home = pages["index.md"]
    assert '<a href="briefings/">4 briefings</a>' in home and '<a href="people/">4 people</a>' in home
    assert '<h2 id="latest-briefings">Latest briefings</h2>' in home and '<a href="feed.xml">Atom feed</a>' in home
    assert '<a href="review/">Needs review</a>' in home
    # cards: the latest briefings with summary and a quote, then the most covered people
    latest = home.split('id="latest-briefings"')[1].split("<h2")[0]
    assert latest.count("<li>") == 4 and 'class="bb-oneline"' in latest and 'class="bb-card-quote"' in latest
    people = home.split('id="most-covered-people"')[1].split("<h2")[0]
    assert people.index("Ingrid Halvorsen") < people.index("Kenji Arakawa")  # 3 briefings before 2
    review = pages["review.md"]
    assert 'href="../briefings/undated-cable-delays/"' in review and "no date found in the article" in review
    assert "norway-japan" not in review


def test_graph_page_svg_links_every_node(pages, corpus):
    page = pages["graph/index.md"]
    svg = page[page.index("<svg"):page.index("</svg>")]
    nodes = re.findall(r'<a href="([^"]+)" class="bb-node', svg)
    from briefbook.site.graph import select

    assert nodes == [f"../{paths.entity(n.ref)[:-3]}/" for n in select(corpus)[0]]
    assert len(nodes) >= 6
    assert "../people/ingrid-halvorsen/" in nodes
    assert "\n\n" not in page[page.index("<div"):page.index("</div>")]  # one raw HTML block
    assert generate_pages(corpus)["graph/index.md"].source() == page  # deterministic layout


def test_feed_and_json_export(corpus):
    files = generate_files(corpus, site_url="https://briefs.example.org/")
    feed = ET.fromstring(files["feed.xml"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert len(entries) == 3  # the undated briefing has no place in a feed
    assert entries[0].find("a:link", ns).get("href") == \
        "https://briefs.example.org/briefings/2025-06-16-nordic-summit-hydrogen-corridor/"
    data = json.loads(files["api/briefings.json"])
    by_slug = {b["slug"]: b for b in data["briefings"]}
    first = by_slug["2025-03-12-norway-japan-open-offshore-wind-talks"]
    assert "north-sea-grid-authority" in first["organizations"]  # canonical id, not the briefing's "nsga"
    assert first["quotes"][0]["speaker"] == "ingrid-halvorsen"
    ents = json.loads(files["api/entities.json"])
    ingrid = next(p for p in ents["people"] if p["id"] == "ingrid-halvorsen")
    assert [r["role"] for r in ingrid["roles"]][-1] == "Minister of Petroleum and Energy"
    assert ingrid["url"] == "people/ingrid-halvorsen/"


def test_h_escapes_markup_and_template_characters():
    out = h('<script>x</script> "q" \'s\' & {{ g }} {% t %}\x02')
    assert out == ("&lt;script&gt;x&lt;/script&gt; &quot;q&quot; &#x27;s&#x27; &amp; "
                   "&#123;&#123; g &#125;&#125; &#123;% t %&#125;")
    assert h("a\n\nb \t c") == "a b c"
    assert h(None) == ""


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/a_b?c=1&d=2", "https://example.org/a_b?c=1&d=2"),
    ("javascript:alert(1)", None), ("JAVASCRIPT:alert(1)", None), ("data:text/html,x", None),
    ("//evil.example/x", None), ("https://example.org/a b)(<x>", "https://example.org/ab%29%28%3Cx%3E"),
    (None, None), ("", None), ("http://[::1", None),
])
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_hostile_briefing_cannot_inject_markup():
    """Scripts, event handlers, javascript: links, Markdown links, templates: all stay text."""
    c = build_corpus([("hostile", store.load(HOSTILE))])
    pages = {uri: page.source() for uri, page in generate_pages(c).items()}
    allowed = {"h1", "h2", "p", "a", "ul", "li", "strong", "em", "blockquote", "table", "thead", "tbody",
               "tr", "th", "td", "code", "br", "div", "svg", "title", "g", "line", "circle", "text", "span",
                   "details", "summary", "h3", "input", "nav", "ol", "section", "button", "select", "option"}
    for uri, page in pages.items():
        assert "{{" not in page and "{%" not in page, uri
        html = render(page)
        for tag, attrs in html.elements:
            assert tag in allowed, f"{uri}: <{tag}> from data"
            for name, value in attrs.items():
                assert not name.startswith("on"), f"{uri}: {name}= on <{tag}>"
                assert "PWNED" not in (value or ""), f"{uri}: data in attribute {name} of <{tag}>"
                assert "javascript" not in (value or "").lower(), f"{uri}: {name}={value}"
            if (attrs.get("class") or "").startswith("bb-"):
                continue  # the generator's own containers (a class is never data)
            if tag in ("svg", "div", "span", "g", "line", "circle", "text", "title"):
                assert uri == "graph/index.md", f"{uri}: <{tag}>"
    page = pages["briefings/hostile.md"]
    text = "".join(render(page).text)
    # the data is shown as the text it is
    assert '<script>alert("PWNED-title")</script>' in text
    assert '[link](javascript:alert("PWNED-quote")) <script>alert(2)</script> **bold**' in text
    assert "{{ 7*7 }} {% if true %}PWNED{% endif %}" in text
    assert "paragraph 99 (not in the text)" in text
    assert page.startswith('---\ntitle: "&lt;script&gt;alert(&quot;PWNED-title&quot;)&lt;/script&gt;&lt;/title&gt;')


def test_pages_command_writes_markdown_files(tmp_path, capsys):
    out = tmp_path / "out"
    rc = cli.main(["pages", "--out", str(out), "--briefings", str(FIXTURES / "briefings"),
                   "--registry", str(FIXTURES / "registry.yml")])
    assert rc == 0
    assert (out / "people" / "ingrid-halvorsen.md").read_text().startswith("---\ntitle:")
    assert json.loads((out / "api" / "entities.json").read_text())["people"]
    assert (out / "feed.xml").exists() and (out / "index.md").exists()
    assert "wrote" in capsys.readouterr().out


def test_pages_command_reports_broken_briefing(tmp_path, capsys):
    (tmp_path / "bad.md").write_text("no frontmatter here\n")
    rc = cli.main(["pages", "--out", str(tmp_path / "out"), "--briefings", str(tmp_path)])
    assert rc == 1
    assert f"{tmp_path / 'bad.md'}:1: no YAML frontmatter" in capsys.readouterr().err


def test_people_without_roles_or_organizations():
    b = Briefing(title="Plain", date="2025-01-01", location=None, source=Source(), summary=None, key_points=[],
                 topics=[], people=[Person(id="ann-lee", name="Ann Lee")], organizations=[], initiatives=[],
                 quotes=[], events=[], places=[], paragraphs=["Ann Lee spoke."])
    pages = generate_pages(build_corpus([("plain", b)]))
    assert 'id="roles"' not in pages["people/ann-lee.md"].body
    assert ('<tr><td><a href="../people/ann-lee/">Ann Lee</a></td><td></td><td></td><td>1</td><td>0</td>'
            "<td>2025-01-01</td></tr>") in pages["people/index.md"].body


def test_search_min_briefings_keeps_single_mentions_out_of_search():
    corpus = load_corpus(FIXTURES / "briefings", FIXTURES / "registry.yml")
    once = [e for k in ("person", "organization", "initiative") for e in corpus.entities[k].values()
            if len(e.briefings) == 1]
    assert {e.id for e in once} == {"lars-eide", "nordvind-offshore", "hydrogen-corridor-program"}
    default = generate_pages(corpus)
    large = generate_pages(corpus, search_min_briefings=2)
    for e in once:
        uri = paths.entity(e.ref)
        assert default[uri].searchable and not large[uri].searchable, uri
        assert large[uri].body == default[uri].body  # the page itself is the same
        assert "search:\n  exclude: true" in large[uri].source()
    assert large["people/kenji-arakawa.md"].searchable  # two briefings
    assert large["topics/energy.md"].searchable
    corpus.entities["person"]["lars-eide"].in_registry = True  # curated: always searchable
    assert generate_pages(corpus, search_min_briefings=2)["people/lars-eide.md"].searchable


@given(st.text())
def test_h_shows_exactly_the_text_on_one_line(text):
    out = h(text)
    assert not set(out) & set("<>\"'{}") and "\n" not in out
    expected = " ".join(text.split()).translate({c: None for c in [*range(32), 127]})
    assert html.unescape(out.replace("&#123;", "{").replace("&#125;", "}")) == expected


def _outside_article(body: str) -> str:
    """A briefing page's text before its Article section, whitespace collapsed."""
    return " ".join("".join(render(body.split('<h2 id="article">')[0]).text).split())


def test_briefing_page_shows_each_article_sentence_once_and_direct_quotes_first():
    from briefbook.model import Quote

    lead = "Officials from Norway and Japan opened talks on offshore wind in Oslo on Monday."
    second = "The agreement covers research into floating turbines and a shared supply chain, officials said."
    third = "Talks resumed in March after a pause of two years over the cost of grid connections."
    b = Briefing(title="Wind", date="2025-03-12", location="Oslo", source=Source(), summary=lead,
                 key_points=[lead, second], topics=[], people=[Person(id="ann-lee", name="Ann Lee",
                                                                     role="Minister of Energy")],
                 organizations=[], initiatives=[],
                 quotes=[Quote(text=second, speaker=None, speaker_name=None, kind="indirect", paragraph=2),
                         Quote(text=third, speaker="ann-lee", speaker_name="Ann Lee", kind="indirect", paragraph=3),
                         Quote(text="We are ready to build", speaker="ann-lee", speaker_name="Ann Lee",
                               kind="direct", paragraph=3)],
                 events=[Event(date="2025-03", text=third, paragraph=3)], places=[],
                 paragraphs=[f"OSLO — {lead}", second, f"{third} “We are ready to build,” Lee said."])
    body = generate_pages(build_corpus([("wind", b)]))["briefings/wind.md"].body
    outside = _outside_article(body)
    for sentence in (lead, second, third):
        assert outside.count(sentence[10:]) == 1, (sentence, outside)
    # the direct quote comes first, with its speaker's role; reported statements are folded away
    quotes = body.split('<h2 id="quotes">')[1]
    assert quotes.index("We are ready to build") < quotes.index("<details")
    assert "Ann Lee</a>, Minister of Energy, " in quotes
    assert "1 reported statement</summary>" in quotes  # `second` was a key point already
    # the timeline keeps the event's date and paragraph, but not its sentence a second time
    timeline = body.split('<h2 id="timeline">')[1].split('<h2 id="article">')[0]
    assert "2025-03" in timeline and "#p-3" in timeline and "Talks resumed in March after a pause of …" in timeline


def _briefing(slug_date: str, people: list[str], quotes: int = 0) -> Briefing:
    from briefbook.model import Quote

    return Briefing(title=f"On {slug_date}", date=slug_date, location=None, source=Source(), summary=None,
                    key_points=[], topics=[], people=[Person(id=x.lower().replace(" ", "-"), name=x) for x in people],
                    organizations=[], initiatives=[],
                    quotes=[Quote(text="We will", speaker=people[0].lower().replace(" ", "-"), speaker_name=people[0],
                                  kind="direct", paragraph=1)] * quotes,
                    events=[], places=[], paragraphs=[" ".join(people) + " met."])


def test_large_index_puts_the_most_covered_first_and_folds_single_mentions():
    singles = [f"Zed Person{i:03d}" for i in range(110)]
    briefings = [(f"b{i}", _briefing(f"2024-01-{i + 1:02d}", ["Ann Lee", "Bo Chan", singles[i]], quotes=i % 2))
                 for i in range(20)]
    briefings += [(f"c{i}", _briefing("2024-02-01", [singles[i]])) for i in range(20, 110)]
    briefings += [("d", _briefing("2024-03-01", ["Cy Park", "Bo Chan"]))]
    briefings += [("e", _briefing("2024-03-02", ["Cy Park"]))]
    body = generate_pages(build_corpus(briefings))["people/index.md"].body
    table_part, folded = body.split('<details class="bb-more" id="more">')
    rows = re.findall(r'<tr><td><a href="[^"]+">([^<]+)</a>', table_part)
    assert rows == ["Bo Chan", "Ann Lee", "Cy Park"]  # 21, 20 (with quotes), 2 briefings
    assert "Mentioned once: 110 entries</summary>" in folded
    assert 'id="az-z"' in folded and 'href="#az-z"' in folded and "Zed Person000" in folded
    assert "data-bb-filter" in body
    # a small index stays one table, whoever is seen once
    small = generate_pages(build_corpus(briefings[:3]))["people/index.md"].body
    assert "<details" not in small and "Zed Person001" in small


def test_graph_keeps_repeated_entities_with_unique_labels_that_never_overlap():
    from briefbook.site import graph

    long = "International Organization of Very Long Names"
    names = [f"{long} {i}" for i in range(3)] + [f"Person Number{i:02d}" for i in range(60)]
    briefings = [(f"b{i}", _briefing(f"2024-01-{i % 28 + 1:02d}", [names[i % 63], names[(i * 7 + 1) % 63],
                                                                 names[(i * 11 + 2) % 63], "Loner " + str(i)]))
                 for i in range(120)]
    corpus = build_corpus(briefings)
    nodes, edges = graph.select(corpus)
    assert 30 <= len(nodes) <= graph.MAX_NODES
    assert all(len(n.ent.briefings) >= 2 for n in nodes)  # "Loner i" is in one briefing each
    labels = [n.label for n in nodes]
    assert len(set(labels)) == len(labels)
    assert all(len(label) <= 40 for label in labels)
    for width, height in ((graph.WIDTH, graph.HEIGHT), (graph.NARROW_WIDTH, graph.NARROW_HEIGHT)):
        graph.layout(nodes, edges, width=width, height=height)
        graph.place_labels(nodes, width, height)
        boxes = [graph.text_box(n.lx, n.ly, n.label) for n in nodes if n.label_shown]
        assert len(boxes) >= 8
        for i, a in enumerate(boxes):
            assert a[0] >= 0 and a[2] <= width and a[1] >= 0 and a[3] <= height
            assert not any(graph._overlap(a, b) for b in boxes[i + 1:]), a
    page = generate_pages(corpus)["graph/index.md"]
    assert page.body == generate_pages(corpus)["graph/index.md"].body  # laid out the same every build
    assert 'class="bb-graph bb-graph-wide"' in page.body and 'class="bb-graph bb-graph-narrow"' in page.body
    assert 'class="bb-hl"' in page.body  # some names only on hover/focus


def test_briefing_page_does_not_repeat_the_headline_as_summary_or_key_point():
    title = "NASA adds five companies to its commercial lunar lander program"
    b = Briefing(title=title, date="2019-11-19", location=None, source=Source(), summary=title,
                 key_points=[title, "Blue Origin and SpaceX are among the companies added to the program."],
                 topics=[], people=[], organizations=[], initiatives=[], quotes=[], events=[], places=[],
                 paragraphs=[title, "Blue Origin and SpaceX are among the companies added to the program."])
    body = generate_pages(build_corpus([("nasa", b)]))["briefings/nasa.md"].body
    assert 'class="bb-summary"' not in body
    assert _outside_article(body).count(title) == 1  # the <h1>
    assert "Blue Origin and SpaceX are among" in _outside_article(body)


def test_roles_merge_one_job_however_worded_and_drop_phrases_that_name_no_post():
    from briefbook.corpus import RoleSeen
    from briefbook.site.roles import jobs, latest_job

    seen = [RoleSeen("President", None, None, "2019-11-01", "a"),
            RoleSeen("President of the United States", None, None, "2019-11-05", "b"),
            RoleSeen("farm country,", None, None, "2019-11-06", "c"),
            RoleSeen("director of the Office of Science and Technology Policy", "ostp", "OSTP", "2025-08-05", "d"),
            RoleSeen("head of Washington's Office of Science and Technology Policy", "ostp", "OSTP", "2025-10-29", "e"),
            RoleSeen("Deputy Minister of Energy", "moe", "Ministry of Energy", "2025-03-01", "f"),
            RoleSeen("Minister of Energy", "moe", "Ministry of Energy", "2025-06-01", "g")]
    found = {j.role: j for j in jobs(seen)}
    assert set(found) == {"President of the United States", "Director of the Office of Science and Technology Policy",
                          "Deputy Minister of Energy", "Minister of Energy"}
    assert found["President of the United States"].first.date == "2019-11-01"
    ostp = found["Director of the Office of Science and Technology Policy"]
    assert (ostp.first.date, ostp.last.date) == ("2025-08-05", "2025-10-29") and len(ostp.wordings) == 2
    assert latest_job(seen).role == ostp.role


def test_person_page_leads_with_the_latest_job_and_shows_coverage_quotes_and_connections():
    from briefbook.model import Organization, Quote

    def brief(day: str, role: str, quote: str, extra: list[str]) -> Briefing:
        return Briefing(title=f"Talks {day}", date=f"2025-03-{day}", location="Oslo", source=Source(),
                        summary=f"Summary of the talks on day {day}.", key_points=[], topics=[],
                        people=[Person(id="ann-lee", name="Ann Lee", role=role, organization="moe", country="Norway"),
                                *(Person(id=x.lower().replace(" ", "-"), name=x) for x in extra)],
                        organizations=[Organization(id="moe", name="Ministry of Energy")], initiatives=[],
                        quotes=[Quote(text=quote, speaker="ann-lee", speaker_name="Ann Lee", kind="direct",
                                      paragraph=1),
                                Quote(text="farm country,", speaker="ann-lee", speaker_name="Ann Lee", kind="direct",
                                      paragraph=1)],
                        events=[], places=[], paragraphs=[f"“{quote}” Ann Lee said. " + " ".join(extra)])

    corpus = build_corpus([("a", brief("10", "Deputy Minister of Energy", "We will talk to everyone", ["Bo Chan"])),
                           ("b", brief("20", "Minister of Energy", "We have signed the deal today", ["Bo Chan"])),
                           ("c", brief("25", "Minister", "The deal is good for both countries", ["Cy Park"]))])
    body = generate_pages(corpus)["people/ann-lee.md"].body
    lead = re.search(r'<p class="bb-lead">(.*?)</p>', body).group(1)
    assert lead.startswith("<strong>Minister of Energy</strong>, <a href=\"../../organizations/moe/\">")
    # the briefings that call her so, the latest first; never "since": no article said when she took office
    assert "since" not in lead
    assert re.search(r"\(Norway\) · latest <a [^>]+>2025-03-25</a>, first seen <a [^>]+>2025-03-20</a>", lead)
    coverage = body.split('id="latest-coverage"')[1].split("</ul>")[0]
    assert coverage.index("Talks 25") < coverage.index("Talks 20") < coverage.index("Talks 10")
    assert "Summary of the talks on day 25." in coverage
    quotes = body.split('<h2 id="quotes">')[1]
    assert quotes.index("The deal is good") < quotes.index("We have signed") < quotes.index("We will talk")
    assert "farm country" not in body
    assert re.search(r"Bo Chan</a></td><td>[^<]*</td><td>2</td>", body)
    roles = body.split('<h2 id="roles">')[1].split("</table>")[0]
    assert roles.count("<tr><td>") == 2  # "Minister" at the ministry is "Minister of Energy" again


def test_names_index_holds_names_and_aliases_by_the_start_of_each_word():
    from briefbook.model import Organization
    from briefbook.site.name_index import fold, name_files

    b = Briefing(title="Moon", date="2019-11-19", location=None, source=Source(), summary=None, key_points=[],
                 topics=[], people=[Person(id="jim-bridenstine", name="Jim Bridenstine")],
                 organizations=[Organization(id="nasa", name="National Aeronautics and Space Administration",
                                             aliases=["NASA"])],
                 initiatives=[], quotes=[], events=[], places=[], paragraphs=["NASA and Jim Bridenstine."])
    corpus = build_corpus([("moon", b), ("moon2", _briefing("2019-11-20", ["Zoë Ångström"]))])
    files = {k: json.loads(v) for k, v in name_files(corpus).items()}
    assert fold("Zoë  Ångström!") == "zoe angstrom"
    assert ["nasa", "National Aeronautics and Space Administration", "organizations/nasa/", "Organization", 1] \
        in files["search-names/na.json"]
    assert any(e[0] == "national aeronautics and space administration" for e in files["search-names/sp.json"])
    assert any(e[2] == "people/zoe-angstrom/" or e[0] == "zoe angstrom" for e in files["search-names/an.json"])
    # entities kept out of search are kept out of the names too
    assert "search-names/br.json" not in name_files(corpus, search_min_briefings=2)


def test_briefings_index_keeps_the_newest_and_puts_older_ones_on_pages_by_date():
    from briefbook.site.pages import BRIEFINGS_ROWS

    briefings = [(f"b{i:03d}", _briefing(f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}", [f"Person {i}"]))
                 for i in range(BRIEFINGS_ROWS + 60)]
    briefings.append(("u", Briefing(title="Undated", date=None, location=None, source=Source(), summary=None,
                                    key_points=[], topics=[], people=[], organizations=[], initiatives=[],
                                    quotes=[], events=[], places=[], paragraphs=["Text."])))
    pages = generate_pages(build_corpus(briefings))
    index = pages["briefings/index.md"].body
    assert index.split("</table>")[0].count("<tr><td>") == BRIEFINGS_ROWS
    archives = sorted(uri for uri in pages if uri.startswith("briefings/archive-"))
    assert archives == ["briefings/archive-2024.md", "briefings/archive-undated.md"]
    assert '<a href="../briefings/archive-2024/">2024 (60)</a>' in index
    older = pages["briefings/archive-2024.md"].body
    assert older.count("<tr><td>") == 60 and "On 2024-01-01" in older
    assert "On 2024-01-01" not in index.split("</table>")[0]


def test_pagefind_record_weighs_names_like_the_title_and_leaves_paragraph_numbers_out():
    from briefbook.site.pagefind import record

    body = ('<h1 id="top">NASA</h1><p><strong>Also known as:</strong> <span class="bb-names">NASA</span></p>'
            '<p id="p-3" class="bb-para"><a href="#p-3" class="bb-pn" title="Link to paragraph 3">3</a> Text.</p>')
    doc = record(body, "NASA", 5)
    assert '<h1 data-pagefind-weight="10" id="top">' in doc
    assert '<span class="bb-names" data-pagefind-weight="10">NASA</span>' in doc
    assert 'class="bb-pn"' not in doc and "> Text.</p>" in doc
    assert "data-pagefind-weight" not in record(body, "NASA", None)  # briefings: as Pagefind weighs them


def test_person_page_does_not_open_with_the_same_phrase_twice():
    from briefbook.registry import Entry, Registry

    def page_of(description: str) -> str:
        registry = Registry([Entry(name="Ann Lee", kind="person", description=description)])
        b = _briefing("2024-01-01", ["Ann Lee"])
        b.people[0].role = "Minister of Energy"
        return generate_pages(build_corpus([("a", b)], registry))["people/ann-lee.md"].body

    assert "<p>Minister of Energy (since 2024).</p>" not in page_of("Minister of Energy (since 2024).")
    assert "<p>Norwegian politician, Minister of Energy since the elections of 2023.</p>" in page_of(
        "Norwegian politician, Minister of Energy since the elections of 2023.")


def test_review_flags_only_doubts_about_facts_the_site_shows():
    """"Possible person not listed" says what the site leaves out: no flag. A missing date is one."""
    reason = "possible person not listed (named once, without title, role or speech)"
    b = _briefing("2024-05-01", ["Ann Lee"])
    b.review = [f"{reason}: Jeff Foust", f"{reason}: Northrop Grumman", "no publication date found: relative dates "
                "could not be resolved"]
    pages = generate_pages(build_corpus([("b", b), ("c", _briefing("2024-05-02", ["Bo Chan"]))]))
    for uri in ("briefings/b.md", "review.md"):
        body = pages[uri].body
        assert reason not in body, uri
        assert "<strong>date</strong>: no publication date found: relative dates could not be resolved" in body, uri
    assert "briefings/c/" not in pages["review.md"].body


class _Searched(HTMLParser):
    """The text a search index takes from a page: all but the elements marked data-search-exclude."""

    VOID = frozenset({"br", "img", "input", "hr", "meta", "link", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside an excluded element: how deep
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth or "data-search-exclude" in dict(attrs):
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth and data.strip():
            self.text.append(data.strip())


def test_a_briefing_searched_begins_with_its_article_not_the_meta_line_or_review_flags():
    """Pagefind's excerpt of a briefing is its first indexed words: the article, not "date · outlet"."""
    b = _briefing("2024-05-01", ["Ann Lee", "Bo Chan"])
    b.title, b.location = "Talks resume", "Oslo"
    b.source = Source(url="https://example.com/a", outlet="Example Times")
    b.review = ["no publication date found: relative dates could not be resolved"]
    page = generate_pages(build_corpus([("b", b)]))["briefings/b.md"]
    assert "Example Times" in page.body and "original article" in page.body and "Needs review" in page.body
    searched = _Searched()
    searched.feed(page.body)
    words = " ".join(searched.text)
    assert words.startswith("Talks resume Article 1 Ann Lee"), words[:200]  # title, section, paragraph
    assert "Example Times" not in words and "original article" not in words and "2024-05-01" not in words
    assert "Needs review" not in words


def _feed_of_a_page(resolved: str, pages: dict) -> bool:
    """An entity's Atom feed ("people/ann-lee/feed.xml", written by export.generate_files) beside its page."""
    return resolved.endswith("/feed.xml") and resolved[: -len("/feed.xml")] + ".md" in pages


def _links_resolve(pages: dict, prefix: str) -> None:
    """Every relative link of the pages under ``prefix`` leads to a generated page."""
    built = {paths.url(uri): uri for uri in pages}
    for uri, page in pages.items():
        if not uri.startswith(prefix):
            continue
        for href in hrefs(page.body):
            target = href.partition("#")[0]
            if target and not target.startswith(("https://", "http://")):
                if _feed_of_a_page(resolve(uri, target), pages):
                    continue
                assert built.get(resolve(uri, target)) in pages, f"{uri}: broken link {href}"


def test_names_seen_once_past_a_limit_go_to_a_to_z_pages_not_into_the_index(monkeypatch):
    """At volume the folded "Mentioned once" list would hold every name in the index's HTML."""
    from briefbook.site import pages as site_pages

    monkeypatch.setattr(site_pages, "AZ_FOLDED", 20)
    monkeypatch.setattr(site_pages, "AZ_PAGE", 8)
    singles = [f"{first} Person{i:03d}" for i, first in enumerate(["Zed", "Amy", "Bob"] * 10)]
    briefings = [(f"b{i}", _briefing(f"2024-01-{i % 28 + 1:02d}", [singles[i]])) for i in range(30)]
    briefings += [(f"{x}{i}", _briefing("2024-02-01", [f"Core Name{i:03d}"])) for i in range(100) for x in "cd"]
    pages = generate_pages(build_corpus(briefings))
    index = pages["people/index.md"].body
    assert "Mentioned once: 30 entries" in index
    assert not any(name in index for name in singles)  # only links to the A–Z pages
    parts = {uri: page.body for uri, page in pages.items() if uri.startswith("people/a-z/")}
    assert set(parts) == {"people/a-z/a.md", "people/a-z/a-2.md", "people/a-z/b.md", "people/a-z/b-2.md",
                          "people/a-z/z.md", "people/a-z/z-2.md"}
    assert '<a href="../people/a-z/b/">B 1</a>' in index
    for name in singles:
        assert sum(name in body for body in parts.values()) == 1, name
    assert all(body.count('class="bb-item"') <= 8 for body in parts.values())
    assert '<a href="../../../people/">All people</a>' in parts["people/a-z/z-2.md"]
    assert pages["people/a-z/z-2.md"].title == "People mentioned once: Z 2"
    _links_resolve(pages, "people/")
    # under the limit the names stay in the index, folded
    monkeypatch.setattr(site_pages, "AZ_FOLDED", 600)
    assert all(name in generate_pages(build_corpus(briefings))["people/index.md"].body for name in singles)


def test_an_entity_in_many_briefings_links_to_pages_of_its_older_ones(monkeypatch):
    """At volume the folded list of older briefings on a topic's or person's page held thousands."""
    from briefbook.site import pages as site_pages

    monkeypatch.setattr(site_pages, "COVERAGE_LISTED", 15)
    monkeypatch.setattr(site_pages, "BRIEFINGS_ROWS", 12)
    briefings = [(f"b{i:02d}", _briefing(f"{2020 + i // 20}-{i % 20 // 2 + 1:02d}-{i % 2 + 1:02d}", ["Ann Lee"]))
                 for i in range(40)]
    pages = generate_pages(build_corpus(briefings))
    person = pages["people/ann-lee.md"].body
    assert "30 older briefings</summary>" in person
    older = {uri: page.body for uri, page in pages.items() if uri.startswith("people/ann-lee/")}
    # 20 in 2020 (over 12: a page a month), the 10 older of 2021 (one page)
    assert set(older) == {f"people/ann-lee/2020-{m:02d}.md" for m in range(1, 11)} | {"people/ann-lee/2021.md"}
    assert "<li>" not in person.split("older briefings</summary>")[1].split("</details>")[0]
    assert '<a href="../../people/ann-lee/2021/">2021 (10)</a> · <a href="../../people/ann-lee/2020-10/">' in person
    shown = "".join(older.values()) + person
    assert all(f"On {b.date}" in shown for _, b in briefings)
    _links_resolve(pages, "people/")
    # few enough: listed in the page as before
    monkeypatch.setattr(site_pages, "COVERAGE_LISTED", 100)
    again = generate_pages(build_corpus(briefings))
    assert not any(uri.startswith("people/ann-lee/") for uri in again)
    assert again["people/ann-lee.md"].body.count("<li>") >= 40


@pytest.mark.parametrize("outlet,url,shown", [
    ("https://www.facebook.com/CBSPolitics", "https://www.cbsnews.com/news/x/", "cbsnews.com"),
    ("https://www.hawaiinewsnow.com", None, "hawaiinewsnow.com"),
    (None, "https://www.vox.com/a", "vox.com"),
    ("Vox", "https://www.vox.com/a", "Vox"),
])
def test_an_outlet_given_as_a_web_address_is_shown_as_the_site_name(outlet, url, shown):
    b = _briefing("2024-05-01", ["Ann Lee"])
    b.source = Source(url=url, outlet=outlet)
    pages = generate_pages(build_corpus([("b", b)]))
    meta = re.search(r'<p class="bb-meta"[^>]*>(.*?)</p>', pages["briefings/b.md"].body).group(1)
    assert f" · {shown}" in meta and "facebook" not in meta and "https://www.h" not in meta
    row = re.search(r"<tr><td>2024-05-01</td>.*?</tr>", pages["briefings/index.md"].body).group(0)
    assert f"<td>{shown}</td>" in row


def test_seen_most_with_names_the_page_entity_whole_and_says_what_the_colours_mean():
    long = "Alexandra Konstantinopoulou-Smith"  # 33 characters: cut at 18 before
    briefings = [(f"b{i}", _briefing(f"2024-01-0{i + 1}", [long, "Ann Lee", "Bo Chan", "Cy Park"])) for i in range(2)]
    body = generate_pages(build_corpus(briefings))["people/alexandra-konstantinopoulou-smith.md"].body
    drawing = body.split('id="seen-most-with"')[1].split("</svg>")[0]
    assert f">{long}</text>" in drawing
    assert '<span class="bb-key bb-person">Person</span>' in drawing and "bb-organization" not in drawing


def test_a_briefing_timeline_is_in_date_order():
    b = _briefing("2019-11-18", ["Ann Lee"])
    b.paragraphs = ["Ann Lee spoke on Monday.", "In September the panel met.", "In November it was decided."]
    b.events = [Event(date="2019-11-18", text="Ann Lee spoke on Monday.", paragraph=1),
                Event(date="2019-09", text="In September the panel met.", paragraph=2),
                Event(date="2019-11", text="In November it was decided.", paragraph=3),
                Event(date="2019-11-02", text="Early November saw a vote.", paragraph=3)]
    body = generate_pages(build_corpus([("b", b)]))["briefings/b.md"].body
    timeline = body.split('id="timeline"')[1].split("</ul>")[0]
    dates = re.findall(r"<strong>([0-9-]+)</strong>", timeline)
    assert dates == ["2019-09", "2019-11", "2019-11-02", "2019-11-18"], dates


def test_an_event_the_article_repeats_is_on_the_timelines_once():
    b = _briefing("2019-11-19", ["Ann Lee", "Bo Chan"])
    b.paragraphs = ["Ann Lee: this is the news you need today.", "More.", "Ann Lee: this is the news you need today."]
    line = "Ann Lee: this is the news you need today."
    b.events = [Event(date="2019-11-19", text=line, paragraph=1), Event(date="2019-11-19", text=line, paragraph=3),
                Event(date="2019-11-19", text=" ".join(line.upper().split()), paragraph=3),
                Event(date="2019-11-20", text=line, paragraph=3)]  # another date: another event
    pages = generate_pages(build_corpus([("b", b), ("c", _briefing("2019-11-20", ["Ann Lee"]))]))
    for uri in ("timeline/index.md", "people/ann-lee.md"):
        timeline = pages[uri].body
        assert timeline.count("2019-11-19</strong>") == 1, uri
        assert timeline.count("2019-11-20</strong>") == 1, uri
    assert "2 dated events" in pages["index.md"].body
    briefing = pages["briefings/b.md"].body.split('id="timeline"')[1].split("</ul>")[0]
    assert briefing.count("<li>") == 2


def test_a_short_quote_the_article_repeats_is_shown_once():
    from briefbook.model import Quote

    b = _briefing("2019-11-19", ["Ann Lee"])
    b.paragraphs = ["Ann Lee called it “a flagship VR game.”"] * 3
    b.quotes = [Quote(text="a flagship VR game.", speaker="ann-lee", speaker_name="Ann Lee", kind="direct",
                      paragraph=n) for n in (1, 2, 3)]
    b.quotes.append(Quote(text="It will change how we play games.", speaker="ann-lee", speaker_name="Ann Lee",
                          kind="direct", paragraph=1))
    b.quotes.append(b.quotes[-1])
    pages = generate_pages(build_corpus([("b", b)]))
    quotes = pages["briefings/b.md"].body.split('id="quotes"')[1].split("<h2")[0]
    assert quotes.count("a flagship VR game.") == 1, quotes
    person = pages["people/ann-lee.md"].body.split('id="quotes"')[1].split("<h2")[0]
    assert person.count("It will change how we play games.") == 1, person


def test_needs_review_past_a_page_puts_older_flagged_briefings_on_pages_by_date(monkeypatch):
    """At 10,000 briefings thousands are flagged: the review page held every one."""
    from briefbook.site import pages as site_pages

    monkeypatch.setattr(site_pages, "BRIEFINGS_ROWS", 5)
    briefings = []
    for i in range(12):
        b = _briefing(f"{2020 + i // 6}-0{i % 6 + 1}-01", ["Ann Lee"])
        b.review = [f"check number {i}"]
        briefings.append((f"b{i:02d}", b))
    pages = generate_pages(build_corpus(briefings))
    review = pages["review.md"].body
    assert review.count("check number") == 5 and "check number 11" in review  # the newest five
    parts = {uri: page.body for uri, page in pages.items() if uri.startswith("review/")}
    # 2020's six are more than a page: a page a month; 2021's oldest one fits a page of its own
    assert set(parts) == {f"review/2020-0{m}.md" for m in range(1, 7)} | {"review/2021.md"}
    every = review + "".join(parts.values())
    assert all(every.count(f"check number {i}<") + every.count(f"check number {i}\n") == 1 for i in range(12))
    assert '<a href="../review/2021/">2021 (1)</a>' in review
    _links_resolve(pages, "review")


def test_mentions_are_listed_after_the_actors_and_found_on_the_entity_page():
    """A briefing page lists the names it mentions in passing after its actors (a link where the
    entity has a page); an entity page lists the briefings that only mention it apart."""
    from briefbook.model import Organization

    def made(title, date, **kw):
        found = dict(summary=None, key_points=[], topics=[], people=[], organizations=[], initiatives=[],
                     quotes=[], events=[], places=[])
        return Briefing(title=title, date=date, location=None, source=Source(), paragraphs=["One."],
                        **(found | kw))

    a = made("Port reopens", "2025-03-01", people=[Person("jane-roe", "Jane Roe"),
                                                   Person("tom-poe", "Tom Poe", level="mentioned"),
                                                   Person("ann-lee", "Ann Lee", level="mentioned")])
    b = made("Tom Poe hired", "2025-03-02", people=[Person("tom-poe", "Tom Poe")],
             organizations=[Organization("acme", "Acme", level="mentioned")])
    pages = {uri: page.source() for uri, page in generate_pages(build_corpus([("a", a), ("b", b)])).items()}
    page = pages[paths.briefing("a")]
    assert page.index("People") < page.index("Also mentioned")
    mentioned = page[page.index("Also mentioned"):]
    assert "Tom Poe</a>" in mentioned and "Ann Lee" in mentioned and "Ann Lee</a>" not in mentioned
    assert "Acme" in pages[paths.briefing("b")] and paths.entity(Ref("organization", "acme")) not in pages
    tom = pages[paths.entity(Ref("person", "tom-poe"))]
    assert "Also mentioned in" in tom and "Port reopens" in tom[tom.index("Also mentioned in"):]
    assert paths.entity(Ref("person", "ann-lee")) not in pages
