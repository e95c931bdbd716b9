"""Where each page lives: source paths (``people/<id>.md``) and the URLs they build to."""

from __future__ import annotations

import re

from ..corpus import Ref

SECTIONS = {"person": "people", "organization": "organizations", "initiative": "initiatives",
            "topic": "topics"}
KIND_TITLES = {"person": "People", "organization": "Organizations", "initiative": "Initiatives",
               "topic": "Topics"}

HOME = "index.md"
ABOUT = "about.md"
BRIEFINGS = "briefings/index.md"
TIMELINE = "timeline/index.md"
GRAPH = "graph/index.md"
REVIEW = "review.md"
FEED = "feed.xml"
API_BRIEFINGS = "api/briefings.json"
API_ENTITIES = "api/entities.json"

# The pages named in the nav of mkdocs.yml; every other generated page is reached through links.
NAV_PAGES = frozenset({HOME, BRIEFINGS, TIMELINE, GRAPH} | {f"{s}/index.md" for s in SECTIONS.values()})


def index_of(kind: str) -> str:
    return f"{SECTIONS[kind]}/index.md"


_INDEX_LIKE = re.compile(r"index(?:-page)*")


def _leaf(name: str) -> str:
    """A page called index.md would take the folder's index page: ``index`` becomes ``index-page``,
    and so that no two names share a page, ``index-page`` becomes ``index-page-page`` and so on."""
    return f"{name}-page" if _INDEX_LIKE.fullmatch(name) else name


def entity(ref: Ref) -> str:
    return f"{SECTIONS[ref.kind]}/{_leaf(ref.id)}.md"


def entity_feed(ref: Ref) -> str:
    """The Atom feed of an entity's briefings ("people/donald-trump/feed.xml")."""
    return f"{SECTIONS[ref.kind]}/{_leaf(ref.id)}/feed.xml"


def briefing(slug: str) -> str:
    return f"briefings/{_leaf(slug)}.md"


def briefing_archive(key: str) -> str:
    """Older briefings of a year or month ("briefings/archive-2019.md"): no briefing slug starts so."""
    return f"briefings/archive-{key}.md"


def index_part(kind: str, key: str) -> str:
    """Part of an index's A–Z list ("people/a-z/b.md"): an entity page has no folder of its own."""
    return f"{SECTIONS[kind]}/a-z/{key}.md"


def coverage_part(ref: Ref, key: str) -> str:
    """Older briefings about an entity, of a year or month ("people/donald-trump/2019.md")."""
    return f"{SECTIONS[ref.kind]}/{_leaf(ref.id)}/{key}.md"


def review_part(key: str) -> str:
    """Older briefings flagged for review, of a year or month ("review/2019.md")."""
    return f"review/{key}.md"


def timeline_year(year: str) -> str:
    return f"timeline/{year}.md"


def rel(from_uri: str, to_uri: str) -> str:
    """A relative link between two source paths (all generated paths are normalised)."""
    here_dir, _, _ = from_uri.rpartition("/")
    there_dir, _, leaf = to_uri.rpartition("/")
    if here_dir == there_dir:
        return leaf
    return "../" * from_uri.count("/") + to_uri


def url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL (relative to the site root) that MkDocs gives a source file."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def rel_url(from_uri: str, to_uri: str, directory_urls: bool = True) -> str:
    """A relative URL between two built pages, for raw HTML that MkDocs does not rewrite."""
    depth = url(from_uri, directory_urls).count("/")
    target = url(to_uri, directory_urls)
    return ("../" * depth + target) or "./"
