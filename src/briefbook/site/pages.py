"""The site's pages as HTML: a pure function of the corpus.

``generate_pages(corpus)`` returns ``{source path: SitePage}`` for every generated page: its
title, search settings, table of contents and body as finished HTML. The MkDocs plugin hands
the bodies to Material as they are (no Markdown pass: at thousands of link-dense pages that pass
was most of the build); ``briefbook pages`` writes them as Markdown files (YAML meta, then the
HTML). Every piece of briefing data goes through :func:`text.h`, so article text can never become
markup, and every link is a built URL computed here with :mod:`paths`, checked by the tests.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

from ..corpus import BriefingEntry, Corpus, Entity, EventRef, Mention, QuoteRef, Ref, RoleSeen
from ..ids import name_key
from ..lexicon import CALENDAR
from ..model import Source
from ..review import Flag
from ..sentences import split_sentences
from . import paths
from .export import has_feed
from .graph import ego_svg, graph_page
from .html import PageWriter, SitePage, p, table
from .roles import is_post, jobs, latest_job, names_organization, tidy
from .snippets import Markup, render
from .text import external_a, h

# Beyond this many events the timeline is split into pages: a year, or a month, or a part of a
# month, each with at most this many (about 8,000 px on a desktop screen).
TIMELINE_PAGE = 120
# An event is in its briefing's own time window from this long before the briefing to this long after.
WINDOW_BEFORE = dt.timedelta(days=45)
WINDOW_AFTER = dt.timedelta(days=400)
LATEST = 10
HOME_CARDS = 6  # latest briefings as cards on the home page
HOME_PEOPLE = 8  # most covered people as cards (and half as many initiatives)
HOME_TOP = 6  # most covered people and organizations named at the top of the home page
CONNECTIONS_SHOWN = 40
COVERAGE_FIRST = 10  # briefings shown with their summary on an entity page; older ones as a list
MIN_QUOTE_WORDS = 4  # shorter "quotes" ("farm country,") are fragments, not something said
ENTITY_EVENTS_SHOWN = 300
MONTHS = tuple(m.capitalize() for m in CALENDAR["months"])
NO_DATE = "—"
T = TypeVar("T")
# The briefings index lists this many, the newest; older ones are on pages by year (or month).
BRIEFINGS_ROWS = 250
# Search ranks entity pages above briefings that merely mention the name.
ENTITY_BOOST = 5

# Hand-written pages the home page links to when the docs folder has them (path -> label).
PROJECT_PAGES = {"about.md": "About this site", "contributing.md": "Contributing",
                 "quality.md": "Extraction quality", "benchmarks.md": "Benchmarks",
                 "scale.md": "Scale"}


@dataclass
class _Ctx:
    corpus: Corpus
    directory_urls: bool = True
    docs_pages: tuple[str, ...] = ("about.md",)
    search_min_briefings: int = 1
    # ref -> (HTML-escaped name, page path): names are escaped once, not at every link
    labels: dict[Ref, tuple[str, str]] = field(default_factory=dict)
    # person -> their latest job, escaped (connections tables name it for each person)
    roles: dict[Ref, str] = field(default_factory=dict)


class PageCollision(ValueError):
    """Two briefings or entities would be one page (one would be lost, and links would mislead)."""


# What makes a group of pages: ("home",), ("review",), ("briefings",) (the index and its archive
# pages), ("briefing", slug), ("index", kind) (with its A-Z pages), ("entity", kind, id) (with its
# coverage pages), ("timeline",), ("graph",). `mkdocs serve --dirty` makes again only the units an
# edit touches (site/incremental.py).
Unit = tuple[str, ...]


def generate_pages(corpus: Corpus, *, directory_urls: bool = True, docs_pages: Iterable[str] = ("about.md",),
                   search_min_briefings: int = 1) -> dict[str, SitePage]:
    """Every generated page of the site, keyed by its source path (``people/<id>.md``).

    ``docs_pages`` names the hand-written pages that exist, so the home page links only to those.
    Person, organization and initiative pages seen in fewer than ``search_min_briefings``
    briefings, and not in the registry, stay out of the search index (their briefings are in it).
    """
    made = generate_units(corpus, directory_urls=directory_urls, docs_pages=docs_pages,
                          search_min_briefings=search_min_briefings)
    return {uri: page for pages in made.values() for uri, page in pages.items()}


def all_units(corpus: Corpus) -> list[Unit]:
    """Every unit of the site, in the order its pages are made."""
    out: list[Unit] = [("home",), ("review",), ("briefings",)]
    out += [("briefing", slug) for slug in corpus.briefings]
    for kind, by_id in corpus.entities.items():
        out.append(("index", kind))
        out += [("entity", kind, i) for i in by_id]
    return [*out, ("timeline",), ("graph",)]


def generate_units(corpus: Corpus, *, directory_urls: bool = True, docs_pages: Iterable[str] = ("about.md",),
                   search_min_briefings: int = 1, only: Iterable[Unit] | None = None
                   ) -> dict[Unit, dict[str, SitePage]]:
    """The pages of each unit (all of them, or those of ``only``, in the site's order); the first
    page of a briefing or entity unit is its own page, checked not to be another page already."""
    ctx = _Ctx(corpus, directory_urls, tuple(docs_pages), search_min_briefings)
    wanted = None if only is None else set(only)
    out: dict[Unit, dict[str, SitePage]] = {}
    made_by: dict[str, str] = {}  # page -> what it shows, to name both sides of a collision
    made: set[str] = set()
    for unit in all_units(corpus):
        if wanted is not None and unit not in wanted:
            continue
        pages = unit_pages(ctx, unit)
        if unit[0] in ("briefing", "entity"):
            uri = next(iter(pages))
            what = f"briefing {unit[1]!r}" if unit[0] == "briefing" else f"{unit[1]} {unit[2]!r}"
            if uri in made_by or uri in made:
                raise PageCollision(f"{made_by.get(uri, 'a generated index')} and {what} would both be the page "
                                    f"{uri}: rename one")
            made_by[uri] = what
        made.update(pages)
        out[unit] = pages
    return out


def unit_pages(ctx: _Ctx, unit: Unit) -> dict[str, SitePage]:
    """The pages of one unit."""
    what = unit[0]
    if what == "home":
        return {paths.HOME: home(ctx)}
    if what == "review":
        return review_pages(ctx)
    if what == "briefings":
        return briefing_pages(ctx)
    if what == "briefing":
        entry = ctx.corpus.briefings[unit[1]]
        return {paths.briefing(entry.slug): briefing_page(ctx, entry)}
    if what == "index":
        return entity_index(ctx, unit[1])
    if what == "entity":
        ent = ctx.corpus.entities[unit[1]][unit[2]]
        return {paths.entity(ent.ref): entity_page(ctx, ent), **coverage_pages(ctx, ent)}
    if what == "timeline":
        return timeline_pages(ctx)
    if what == "graph":
        return {paths.GRAPH: graph_page(ctx.corpus, paths.GRAPH, directory_urls=ctx.directory_urls)}
    raise ValueError(f"no such unit of pages: {unit!r}")


# ---------------------------------------------------------------------------------------------
# small pieces (all return HTML; data goes through ``h``)


def a(ctx: _Ctx, here: str, label_html: str, target: str, anchor: str | None = None) -> str:
    """A link to a generated or hand-written page; ``label_html`` is already escaped."""
    if target == here and anchor:
        return f'<a href="#{h(anchor)}">{label_html}</a>'
    href = paths.rel_url(here, target, ctx.directory_urls) + (f"#{anchor}" if anchor else "")
    return f'<a href="{h(href)}">{label_html}</a>'


def ref_a(ctx: _Ctx, here: str, ref: Ref) -> str:
    label_target = ctx.labels.get(ref)
    if label_target is None:
        ent = ctx.corpus.entity(ref)
        label_target = ctx.labels[ref] = (h(ctx.corpus.name_of(ref)), paths.entity(ref) if ent else "")
    label, target = label_target
    return a(ctx, here, label, target) if target else label


def briefing_a(ctx: _Ctx, here: str, slug: str, anchor: str | None = None, label: str | None = None) -> str:
    entry = ctx.corpus.briefings[slug]
    return a(ctx, here, label if label is not None else h(entry.title), paths.briefing(slug), anchor)


def para_a(ctx: _Ctx, here: str, slug: str, paragraph: int) -> str:
    anchor = para_anchor(ctx, slug, paragraph)
    if anchor is None:
        return f"paragraph {h(paragraph)} (not in the text)"
    return a(ctx, here, f"paragraph {paragraph}", paths.briefing(slug), anchor)


def org_a(ctx: _Ctx, here: str, seen: RoleSeen | None) -> str:
    if seen is None or not seen.organization:
        return ""
    return ref_a(ctx, here, Ref("organization", seen.organization))


def para_anchor(ctx: _Ctx, slug: str, paragraph: int) -> str | None:
    """The anchor of a paragraph, or None when the briefing has no such paragraph."""
    count = len(ctx.corpus.briefings[slug].briefing.paragraphs)
    return f"p-{paragraph}" if isinstance(paragraph, int) and 1 <= paragraph <= count else None


def date_text(date: str | None) -> str:
    return date or NO_DATE


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def bullets(items: Iterable[str]) -> str:
    lines = [f"<li>{x}</li>" for x in items]
    return "<ul>\n" + "\n".join(lines) + "\n</ul>" if lines else ""


def month_title(key: str) -> str:
    """'2025-08' -> 'August 2025'; a year alone stays as it is."""
    if len(key) == 7 and key[5:7].isdigit() and 1 <= int(key[5:7]) <= 12:
        return f"{MONTHS[int(key[5:7]) - 1]} {key[:4]}"
    return f"{key} (month not known)"


def quote_block(ctx: _Ctx, here: str, q: QuoteRef, *, show_speaker: bool, show_briefing: bool) -> str:
    """A quote and its attribution."""
    body = f"“{h(q.text)}”" if q.kind == "direct" else f"{h(q.text)} <em>(paraphrased)</em>"
    cite: list[str] = []
    if show_speaker:
        if q.speaker:
            cite.append(ref_a(ctx, here, Ref("person", q.speaker)))
        elif q.speaker_org:
            cite.append(ref_a(ctx, here, Ref("organization", q.speaker_org)))
        elif q.speaker_name:
            cite.append(h(q.speaker_name))
    if show_briefing:
        cite.append(_quote_source(ctx, here, q))
    else:
        cite.append(para_a(ctx, here, q.briefing, q.paragraph))
    return f"<blockquote>\n<p>{body}</p>\n</blockquote>\n" + p("— " + ", ".join(cite), "bb-cite")


def _quote_source(ctx: _Ctx, here: str, q: QuoteRef) -> str:
    """Where a quote was said: "date, outlet, briefing (its paragraph), source" (the article's address)."""
    entry = ctx.corpus.briefings[q.briefing]
    return ", ".join(x for x in (h(date_text(entry.date)), outlet_html(entry),
                                 briefing_a(ctx, here, q.briefing, para_anchor(ctx, q.briefing, q.paragraph)),
                                 source_link(entry)) if x)


def event_item(ctx: _Ctx, here: str, ev: EventRef, *, skip: Ref | None = None, show_briefing: bool = True,
               max_entities: int = 6, text: str | None = None) -> str:
    """One event as the inside of a list item (``text`` in place of the event's sentence)."""
    parts = [f"<strong>{h(ev.date)}</strong> {h(ev.text if text is None else text)}"]
    if show_briefing:
        parts.append("— " + briefing_a(ctx, here, ev.briefing, para_anchor(ctx, ev.briefing, ev.paragraph)))
    else:
        parts.append("— " + para_a(ctx, here, ev.briefing, ev.paragraph))
    others = [r for r in ev.entities if r != skip and r.kind != "topic"][:max_entities]
    if others:
        parts.append("· " + ", ".join(ref_a(ctx, here, r) for r in others))
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# briefing pages


class _Shown:
    """The article sentences a briefing page has already shown outside the article.

    The summary, key points, quotes and timeline are all sentences of the article: each is shown
    once, in that order, and a later piece that repeats one is left out (or cut to its first words).
    Sentences match when one contains the other (the summary has its dateline cut off).
    """

    def __init__(self, title: str = "") -> None:
        self.seen: list[str] = []
        # the headline: a sentence that is no more than it repeats it (one that says more does not)
        self.title = _NOT_WORD_OR_SPACE.sub("", title.lower()).strip()
        # whole texts too short to compare by sentence ("a flagship VR game."), said again verbatim
        self.whole: set[str] = set()

    def fresh(self, text: str) -> bool:
        if _whole_key(text) in self.whole:
            return False
        keys = _sentence_keys(text)
        if self.title and any(sent in self.title for sent in keys):
            return False
        return not any(sent in old or old in sent for sent in keys for old in self.seen)

    def add(self, text: str) -> None:
        self.seen.extend(_sentence_keys(text))
        self.whole.add(_whole_key(text))


# What the keys below leave out: anything but letters and digits (str.isalnum, which is what \w
# is apart from "_") and spaces (or any white space). One pass in C, not a loop over characters.
_NOT_WORD_OR_SPACE = re.compile(r"[^\w ]|_")
_NOT_WORD_OR_WHITESPACE = re.compile(r"[^\w\s]|_")


def _whole_key(text: str) -> str:
    return " ".join(_NOT_WORD_OR_WHITESPACE.sub("", text.lower()).split())


def _sentence_keys(text: str) -> list[str]:
    """Normalised sentences of a piece of text (short fragments say too little to compare)."""
    keys = []
    for sent in split_sentences(" ".join(text.split())):
        key = _NOT_WORD_OR_SPACE.sub("", sent.lower()).strip()
        if len(key) >= 25:
            keys.append(key)
    return keys


def _fresh_sentences(shown: _Shown, text: str) -> str:
    """The sentences of a text that the page has not shown yet."""
    return " ".join(x for x in split_sentences(text) if shown.fresh(x))


def _first_words(text: str, n: int = 8) -> str:
    """The start of a sentence shown in full elsewhere on the page: never the whole of it."""
    words = text.split()
    n = max(1, min(n, len(words) // 2))
    return " ".join(words[:n]) + " …"


def speaker_cite(ctx: _Ctx, here: str, entry: BriefingEntry, q: QuoteRef) -> str:
    """Who said it, as the briefing names them: linked name, then role and organization."""
    if q.speaker:
        cite = ref_a(ctx, here, Ref("person", q.speaker))
        seen = entry.roles.get(q.speaker)
        role = seen.role if seen and is_post(seen.role) else None
        if role:
            cite += ", " + h(tidy(role))
        org = org_a(ctx, here, seen)
        if org and not (role and names_organization(role, seen.organization_name if seen else None)):
            cite += ", " + org
        return cite
    if q.speaker_org:
        return ref_a(ctx, here, Ref("organization", q.speaker_org))
    return h(q.speaker_name) if q.speaker_name else ""


def briefing_page(ctx: _Ctx, entry: BriefingEntry) -> SitePage:
    here = paths.briefing(entry.slug)
    b = entry.briefing
    page = PageWriter(entry.title)
    meta = [f"<strong>{h(b.date)}</strong>" if b.date else "<strong>Date not known</strong>"]
    if b.location:
        meta.append(h(b.location))
    source = b.source
    outlet = h(outlet_label(source))
    if source.agencies:
        agencies = ", ".join(h(x) for x in source.agencies)
        outlet = f"{outlet} ({agencies})" if outlet else agencies
    if outlet:
        meta.append(outlet)
    if source.url:
        meta.append(external_a("original article", source.url))
    # The meta line and the review flags are about the article, not its words: out of the search
    # index, so that a result's excerpt starts with the text.
    page.add(f'<p class="bb-meta" data-search-exclude>{" · ".join(meta)}</p>')
    story = ctx.corpus.story_of(entry.slug)
    if story is not None:  # the same event as other outlets told it (stories.py)
        others = [Markup(briefing_a(ctx, here, s, label=(outlet_html(ctx.corpus.briefings[s]) or h(date_text(
                  ctx.corpus.briefings[s].date))) + ": " + h(ctx.corpus.briefings[s].title)))
                  for s in story.briefings if s != entry.slug]
        page.add(render("same_story", others=others))
    if entry.flags:
        page.add('<p class="bb-review" data-search-exclude><strong>Needs review:</strong> '
                 + "; ".join(_flag_html(ctx, here, entry, f) for f in entry.flags) + "</p>")
    # The summary, key points, quotes and timeline are sentences of the article below: each is
    # shown once here, and searched there only (the index is what every search downloads).
    shown = _Shown(entry.title)  # some articles repeat their headline as a paragraph
    summary = _fresh_sentences(shown, b.summary or "")  # not the headline again
    if summary:
        page.add(f'<p class="bb-summary" data-search-exclude>{h(summary)}</p>')
        shown.add(summary)
    # Direct quotes are what the page is for: kept before key points (which then skip their
    # sentences), unless the summary says them already.
    direct = []
    for q in entry.quotes:
        if q.kind == "direct" and shown.fresh(q.text):
            direct.append(q)
            shown.add(q.text)
    points = []
    for point in b.key_points:
        if shown.fresh(point):
            points.append(h(point))
            shown.add(point)
    if points:
        page.section("Key points", bullets(points), searchable=False)
    reported = [q for q in entry.quotes if q.kind != "direct"]
    if direct or reported:
        blocks = [_briefing_quote(ctx, here, entry, q) for q in direct]
        fresh = []
        for q in reported:
            if shown.fresh(q.text):
                shown.add(q.text)
                fresh.append(q)
        if fresh:
            items = bullets(f"{h(q.text)} <span class=\"bb-cite\">— "
                            + ", ".join(x for x in (speaker_cite(ctx, here, entry, q),
                                                    para_a(ctx, here, q.briefing, q.paragraph)) if x)
                            + "</span>" for q in fresh)
            blocks.append(f'<details class="bb-reported">\n<summary>{plural(len(fresh), "reported statement")}'
                          f"</summary>\n{items}\n</details>")
        if not direct:
            blocks.insert(0, p("No direct quotes in this article.", "bb-note"))
        page.section("Quotes", *blocks, searchable=False)
    if entry.people:
        rows = []
        for pid in entry.people:
            seen = entry.roles.get(pid)
            role = h(tidy(seen.role)) if seen and is_post(seen.role) else ""  # posts only
            rows.append([ref_a(ctx, here, Ref("person", pid)), role, org_a(ctx, here, seen)])
        page.section("People", table(["Name", "Role", "Organization"], rows), searchable=False)
    for kind, ids in (("organization", entry.organizations), ("initiative", entry.initiatives),
                      ("topic", entry.topics)):
        if ids:
            page.section(paths.KIND_TITLES[kind], p(" · ".join(ref_a(ctx, here, Ref(kind, i)) for i in ids)),
                         searchable=False)
    if entry.mentioned:  # named in passing: after the actors, a page only for those that have one
        page.section("Also mentioned", p(" · ".join(ref_a(ctx, here, r) for r in entry.mentioned)), searchable=False)
    if entry.events:
        items = []
        # in date order (the article's order within a date): a month alone goes before its days
        for ev in sorted(unique_events(entry.events), key=lambda ev: (ev.date, ev.paragraph)):
            if shown.fresh(ev.text):
                shown.add(ev.text)
                items.append(event_item(ctx, here, ev, show_briefing=False))
            else:  # said above already: its date and first words, and the paragraph
                items.append(event_item(ctx, here, ev, show_briefing=False, text=_first_words(ev.text)))
        page.section("Timeline", bullets(items), searchable=False)
    if b.paragraphs:
        page.section("Article", *(
            f'<p id="p-{n}" class="bb-para"><a href="#p-{n}" class="bb-pn" title="Link to paragraph {n}">'
            f"{n}</a> " + linked_text(ctx, here, para, entry.first_mentions.get(n - 1, [])) + "</p>"
            for n, para in enumerate(b.paragraphs, start=1)))
    sources = [s for s in b.other_sources if s.outlet or s.url]
    if sources:
        page.section("Also reported by", bullets(external_a(h(outlet_label(s) or s.url or ""), s.url)
                                                    for s in sources),
                     searchable=False)
    return page.done()


def _briefing_quote(ctx: _Ctx, here: str, entry: BriefingEntry, q: QuoteRef) -> str:
    cite = [x for x in (speaker_cite(ctx, here, entry, q), para_a(ctx, here, q.briefing, q.paragraph)) if x]
    return f"<blockquote>\n<p>“{h(q.text)}”</p>\n</blockquote>\n" + p("— " + ", ".join(cite), "bb-cite")


def linked_text(ctx: _Ctx, here: str, text: str, mentions: list[Mention]) -> str:
    """A paragraph as HTML with its first mentions of known entities linked; everything else escaped."""
    out, pos = [], 0
    for m in mentions:
        out.append(_piece(text[pos:m.start]))
        out.append(a(ctx, here, h(text[m.start:m.end]), paths.entity(m.ref)))
        pos = m.end
    out.append(_piece(text[pos:]))
    return "".join(out)


def _piece(raw: str) -> str:
    """h() trims; keep one space at each edge of a piece of text that had one."""
    if not raw:
        return ""
    if not raw.strip():
        return " "
    return (" " if raw[0].isspace() else "") + h(raw) + (" " if raw[-1].isspace() else "")


def _host(url: str | None) -> str:
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def outlet_label(source: Source) -> str:
    """The outlet as a reader names it: some pages give a web address as their publisher
    ("https://www.facebook.com/CBSPolitics"); then, as when none is given, the article's site."""
    outlet = (source.outlet or "").strip()
    if outlet and not outlet.lower().startswith(("http://", "https://")):
        return outlet
    return _host(source.url) or _host(outlet)


def outlet_text(entry: BriefingEntry) -> str:
    """The outlet that published a briefing's article (else the agencies it credits), or empty."""
    source = entry.briefing.source
    return outlet_label(source) or ", ".join(source.agencies[:2])


def outlet_html(entry: BriefingEntry) -> str:
    return h(outlet_text(entry))


def source_link(entry: BriefingEntry) -> str:
    """A link to the article on its outlet's site ("source"), or empty when the briefing has no address."""
    url = entry.briefing.source.url
    link = external_a("source", url) if url else ""
    return link if link != "source" else ""


def story_meta(entry: BriefingEntry) -> str:
    """"date · outlet · place" of a story, escaped: what a coverage list says beside each headline."""
    return " · ".join(x for x in (h(date_text(entry.date)), outlet_html(entry), h(entry.briefing.location or ""))
                      if x)


def _briefing_rows(ctx: _Ctx, here: str, entries: list[BriefingEntry]) -> str:
    rows = []
    for e in entries:
        b = e.briefing
        rows.append([date_text(b.date), briefing_a(ctx, here, e.slug), h(b.location),
                     h(outlet_label(b.source)), str(len(e.quotes))])
    return table(["Date", "Briefing", "Place", "Outlet", "Quotes"], rows)


def briefing_pages(ctx: _Ctx) -> dict[str, SitePage]:
    """The briefings index (the newest BRIEFINGS_ROWS) and, past that, pages of older ones by date."""
    here = paths.BRIEFINGS
    entries = ctx.corpus.newest_first()
    page = PageWriter("Briefings")
    page.add(p(f"{plural(len(entries), 'briefing')}, newest first. Click a column title to sort."))
    review = ctx.corpus.needs_review()
    if review:
        page.add(p(f"{plural(len(review), 'briefing needs', 'briefings need')} a look: "
                   + a(ctx, here, "Needs review", paths.REVIEW) + "."))
    pages: dict[str, SitePage] = {}
    if len(entries) <= BRIEFINGS_ROWS:
        page.add(_briefing_rows(ctx, here, entries))
        pages[here] = page.done(searchable=False, hide=("toc",))
        return pages
    page.add(_briefing_rows(ctx, here, entries[:BRIEFINGS_ROWS]))
    older = list(reversed(entries[BRIEFINGS_ROWS:]))  # oldest first, as date_pages wants them
    parts = date_pages(older, lambda e: e.date or "undated", BRIEFINGS_ROWS)
    links = []
    for key, title, items in reversed(parts):
        uri = paths.briefing_archive(key)
        links.append(a(ctx, here, h(f"{title} ({len(items)})"), uri))
        archive = PageWriter(f"Briefings: {title}")
        archive.add(p(a(ctx, uri, "The latest briefings", here)), _briefing_rows(ctx, uri, list(reversed(items))))
        pages[uri] = archive.done(searchable=False, hide=("toc",))
    page.section("Older briefings", p(" · ".join(links), "bb-inline"))
    pages[here] = page.done(searchable=False, hide=("toc",))
    return pages


def review_pages(ctx: _Ctx) -> dict[str, SitePage]:
    """The briefings flagged for review, newest first: past BRIEFINGS_ROWS, the older ones on pages
    by year or month (at 10,000 briefings thousands are flagged)."""
    here = paths.REVIEW
    review = ctx.corpus.needs_review()
    page = PageWriter("Needs review")
    page.add(p("Briefings with a doubt about a fact this site shows: the fact, why, and the paragraph to "
               "read. Fix the briefing file (or the registry) and rebuild; <code>briefbook review</code> "
               "lists the same in a terminal."))
    if not review:
        page.add(p("Nothing needs review."))
    page.add(_review_list(ctx, here, review[:BRIEFINGS_ROWS]))
    pages: dict[str, SitePage] = {}
    if len(review) > BRIEFINGS_ROWS:
        older = list(reversed(review[BRIEFINGS_ROWS:]))  # oldest first, as date_pages wants them
        links = []
        for key, title, entries in reversed(date_pages(older, lambda e: e.date or "undated", BRIEFINGS_ROWS)):
            uri = paths.review_part(key)
            links.append(a(ctx, here, h(f"{title} ({len(entries)})"), uri))
            part = PageWriter(f"Needs review: {title}")
            part.add(p(a(ctx, uri, "The latest flagged briefings", here)),
                     _review_list(ctx, uri, list(reversed(entries))))
            pages[uri] = part.done(searchable=False)
        page.section("Older", p(" · ".join(links), "bb-inline"))
    pages[here] = page.done()
    return pages


def _flag_html(ctx: _Ctx, here: str, entry: BriefingEntry, flag: Flag) -> str:
    """A review flag: the fact in doubt, why, and a link to the paragraph to read."""
    paragraph = None
    if flag.paragraph:
        anchor = para_anchor(ctx, entry.slug, flag.paragraph)
        paragraph = Markup(briefing_a(ctx, here, entry.slug, anchor, label=f"paragraph {flag.paragraph}"))
    return render("review_flag", fact=flag.fact, reason=flag.reason, paragraph=paragraph)


def _review_list(ctx: _Ctx, here: str, entries: list[BriefingEntry]) -> str:
    return bullets(f"{briefing_a(ctx, here, e.slug)} ({date_text(e.date)}): "
                   + "; ".join(_flag_html(ctx, here, e, f) for f in e.flags) for e in entries)


# ---------------------------------------------------------------------------------------------
# entity pages


def prominence(ent: Entity) -> tuple[int, int, str, int]:
    """Sort key, most covered first: briefings, quotes, the latest seen, then name order."""
    last = ent.last_seen or ""
    return (-len(ent.briefings), -len(ent.quotes), "".join(chr(0x10FFFF - ord(c)) for c in last), ent.rank)


def filter_box(what: str) -> str:
    """A box that narrows the page's lists as one types (briefbook.js; without script it is inert)."""
    return (f'<p class="bb-filter-row"><input type="search" class="bb-filter" data-bb-filter '
            f'placeholder="Filter {h(what)} by name" aria-label="Filter {h(what)} by name" hidden></p>')


def _by_initial(ents: list[Entity]) -> dict[str, list[Entity]]:
    """Entities in name order, grouped by initial ("#" for names that start with no letter)."""
    groups: dict[str, list[Entity]] = {}
    for e in sorted(ents, key=lambda e: e.rank):
        first = name_key(e.name)[:1].upper()
        groups.setdefault(first if first.isalpha() else "#", []).append(e)
    return groups


def _initial_key(initial: str) -> str:
    return initial.lower() if initial != "#" else "other"


def _az_line(ctx: _Ctx, here: str, initial: str, ents: list[Entity]) -> str:
    return (f'<p class="bb-az-group" id="az-{h(_initial_key(initial))}"><strong>{h(initial)}</strong> '
            + " · ".join(f'<span class="bb-item">{ref_a(ctx, here, e.ref)}</span>' for e in ents) + "</p>")


def _az_groups(ctx: _Ctx, here: str, ents: list[Entity]) -> str:
    """Entities as compact A–Z lines, one per initial, with a bar of jumps to each."""
    groups = _by_initial(ents)
    bar = " ".join(f'<a href="#az-{h(_initial_key(k))}">{h(k)}</a>' for k in groups)
    return f'<p class="bb-az">{bar}</p>\n' + "\n".join(_az_line(ctx, here, k, es) for k, es in groups.items())


def _az_parts(ents: list[Entity]) -> list[tuple[str, str, list[Entity]]]:
    """(key, label, entities) of each A–Z page: an initial, cut into parts of at most AZ_PAGE."""
    parts = []
    for initial, group in _by_initial(ents).items():
        chunks = [group[i:i + AZ_PAGE] for i in range(0, len(group), AZ_PAGE)]
        # a part is named by the first letters of its first and last names ("Ja–Jo"), or numbered
        # where those say nothing ("Ze" to "Ze")
        labels = ["–".join(dict.fromkeys(name_key(e.name)[:2].capitalize() for e in (c[0], c[-1])))
                  for c in chunks]
        if len(chunks) == 1:
            labels = [initial]
        elif len(set(labels)) < len(labels):
            labels = [f"{initial} {n}" for n in range(1, len(chunks) + 1)]
        for n, (chunk, label) in enumerate(zip(chunks, labels, strict=True), start=1):
            parts.append((_initial_key(initial) + (f"-{n}" if n > 1 else ""), label, chunk))
    return parts


def _az_pages(ctx: _Ctx, kind: str, label: str, ents: list[Entity]) -> tuple[str, dict[str, SitePage]]:
    """The bar of links to the A–Z pages of a long list, and those pages (each with the bar)."""
    index = paths.index_of(kind)
    parts = _az_parts(ents)
    pages: dict[str, SitePage] = {}
    for key, title, chunk in parts:
        uri = paths.index_part(kind, key)
        bar = " ".join(a(ctx, uri, h(t), paths.index_part(kind, k)) if k != key else f"<strong>{h(t)}</strong>"
                       for k, t, _ in parts)
        page = PageWriter(f"{paths.KIND_TITLES[kind]} {label.lower()}: {title}")
        back = a(ctx, uri, "All " + h(paths.KIND_TITLES[kind].lower()), index)
        page.add(p(f"{back} · {plural(len(chunk), 'entry', 'entries')}"), p(bar, "bb-az"),
                 _az_line(ctx, uri, title, chunk))
        pages[uri] = page.done(searchable=False, hide=("navigation", "toc"))
    bar = " ".join(a(ctx, index, h(t), paths.index_part(kind, k)) for k, t, c in parts)
    return p(bar, "bb-az"), pages


# An index longer than this keeps the entities seen in one briefing apart, folded, A–Z.
INDEX_FOLD = 100
# The most covered entities get a table row each; the rest are names on A–Z lines.
INDEX_ROWS = 250
# Past this many names the A–Z lines leave the index for pages of their own, one per initial,
# each holding at most AZ_PAGE names (at 10,000 briefings the names seen once are ~40,000).
AZ_FOLDED = 600
AZ_PAGE = 1000


def entity_index(ctx: _Ctx, kind: str) -> dict[str, SitePage]:
    """The index of a kind, and past AZ_FOLDED names seen once, their A–Z pages."""
    here = paths.index_of(kind)
    ents = sorted(ctx.corpus.entities[kind].values(), key=prominence)
    page = PageWriter(paths.KIND_TITLES[kind])
    rest: list[Entity] = []
    if len(ents) > INDEX_FOLD and kind != "topic":
        rest = [e for e in ents if len(e.briefings) < 2 and not e.in_registry]
        ents = [e for e in ents if len(e.briefings) >= 2 or e.in_registry]
        if len(ents) > INDEX_ROWS:
            ents, rest = ents[:INDEX_ROWS], ents[INDEX_ROWS:] + rest
    intro = f"{plural(len(ents) + len(rest), 'entry', 'entries')}, the most covered first."
    if rest:
        intro += (f" The {len(ents)} seen most are in the table; "
                  + a(ctx, here, f"{plural(len(rest), 'other')}", here, "more") + " below, A–Z.")
    page.add(p(intro + " Click a column title to sort."), filter_box(paths.KIND_TITLES[kind].lower()))
    rows = []
    if kind == "person":
        for e in ents:
            job = latest_job(e.roles)
            org = ref_a(ctx, here, Ref("organization", job.organization)) if job and job.organization else ""
            role = h(tidy(e.role)) if e.role else (h(job.role) if job else "")
            rows.append([ref_a(ctx, here, e.ref), role, org, str(len(e.briefings)),
                         str(len(e.quotes)), date_text(e.last_seen)])
        page.add(table(["Name", "Role", "Organization", "Briefings", "Quotes", "Last seen"], rows))
    elif kind == "organization":
        for e in ents:
            people = sum(1 for r in e.connections if r.kind == "person")
            rows.append([ref_a(ctx, here, e.ref), ", ".join(h(x) for x in e.aliases[:4]),
                         str(len(e.briefings)), str(len(e.quotes)), str(people), date_text(e.last_seen)])
        page.add(table(["Name", "Also known as", "Briefings", "Statements", "People", "Last seen"], rows))
    elif kind == "initiative":
        for e in ents:
            rows.append([ref_a(ctx, here, e.ref), h(e.subkind), str(len(e.briefings)),
                         str(len(e.events)), date_text(e.last_seen)])
        page.add(table(["Name", "Kind", "Briefings", "Events", "Last seen"], rows))
    else:
        for e in ents:
            people = sum(1 for r in e.connections if r.kind == "person")
            rows.append([ref_a(ctx, here, e.ref), str(len(e.briefings)), str(people), date_text(e.last_seen)])
        page.add(table(["Topic", "Briefings", "People", "Last seen"], rows))
    pages: dict[str, SitePage] = {}
    if rest:
        once = all(len(e.briefings) < 2 for e in rest)
        label = "Mentioned once" if once else "Everyone else"
        if len(rest) > AZ_FOLDED:
            bar, pages = _az_pages(ctx, kind, label, rest)
            body = p("A–Z, on pages of their own:") + "\n" + bar
        else:
            body = _az_groups(ctx, here, rest)
        page.add(f'<details class="bb-more" id="more">\n<summary>{label}: {plural(len(rest), "entry", "entries")}'
                 f"</summary>\n{body}\n</details>")
    pages[here] = page.done(searchable=False, hide=("navigation", "toc"))
    return pages


def seen_span(ctx: _Ctx, here: str, first: RoleSeen, last: RoleSeen) -> str:
    """When the briefings call someone so, newest first: "latest <date>, first seen <date>". Not
    "since <date>": the first briefing that says so is not when the job began."""
    if not last.date:
        return ""
    return " " + render("seen_span", first_date=first.date, last_date=last.date,
                        last=Markup(briefing_a(ctx, here, last.briefing, label=h(last.date))),
                        first=Markup(briefing_a(ctx, here, first.briefing, label=h(first.date))) if first.date else "")


def person_lead(ctx: _Ctx, here: str, ent: Entity) -> str:
    """"Role, Organization (Country) · latest <date>, first seen <date>": the latest job, as the
    briefings word it, and the briefings that say so."""
    job = latest_job(ent.roles)
    country = f" ({h(ent.country)})" if ent.country else ""
    if ent.role:  # the registry's word wins; dates when a briefing gave the same
        same = [j for j in jobs(ent.roles) if name_key(ent.role) in map(name_key, j.wordings)]
        span = seen_span(ctx, here, same[0].first, same[0].last) if same and same[0].last.date == ent.last_seen else ""
        return f"<strong>{h(tidy(ent.role))}</strong>{country}{span}"
    if job is None:
        return f"<strong>{h(ent.country)}</strong>" if ent.country else ""
    lead = f"<strong>{h(job.role)}</strong>"
    if job.organization and not names_organization(job.role, job.organization_name):
        lead += ", " + ref_a(ctx, here, Ref("organization", job.organization))
    lead += country
    # the dates only when the latest briefing says so: the page's first date is its newest
    return lead + (seen_span(ctx, here, job.first, job.last) if job.last.date == ent.last_seen else "")


def _says_again(lead_html: str, description: str) -> bool:
    """Whether a description adds little to the lead line ("President of the United States (45th)"
    under "President of the United States"): the same phrase twice at the top of a page."""
    role = re.search(r"<strong>(.*?)</strong>", lead_html)
    if not role:
        return False
    key, text = name_key(html.unescape(role.group(1))), name_key(description)
    return bool(key) and key in text and len(text) < len(key) + 30


def entity_page(ctx: _Ctx, ent: Entity) -> SitePage:
    here = paths.entity(ent.ref)
    page = PageWriter(ent.name)
    lead = ""
    if ent.kind == "person":
        lead = person_lead(ctx, here, ent)
    elif ent.kind == "initiative" and ent.subkind:
        lead = f"<em>{h(ent.subkind.capitalize())}</em>"
    if lead:
        page.add(p(lead, "bb-lead"))
    if ent.description and not _says_again(lead, ent.description):
        page.add(p(h(ent.description)))
    facts = []
    if ent.aliases:
        # (Pagefind weighs the names in this span as it weighs the title: see pagefind.record)
        facts.append('<strong>Also known as:</strong> <span class="bb-names">'
                     + ", ".join(h(x) for x in ent.aliases) + "</span>")
    if ent.country and ent.kind != "person":
        facts.append(f"<strong>Country:</strong> {h(ent.country)}")
    seen_in = f"<strong>In</strong> {plural(len(ent.briefings), 'briefing')}"
    if ent.kind == "person":
        seen_in += f", {plural(len(ent.quotes), 'quote')}"
    if ent.first_seen:
        seen_in += (f", {ent.first_seen}" if ent.first_seen == ent.last_seen
                    else f", latest {ent.last_seen}, first {ent.first_seen}")
    facts.append(seen_in)
    links = [external_a(h(u), u) for u in ent.links]
    if links:
        facts.append("<strong>Links:</strong> " + ", ".join(links))
    if has_feed(ent):
        facts.append(f'<strong>Follow:</strong> <a class="bb-feed" type="application/atom+xml" '
                     f'href="{h(paths.rel_url(here, paths.entity_feed(ent.ref), ctx.directory_urls))}">Atom feed</a> of its briefings')
    page.add(p("<br>\n".join(facts), "bb-facts"))

    if ent.kind == "person":
        _coverage_section(ctx, page, here, ent, limit=COVERAGE_FIRST)
        _mentioned_section(ctx, page, here, ent)
        _person_quotes(ctx, page, here, ent)
        _roles_section(ctx, page, here, ent)
        _ego_section(ctx, page, here, ent)
        _connections(ctx, page, here, ent, "person", "Connections",
                     "People seen in the same briefings, with the number of briefings they share.")
        _connections(ctx, page, here, ent, "organization", "Organizations")
        _connections(ctx, page, here, ent, "initiative", "Initiatives")
        _events_section(ctx, page, here, ent)
    else:
        _coverage_section(ctx, page, here, ent, limit=COVERAGE_FIRST)
        _mentioned_section(ctx, page, here, ent)
        if ent.quotes:
            # the briefings' own words, searched there: here they would outrank them for a name
            page.section("Statements", *(quote_block(ctx, here, q, show_speaker=False, show_briefing=True)
                                         for q in quotes_once(reversed(ent.quotes))), searchable=False)
        _events_section(ctx, page, here, ent)
        _people_section(ctx, page, here, ent)
        if ent.kind != "topic":
            _ego_section(ctx, page, here, ent)
        for kind in ("organization", "initiative"):
            _connections(ctx, page, here, ent, kind, paths.KIND_TITLES[kind])
    if ent.kind != "topic":
        _connections(ctx, page, here, ent, "topic", "Topics")
    searchable = (ent.kind == "topic" or ent.in_registry or len(ent.briefings) >= ctx.search_min_briefings)
    return page.done(boost=ENTITY_BOOST, searchable=searchable)


def _mentioned_section(ctx: _Ctx, page: PageWriter, here: str, ent: Entity) -> None:
    """The briefings that name the entity only in passing, newest first: found, not weighed."""
    slugs = list(reversed(ent.mentioned_in))
    if slugs:
        more = len(slugs) - COVERAGE_LISTED
        items = [_plain_item(ctx, here, s) for s in slugs[:COVERAGE_LISTED]]
        page.section("Also mentioned in", bullets(items) + (p(f"and {plural(more, 'more briefing')}", "bb-note")
                                                             if more > 0 else ""), searchable=False)


def _ego_section(ctx: _Ctx, page: PageWriter, here: str, ent: Entity) -> None:

    drawing = ego_svg(ctx.corpus, ent, here, ctx.directory_urls)
    if drawing:
        page.section("Seen most with", f'<div class="bb-graph-wrap">\n{drawing}\n</div>', searchable=False)


def quotes_once(quotes: Iterable[QuoteRef]) -> list[QuoteRef]:
    """Each quote once per briefing: an article that repeats itself repeats its quotes."""
    seen: set[tuple[str, str]] = set()
    out = []
    for q in quotes:
        key = (q.briefing, _whole_key(q.text))
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def _person_quotes(ctx: _Ctx, page: PageWriter, here: str, ent: Entity) -> None:
    """Direct quotes grouped by briefing, newest first; reported statements folded after them."""
    by_briefing: dict[str, list[QuoteRef]] = {}
    for q in quotes_once(reversed(ent.quotes)):
        by_briefing.setdefault(q.briefing, []).append(q)
    blocks, reported = [], []
    for slug, quotes in by_briefing.items():
        direct = [q for q in quotes if q.kind == "direct" and len(q.text.split()) >= MIN_QUOTE_WORDS]
        reported += [q for q in quotes if q.kind != "direct"]
        if direct:
            entry = ctx.corpus.briefings[slug]
            blocks.append(render("quote_source", date=date_text(entry.date), outlet=outlet_text(entry),
                                 briefing=Markup(briefing_a(ctx, here, slug)), source=Markup(source_link(entry))))
            blocks += [f"<blockquote>\n<p>“{h(q.text)}”</p>\n</blockquote>\n"
                       + p("— " + para_a(ctx, here, q.briefing, q.paragraph), "bb-cite") for q in direct]
    if reported:
        items = bullets(f"{h(q.text)} <span class=\"bb-cite\">— {_quote_source(ctx, here, q)}</span>"
                        for q in reported)
        blocks.append(f'<details class="bb-reported">\n<summary>{plural(len(reported), "reported statement")}'
                      f"</summary>\n{items}\n</details>")
    if blocks:
        page.section("Quotes", *blocks)


def _roles_section(ctx: _Ctx, page: PageWriter, here: str, ent: Entity) -> None:
    found = jobs(ent.roles)
    if not found:
        return
    rows = []
    for job in reversed(found):
        role = h(job.role)
        if len(job.wordings) > 1:
            role += '<br><span class="bb-aka">also: ' + "; ".join(h(w) for w in job.wordings[1:4]) + "</span>"
        briefings = len({s.briefing for s in job.sightings})
        rows.append([role, ref_a(ctx, here, Ref("organization", job.organization)) if job.organization else "",
                     briefing_a(ctx, here, job.first.briefing, label=h(date_text(job.first.date))),
                     briefing_a(ctx, here, job.last.briefing, label=h(date_text(job.last.date))), str(briefings)])
    page.section("Roles", p("One row per job, however the briefings worded it; the latest first."),
                 table(["Role", "Organization", "First seen", "Last seen", "Briefings"], rows), searchable=False)


def _role_of(ctx: _Ctx, ref: Ref) -> str:
    """A person's latest job as a short phrase (for lists of people), or empty; worked out once."""
    role = ctx.roles.get(ref)
    if role is None:
        person = ctx.corpus.entity(ref)
        job = latest_job(person.roles) if person is not None and not person.role else None
        role = ctx.roles[ref] = (h(tidy(person.role)) if person is not None and person.role
                                 else h(job.role) if job else "")
    return role


def _connections(ctx: _Ctx, page: PageWriter, here: str, ent: Entity, kind: str, title: str,
                 note: str = "") -> None:
    shown, total = ctx.corpus.top_connections(ent, kind, CONNECTIONS_SHOWN)
    if not shown:
        return
    more = f"And {total - len(shown)} more." if total > len(shown) else ""
    if kind == "person":
        body = [p(note) if note else "",
                table(["Person", "Role", "Shared briefings"],
                      [[ref_a(ctx, here, r), _role_of(ctx, r), str(n)] for r, n in shown]),
                p(more) if more else ""]
    else:  # other kinds as one line: name (shared briefings)
        body = [p(" · ".join(f"{ref_a(ctx, here, r)} ({n})" for r, n in shown) + (f" · {more}" if more else ""),
                  "bb-inline")]
    page.section(title, *body, searchable=False)


def _acts_for(person: Entity, org: Entity, names: list[str]) -> RoleSeen | None:
    """The latest sighting where a person's role is at this organization (or its wording names it:
    ``names``, the organization's names as ``_org_names`` gives them)."""
    for seen in reversed(person.roles):
        if seen.organization == org.id:
            return seen
        if seen.role and is_post(seen.role) and any(n in name_key(seen.role) for n in names):
            return seen
    return None


def _org_names(org: Entity) -> list[str]:
    return [name_key(x) for x in (org.name, *org.aliases) if len(x) >= 3]


def _people_section(ctx: _Ctx, page: PageWriter, here: str, ent: Entity) -> None:
    """People who act for the organization (a role there) apart from people merely seen beside it."""
    conns = [(r, n) for r, n in ent.connections.items() if r.kind == "person"]
    if not conns:
        return
    conns.sort(key=lambda rn: (-rn[1], ctx.corpus.rank_of(rn[0])))
    acting, beside = [], []
    names = _org_names(ent)
    for r, n in conns:
        person = ctx.corpus.entity(r)
        seen = _acts_for(person, ent, names) if person is not None and ent.kind == "organization" else None
        if seen is not None:
            acting.append([ref_a(ctx, here, r), h(tidy(seen.role)) if seen.role else "", str(n)])
        else:
            beside.append((r, n))
    if acting:
        page.section("People", p("Whose role the briefings put at this organization."),
                     table(["Person", "Role", "Shared briefings"], acting[:CONNECTIONS_SHOWN]),
                     p(f"And {len(acting) - CONNECTIONS_SHOWN} more.") if len(acting) > CONNECTIONS_SHOWN else "",
                     searchable=False)
    passing: list[tuple[Ref, int]] = []
    if beside and len(ent.briefings) <= COVERAGE_FIRST + COVERAGE_LISTED:
        # people seen beside it only where it is named in passing (a car review's "NASA-inspired
        # seats") are listed apart, after those of the briefings about it
        about = {s for s in ent.briefings if central(ctx, ctx.corpus.briefings[s], ent)}
        if about:
            kept = []
            for r, n in beside[: CONNECTIONS_SHOWN * 5]:
                person = ctx.corpus.entity(r)
                shared = sum(1 for s in person.briefings if s in about) if person is not None else n
                if shared:
                    kept.append((r, shared))
                else:
                    passing.append((r, n))
            beside = kept + beside[CONNECTIONS_SHOWN * 5:]
    if beside or passing:
        shown = beside[:CONNECTIONS_SHOWN]
        more = f" · and {len(beside) - len(shown)} more" if len(beside) > len(shown) else ""
        title = "Mentioned beside it" if ent.kind == "organization" else "People"
        body = [p(" · ".join(f"{ref_a(ctx, here, r)} ({n})" for r, n in shown) + more, "bb-inline") if shown else ""]
        if passing:
            body.append(p("<strong>Only where it is named in passing:</strong> "
                          + " · ".join(f"{ref_a(ctx, here, r)} ({n})" for r, n in passing[:CONNECTIONS_SHOWN]),
                          "bb-inline bb-passing"))
        page.section(title, *body, searchable=False)


def _events_section(ctx: _Ctx, page: PageWriter, here: str, ent: Entity) -> None:
    if not ent.events:
        return
    every = unique_events(ent.events)
    events = every[-ENTITY_EVENTS_SHOWN:][::-1]  # the newest first
    note = ""
    if len(every) > len(events):
        note = p(f"The latest {len(events)} of {len(every)} dated events; "
                 + a(ctx, here, "the timeline", paths.TIMELINE) + " has them all.")
    page.section("Timeline", note, ORDER_SWITCH,
                 ordered_list(event_item(ctx, here, ev, skip=ent.ref) for ev in events), searchable=False)


# A button (made by briefbook.js; nothing without it) that turns every list marked
# ``data-bb-order`` on the page between newest first and oldest first.
ORDER_SWITCH = '<p class="bb-order" data-bb-order-switch hidden></p>'


def ordered_list(items: Iterable[str]) -> str:
    """A list the newest first that the reader can turn (``ORDER_SWITCH``)."""
    return '<ul data-bb-order>\n' + "\n".join(f"<li>{x}</li>" for x in items) + "\n</ul>"


def one_line(text: str | None, limit: int = 180) -> str:
    """A summary cut to about one line, at a word."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def central(ctx: _Ctx, entry: BriefingEntry, ent: Entity) -> bool:
    """Whether a briefing is about an entity rather than naming it in passing: it gives them a role,
    they speak in it, or it names them in its headline, summary or first paragraph. (A weight the
    frontmatter supports today; the actor/mentioned level of the entities issue will say more.)"""
    if ent.kind == "topic":
        return True
    if ent.kind == "person" and (ent.id in entry.roles or any(q.speaker == ent.id for q in entry.quotes)):
        return True
    if ent.kind == "organization" and (any(q.speaker_org == ent.id for q in entry.quotes)
                                       or any(r.organization == ent.id for r in entry.roles.values())):
        return True
    b = entry.briefing
    lead = " ".join([b.title or "", b.summary or "", b.paragraphs[0] if b.paragraphs else ""])
    return any(len(form) >= 3 and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", lead)
               for form in (ent.name, *ent.aliases))


def _story_item(ctx: _Ctx, here: str, e: BriefingEntry) -> str:
    """A story in a coverage list: headline, date, outlet, place, a line of summary, and where it is
    one of several outlets' versions, each source with its outlet."""
    story = ctx.corpus.story_of(e.slug)
    sources = [Markup(briefing_a(ctx, here, s, label=outlet_html(ctx.corpus.briefings[s]) or h(date_text(
               ctx.corpus.briefings[s].date)))) for s in story.briefings] if story is not None else []
    meta = [x for x in (date_text(e.date), outlet_text(e), e.briefing.location or "") if x]
    return render("story_item", link=Markup(briefing_a(ctx, here, e.slug)), meta=meta,
                  summary=one_line(e.briefing.summary), sources=sources)


def _coverage_section(ctx: _Ctx, page: PageWriter, here: str, ent: Entity, *, limit: int) -> None:
    """The stories about an entity, latest first: headline, date, outlet and a line of summary, one
    item per story however many outlets told it; older ones past ``limit`` as a plain list; then,
    apart, the briefings that name it only in passing."""
    slugs = list(reversed(ent.briefings))
    passing: list[str] = []
    if len(slugs) <= limit + COVERAGE_LISTED:  # (past that, pages by date list them all)
        weighed = [(s, central(ctx, ctx.corpus.briefings[s], ent)) for s in slugs]
        main = [s for s, c in weighed if c]
        if main:  # a name never central anywhere keeps its coverage as it is
            passing = [s for s, c in weighed if not c]
            slugs = main
    seen_stories: set[str] = set()
    stories: list[str] = []
    for slug in slugs:
        story = ctx.corpus.briefings[slug].story
        if story is None or story not in seen_stories:
            stories.append(slug)
            if story is not None:
                seen_stories.add(story)
    # a passing mention in one outlet's version of a story the coverage lists is that story
    passing = [x for x in passing if ctx.corpus.briefings[x].story not in seen_stories]
    items = [_story_item(ctx, here, ctx.corpus.briefings[slug]) for slug in stories[:limit]]
    body = ['<ul class="bb-coverage">\n' + "\n".join(f"<li>{x}</li>" for x in items) + "\n</ul>"]
    if len(stories) > limit:
        older = stories[limit:]
        parts = _coverage_parts(ctx, ent)
        if parts:  # too many to list here: links to pages of them by year or month
            listed = p(" · ".join(a(ctx, here, h(f"{title} ({len(entries)})"), paths.coverage_part(ent.ref, key))
                                  for key, title, entries in reversed(parts)), "bb-inline")
        else:
            listed = bullets(_plain_item(ctx, here, x) for x in older)
        body.append(f'<details class="bb-more">\n<summary>{plural(len(older), "older briefing")}'
                    "</summary>\n" + listed + "\n</details>")
    if passing:
        body.append(render("in_passing", name=ent.name, items=[Markup(_plain_item(ctx, here, x)) for x in passing]))
    page.section("Latest coverage", *body, searchable=False)


def _plain_item(ctx: _Ctx, here: str, slug: str) -> str:
    e = ctx.corpus.briefings[slug]
    return f"{h(date_text(e.date))} · {briefing_a(ctx, here, slug)}" + (f" · {o}" if (o := outlet_html(e)) else "")


# Past this many older briefings an entity page links to pages of them (by year or month) instead
# of listing them all: the most covered names are in thousands of briefings at volume.
COVERAGE_LISTED = 100


def _coverage_parts(ctx: _Ctx, ent: Entity) -> list[tuple[str, str, list[BriefingEntry]]]:
    """The older briefings about an entity as date pages (oldest first), or none if few enough to list."""
    older = [ctx.corpus.briefings[x] for x in list(reversed(ent.briefings))[COVERAGE_FIRST:]]
    if len(older) <= COVERAGE_LISTED:
        return []
    older.sort(key=lambda e: (e.date or "", e.slug))
    return date_pages(older, lambda e: e.date or "undated", BRIEFINGS_ROWS)


def coverage_pages(ctx: _Ctx, ent: Entity) -> dict[str, SitePage]:
    """Pages of an entity's older briefings by year or month, when there are too many to list."""
    parts = _coverage_parts(ctx, ent)
    pages: dict[str, SitePage] = {}
    home = paths.entity(ent.ref)
    for position, (key, title, entries) in enumerate(parts):
        uri = paths.coverage_part(ent.ref, key)
        nav = [a(ctx, uri, h(ent.name), home)]
        if position > 0:
            before = parts[position - 1]
            nav.insert(0, a(ctx, uri, "← " + h(before[1]), paths.coverage_part(ent.ref, before[0])))
        if position + 1 < len(parts):
            after = parts[position + 1]
            nav.append(a(ctx, uri, h(after[1]) + " →", paths.coverage_part(ent.ref, after[0])))
        page = PageWriter(f"{ent.name}: briefings, {title}")
        page.add(p(" · ".join(nav), "bb-pager"), _briefing_rows(ctx, uri, list(reversed(entries))))
        pages[uri] = page.done(searchable=False, hide=("toc",))
    return pages


# ---------------------------------------------------------------------------------------------
# timeline and home


def _by_month(events: list[EventRef]) -> dict[str, list[EventRef]]:
    months: dict[str, list[EventRef]] = {}
    for ev in events:
        months.setdefault(ev.date[:7], []).append(ev)
    return months


def _period(date: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date ('2025', '2025-03' or '2025-03-12') can mean."""
    try:
        parts = [int(x) for x in date.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        day = dt.date(*parts[:3])
        return day, day
    except (ValueError, TypeError):
        return None


def unique_events(events: Iterable[EventRef]) -> list[EventRef]:
    """Each event once: an article that repeats a line (a newsletter's heading, a caption) gave
    the same date and words several times, and the timeline showed them one under another."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for ev in events:
        key = (ev.briefing, ev.date, " ".join(ev.text.split()).casefold())
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def timeline_events(corpus: Corpus) -> list[EventRef]:
    """The events worth a place on the timeline: those in their briefing's own time window (from
    shortly before it was written to a year after: the news and what it announces), and those
    involving an entity seen in two briefings or more. Background history and anecdotes go."""
    kept = []
    for ev in unique_events(corpus.events):
        written = _period(corpus.briefings[ev.briefing].date or "")
        when = _period(ev.date)
        if written is None or when is None:
            kept.append(ev)
            continue
        if written[0] - WINDOW_BEFORE <= when[1] and when[0] <= written[0] + WINDOW_AFTER:
            kept.append(ev)
            continue
        for ref in ev.entities:
            ent = corpus.entity(ref)
            if ref.kind != "topic" and ent is not None and len(ent.briefings) >= 2:
                kept.append(ev)
                break
    return kept


def timeline_item(ctx: _Ctx, here: str, ev: EventRef) -> str:
    """An event on the timeline, with what the filters need: its entity kinds and its briefing's topics."""
    kinds = sorted({r.kind for r in ev.entities if r.kind != "topic"})
    topics = ctx.corpus.briefings[ev.briefing].topics[:4]
    tags = " ".join([*kinds, *(f"t-{t}" for t in topics)])
    return f'<li data-f="{h(tags)}">' + event_item(ctx, here, ev) + "</li>"


def _event_list(ctx: _Ctx, here: str, events: list[EventRef]) -> str:
    return "<ul class=\"bb-events\" data-bb-order>\n" + "\n".join(timeline_item(ctx, here, ev) for ev in events) + "\n</ul>"


def _month_sections(ctx: _Ctx, page: PageWriter, here: str, events: list[EventRef]) -> None:
    """The events by month, the newest month and event first (the reader can turn the order)."""
    months = []
    for key, evs in reversed(_by_month(events).items()):
        title = month_title(key)
        page.toc.append((f"m-{key}", title))
        months.append({"key": key, "title": title, "events": Markup(_event_list(ctx, here, evs[::-1]))})
    page.add(render("months", months=months))


def event_filters(ctx: _Ctx, events: list[EventRef]) -> str:
    """Buttons and a topic menu that narrow the list (briefbook.js shows them; inert without it)."""
    topics: dict[str, int] = {}
    for ev in events:
        for t in ctx.corpus.briefings[ev.briefing].topics[:4]:
            topics[t] = topics.get(t, 0) + 1
    options = "".join(f'<option value="t-{h(t)}">{h(ctx.corpus.name_of(Ref("topic", t)))} ({n})</option>'
                      for t, n in sorted(topics.items(), key=lambda tn: (-tn[1], tn[0])))
    kinds = "".join(f'<button type="button" class="md-button" data-f="{k}">{label}</button>'
                    for k, label in (("", "All"), ("person", "People"), ("organization", "Organizations"),
                                     ("initiative", "Initiatives")))
    menu = (f' <select aria-label="Topic"><option value="">All topics</option>{options}</select>'
            if options else "")
    return f'<p class="bb-ev-filter" data-bb-events hidden>{kinds}{menu}</p>'


def _timeline_pages(events: list[EventRef]) -> list[tuple[str, str, list[EventRef]]]:
    """(key, title, events) of each timeline page: a year, a month, or part of a month, each
    holding at most TIMELINE_PAGE events (days are not split)."""
    return date_pages(events, lambda ev: ev.date, TIMELINE_PAGE)


def date_pages(items: list[T], date_of: Callable[[T], str], limit: int) -> list[tuple[str, str, list[T]]]:
    """Items in date order cut into pages of at most ``limit``: (key, title, items) of each.

    A year is one page if it fits, else each month is; a month that does not fit is cut between
    days (items dated to the month alone go with its first days).
    """
    out: list[tuple[str, str, list[T]]] = []
    years: dict[str, list[T]] = {}
    for item in items:
        date = date_of(item)
        years.setdefault(date[:4] if date[:4].isdigit() else date, []).append(item)
    for year, in_year in years.items():
        if len(in_year) <= limit or not year.isdigit():
            out.append((year, year, in_year))
            continue
        months: dict[str, list[T]] = {}
        for item in in_year:
            months.setdefault(date_of(item)[:7], []).append(item)
        for month, in_month in months.items():
            if len(in_month) <= limit or len(month) < 7:
                out.append((month, month_title(month), in_month))
                continue
            days: dict[str, list[T]] = {}
            for item in in_month:
                days.setdefault(date_of(item)[:10], []).append(item)
            part: list[T] = []
            for in_day in days.values():
                if part and len(part) + len(in_day) > limit:
                    out.append(_part(month, [date_of(x) for x in part], part))
                    part = []
                part.extend(in_day)
            if part:
                out.append(_part(month, [date_of(x) for x in part], part))
    return out


def _part(month: str, dates: list[str], items: list[T]) -> tuple[str, str, list[T]]:
    """A page for some days of a month (items dated to the month alone go with its first days)."""
    first, last = (d[8:10].lstrip("0") if len(d) == 10 else "1" for d in (dates[0], dates[-1]))
    span = first if first == last else f"{first}–{last}"
    return f"{month}-{int(first):02d}", f"{month_title(month)}, {span}", items


def timeline_pages(ctx: _Ctx) -> dict[str, SitePage]:
    events = timeline_events(ctx.corpus)
    here = paths.TIMELINE
    left_out = len(unique_events(ctx.corpus.events)) - len(events)
    intro = (f"{plural(len(events), 'dated event')} from {plural(len(ctx.corpus.briefings), 'briefing')}, "
             "by month. Each links to the paragraph it comes from.")
    if left_out:
        intro += (f" {plural(left_out, 'other date')} (history long before the article, and asides about "
                  "people seen once) are on their briefing's page only.")
    index = PageWriter("Timeline")
    index.add(p(intro))
    if len(events) <= TIMELINE_PAGE:
        index.add(event_filters(ctx, events))
        _month_sections(ctx, index, here, events)
        return {here: index.done(searchable=False, hide=("toc",))}
    pages: dict[str, SitePage] = {}
    parts = _timeline_pages(events)
    links: dict[str, list[str]] = {}  # year -> links to its months (or parts of months)
    for position, (key, title, evs) in enumerate(parts):
        uri = paths.timeline_year(key)
        for month, mevs in _by_month(evs).items():
            label = title if len(key) == 10 else month_title(month)
            links.setdefault(month[:4], []).append(a(ctx, here, h(f"{label} ({len(mevs)})"), uri, f"m-{month}"))
        page = PageWriter(f"Timeline: {title}")
        nav = [a(ctx, uri, "All dates", here)]
        if position > 0:
            nav.insert(0, a(ctx, uri, "← " + h(parts[position - 1][1]), paths.timeline_year(parts[position - 1][0])))
        if position + 1 < len(parts):
            nav.append(a(ctx, uri, h(parts[position + 1][1]) + " →", paths.timeline_year(parts[position + 1][0])))
        page.add(p(" · ".join(nav), "bb-pager"), event_filters(ctx, evs))
        _month_sections(ctx, page, uri, evs)
        page.add(p(" · ".join(nav), "bb-pager"))
        pages[uri] = page.done(searchable=False, hide=("toc",))
    for year, year_links in reversed(links.items()):  # the latest year first, its latest month first
        index.section(year, p(" · ".join(reversed(year_links)), "bb-inline"), anchor=f"y-{year}")
    pages[here] = index.done(searchable=False)
    return pages


def cards(items: Iterable[str]) -> str:
    """Material's grid cards (its own CSS: ``.grid.cards``), each item HTML already."""
    return '<div class="bb-cards grid cards">\n' + bullets(items) + "\n</div>"


def _briefing_card(ctx: _Ctx, here: str, e: BriefingEntry) -> str:
    """Headline, date and place, a line of summary and the first direct quote with its speaker."""
    meta = h(date_text(e.date)) + (f" · {h(e.briefing.location)}" if e.briefing.location else "")
    out = f"<strong>{briefing_a(ctx, here, e.slug)}</strong><br>\n<span class=\"bb-date\">{meta}</span>"
    summary = one_line(e.briefing.summary, 200)
    if summary:
        out += p(h(summary), "bb-oneline")
    quote = next((q for q in e.quotes if q.kind == "direct" and len(q.text.split()) >= 6), None)
    if quote is not None:
        who = speaker_cite(ctx, here, e, quote) if (quote.speaker or quote.speaker_org) else ""
        out += p(f"“{h(one_line(quote.text, 160))}”" + (f" — {who}" if who else ""), "bb-card-quote")
    return out


def _entity_card(ctx: _Ctx, here: str, ent: Entity) -> str:
    """Name, what they are (latest job or initiative kind) and how much the briefings cover them."""
    what = _role_of(ctx, ent.ref) if ent.kind == "person" else h((ent.subkind or "").capitalize())
    counts = plural(len(ent.briefings), "briefing")
    if ent.quotes:
        counts += f" · {plural(len(ent.quotes), 'quote')}"
    if ent.last_seen:
        counts += f" · last {h(ent.last_seen)}"
    return (f"<strong>{ref_a(ctx, here, ent.ref)}</strong>" + (f"<br>\n{what}" if what else "")
            + f'<br>\n<span class="bb-date">{counts}</span>')


def _most_covered_lines(ctx: _Ctx, here: str) -> str:
    """The most covered people and organizations, one line each, at the top of the home page (in the
    first screen on a desktop and on a phone; the cards further down say more about the people)."""
    rows = []
    for kind, label in (("person", "People"), ("organization", "Organizations")):
        top = sorted(ctx.corpus.entities[kind].values(), key=prominence)[:HOME_TOP]
        if top:
            rows.append({"label": label, "all": Markup(a(ctx, here, "all →", paths.index_of(kind))),
                         "entities": [{"link": Markup(ref_a(ctx, here, e.ref)), "count": len(e.briefings)} for e in top]})
    return render("most_covered", rows=rows) if rows else ""


def home(ctx: _Ctx) -> SitePage:
    here = paths.HOME
    c = ctx.corpus
    counts = [a(ctx, here, plural(len(c.briefings), "briefing"), paths.BRIEFINGS)]
    for kind, words in (("person", ("person", "people")), ("organization", ("organization", None)),
                        ("initiative", ("initiative", None)), ("topic", ("topic", None))):
        counts.append(a(ctx, here, plural(len(c.entities[kind]), *words), paths.index_of(kind)))
    counts.append(a(ctx, here, plural(len(unique_events(c.events)), "dated event"), paths.TIMELINE))
    page = PageWriter("Home", "News briefings")
    page.add(p("Who acted, what, when, and who said what: briefings made from news articles, with a page "
               "for every person, organization, initiative and topic they mention."),
             p(" · ".join(counts), "bb-counts"), _most_covered_lines(ctx, here))
    latest, told = [], set()  # one card per story, however many outlets told it
    for e in c.newest_first():
        if len(latest) == HOME_CARDS:
            break
        if e.story is None or e.story not in told:
            latest.append(e)
            told.add(e.story)
    if latest:
        page.section("Latest briefings", cards(_briefing_card(ctx, here, e) for e in latest),
                     p(a(ctx, here, f"All {plural(len(c.briefings), 'briefing')} →", paths.BRIEFINGS)))
    people = sorted(c.entities["person"].values(), key=prominence)[:HOME_PEOPLE]
    if people:
        page.section("Most covered people", cards(_entity_card(ctx, here, e) for e in people),
                     p(a(ctx, here, "Everyone →", paths.index_of("person"))))
    initiatives = sorted(c.entities["initiative"].values(), key=prominence)[:HOME_PEOPLE // 2]
    if initiatives:
        page.section("Initiatives", cards(_entity_card(ctx, here, e) for e in initiatives),
                     p(a(ctx, here, "All initiatives →", paths.index_of("initiative"))))
    topics = sorted(c.entities["topic"].values(), key=lambda t: (-len(t.briefings), t.rank))
    if topics:
        page.section("Topics", p(" · ".join(f"{ref_a(ctx, here, t.ref)} ({len(t.briefings)})" for t in topics),
                                 "bb-topics"))
    review = c.needs_review()
    if review:
        page.section("Needs review", p(f"{plural(len(review), 'briefing')} flagged for a person to check: "
                                       + a(ctx, here, "Needs review", paths.REVIEW) + "."))
    page.section("Follow and reuse", p(
        f"{a(ctx, here, 'Atom feed', paths.FEED)} of the latest briefings · "
        f"{a(ctx, here, 'briefings.json', paths.API_BRIEFINGS)} · "
        f"{a(ctx, here, 'entities.json', paths.API_ENTITIES)}"))
    project = [a(ctx, here, h(label), uri) for uri, label in PROJECT_PAGES.items() if uri in ctx.docs_pages]
    if project:
        page.add(p(" · ".join(project)))
    return page.done(hide=("toc",))
