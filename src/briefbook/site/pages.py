"""The site's pages as Markdown: a pure function of the corpus.

``generate_pages(corpus)`` returns ``{source path: Markdown}`` for every generated page. The
MkDocs plugin hands them to MkDocs as virtual files; ``briefbook pages`` writes them to disk.
Every piece of briefing data goes through :func:`text.md` (or :func:`text.h` in raw HTML and
page meta), so article text can never become markup. Links are relative Markdown links between
source files, so MkDocs checks every one of them (and every ``#p-N`` anchor) under ``--strict``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..corpus import BriefingEntry, Corpus, Entity, EventRef, Mention, QuoteRef, Ref, RoleSeen
from ..ids import name_key
from . import paths
from .graph import graph_page
from .text import external_link, h, md

# Beyond this many events the timeline is split into one page per year.
TIMELINE_SPLIT = 2000
LATEST = 10
CONNECTIONS_SHOWN = 40
ENTITY_EVENTS_SHOWN = 300
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
NO_DATE = "—"
# Search ranks entity pages above briefings that merely mention the name.
ENTITY_BOOST = 5
# Sections that only repeat what other pages say stay out of the search index, which the
# browser downloads whole: lists of briefings, connections, entity timelines.
NOSEARCH = " { data-search-exclude }"


# Hand-written pages the home page links to when the docs folder has them (path -> label).
PROJECT_PAGES = {"about.md": "About this site", "contributing.md": "Contributing",
                 "quality.md": "Extraction quality", "benchmarks.md": "Benchmarks"}


@dataclass
class _Ctx:
    corpus: Corpus
    directory_urls: bool = True
    docs_pages: tuple[str, ...] = ("about.md",)
    # ref -> (escaped name, page path): names are escaped once, not at every link
    labels: dict[Ref, tuple[str, str]] = field(default_factory=dict)
    # the same for raw HTML: ref -> (HTML-escaped name, page path)
    hlabels: dict[Ref, tuple[str, str]] = field(default_factory=dict)


def generate_pages(corpus: Corpus, *, directory_urls: bool = True,
                   docs_pages: Iterable[str] = ("about.md",)) -> dict[str, str]:
    """Every generated page of the site, keyed by its source path (``people/<id>.md``).

    ``docs_pages`` names the hand-written pages that exist, so the home page links only to those.
    """
    ctx = _Ctx(corpus, directory_urls, tuple(docs_pages))
    pages: dict[str, str] = {paths.HOME: home(ctx), paths.BRIEFINGS: briefing_index(ctx),
                             paths.REVIEW: review_page(ctx)}
    for entry in corpus.briefings.values():
        pages[paths.briefing(entry.slug)] = briefing_page(ctx, entry)
    for kind, by_id in corpus.entities.items():
        pages[paths.index_of(kind)] = entity_index(ctx, kind)
        for ent in by_id.values():
            pages[paths.entity(ent.ref)] = entity_page(ctx, ent)
    pages.update(timeline_pages(ctx))
    pages[paths.GRAPH] = graph_page(corpus, paths.GRAPH, directory_urls=directory_urls)
    return pages


# ---------------------------------------------------------------------------------------------
# small pieces


def front(title: str, *, boost: float | None = None, hide: tuple[str, ...] = (),
          searchable: bool = True) -> str:
    """Page meta: the title HTML-escaped (Material prints meta titles as they are)."""
    lines = ["---", f"title: {json.dumps(h(title))}"]
    if not searchable:
        lines.append("search:\n  exclude: true")
    elif boost:
        lines.append(f"search:\n  boost: {boost}")
    if hide:
        lines.append("hide: [" + ", ".join(hide) + "]")
    lines += ["---", ""]
    return "\n".join(lines) + "\n"


def link(label: str, here: str, target: str, anchor: str | None = None) -> str:
    """A Markdown link; ``label`` is already Markdown (pass data through ``md`` first)."""
    if target == here and anchor:
        return f"[{label}](#{anchor})"
    href = paths.rel(here, target) + (f"#{anchor}" if anchor else "")
    return f"[{label}]({href})"


def ref_link(ctx: _Ctx, here: str, ref: Ref) -> str:
    label_target = ctx.labels.get(ref)
    if label_target is None:
        ent = ctx.corpus.entity(ref)
        label_target = ctx.labels[ref] = (md(ent.name if ent else ref.id), paths.entity(ref) if ent else "")
    label, target = label_target
    return link(label, here, target) if target else label


def briefing_link(ctx: _Ctx, here: str, slug: str, anchor: str | None = None,
                  label: str | None = None) -> str:
    entry = ctx.corpus.briefings[slug]
    return link(label if label is not None else md(entry.title), here, paths.briefing(slug), anchor)


# Raw HTML pieces. The long, repetitive parts of pages (tables, lists of events, quotes, the
# article) are written as raw HTML blocks: Python-Markdown passes them through without its costly
# inline pass, and MkDocs does not resolve their links, so the hrefs are built URLs computed here.
# Every piece of data in them goes through ``h`` (HTML-escaped, braces too).


def a(ctx: _Ctx, here: str, label_html: str, target: str, anchor: str | None = None) -> str:
    """An HTML link to a generated page; ``label_html`` is already escaped."""
    if target == here and anchor:
        return f'<a href="#{h(anchor)}">{label_html}</a>'
    href = paths.rel_url(here, target, ctx.directory_urls) + (f"#{anchor}" if anchor else "")
    return f'<a href="{h(href)}">{label_html}</a>'


def ref_a(ctx: _Ctx, here: str, ref: Ref) -> str:
    label_target = ctx.hlabels.get(ref)
    if label_target is None:
        ent = ctx.corpus.entity(ref)
        label_target = ctx.hlabels[ref] = (h(ent.name if ent else ref.id), paths.entity(ref) if ent else "")
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


def para_link(ctx: _Ctx, here: str, slug: str, paragraph: int) -> str:
    anchor = para_anchor(ctx, slug, paragraph)
    if anchor is None:
        return f"paragraph {md(paragraph)} (not in the text)"
    return link(f"paragraph {paragraph}", here, paths.briefing(slug), anchor)


def org_link(ctx: _Ctx, here: str, seen: RoleSeen | None) -> str:
    if seen is None or not seen.organization:
        return ""
    return ref_link(ctx, here, Ref("organization", seen.organization))


def date_text(date: str | None) -> str:
    return date or NO_DATE


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    """A table as one raw HTML block (cells are HTML already); the site script makes it sortable.

    It has a thead and a tbody, as the script expects, and no blank line inside.
    """
    head = "".join(f"<th>{c}</th>" for c in header)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return [f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>", ""]


def month_title(key: str) -> str:
    """'2025-08' -> 'August 2025'; a year alone stays as it is."""
    if len(key) == 7:
        return f"{MONTHS[int(key[5:7]) - 1]} {key[:4]}"
    return f"{key} (month not known)"


def quote_block(ctx: _Ctx, here: str, q: QuoteRef, *, show_speaker: bool, show_briefing: bool) -> list[str]:
    """A quote and its attribution, as two raw HTML blocks."""
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
        entry = ctx.corpus.briefings[q.briefing]
        cite.append(f"{date_text(entry.date)}, "
                    + briefing_a(ctx, here, q.briefing, para_anchor(ctx, q.briefing, q.paragraph)))
    else:
        cite.append(para_a(ctx, here, q.briefing, q.paragraph))
    # the attribution is a paragraph of its own: it also keeps consecutive quotes apart
    return [f"<blockquote>\n<p>{body}</p>\n</blockquote>", "",
            '<p class="bb-cite">— ' + ", ".join(cite) + "</p>", ""]


def event_item(ctx: _Ctx, here: str, ev: EventRef, *, skip: Ref | None = None, show_briefing: bool = True,
               max_entities: int = 6) -> str:
    """One event as an HTML list item."""
    parts = [f"<li><strong>{h(ev.date)}</strong> {h(ev.text)}"]
    if show_briefing:
        parts.append("— " + briefing_a(ctx, here, ev.briefing, para_anchor(ctx, ev.briefing, ev.paragraph)))
    else:
        parts.append("— " + para_a(ctx, here, ev.briefing, ev.paragraph))
    others = [r for r in ev.entities if r != skip and r.kind != "topic"][:max_entities]
    if others:
        parts.append("· " + ", ".join(ref_a(ctx, here, r) for r in others))
    return " ".join(parts) + "</li>"


def event_list(items: list[str]) -> list[str]:
    """Event items as one raw HTML block."""
    return ["<ul>\n" + "\n".join(items) + "\n</ul>", ""] if items else []


# ---------------------------------------------------------------------------------------------
# briefing pages


def briefing_page(ctx: _Ctx, entry: BriefingEntry) -> str:
    here = paths.briefing(entry.slug)
    b = entry.briefing
    out = [front(entry.title), f"# {md(entry.title)} {{: #top }}", ""]
    meta = [f"**{md(b.date)}**" if b.date else "**Date not known**"]
    if b.location:
        meta.append(md(b.location))
    source = b.source
    outlet = md(source.outlet) if source.outlet else ""
    if source.agencies:
        agencies = ", ".join(md(a) for a in source.agencies)
        outlet = f"{outlet} ({agencies})" if outlet else agencies
    if outlet:
        meta.append(outlet)
    if source.url:
        meta.append(external_link("original article", source.url))
    out += [" · ".join(meta), '{: .bb-meta }', ""]
    if b.review:
        out += ["**Needs review:** " + "; ".join(md(r) for r in b.review), "{: .bb-review }", ""]
    if b.summary:
        out += [md(b.summary), "{: .bb-summary }", ""]
    if b.key_points:
        out += ["## Key points", ""] + [f"- {md(p)}" for p in b.key_points] + [""]
    if entry.quotes:
        out += ["## Quotes", ""]
        for q in entry.quotes:
            out += quote_block(ctx, here, q, show_speaker=True, show_briefing=False)
    if entry.people:
        out += [f"## People{NOSEARCH}", ""]
        rows = []
        for pid in entry.people:
            seen = entry.roles.get(pid)
            role = h(seen.role) if seen and seen.role else ""
            org = org_a(ctx, here, seen)
            rows.append([ref_a(ctx, here, Ref("person", pid)), role, org])
        out += table(["Name", "Role", "Organization"], rows)
    for kind, ids in (("organization", entry.organizations), ("initiative", entry.initiatives),
                      ("topic", entry.topics)):
        if ids:
            out += [f"## {paths.KIND_TITLES[kind]}{NOSEARCH}", "",
                    " · ".join(ref_link(ctx, here, Ref(kind, i)) for i in ids), ""]
    if entry.events:
        out += ["## Timeline", ""]
        out += event_list([event_item(ctx, here, ev, show_briefing=False) for ev in entry.events])
    if b.paragraphs:
        out += ["## Article", ""]
        for index, para in enumerate(b.paragraphs):
            n = index + 1
            out += [f'<p id="p-{n}" class="bb-para"><a href="#p-{n}" class="bb-pn" '
                    f'title="Link to paragraph {n}">{n}</a> '
                    + linked_text(ctx, here, para, entry.first_mentions.get(index, [])) + "</p>", ""]
    sources = [s for s in b.other_sources if s.outlet or s.url]
    if sources:
        out += [f"## Also reported by{NOSEARCH}", ""]
        out += [f"- {external_link(md(s.outlet or s.url), s.url)}" for s in sources] + [""]
    return "\n".join(out)


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


def briefing_index(ctx: _Ctx) -> str:
    here = paths.BRIEFINGS
    entries = ctx.corpus.newest_first()
    out = [front("Briefings", searchable=False), "# Briefings", "",
           f"{plural(len(entries), 'briefing')}, newest first. Click a column title to sort.", ""]
    review = ctx.corpus.needs_review()
    if review:
        out += [f"{plural(len(review), 'briefing needs', 'briefings need')} a look: "
                + link("Needs review", here, paths.REVIEW) + ".", ""]
    rows = []
    for e in entries:
        b = e.briefing
        rows.append([date_text(b.date), briefing_a(ctx, here, e.slug), h(b.location),
                     h(b.source.outlet), str(len(e.quotes))])
    out += table(["Date", "Briefing", "Place", "Outlet", "Quotes"], rows)
    return "\n".join(out)


def review_page(ctx: _Ctx) -> str:
    here = paths.REVIEW
    review = ctx.corpus.needs_review()
    out = [front("Needs review"), "# Needs review", "",
           "Briefings that the generator flagged for a person to check. Fix the briefing file "
           "(or the registry) and rebuild; the flag goes away when its `review` list is empty.", ""]
    if not review:
        out += ["Nothing needs review.", ""]
    for e in review:
        out += [f"- {briefing_link(ctx, here, e.slug)} ({date_text(e.date)}): "
                + "; ".join(md(r) for r in e.briefing.review)]
    out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# entity pages


def entity_index(ctx: _Ctx, kind: str) -> str:
    here = paths.index_of(kind)
    ents = list(ctx.corpus.entities[kind].values())
    title = paths.KIND_TITLES[kind]
    out = [front(title, searchable=False), f"# {title}", "",
           f"{plural(len(ents), 'entry', 'entries')}. Click a column title to sort.", ""]
    rows = []
    if kind == "person":
        for e in ents:
            seen = e.latest_role()
            role = h(e.role or (seen.role if seen else None))
            org = org_a(ctx, here, seen)
            rows.append([ref_a(ctx, here, e.ref), role, org, str(len(e.briefings)),
                         str(len(e.quotes)), date_text(e.last_seen)])
        out += table(["Name", "Role", "Organization", "Briefings", "Quotes", "Last seen"], rows)
    elif kind == "organization":
        for e in ents:
            people = sum(1 for r in e.connections if r.kind == "person")
            rows.append([ref_a(ctx, here, e.ref), ", ".join(h(x) for x in e.aliases[:4]),
                         str(len(e.briefings)), str(len(e.quotes)), str(people), date_text(e.last_seen)])
        out += table(["Name", "Also known as", "Briefings", "Statements", "People", "Last seen"], rows)
    elif kind == "initiative":
        for e in ents:
            rows.append([ref_a(ctx, here, e.ref), h(e.subkind), str(len(e.briefings)),
                         str(len(e.events)), date_text(e.last_seen)])
        out += table(["Name", "Kind", "Briefings", "Events", "Last seen"], rows)
    else:
        for e in ents:
            people = sum(1 for r in e.connections if r.kind == "person")
            rows.append([ref_a(ctx, here, e.ref), str(len(e.briefings)), str(people),
                         date_text(e.last_seen)])
        out += table(["Topic", "Briefings", "People", "Last seen"], rows)
    return "\n".join(out)


def entity_page(ctx: _Ctx, ent: Entity) -> str:
    here = paths.entity(ent.ref)
    out = [front(ent.name, boost=ENTITY_BOOST), f"# {md(ent.name)} {{: #top }}", ""]
    lead = []
    if ent.kind == "person":
        seen = ent.latest_role()
        role = ent.role or (seen.role if seen else None)
        if role:
            org = seen.organization if seen else None
            org = org_link(ctx, here, seen)
            lead.append(f"*{md(role)}*" + (f", {org}" if org else ""))
    elif ent.kind == "initiative" and ent.subkind:
        lead.append(f"*{md(ent.subkind.capitalize())}*")
    if lead:
        out += [" · ".join(lead), "{: .bb-lead }", ""]
    if ent.description:
        out += [md(ent.description), ""]
    facts = []
    if ent.aliases:
        facts.append("**Also known as:** " + ", ".join(md(a) for a in ent.aliases))
    if ent.country:
        facts.append(f"**Country:** {md(ent.country)}")
    seen_in = f"**In** {plural(len(ent.briefings), 'briefing')}"
    if ent.kind == "person":
        seen_in += f", {plural(len(ent.quotes), 'quote')}"
    if ent.first_seen:
        seen_in += (f", {ent.first_seen}" if ent.first_seen == ent.last_seen
                    else f", from {ent.first_seen} to {ent.last_seen}")
    facts.append(seen_in)
    links = [external_link(md(u), u) for u in ent.links]
    if links:
        facts.append("**Links:** " + ", ".join(links))
    out += ["  \n".join(facts), "{: .bb-facts }", ""]

    if ent.kind == "person":
        out += _roles_section(ctx, here, ent)
        if ent.quotes:
            out += ["## Quotes", ""]
            for q in reversed(ent.quotes):
                out += quote_block(ctx, here, q, show_speaker=False, show_briefing=True)
        out += _connections(ctx, here, ent, "person", "Connections",
                            "People seen in the same briefings, with the number of briefings they share.")
        out += _connections(ctx, here, ent, "organization", "Organizations")
        out += _connections(ctx, here, ent, "initiative", "Initiatives")
        out += _events_section(ctx, here, ent)
    else:
        if ent.quotes:
            out += ["## Statements", ""]
            for q in reversed(ent.quotes):
                out += quote_block(ctx, here, q, show_speaker=False, show_briefing=True)
        out += _events_section(ctx, here, ent)
        out += _people_section(ctx, here, ent)
        for kind in ("organization", "initiative"):
            out += _connections(ctx, here, ent, kind, paths.KIND_TITLES[kind])
    if ent.kind != "topic":
        out += _connections(ctx, here, ent, "topic", "Topics")
    out += _briefings_section(ctx, here, ent)
    return "\n".join(out)


def _roles_section(ctx: _Ctx, here: str, ent: Entity) -> list[str]:
    groups: dict[tuple[str, str | None], list[RoleSeen]] = {}
    for seen in ent.roles:
        if seen.role:
            groups.setdefault((name_key(seen.role), seen.organization), []).append(seen)
    if not groups:
        return []
    rows = []
    for sightings in sorted(groups.values(), key=lambda s: (_first_date(s), s[0].role or "")):
        dated = [s for s in sightings if s.date]
        first = dated[0] if dated else sightings[0]
        last = dated[-1] if dated else sightings[-1]
        rows.append([h(first.role), org_a(ctx, here, first),
                     briefing_a(ctx, here, first.briefing, label=h(date_text(first.date))),
                     briefing_a(ctx, here, last.briefing, label=h(date_text(last.date))),
                     str(len(sightings))])
    return ["## Roles", "", "What the briefings called them, oldest first.", "",
            *table(["Role", "Organization", "First seen", "Last seen", "Briefings"], rows)]


def _first_date(sightings: list[RoleSeen]) -> str:
    dates = [s.date for s in sightings if s.date]
    return min(dates) if dates else "9999"


def _connections(ctx: _Ctx, here: str, ent: Entity, kind: str, title: str, note: str = "") -> list[str]:
    shown, total = ctx.corpus.top_connections(ent, kind, CONNECTIONS_SHOWN)
    if not shown:
        return []
    out = [f"## {title}{NOSEARCH}", ""]
    if note:
        out += [note, ""]
    more = f"And {total - len(shown)} more." if total > len(shown) else ""
    if kind == "person":
        out += table(["Person", "Shared briefings"], [[ref_a(ctx, here, r), str(n)] for r, n in shown])
        return [*out, more, ""] if more else out
    # other kinds as one line: name (shared briefings)
    out += ['<p class="bb-inline">' + " · ".join(f"{ref_a(ctx, here, r)} ({n})" for r, n in shown)
            + (f" · {more}" if more else "") + "</p>", ""]
    return out


def _people_section(ctx: _Ctx, here: str, ent: Entity) -> list[str]:
    shown, total = ctx.corpus.top_connections(ent, "person", CONNECTIONS_SHOWN)
    if not shown:
        return []
    rows = []
    for r, n in shown:
        person = ctx.corpus.entity(r)
        role = ""
        if person is not None:
            seen = next((s for s in reversed(person.roles) if s.role and s.organization == ent.id), None)
            seen = seen or person.latest_role()
            if seen and seen.role:
                role = h(seen.role)
                if seen.organization and seen.organization != ent.id:
                    role += ", " + ref_a(ctx, here, Ref("organization", seen.organization))
        rows.append([ref_a(ctx, here, r), role, str(n)])
    out = [f"## People{NOSEARCH}", "", *table(["Person", "Role", "Shared briefings"], rows)]
    if total > len(shown):
        out += [f"And {total - len(shown)} more.", ""]
    return out


def _events_section(ctx: _Ctx, here: str, ent: Entity) -> list[str]:
    if not ent.events:
        return []
    events = ent.events[-ENTITY_EVENTS_SHOWN:]
    out = [f"## Timeline{NOSEARCH}", ""]
    if len(ent.events) > len(events):
        out += [f"The latest {len(events)} of {len(ent.events)} dated events; "
                + link("the timeline", here, paths.TIMELINE) + " has them all.", ""]
    return out + event_list([event_item(ctx, here, ev, skip=ent.ref) for ev in events])


def _briefings_section(ctx: _Ctx, here: str, ent: Entity) -> list[str]:
    rows = []
    for slug in reversed(ent.briefings):
        e = ctx.corpus.briefings[slug]
        rows.append([date_text(e.date), briefing_a(ctx, here, slug), h(e.briefing.location)])
    return [f"## Briefings{NOSEARCH}", "", *table(["Date", "Briefing", "Place"], rows)]


# ---------------------------------------------------------------------------------------------
# timeline and home


def _by_month(events: list[EventRef]) -> dict[str, list[EventRef]]:
    months: dict[str, list[EventRef]] = {}
    for ev in events:
        months.setdefault(ev.date[:7], []).append(ev)
    return months


def _month_sections(ctx: _Ctx, here: str, events: list[EventRef]) -> list[str]:
    out: list[str] = []
    for key, evs in _by_month(events).items():
        out += [f"## {month_title(key)} {{: #m-{key} }}", ""]
        out += event_list([event_item(ctx, here, ev) for ev in evs])
    return out


def timeline_pages(ctx: _Ctx) -> dict[str, str]:
    events = ctx.corpus.events
    here = paths.TIMELINE
    head = [front("Timeline", searchable=False), "# Timeline", "",
            f"{plural(len(events), 'dated event')} from {plural(len(ctx.corpus.briefings), 'briefing')}, "
            "by month. Each links to the paragraph it comes from.", ""]
    if len(events) <= TIMELINE_SPLIT:
        return {here: "\n".join(head + _month_sections(ctx, here, events))}
    pages: dict[str, str] = {}
    years: dict[str, list[EventRef]] = {}
    for ev in events:
        years.setdefault(ev.date[:4], []).append(ev)
    index = list(head)
    for year, evs in years.items():
        page = paths.timeline_year(year)
        months = _by_month(evs)
        index += [f"## {year}", "",
                  " · ".join(link(f"{month_title(k)} ({len(v)})", here, page, f"m-{k}")
                             for k, v in months.items()),
                  ""]
        pages[page] = "\n".join([front(f"Timeline {year}", searchable=False), f"# Timeline {year}", "",
                                 link("All years", page, here), "", *_month_sections(ctx, page, evs)])
    pages[here] = "\n".join(index)
    return pages


def home(ctx: _Ctx) -> str:
    here = paths.HOME
    c = ctx.corpus
    counts = [link(plural(len(c.briefings), "briefing"), here, paths.BRIEFINGS)]
    for kind, words in (("person", ("person", "people")), ("organization", ("organization", None)),
                        ("initiative", ("initiative", None)), ("topic", ("topic", None))):
        counts.append(link(plural(len(c.entities[kind]), *words), here, paths.index_of(kind)))
    out = [front("Home"), "# News briefings", "",
           "Who acted, what, when, and who said what: briefings made from news articles, with a page "
           "for every person, organization, initiative and topic they mention.", "",
           " · ".join(counts) + " · " + link(plural(len(c.events), "dated event"), here, paths.TIMELINE),
           "{: .bb-counts }", ""]
    latest = c.newest_first()[:LATEST]
    if latest:
        out += ["## Latest briefings", ""]
        out += table(["Date", "Briefing", "Place"],
                     [[date_text(e.date), briefing_a(ctx, here, e.slug), h(e.briefing.location)]
                      for e in latest])
    topics = sorted(c.entities["topic"].values(), key=lambda t: (-len(t.briefings), t.rank))
    if topics:
        out += ["## Topics", "",
                " · ".join(f"{link(md(t.name), here, paths.entity(t.ref))} ({len(t.briefings)})"
                           for t in topics),
                "{: .bb-topics }", ""]
    review = c.needs_review()
    if review:
        out += ["## Needs review", "",
                f"{plural(len(review), 'briefing')} flagged for a person to check: "
                + link("Needs review", here, paths.REVIEW) + ".", ""]
    out += ["## Follow and reuse", "",
            f"{link('Atom feed', here, paths.FEED)} of the latest briefings · "
            f"{link('briefings.json', here, paths.API_BRIEFINGS)} · "
            f"{link('entities.json', here, paths.API_ENTITIES)}", ""]
    project = [link(label, here, uri) for uri, label in PROJECT_PAGES.items() if uri in ctx.docs_pages]
    if project:
        out += [" · ".join(project), ""]
    return "\n".join(out)
