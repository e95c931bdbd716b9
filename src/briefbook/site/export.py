"""Files for machines: the Atom feed and the JSON export of briefings and entities.

Serialised with ElementTree and json, which escape everything they are given, so article data
needs no extra care here. URLs are relative to the site root unless a ``site_url`` is known
(a feed reader needs absolute links; without one the feed's links are relative to the feed).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection, Iterable
from dataclasses import asdict, fields, is_dataclass
from typing import Any

from .. import __version__
from ..corpus import BriefingEntry, Corpus, Entity, RoleSeen
from ..model import Briefing, Event, Quote
from . import paths

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
ENTITY_FEED_SIZE = 20  # an entity's feed: thousands of them at volume, each kept small


def _abs(site_url: str | None, rel: str) -> str:
    if not site_url:
        return rel
    return site_url.rstrip("/") + "/" + rel


def atom_feed(corpus: Corpus, *, site_url: str | None = None, directory_urls: bool = True,
              title: str = "News briefings", size: int = FEED_SIZE) -> str:
    """An Atom feed of the latest dated briefings (undated ones have no place in a feed)."""
    return _feed(corpus, corpus.newest_first(), paths.FEED, "urn:briefbook:feed", site_url=site_url,
                 directory_urls=directory_urls, title=title, size=size)


def entity_feed(corpus: Corpus, ent: Entity, *, site_url: str | None = None, directory_urls: bool = True,
                site_name: str = "News briefings", size: int = ENTITY_FEED_SIZE) -> str:
    """An Atom feed of the latest dated briefings about one person, organization, initiative or topic."""
    entries = [corpus.briefings[s] for s in reversed(ent.briefings)]
    return _feed(corpus, entries, paths.entity_feed(ent.ref), f"urn:briefbook:{ent.kind}:{ent.id}",
                 site_url=site_url, directory_urls=directory_urls, title=f"{ent.name} · {site_name}", size=size,
                 page=paths.url(paths.entity(ent.ref), directory_urls))


def _feed(corpus: Corpus, newest_first: Iterable[BriefingEntry], where: str, urn: str, *, site_url: str | None,
          directory_urls: bool, title: str, size: int, page: str = "") -> str:
    """A feed at ``where`` (a path from the site root): without a site_url, its links are relative to it."""
    ET.register_namespace("", ATOM)
    root = "../" * where.count("/")  # from the feed's folder back to the site root

    def link(rel: str) -> str:
        return _abs(site_url, rel) if site_url else (root + rel or "./")

    feed = ET.Element(f"{{{ATOM}}}feed")
    entries = [e for e in newest_first if e.date][:size]
    updated = (entries[0].date if entries else "1970-01-01") + "T00:00:00Z"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _abs(site_url, page) if site_url else urn
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=link(where))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=link(page))
    ET.SubElement(feed, f"{{{ATOM}}}generator", version=__version__).text = "briefbook"
    for e in entries:
        b = e.briefing
        rel = paths.url(paths.briefing(e.slug), directory_urls)
        url = link(rel)
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(item, f"{{{ATOM}}}title").text = e.title
        ET.SubElement(item, f"{{{ATOM}}}id").text = url if site_url else f"urn:briefbook:briefing:{e.slug}"
        ET.SubElement(item, f"{{{ATOM}}}updated").text = f"{e.date}T00:00:00Z"
        ET.SubElement(item, f"{{{ATOM}}}link", rel="alternate", href=url)
        author = ET.SubElement(item, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = b.source.outlet or "briefbook"
        for topic in e.topics:
            ent = corpus.entities["topic"].get(topic)
            ET.SubElement(item, f"{{{ATOM}}}category", term=topic, label=ent.name if ent else topic)
        summary = b.summary or (b.key_points[0] if b.key_points else "")
        if summary:
            ET.SubElement(item, f"{{{ATOM}}}summary", type="text").text = summary
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def has_feed(ent: Entity) -> bool:
    """Entities with a feed of their own: topics, registry entries and those in two briefings or more
    (a feed of one briefing is a page nobody subscribes to, and at volume tens of thousands of files)."""
    return ent.kind == "topic" or ent.in_registry or len(ent.briefings) >= 2


# Fields of the model the export leaves out: the file's bookkeeping, and the flag that the
# export's own ``story`` (the story's slug) replaces. Every other field is exported.
NOT_EXPORTED = frozenset({"generator", "title_from", "story"})


def briefings_json(corpus: Corpus, *, directory_urls: bool = True, kept: Kept | None = None) -> str:
    """Every briefing with canonical entity ids (the registry's, not the extraction's)."""
    kept = kept or Kept()
    out = [kept.get(("briefing", e.slug), lambda e=e: _json(_briefing(e, directory_urls)))
           for e in corpus.newest_first()]
    return '{"version":1,"briefings":[' + ",".join(out) + "]}\n"


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class Kept:
    """The export's pieces (a briefing's or an entity's JSON, an entity's feed) of the last build
    of `mkdocs serve`: those of the units an edit did not touch (site/incremental.py) are used
    again. Without ``touched`` (a plain build) every piece is made."""

    def __init__(self) -> None:
        self.pieces: dict[tuple[str, ...], str] = {}
        self.touched: Collection[tuple[str, ...]] | None = None
        self.settings: object = None

    def start(self, touched: Collection[tuple[str, ...]] | None, settings: object) -> None:
        """A new build: ``touched`` units are made again (None: every one)."""
        if touched is None or settings != self.settings:
            self.pieces = {}
        self.touched, self.settings = touched, settings

    def get(self, unit: tuple[str, ...], make: Callable[[], str], part: str = "") -> str:
        key = (*unit, part)
        piece = self.pieces.get(key)
        if piece is None or self.touched is None or unit in self.touched:
            piece = self.pieces[key] = make()
        return piece


def _briefing(e: BriefingEntry, directory_urls: bool) -> dict[str, Any]:
    """One briefing: the model's fields as the model has them (read off `Briefing`), the entities
    under their canonical ids, and what the index adds (address, doubts, story)."""
    b = e.briefing
    canonical: dict[str, Any] = {
        "topics": e.topics,
        "people": [_person(pid, e.roles.get(pid)) for pid in e.people],
        "organizations": e.organizations,
        "initiatives": e.initiatives,
        "quotes": [_model_fields(q, Quote) | {"speaker_organization": q.speaker_org} for q in e.quotes],
        "events": [_model_fields(v, Event) | {"entities": [f"{r.kind}:{r.id}" for r in v.entities]}
                   for v in e.events],
    }
    data: dict[str, Any] = {"slug": e.slug, "url": paths.url(paths.briefing(e.slug), directory_urls)}
    for f in fields(Briefing):
        if f.name not in NOT_EXPORTED:
            data[f.name] = canonical[f.name] if f.name in canonical else _plain(getattr(b, f.name))
    data["flags"] = [{"fact": f.fact, "reason": f.reason, "paragraph": f.paragraph} for f in e.flags]
    data["story"] = e.story  # the slug of the earliest briefing of its story, when several outlets told it
    return data


def _model_fields(obj: Any, cls: type) -> dict[str, Any]:
    """The fields of model class ``cls`` read off ``obj`` (the index's copy of a quote or event)."""
    return {f.name: getattr(obj, f.name) for f in fields(cls)}


def _plain(value: Any) -> Any:
    """A model value as JSON data: items as mappings."""
    if isinstance(value, list):
        return [asdict(v) if is_dataclass(v) else v for v in value]
    return asdict(value) if is_dataclass(value) else value


def _person(pid: str, seen: RoleSeen | None) -> dict[str, Any]:
    if seen is None:
        return {"id": pid, "role": None, "organization": None}
    return {"id": pid, "role": seen.role, "organization": seen.organization}


def _entity(ent: Entity, directory_urls: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": ent.id,
        "kind": ent.kind,
        "name": ent.name,
        "aliases": ent.aliases,
        "description": ent.description,
        "country": ent.country,
        "links": ent.links,
        "url": paths.url(paths.entity(ent.ref), directory_urls),
        "in_registry": ent.in_registry,
        "first_seen": ent.first_seen,
        "last_seen": ent.last_seen,
        "briefings": ent.briefings,
        "connections": [{"kind": r.kind, "id": r.id, "count": n}
                        for r, n in sorted(ent.connections.items(), key=lambda rn: (-rn[1], rn[0]))],
    }
    if ent.kind in ("person", "organization"):
        data["quotes"] = [{"text": q.text, "kind": q.kind, "briefing": q.briefing, "paragraph": q.paragraph,
                           "date": q.date} for q in ent.quotes]
    if ent.kind == "person":
        data["role"] = ent.role
        data["roles"] = [asdict(r) for r in ent.roles]
    if ent.kind == "initiative":
        data["initiative_kind"] = ent.subkind
    return data


def entities_json(corpus: Corpus, *, directory_urls: bool = True, kept: Kept | None = None) -> str:
    kept = kept or Kept()
    body = [_json(paths.SECTIONS[kind]) + ":["
            + ",".join(kept.get(("entity", kind, e.id), lambda e=e: _json(_entity(e, directory_urls)))
                       for e in by_id.values()) + "]"
            for kind, by_id in corpus.entities.items()]
    return '{"version":1' + "".join("," + x for x in body) + "}\n"


def generate_files(corpus: Corpus, *, site_url: str | None = None, directory_urls: bool = True,
                   site_name: str = "News briefings", kept: Kept | None = None) -> dict[str, str]:
    """The non-page files of the site, keyed by path from the site root (``kept``: the pieces
    of the last build of `mkdocs serve`, with what this one touched)."""
    kept = kept or Kept()
    files = {
        paths.FEED: atom_feed(corpus, site_url=site_url, directory_urls=directory_urls, title=site_name),
        paths.API_BRIEFINGS: briefings_json(corpus, directory_urls=directory_urls, kept=kept),
        paths.API_ENTITIES: entities_json(corpus, directory_urls=directory_urls, kept=kept),
    }
    for by_id in corpus.entities.values():
        for ent in by_id.values():
            if has_feed(ent):
                files[paths.entity_feed(ent.ref)] = kept.get(
                    ("entity", ent.kind, ent.id), lambda ent=ent: entity_feed(
                        corpus, ent, site_url=site_url, directory_urls=directory_urls, site_name=site_name), "feed")
    return files
