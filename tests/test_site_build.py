"""End to end: `mkdocs build --strict` with the briefbook plugin, then check the built HTML.

Builds into temporary folders: the hand-written fixtures, a hostile briefing, and the sample
seeds of tests/fixtures/seed_corpus (ingested here: no test depends on the project's seeds/,
briefings/ or registry.yml). A link check
follows every internal link and anchor; no page may load a script, style or font from
another host.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "site"
# The sample articles and registry, frozen (the project's seeds/ and registry.yml grow).
CORPUS = ROOT / "tests" / "fixtures" / "seed_corpus"

pytestmark = pytest.mark.slow


def build_site(tmp: Path, briefings: Path, registry: Path | None = None, *, docs_dir: Path | None = None,
               extra: str = "", search: str = "search") -> tuple[Path, str]:
    """Build with the project's mkdocs.yml, pointed at other briefings; returns (site dir, log).

    ``search`` is the search plugin: Material's ``search`` or ``briefbook-pagefind``.
    """
    tmp.mkdir(parents=True, exist_ok=True)
    site = tmp / "site"
    config = tmp / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs_dir or ROOT / 'docs'}\n"
        f"site_dir: {site}\n"
        f"plugins:\n  - {search}\n  - briefbook:\n"
        f"      briefings: {briefings}\n"
        f"      registry: {registry or tmp / 'no-registry.yml'}\n" + extra)
    scratch = tmp / "tmp"  # the build's temporary files: it must leave none behind
    scratch.mkdir(exist_ok=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=str(scratch))
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                          capture_output=True, text=True, cwd=tmp, env=env, timeout=300)
    log = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{log}")
    return site, log


class ParsedPage(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        for key in ("id", "name"):
            if a.get(key):
                self.ids.add(a[key])
        self._in_script = tag in ("script", "style")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def parse(path: Path) -> ParsedPage:
    page = ParsedPage()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def check_links(site: Path) -> list[str]:
    """Every internal href/src resolves to a file, and every #anchor to an id on that page."""
    problems: list[str] = []
    pages: dict[Path, ParsedPage] = {}

    def page(path: Path) -> ParsedPage:
        if path not in pages:
            pages[path] = parse(path)
        return pages[path]

    for path in html_files(site):
        if path.name == "404.html" and path.parent == site:
            continue  # served for any missing address, so its links are absolute on purpose
        for tag, attrs in page(path).elements:
            for key in ("href", "src"):
                url = attrs.get(key)
                if not url or tag in ("meta",):
                    continue
                parts = urlsplit(url)
                if parts.scheme or url.startswith("//"):
                    continue
                if parts.path:
                    target = (path.parent / unquote(parts.path)).resolve()
                    if target.is_dir():
                        target = target / "index.html"
                else:
                    target = path
                if not target.exists():
                    problems.append(f"{path.relative_to(site)}: broken link {url}")
                    continue
                if parts.fragment and target.suffix == ".html" and parts.fragment not in page(target).ids:
                    problems.append(f"{path.relative_to(site)}: no #{parts.fragment} in {url}")
    return problems


def outside_assets(site: Path) -> list[str]:
    """Scripts, styles and fonts that would be fetched from another host."""
    found = []
    for path in html_files(site):
        for tag, attrs in parse(path).elements:
            if tag == "script" and re.match(r"(https?:)?//", attrs.get("src", "")):
                found.append(f"{path}: script {attrs['src']}")
            if tag == "link" and attrs.get("rel") not in ("alternate", "canonical") and \
                    re.match(r"(https?:)?//", attrs.get("href", "")):
                found.append(f"{path}: link {attrs.get('rel')} {attrs['href']}")
        text = path.read_text(encoding="utf-8")
        found += [f"{path}: {m}" for m in re.findall(r"@import[^;]*//|url\(\s*['\"]?(?:https?:)?//[^)]*\)", text)]
    for path in list(site.rglob("*.css")) + list(site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path}: {m}" for m in re.findall(r"@import\s+url\(\s*['\"]?https?://[^)]*\)|"
                                                    r"url\(\s*['\"]?https?://[^)]*\)", text)]
        found += [f"{path}: {m}" for m in re.findall(r"fonts\.(?:googleapis|gstatic)\.com", text)]
    return found


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("fixture"), FIXTURES / "briefings", FIXTURES / "registry.yml")


_SEED_BRIEFINGS: list[Path] = []  # the first ingest of the session, copied by the next sites


def build_seed_site(tmp: Path, search: str = "search"):
    """Ingest the sample seeds with the real CLI into ``tmp`` and build the site from them (the
    briefings of the session's first ingest are copied after it: the same seeds, the same code)."""
    briefings = tmp / "briefings"
    if _SEED_BRIEFINGS and _SEED_BRIEFINGS[0].is_dir():
        shutil.copytree(_SEED_BRIEFINGS[0], briefings)
    else:
        proc = subprocess.run([sys.executable, "-m", "briefbook.cli", "ingest", str(CORPUS / "seeds"),
                               "--briefings", str(briefings)], capture_output=True, text=True, cwd=CORPUS,
                              timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        _SEED_BRIEFINGS[:] = [briefings]
    return build_site(tmp, briefings, CORPUS / "registry.yml", search=search)


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory):
    return build_seed_site(tmp_path_factory.mktemp("seeds"))


def text_of(path: Path) -> str:
    return " ".join(" ".join(parse(path).text).split())


def test_fixture_site_builds_without_warnings(fixture_site):
    site, log = fixture_site
    assert "WARNING" not in log, log
    assert list((site.parent / "tmp").iterdir()) == []  # the spooled feed and JSON are cleaned up
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert feed.startswith("<?xml") and "<entry>" in feed
    assert json.loads((site / "api" / "entities.json").read_text(encoding="utf-8"))["people"]
    for page in ("index.html", "briefings/index.html", "people/index.html", "organizations/index.html",
                 "initiatives/index.html", "topics/index.html", "timeline/index.html", "graph/index.html",
                 "about/index.html", "review/index.html", "people/ingrid-halvorsen/index.html",
                 "organizations/north-sea-grid-authority/index.html", "topics/energy/index.html",
                 "initiatives/offshore-wind-partnership/index.html", "feed.xml", "api/briefings.json",
                 "api/entities.json", "briefings/2025-03-12-norway-japan-open-offshore-wind-talks/index.html"):
        assert (site / page).exists(), page
    api = (site / "api" / "index.html").read_text(encoding="utf-8")  # /api/ lists its files, no 404
    assert '<a href="briefings.json">' in api and '<a href="entities.json">' in api


def test_fixture_site_has_no_broken_internal_link(fixture_site):
    site, _ = fixture_site
    assert check_links(site) == []


def test_no_script_style_or_font_from_another_host(fixture_site):
    site, _ = fixture_site
    assert outside_assets(site) == []
    home = (site / "index.html").read_text()
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home


def test_nav_stays_small(fixture_site):
    site, _ = fixture_site
    html = (site / "people" / "ingrid-halvorsen" / "index.html").read_text()
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', html)
    assert "Ingrid Halvorsen" not in nav
    assert len(set(nav)) <= 13  # ten nav entries (About, Contributing, ...) and the page's own sections


def test_person_page_in_html(fixture_site):
    site, _ = fixture_site
    path = site / "people" / "ingrid-halvorsen" / "index.html"
    text = text_of(path)
    assert "Deputy Minister of Petroleum and Energy" in text and "Minister of Petroleum and Energy" in text
    hrefs = [a.get("href") for tag, a in parse(path).elements if tag == "a"]
    assert "../../briefings/2025-03-12-norway-japan-open-offshore-wind-talks/#p-3" in hrefs
    assert "<title>Ingrid Halvorsen - News briefings</title>" in path.read_text()
    assert 'type="application/atom+xml"' in path.read_text()


def test_search_index_has_entity_pages_with_aliases_and_boost(fixture_site):
    site, _ = fixture_site
    index = json.loads((site / "search" / "search_index.json").read_text())
    docs = {d["location"]: d for d in index["docs"]}
    org = docs["organizations/north-sea-grid-authority/"]
    assert org["title"] == "North Sea Grid Authority" and "NSGA" in org["text"]
    assert org.get("boost") == 5
    assert docs["people/ingrid-halvorsen/"].get("boost") == 5


def test_feed_and_api_are_served(fixture_site):
    site, _ = fixture_site
    feed = (site / "feed.xml").read_text()
    assert feed.startswith("<?xml") and feed.count("<entry>") == 3
    data = json.loads((site / "api" / "entities.json").read_text())
    assert {p["id"] for p in data["people"]} >= {"ingrid-halvorsen", "maria-costa"}


def test_hostile_briefing_is_inert_in_the_built_site(tmp_path):
    # the build refuses what `check` refuses (a paragraph 99 of 6): that one value made valid
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    text = (FIXTURES / "hostile" / "hostile-briefing.md").read_text(encoding="utf-8")
    assert "  paragraph: 99\n" in text
    (hostile / "hostile-briefing.md").write_text(text.replace("  paragraph: 99\n", "  paragraph: 6\n"))
    site, log = build_site(tmp_path, hostile)
    assert "WARNING" not in log, log
    page = site / "briefings" / "hostile-briefing" / "index.html"
    assert page.exists()
    for path in html_files(site):
        parsed = parse(path)
        for tag, attrs in parsed.elements:
            assert tag not in ("iframe", "object", "embed", "img"), f"{path}: <{tag}>"
            for name, value in attrs.items():
                assert not (name.startswith("on") and tag not in ("body",)), f"{path}: {name} on <{tag}>"
                assert "pwned" not in value.lower(), f"{path}: <{tag} {name}={value!r}>"
                assert not value.strip().lower().startswith("javascript:"), f"{path}: {name}={value}"
        assert not any("PWNED" in s or "alert(" in s for s in parsed.scripts), path
    html = page.read_text()
    head = html[:html.index("</head>")]
    assert "<script>alert" not in head and "PWNED" not in head.replace(
        "&lt;script&gt;alert(&quot;PWNED-title&quot;)", "")  # only the escaped title
    text = text_of(page)
    assert '<script>alert("PWNED-title")</script></title><script>alert(1)</script>' in text
    assert "{{ 7*7 }} {% if true %}PWNED{% endif %}" in text
    index = (site / "search" / "search_index.json").read_text()
    assert "<script" not in index and "<img" not in index
    assert check_links(site) == []


def test_empty_corpus_builds_cleanly(tmp_path):
    (tmp_path / "briefings").mkdir()
    site, log = build_site(tmp_path, tmp_path / "briefings")
    assert "WARNING" not in log, log
    assert "0 briefings" in text_of(site / "index.html")
    assert check_links(site) == []


def test_broken_link_fails_the_strict_build(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# About\n\nSee [nobody](people/nobody.md) and [x](briefings/index.md#nope).\n")
    with pytest.raises(AssertionError, match=r"people/nobody\.md"):
        build_site(tmp_path / "b", FIXTURES / "briefings", FIXTURES / "registry.yml", docs_dir=docs)


def test_broken_briefing_fails_the_build_with_its_path_and_line(tmp_path):
    """Named as `briefbook check` names it: relative to the folder the build runs in."""
    bad = tmp_path / "b" / "briefings"
    bad.mkdir(parents=True)
    (bad / "broken.md").write_text("---\ntitle: x\ndate: [oops\n---\n\nText.\n")
    with pytest.raises(AssertionError, match=r"briefbook: briefings/broken\.md:[34]: frontmatter is not valid"):
        build_site(tmp_path / "b", bad)


def test_serve_watches_briefings_and_registry(tmp_path):
    from mkdocs.config import load_config

    from briefbook.site.plugin import BriefbookPlugin

    (tmp_path / "briefings").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "registry.yml").write_text("entities: []\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    plugin = BriefbookPlugin()
    plugin.load_config({})
    plugin.on_config(load_config(str(tmp_path / "mkdocs.yml")))

    class Server:
        def __init__(self):
            self.watched = []

        def watch(self, path):
            self.watched.append(path)

    server = plugin.on_serve(Server(), config=None, builder=None)
    assert server.watched == [str(tmp_path / "briefings"), str(tmp_path / "registry.yml"), str(tmp_path / "seeds")]


# -- the real seeds (the "Done when") ----------------------------------------------


def test_seeds_build_strict_without_warnings(seeds_site):
    site, log = seeds_site
    assert "WARNING" not in log, log
    assert check_links(site) == []
    assert outside_assets(site) == []


def test_bae_kyung_hoon_links_both_briefings_and_both_quotes(seeds_site):
    site, _ = seeds_site
    path = site / "people" / "bae-kyung-hoon" / "index.html"
    text = text_of(path)
    hrefs = {a.get("href", "") for tag, a in parse(path).elements if tag == "a"}
    briefings = {h.split("#")[0] for h in hrefs if h.startswith("../../briefings/") and h != "../../briefings/"}
    assert len(briefings) == 2, briefings
    assert "The memorandum of understanding is a symbol of cooperation" in text
    assert "We hope various stakeholders with different interests" in text
    assert any("#p-" in h for h in hrefs)


def test_kratsios_shows_both_roles_with_dates(seeds_site):
    site, _ = seeds_site
    text = text_of(site / "people" / "michael-kratsios" / "index.html")
    # one job, however worded: the first and the latest briefing that gave it
    assert re.search(r"Director of the White House Office of Science and Technology Policy.*"
                     r"Head of Washington.s Office of Science and Technology Policy.*2025-08-05.*2025-10-29", text)


def test_timeline_shows_the_seed_dates(seeds_site):
    site, _ = seeds_site
    text = text_of(site / "timeline" / "index.html")
    for date in ("2025-08-04", "2025-08-05", "2025-10-29", "2025-10-31", "2025-11-01"):
        assert date in text, date


def test_ostp_alias_is_searchable(seeds_site):
    site, _ = seeds_site
    index = json.loads((site / "search" / "search_index.json").read_text())
    first_sections = [d for d in index["docs"] if re.fullmatch(r"organizations/[a-z0-9-]+/", d["location"])
                      and "OSTP" in d["text"]]
    assert first_sections, "no organization page mentions OSTP as an alias"
    assert "Office of Science and Technology Policy" in first_sections[0]["title"]


@pytest.mark.parametrize(("option", "said"), [
    ("", "briefings: {missing}: no such folder next to mkdocs.yml"),
    ("      search_min_briefings: 0\n", "search_min_briefings: 0: a whole number from 1 to 1,000,000"),
    ("      search_min_briefings: true\n", "search_min_briefings: True: a whole number from 1 to 1,000,000"),
])
def test_a_plugin_option_that_cannot_be_right_stops_the_build_with_one_line(tmp_path: Path, option: str, said: str):
    missing = tmp_path / "briefings-with-a-typo"
    folder = missing if not option else FIXTURES / "briefings"
    with pytest.raises(AssertionError) as failed:
        build_site(tmp_path, folder, extra=option)
    errors = [line for line in str(failed.value).splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and said.format(missing=missing) in errors[0], errors


def test_a_generated_file_the_same_as_last_build_is_not_modified_for_dirty(tmp_path: Path):
    """`mkdocs serve --dirty` asks `File.is_modified` (public API, overridden by the plugin's File
    class): a page the same as in the last build is skipped, a changed one and a tab's page are not."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from briefbook.site.html import SitePage
    from briefbook.site.plugin import BriefbookPlugin

    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    (tmp_path / "docs").mkdir()
    config.load_dict({"site_name": "x", "site_dir": str(tmp_path / "site"), "docs_dir": str(tmp_path / "docs")})
    assert config.validate() == ([], [])
    config.plugins._current_plugin = "briefbook"  # as MkDocs sets it while a plugin's event runs
    plugin = BriefbookPlugin()

    def build(kim: str) -> dict[str, bool]:
        files = Files([])
        pages = {"people/kim.md": SitePage(title="Kim", body=kim), "index.md": SitePage(title="Home", body="<h1>H</h1>")}
        plugin._render_files(files, config, pages, {"a.js": "x"}, {})
        return {f.src_uri: f.is_modified() for f in files}

    assert build("<h1>Kim</h1>") == {"people/kim.md": True, "index.md": True, "a.js": True}
    assert build("<h1>Kim</h1>") == {"people/kim.md": False, "index.md": True, "a.js": False}
    assert build("<h1>Kim Jae</h1>") == {"people/kim.md": True, "index.md": True, "a.js": False}
