"""Which pages an edit touches, so that `mkdocs serve` makes only those again.

Every page is a pure function of the corpus (``pages.generate_units``), made in units: a
briefing's page, an entity's page with its coverage pages, an index with its A–Z pages, the
timeline, the graph, the home page, the review pages, the briefings index. After an edit the
corpus of this build is compared with the last one's, value by value (an unchanged file gives the
same parsed ``Briefing``: ``corpus_files`` keeps it), and only the units that read what changed
are made again; the others keep their pages of the last build. What a page reads of another
briefing or entity decides the rules:

- a briefing whose entry changed (its text, its entities as the registry resolves them, its
  story): its page, the pages of the other briefings of its story (each names the others), and
  the pages of every entity of those briefings (their coverage shows its headline and summary);
- an entity whose data changed: its page; when what other pages show of it changed (its name,
  role, roles, briefings), the pages of the entities connected to it (connections, the drawing
  of those seen with it, an organization's people), and when its name changed, the pages of its
  briefings and of every entity in them (a name is a link wherever it is mentioned);
- the home page always (it counts everything); the briefings index and the timeline when a
  briefing changed; the review pages when a changed briefing has doubts (or had); the indexes of
  entities and the graph when an entity changed.

Anything else (other settings, another template in ``overrides/briefbook/``, a build error that
comes or goes, a new page taking the address of another) makes every page again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields, replace

from ..corpus import Corpus, Entity, Ref
from . import paths
from .html import SitePage
from .pages import Unit, all_units

# Entity fields other pages show (the rest only its own page, the indexes and the graph).
SHOWN_ELSEWHERE = ("name", "role", "roles", "briefings")
# Compared to tell an entity changed: every field but its rank, which moves when another entity is
# added or removed (pages use it for order only, and the order of the others stays the same).
_COMPARED = tuple(f.name for f in fields(Entity) if f.name != "rank")


def touched_units(old: Corpus, new: Corpus) -> set[Unit]:
    """The units of ``new`` whose pages may differ from those made from ``old``."""
    changed = {s for s in old.briefings.keys() | new.briefings.keys()
               if old.briefings.get(s) != new.briefings.get(s)}
    told = set(changed)  # with the other briefings of their stories, before and after
    for corpus in (old, new):
        for slug in changed:
            story = corpus.story_of(slug)
            if story is not None:
                told.update(story.briefings)
    entities: set[Ref] = set()
    for corpus in (old, new):
        for slug in told:
            entry = corpus.briefings.get(slug)
            if entry is not None:
                entities.update(entry.refs())
    briefings = set(told)
    changed_entities = 0
    for kind in new.entities.keys() | old.entities.keys():
        before, after = old.entities.get(kind, {}), new.entities.get(kind, {})
        for ent_id in before.keys() | after.keys():
            a, b = before.get(ent_id), after.get(ent_id)
            if a is not None and b is not None and _same(a, b, _COMPARED):
                continue
            changed_entities += 1
            ref = Ref(kind, ent_id)
            entities.add(ref)
            if a is not None and b is not None and _same(a, b, SHOWN_ELSEWHERE):
                continue
            for ent in (a, b):
                if ent is not None:
                    entities.update(ent.connections)
            if a is None or b is None or a.name != b.name:
                for corpus, ent in ((old, a), (new, b)):
                    for slug in ent.briefings if ent is not None else ():
                        briefings.add(slug)
                        entities.update(corpus.briefings[slug].refs())
    units: set[Unit] = {("home",)}
    if changed:
        units |= {("briefings",), ("timeline",)}
        if any(entry is not None and entry.flags for corpus in (old, new)
               for entry in map(corpus.briefings.get, changed)):
            units.add(("review",))
    if changed_entities:
        units |= {("graph",), ("timeline",), *(("index", kind) for kind in new.entities)}
    units |= {("briefing", s) for s in briefings if s in new.briefings}
    units |= {("entity", r.kind, r.id) for r in entities if new.entity(r) is not None}
    return units


def _same(a: Entity, b: Entity, names: Iterable[str]) -> bool:
    return all(getattr(a, n) == getattr(b, n) for n in names)


Make = Callable[[Iterable[Unit] | None], dict[Unit, dict[str, SitePage]]]


class PageCache:
    """The pages of the last build by unit, for the rebuilds of `mkdocs serve`.

    Kept pages hold their title and settings, not their body (a page `--dirty` does not write
    needs none; at 10,000 briefings the bodies are hundreds of MB): the tabs' pages, always
    rendered, keep theirs, and any other is made again if MkDocs asks for it (``body``).
    """

    def __init__(self) -> None:
        self._corpus: Corpus | None = None
        self._key: object = None
        self._units: dict[Unit, dict[str, SitePage]] = {}
        self._owner: dict[str, Unit] = {}  # page -> its unit
        self._make: Make | None = None
        self._again: dict[Unit, dict[str, SitePage]] = {}  # units made again on request in this build
        self.touched: set[Unit] | None = None  # the units the last build made (None: all)

    def pages(self, corpus: Corpus, key: object, make: Make) -> tuple[dict[str, SitePage], set[str]]:
        """Every page of ``corpus``, and the pages made now (the others are as in the last build).

        ``key`` holds what pages depend on besides the corpus (settings, templates): when it
        differs from the last build's, every page is made again; so it is when ``make`` would
        put a new page at the address of another (it then raises the collision itself).
        """
        units = None
        if self._corpus is not None and key == self._key:
            units = touched_units(self._corpus, corpus)
        made = make(units) if units is not None else make(None)
        every = all_units(corpus)
        if units is not None and not self._fits(every, made):
            units, made = None, make(None)
        self._corpus, self._key, self._make, self._again = corpus, key, make, {}
        self.touched = units
        if units is None:
            self._units, self._owner = {}, {}
        out: dict[str, SitePage] = {}
        for unit in every:
            pages = made.get(unit)
            if pages is None:
                out.update(self._units[unit])
                continue
            out.update(pages)
            for uri in self._units.get(unit, ()):
                self._owner.pop(uri, None)
            self._units[unit] = {uri: page if uri in paths.NAV_PAGES else replace(page, body="")
                                 for uri, page in pages.items()}
            self._owner.update(dict.fromkeys(pages, unit))
        for unit in self._units.keys() - set(every):  # a briefing or entity that is gone
            for uri in self._units.pop(unit):
                self._owner.pop(uri, None)
        return out, {uri for pages in made.values() for uri in pages}

    def _fits(self, every: list[Unit], made: dict[Unit, dict[str, SitePage]]) -> bool:
        """Whether the units made now can join those kept: every other unit was made before, and
        no new page takes an address another unit has."""
        if any(unit not in made and unit not in self._units for unit in every):
            return False
        return all(self._owner.get(uri, unit) == unit for unit, pages in made.items() for uri in pages)

    def body(self, uri: str) -> SitePage:
        """A kept page whole, made again from this build's corpus (MkDocs asked to render it)."""
        unit = self._owner[uri]
        if unit not in self._again:
            if self._make is None:
                raise RuntimeError("no build to make pages of")
            self._again.update(self._make([unit]))
        return self._again[unit][uri]
