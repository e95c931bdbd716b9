"""The corpus index: every briefing, and every entity with what the briefings say about it.

The site is a view of this index. ``build_corpus`` is pure (briefings + registry in, index out)
so that pages can be tested without files; ``corpus_files.load_corpus`` is the I/O edge that reads
a folder (and validates each file: this module imports no validation code).

A registry entry wins over extraction: a briefing's person, organization, initiative or topic is
matched to an entry by id, then by name or alias, and then takes the entry's id, name, aliases
and description. Ids inside a briefing (quote speakers, a person's organization) are local to
that briefing and are translated to the canonical ids here, once.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from . import budgets, identity, review, stories
from .ids import clean_id as _clean_id
from .ids import slugify
from .model import ENTITY_KINDS, KINDS, Briefing
from .names import name_key
from .registry import Entry, Registry
from .topics_data import Topic

# Kinds drawn in the graph and counted as connections between entities.
NETWORK_KINDS = ENTITY_KINDS
# Kinds whose items have a level (actor or mentioned, model.Level).
_LEVELLED = ("person", "organization")


class Ref(NamedTuple):
    """A pointer to one entity: its kind and canonical id (a tuple: hashed millions of times)."""

    kind: str
    id: str


@dataclass(frozen=True)
class QuoteRef:
    text: str
    kind: str
    paragraph: int
    speaker: str | None
    speaker_name: str | None
    briefing: str
    date: str | None
    # set instead of ``speaker`` when an organization speaks ("the ministry said")
    speaker_org: str | None = None


@dataclass(frozen=True)
class EventRef:
    date: str
    text: str
    paragraph: int
    briefing: str
    entities: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class RoleSeen:
    """One sighting of a person's role: what a briefing of that date called them."""

    role: str | None
    organization: str | None
    organization_name: str | None
    date: str | None
    briefing: str


@dataclass
class Mention:
    """A first mention of an entity in a paragraph: the character span to link."""

    start: int
    end: int
    ref: Ref


@dataclass
class BriefingEntry:
    """One briefing with its entities translated to canonical refs."""

    slug: str
    briefing: Briefing
    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    # the people and organizations it names only in passing (``level: mentioned``), in its order;
    # the lists above are its actors, the entities that weigh (connections, stories, counts)
    mentioned: list[Ref] = field(default_factory=list)
    roles: dict[str, RoleSeen] = field(default_factory=dict)
    quotes: list[QuoteRef] = field(default_factory=list)
    events: list[EventRef] = field(default_factory=list)
    # paragraph index (0-based) -> first mentions to link in that paragraph, in text order
    first_mentions: dict[int, list[Mention]] = field(default_factory=dict)
    flags: list[review.Flag] = field(default_factory=list)  # doubts a person should settle (review.py)
    story: str | None = None  # the id of the story it is one outlet's version of (stories.py), if any

    @property
    def date(self) -> str | None:
        return self.briefing.date

    @property
    def title(self) -> str:
        return self.briefing.title or self.slug

    def refs(self) -> list[Ref]:
        return ([Ref("person", i) for i in self.people] + [Ref("organization", i) for i in self.organizations]
                + [Ref("initiative", i) for i in self.initiatives] + [Ref("topic", i) for i in self.topics])


@dataclass
class Entity:
    kind: str
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    links: list[str] = field(default_factory=list)
    country: str | None = None
    role: str | None = None  # the registry's current role for a person
    subkind: str | None = None  # an initiative's kind (agreement, summit, ...)
    in_registry: bool = False
    briefings: list[str] = field(default_factory=list)  # slugs, in corpus order (oldest first)
    mentioned_in: list[str] = field(default_factory=list)  # briefings that name it only in passing, the same order
    quotes: list[QuoteRef] = field(default_factory=list)  # said by this person or organization
    events: list[EventRef] = field(default_factory=list)
    roles: list[RoleSeen] = field(default_factory=list)
    connections: Counter[Ref] = field(default_factory=Counter)
    first_seen: str | None = None
    last_seen: str | None = None
    rank: int = 0  # position in name order within the corpus: a cheap sort key for pages

    @property
    def ref(self) -> Ref:
        return Ref(self.kind, self.id)

    def latest_role(self) -> RoleSeen | None:
        """The most recent sighting with a role, or None."""
        for seen in reversed(self.roles):
            if seen.role:
                return seen
        return None


@dataclass
class Corpus:
    briefings: dict[str, BriefingEntry]  # slug -> entry, oldest first (undated first)
    entities: dict[str, dict[str, Entity]]  # kind -> id -> entity, sorted by name
    events: list[EventRef]  # every dated event, by date
    stories: dict[str, stories.Story] = field(default_factory=dict)  # id -> a story of several briefings
    # people and organizations no briefing gives a part (only ``level: mentioned``) nor the
    # registry knows: no entity of the index (no page), only their names
    passing: dict[Ref, str] = field(default_factory=dict)

    def story_of(self, slug: str) -> stories.Story | None:
        entry = self.briefings.get(slug)
        return self.stories.get(entry.story) if entry is not None and entry.story else None

    def entity(self, ref: Ref) -> Entity | None:
        return self.entities.get(ref.kind, {}).get(ref.id)

    def name_of(self, ref: Ref) -> str:
        ent = self.entity(ref)
        return ent.name if ent else self.passing.get(ref, ref.id)

    def rank_of(self, ref: Ref) -> int:
        ent = self.entity(ref)
        return ent.rank if ent else -1

    def top_connections(self, ent: Entity, kind: str, limit: int) -> tuple[list[tuple[Ref, int]], int]:
        """The ``limit`` strongest connections of one kind (most shared briefings, then by name)
        and how many there are in all; a partial sort, as topics can have thousands."""
        conns = [(r, n) for r, n in ent.connections.items() if r.kind == kind]
        top = heapq.nsmallest(limit, conns, key=lambda rn: (-rn[1], self.rank_of(rn[0])))
        return top, len(conns)

    def newest_first(self) -> list[BriefingEntry]:
        return list(reversed(self.briefings.values()))

    def needs_review(self) -> list[BriefingEntry]:
        """The briefings with a doubt about a fact the site shows, newest first (``review.flags``)."""
        return [b for b in self.newest_first() if b.flags]


# ---------------------------------------------------------------------------------------------
# Building the index (pure)


class _Builder:
    def __init__(self, registry: Registry, topics: Mapping[str, Topic],
                 merges: Mapping[str, identity.Identity] | None = None) -> None:
        self.registry = registry
        self.topics = topics
        self.merges = {kind: ident.merges for kind, ident in (merges or {}).items()}
        self.merged_names = {Ref(kind, i): n for kind, ident in (merges or {}).items() for i, n in ident.names.items()}
        self.entities: dict[Ref, Entity] = {}
        self.names: dict[Ref, Counter[str]] = {}
        self.aliases: dict[Ref, dict[str, str]] = {}  # name_key -> alias as written
        self.keys: dict[str, str] = {}  # name_key cache
        self.acting: set[Ref] = set()  # the entities some briefing gives a part (not only mentioned)

    def canonical(self, kind: str, local_id: str, name: str, aliases: Iterable[str] = ()) -> Ref:
        """The entity a briefing's (id, name) stands for; creates it on first sight."""
        entry = self.registry.resolve(kind, local_id, name, aliases)
        ref = Ref(kind, entry.id if entry else _clean_id(local_id or name))
        target = self.merges.get(kind, {}).get(ref.id)
        if target is not None:  # one entity across the corpus (identity.py)
            ref = Ref(kind, target)
            entry = self.registry.get(kind, target)
        ent = self.entities.get(ref)
        if ent is None:
            ent = self.entities[ref] = _new_entity(ref, entry, self.topics)
            self.names[ref] = Counter()
            self.aliases[ref] = {}
        if not ent.in_registry and kind != "topic":
            self.names[ref][name] += 1
        known = self.aliases[ref]
        for form in (name, *aliases):
            if form:
                key = self.keys.get(form)
                if key is None:
                    key = self.keys[form] = name_key(form)
                known.setdefault(key, form)
        return ref

    def finish(self) -> tuple[dict[str, dict[str, Entity]], dict[Ref, str]]:
        """The entities by kind and id, and the names of those only ever mentioned (`Corpus.passing`)."""
        out: dict[str, dict[str, Entity]] = {k: {} for k in KINDS}
        passing: dict[Ref, str] = {}
        for ref, ent in self.entities.items():
            if not ent.in_registry and ref in self.merged_names:
                ent.name = self.merged_names[ref]  # the fullest name of those merged (identity.py)
            elif not ent.in_registry and self.names[ref]:
                # the most frequent spelling; ties go to the first seen
                ent.name = self.names[ref].most_common(1)[0][0]
            own = {name_key(ent.name)} | {name_key(a) for a in ent.aliases}
            for key, form in self.aliases[ref].items():
                if key not in own:
                    ent.aliases.append(form)
                    own.add(key)
        rank = 0
        for ref in sorted(self.entities, key=lambda r: (name_key(self.entities[r].name), r.id)):
            ent = self.entities[ref]
            if ref.kind in _LEVELLED and ref not in self.acting and not ent.in_registry:
                passing[ref] = ent.name
                continue
            ent.rank = rank
            rank += 1
            out[ref.kind][ref.id] = ent
        return out, passing


def _new_entity(ref: Ref, entry: Entry | None, topics: Mapping[str, Topic]) -> Entity:
    if entry is not None:
        return Entity(kind=ref.kind, id=ref.id, name=entry.name, aliases=list(entry.aliases),
                      description=entry.description, links=list(entry.links), country=entry.country,
                      role=entry.role, in_registry=True)
    if ref.kind == "topic":
        info = topics.get(ref.id)
        name = info.name if info else ref.id.replace("-", " ").capitalize()
        return Entity(kind="topic", id=ref.id, name=name, description=info.description if info else None,
                      in_registry=info is not None)
    return Entity(kind=ref.kind, id=ref.id, name=ref.id)


def _sort_key(item: tuple[str, Briefing]) -> tuple[str, str]:
    return (item[1].date or "", item[0])


def build_corpus(briefings: Iterable[tuple[str, Briefing]], registry: Registry | None = None,
                 topics: Mapping[str, Topic] | None = None) -> Corpus:
    """Index briefings given as (slug, briefing) pairs; the registry corrects names and merges, and
    so does the corpus where it supports one reading of a name (``identity``)."""
    registry = registry or Registry([])
    pairs = sorted(briefings, key=_sort_key)
    builder = _Builder(registry, topics or {}, identity.resolve(pairs, registry))
    entries: dict[str, BriefingEntry] = {}
    for slug, briefing in pairs:
        if slug in entries:
            raise ValueError(f"two briefings share the slug {slug!r}")
        entries[slug] = _index_briefing(builder, slug, briefing)
    entities, passing = builder.finish()
    all_events: list[EventRef] = []
    for entry in entries.values():
        _attach(entities, entry)
        all_events.extend(entry.events)
    for by_id in entities.values():
        for ent in by_id.values():
            ent.quotes.sort(key=lambda q: (q.date or "", q.briefing, q.paragraph))
            ent.events.sort(key=lambda e: (e.date, e.briefing, e.paragraph))
    all_events.sort(key=lambda e: (e.date, e.briefing, e.paragraph))
    found = stories.group({slug: e.briefing for slug, e in entries.items()},
                          {slug: e.people + [f"org:{o}" for o in e.organizations] for slug, e in entries.items()})
    for story in found:
        for slug in story.briefings:
            entries[slug].story = story.id
    return Corpus(briefings=entries, entities=entities, events=all_events, stories={s.id: s for s in found},
                  passing=passing)


def _index_briefing(builder: _Builder, slug: str, b: Briefing) -> BriefingEntry:
    entry = BriefingEntry(slug=slug, briefing=b, flags=review.flags(b))
    surfaces: dict[str, set[Ref]] = {}

    def surface(ref: Ref, forms: Iterable[str | None]) -> None:
        for form in forms:
            if form and _linkable(form):
                surfaces.setdefault(form, set()).add(ref)

    org_map: dict[str, str] = {}
    # whoever a quote is given to or a person works for has a part, whatever a hand edit says
    has_part = {q.speaker for q in b.quotes} | {p.organization for p in b.people if p.level != "mentioned"}
    for org in b.organizations:
        ref = builder.canonical("organization", org.id, org.name, org.aliases)
        org_map[org.id] = ref.id
        if org.level == "mentioned" and org.id not in has_part:
            _add_unique(entry.mentioned, ref)
            continue
        builder.acting.add(ref)
        _add_unique(entry.organizations, ref.id)
        ent = builder.entities[ref]
        surface(ref, [org.name, *org.aliases, ent.name, *ent.aliases])
        if org.country and not ent.country:
            ent.country = org.country
    person_map: dict[str, str] = {}
    for person in b.people:
        ref = builder.canonical("person", person.id, person.name)
        person_map[person.id] = ref.id
        if person.level == "mentioned" and person.id not in has_part:
            _add_unique(entry.mentioned, ref)
            continue
        builder.acting.add(ref)
        _add_unique(entry.people, ref.id)
        ent = builder.entities[ref]
        surface(ref, [person.name, ent.name, *ent.aliases,
                      *(m for m in person.mentions if len(m) >= 3)])
        if person.country and not ent.country:
            ent.country = person.country
        org_id = _org_of(builder, person.organization, org_map, entry)
        org_name = builder.entities[Ref("organization", org_id)].name if org_id else None
        if person.role or org_id:
            entry.roles.setdefault(ref.id, RoleSeen(person.role, org_id, org_name, b.date, slug))
    acting = {Ref("person", i) for i in entry.people} | {Ref("organization", i) for i in entry.organizations}
    entry.mentioned = [r for r in entry.mentioned if r not in acting]  # an actor, however else it is named
    for init in b.initiatives:
        ref = builder.canonical("initiative", init.id, init.name)
        _add_unique(entry.initiatives, ref.id)
        ent = builder.entities[ref]
        surface(ref, [init.name, ent.name, *ent.aliases])
        if not ent.subkind:
            ent.subkind = init.kind
    for topic in b.topics:
        info = builder.topics.get(topic)
        ref = builder.canonical("topic", topic, info.name if info else topic)
        _add_unique(entry.topics, ref.id)

    for q in b.quotes:
        speaker = person_map.get(q.speaker or "")
        if speaker is None and q.speaker_name:
            speaker = person_map.get(slugify(q.speaker_name))
        org = org_map.get(q.speaker or "") if speaker is None else None
        entry.quotes.append(QuoteRef(text=q.text, kind=q.kind, paragraph=q.paragraph, speaker=speaker,
                                     speaker_name=q.speaker_name, briefing=slug, date=b.date, speaker_org=org))

    forms = _forms(surfaces)
    para_refs = _find_mentions(entry, b.paragraphs, forms)
    topic_refs = tuple(Ref("topic", t) for t in entry.topics)
    for ev in b.events:
        if not ev.date:
            continue
        found: set[Ref] = set()
        if 1 <= ev.paragraph <= len(para_refs):
            found |= para_refs[ev.paragraph - 1]
        found |= {m.ref for m in _scan(ev.text, forms)}
        linked = tuple(sorted(found)[: budgets.MAX_EVENT_ENTITIES])  # an event is listed on each one's page
        entry.events.append(EventRef(date=ev.date, text=ev.text, paragraph=ev.paragraph, briefing=slug,
                                     entities=linked + topic_refs))
    return entry


def _org_of(builder: _Builder, local: str | None, org_map: dict[str, str],
            entry: BriefingEntry) -> str | None:
    """A person's organization id made canonical; registry-only organizations join the briefing."""
    if not local:
        return None
    if local in org_map:
        return org_map[local]
    reg = builder.registry.get("organization", local)
    if reg is None:
        return None
    ref = builder.canonical("organization", reg.id, reg.name)
    org_map[local] = ref.id
    _add_unique(entry.organizations, ref.id)
    return ref.id


def _add_unique(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _linkable(form: str) -> bool:
    """Surface forms worth linking in text: not too short, starting with a capital or digit, and
    no longer than a name gets (a 'name' of a thousand words only makes the scan slow)."""
    form = form.strip()
    return (2 <= len(form) <= MAX_LINKED_CHARS and (form[0].isupper() or form[0].isdigit())
            and len(_WORD.findall(form)) <= MAX_LINKED_WORDS)


MAX_LINKED_CHARS = 120
MAX_LINKED_WORDS = 12
_WORD = re.compile(r"\w+")  # \w is str.isalnum() or "_": the same words as _is_word


class _Forms:
    """Unambiguous surface forms, longest first (a longer name wins over a name inside it),
    indexed by their first word, so that a text is scanned once whatever the number of forms."""

    def __init__(self, forms: list[tuple[str, Ref]]) -> None:
        self.ordered = forms
        self.rank = {form: (rank, ref) for rank, (form, ref) in enumerate(forms)}

    @cached_property
    def shapes(self) -> dict[str, set[tuple[int, int]]]:
        """First word -> the (number of words, characters after the last word) of the forms
        starting with it (made when first needed: most briefings have few forms)."""
        out: dict[str, set[tuple[int, int]]] = {}
        for form, _ in self.ordered:
            words = list(_WORD.finditer(form))
            if words and words[0].start() == 0:
                out.setdefault(words[0].group(), set()).add((len(words), len(form) - words[-1].end()))
        return out

    def __bool__(self) -> bool:
        return bool(self.rank)


def _forms(surfaces: Mapping[str, set[Ref]]) -> _Forms:
    """Unambiguous surface forms, longest first, ready for :func:`_scan`."""
    forms = [(f, next(iter(refs))) for f, refs in surfaces.items() if len(refs) == 1]
    forms.sort(key=lambda fr: -len(fr[0]))
    return _Forms(forms)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# Up to this many forms a text is searched once per form (str.find, in C: the fastest for the
# usual few dozen); past it, once per word through the index. Both are linear in the text.
FIND_FORMS = 64


def _scan(text: str, forms: _Forms) -> list[Mention]:
    """Whole-word occurrences of the forms, without overlaps, in text order; a longer form wins
    over one inside it (then the earlier one).

    Linear in the text whatever the forms: at most FIND_FORMS searches of it, or one pass over its
    words where each word that starts a form is tried against the few shapes of forms starting
    with it; the spans are claimed longest first on a bytearray of the text.
    """
    if not forms.rank:
        return []
    if len(forms.ordered) <= FIND_FORMS:
        found = _found_by_find(text, forms)
    else:
        found = _found_by_words(text, forms)
        found.sort(key=lambda h: (h[0], h[1]))
    taken = bytearray(len(text))
    hits = []
    for _, start, end, ref in found:
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            hits.append(Mention(start, end, ref))
    hits.sort(key=lambda m: m.start)
    return hits


def _found_by_find(text: str, forms: _Forms) -> list[tuple[int, int, int, Ref]]:
    """Every whole-word occurrence of each form as (rank, start, end, ref), in rank then text order."""
    found = []
    for rank, (form, ref) in enumerate(forms.ordered):
        start = text.find(form)
        while start != -1:
            end = start + len(form)
            if (start == 0 or not _is_word(text[start - 1])) and (end == len(text) or not _is_word(text[end])):
                found.append((rank, start, end, ref))
            start = text.find(form, start + 1)
    return found


def _found_by_words(text: str, forms: _Forms) -> list[tuple[int, int, int, Ref]]:
    """The same occurrences as :func:`_found_by_find`, unordered, from one pass over the words."""
    words = list(_WORD.finditer(text))
    found = []
    for i, word in enumerate(words):
        shapes = forms.shapes.get(word.group())
        if shapes is None:
            continue
        start = word.start()
        for count, tail in shapes:
            if i + count > len(words):
                continue
            end = words[i + count - 1].end() + tail
            hit = forms.rank.get(text[start:end])
            if hit is not None and (end == len(text) or not _is_word(text[end])):
                found.append((hit[0], start, end, hit[1]))
    return found


def _find_mentions(entry: BriefingEntry, paragraphs: list[str], forms: _Forms) -> list[set[Ref]]:
    """Which entities each paragraph mentions; records the first mention of each for linking."""
    result: list[set[Ref]] = []
    linked: set[Ref] = set()
    for index, text in enumerate(paragraphs):
        refs: set[Ref] = set()
        for mention in _scan(text, forms) if forms else ():
            refs.add(mention.ref)
            if mention.ref not in linked:
                linked.add(mention.ref)
                entry.first_mentions.setdefault(index, []).append(mention)
        result.append(refs)
    return result


def _attach(entities: dict[str, dict[str, Entity]], entry: BriefingEntry) -> None:
    """Add one briefing's facts to its entities: briefings, roles, quotes, events, connections."""
    refs = entry.refs()
    date = entry.date
    for ref in refs:
        ent = entities[ref.kind][ref.id]
        ent.briefings.append(entry.slug)
        if date:
            if ent.first_seen is None or date < ent.first_seen:
                ent.first_seen = date
            if ent.last_seen is None or date > ent.last_seen:
                ent.last_seen = date
    for ref in entry.mentioned:
        ent = entities[ref.kind].get(ref.id)
        if ent is not None:  # an actor elsewhere, or a registry entry: its page says where it is mentioned
            ent.mentioned_in.append(entry.slug)
    for person_id, seen in entry.roles.items():
        entities["person"][person_id].roles.append(seen)
    for quote in entry.quotes:
        if quote.speaker:
            entities["person"][quote.speaker].quotes.append(quote)
        elif quote.speaker_org:
            entities["organization"][quote.speaker_org].quotes.append(quote)
    for event in entry.events:
        for ref in event.entities:
            entities[ref.kind][ref.id].events.append(event)
    network = [r for r in refs if r.kind in NETWORK_KINDS]
    topics = [r for r in refs if r.kind == "topic"]
    # Every pair of a briefing's entities is connected, up to a point: past MAX_CONNECTED, the
    # others are connected to the first MAX_CONNECTED only, so that one briefing of thousands of
    # names makes thousands of connections, not millions.
    hubs = network[: budgets.MAX_CONNECTED]
    hub_set = set(hubs)
    for a in network:
        conn = entities[a.kind][a.id].connections
        for b in network if a in hub_set else hubs:
            if a != b:
                conn[b] += 1
        for t in topics:
            conn[t] += 1
            entities["topic"][t.id].connections[a] += 1
