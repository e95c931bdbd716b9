"""Extraction as spaCy components: one registered factory per kind of finding.

They run, in the order `data/pipeline.yml` gives, on the Doc of a whole article (`article_doc`):
each reads the paragraphs and what the components before it wrote, and writes its own findings to
the Doc extension `article_doc.WRITTEN_BY` names for it. Another component (a better entity
recognizer, a rule of a project's own) is registered with ``@Language.factory`` and listed in the
pipeline file; `extractor()` builds the pipeline from that file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon, yamlsafe
from ..ids import name_key
from ..lexicon import AGENCIES, COUNTRY_FORMS, COUNTRY_SPELLINGS
from ..model import Organization, Person, Quote
from ..names import org_core
from ..registry import Registry
from .article_doc import ArticleFacts
from .events import find_events
from .initiatives import find_initiatives
from .org_mentions import doubt_evidence, with_cited
from .organizations import OrgFound, find_organizations_and_doubts, generic_name, resolve_org_reference
from .people import (
    PersonFound,
    find_people,
    name_evidence,
    named_as_company,
    passing_singles,
    person_evidence,
    resolve_short,
)
from .quotes import QuoteFound, find_quotes
from .resolve import resolve_entities
from .speakers import Speaker, attribute, named_speakers, note_genders, note_titles
from .summary import strip_dateline
from .topics import find_topics


def _facts(doc: Doc) -> ArticleFacts:
    return doc._.facts if doc._.facts is not None else ArticleFacts()


def _paragraphs(doc: Doc) -> list[Doc]:
    """The article's parsed paragraphs; a Doc made without `article_doc` is one paragraph."""
    return doc._.paragraphs if doc._.paragraphs is not None else [doc]


class _Component:
    """A component that needs nothing from the pipeline it runs in but its name."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError


@Language.factory("briefbook_quotes")
class QuotesComponent(_Component):
    """Quotes, direct and reported, with the words that name their speaker (`quotes.find_quotes`)."""

    def __call__(self, doc: Doc) -> Doc:
        found = find_quotes(_paragraphs(doc))
        doc._.quotes = found
        # whoever a quote's own cue names speaks in the article: a person of the briefing even if named once
        doc._.speaking = frozenset(k for q in found if q.cued for k in _cue_names(q))
        doc._.speaking_direct = frozenset(k for q in found if q.cued and q.kind == "direct" for k in _cue_names(q))
        return doc


@Language.factory("briefbook_people", default_config={"known_surnames": True})
class PeopleComponent(_Component):
    """People with their roles (`people.find_people`), surname-only mentions folded into them, the
    people quoted by name the entity labels missed. A person the story gives no part is listed as
    ``mentioned`` where the name is surely a person's (`people.name_evidence`); the names too thin
    even for that are set apart as doubts.

    ``known_surnames``: a well-known surname alone ("Trump said") names its person
    (``data/lexicon/en/known_people.yml``)."""

    def __init__(self, nlp: Language, name: str, known_surnames: bool) -> None:
        super().__init__(nlp, name)
        self.known_surnames = known_surnames

    def __call__(self, doc: Doc) -> Doc:
        docs = _paragraphs(doc)
        speaking = doc._.speaking or frozenset()
        # a bare surname only where it speaks in quotation marks: "Ericsson said it would ..." is a company
        people = _add_bare_mentions(docs, find_people(docs, doc._.speaking_direct or frozenset()))
        if self.known_surnames:
            people = _add_known_people(docs, people)
        people = _with_quoted_people(doc._.quotes or [], docs, people)
        people = [p for p in people if not named_as_company(docs, p)]  # left to the organizations
        quoted_by_surname = _named_by_surname(doc._.quotes or [], people)
        passing = [p for p in people if person_evidence(docs, p) is None
                   and not speaking & {name_key(f) for f in (p.name, *p.mentions)} and p not in quoted_by_surname]
        for p in passing:
            if name_evidence(docs, p) is not None:
                p.level = "mentioned"
        doc._.doubtful_people = [p for p in passing if p.level != "mentioned"]
        people = [p for p in people if p not in doc._.doubtful_people]
        doc._.people = people + passing_singles(docs, people + doc._.doubtful_people)
        return doc


@Language.factory("briefbook_places")
class PlacesComponent(_Component):
    """Places the entity recognizer labels, countries written the usual way ("U.S." -> "United States")."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = _places(_paragraphs(doc))
        return doc


@Language.factory("briefbook_organizations")
class OrganizationsComponent(_Component):
    """Organizations that act as such (`organizations.find_organizations_and_doubts`), never a
    person's or a place's name; the employers named in people's titles; the names the registry knows.
    Listed as ``mentioned`` (`org_mentions`): doubted names with a company's legal form or cited
    as outlets, the news agencies the text cites, the known organizations it names.

    News agencies credited for the story are sources, not actors, unless they act in it."""

    def __call__(self, doc: Doc) -> Doc:
        docs, facts = _paragraphs(doc), _facts(doc)
        people = (doc._.people or []) + (doc._.doubtful_people or [])
        # names doubted as people are still names: they must not become organizations ("Ben Roe" -> "Roe")
        person_words = {w.lower().strip("’'") for p in people for w in p.name.split()}
        place_words = {p.lower() for p in doc._.places or []} | ({facts.location.lower()} if facts.location else set())
        orgs, doubts = find_organizations_and_doubts(docs, person_words, place_words)
        # a name doubted as an organization that speaks in quotation marks ("... ,” opined the Plain Dealer)
        # acts as one: it is listed, so that its quotes have a speaker
        speaking_direct = doc._.speaking_direct or frozenset()
        spoken = [d for d in doubts if _speaks(d, speaking_direct) and name_key(d) not in
                  {name_key(w) for w in person_words}]
        orgs += [OrgFound(name=d, paragraphs=_paragraphs_naming(docs, d)) for d in spoken]
        agencies = facts.agencies | AGENCIES
        orgs = [o for o in orgs if o.actor or o.name.lower() not in agencies]
        orgs = _add_employers(doc._.people or [], orgs)
        orgs = _add_registered(docs, orgs, facts.registry)
        doubts = [d for d in doubts if d not in spoken]
        named = [d for d in doubts if doubt_evidence(docs, d) is not None]
        orgs += [OrgFound(name=d, paragraphs=_paragraphs_naming(docs, d), level="mentioned") for d in named]
        orgs = with_cited(docs, orgs)
        # "the West Bank", "Iraq said": places; not an organization whose acronym the article defines (APEC)
        doc._.organizations = [o for o in orgs if o.aliases or not _mostly_a_place(docs, o.name)]
        doc._.org_doubts = [d for d in doubts if d not in named]
        return doc


@Language.factory("briefbook_initiatives")
class InitiativesComponent(_Component):
    """Initiatives, agreements and meetings (`initiatives.find_initiatives`); a name found as one is
    no longer an organization nor a place."""

    def __call__(self, doc: Doc) -> Doc:
        orgs = doc._.organizations or []
        initiatives = find_initiatives(_paragraphs(doc), {name_key(f) for o in orgs for f in o.forms()})
        keys = {name_key(i.name) for i in initiatives} | {name_key(a) for i in initiatives for a in i.aliases}
        doc._.initiatives = initiatives
        doc._.organizations = [o for o in orgs if name_key(o.name) not in keys]
        taken = {name_key(f) for o in doc._.organizations for f in o.forms()} | keys
        doc._.places = [p for p in doc._.places or [] if name_key(p) not in taken]
        return doc


@Language.factory("briefbook_entities")
class EntitiesComponent(_Component):
    """The briefing's people, organizations and initiatives with ids, the registry applied (`resolve`)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = resolve_entities(doc._.people or [], doc._.organizations or [], doc._.initiatives or [],
                                          _facts(doc).registry)
        return doc


@Language.factory("briefbook_speakers")
class SpeakersComponent(_Component):
    """Each quote's speaker resolved to a person or organization of the briefing, or none
    (`speakers.attribute`); reported speech is kept only where its speaker is certain. A speaker
    found only as mentioned becomes an actor."""

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.entities
        speakers = _speakers(entities.people, entities.organizations) if entities is not None else []
        doc._.attributed = _quotes_out(doc._.quotes or [], _paragraphs(doc), speakers)
        quoted = {q.speaker for q in doc._.attributed}
        for item in [*entities.people, *entities.organizations] if entities is not None else []:
            if item.id in quoted:
                item.level = "actor"  # whoever the story quotes has a part in it
        return doc


@Language.factory("briefbook_events")
class EventsComponent(_Component):
    """Each sentence that carries a date resolvable against the publication date (`events.find_events`)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events([p.text for p in _paragraphs(doc)], _facts(doc).published)
        return doc


@Language.factory("briefbook_topics")
class TopicsComponent(_Component):
    """Topics of the controlled vocabulary the headline and paragraphs are about (`topics.find_topics`)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.topics = find_topics(_facts(doc).title, [p.text for p in _paragraphs(doc)])
        return doc


# ----------------------------------------------------------------------------- the pipeline


PIPELINE_FILE = "data/pipeline.yml"


@lru_cache(maxsize=1)
def extractor() -> Language:
    """The extraction pipeline `PIPELINE_FILE` lists (built once per process)."""
    text = resources.files("briefbook").joinpath(PIPELINE_FILE).read_text(encoding="utf-8")
    return build_extractor(yamlsafe.load(text), PIPELINE_FILE)


def build_extractor(spec: Any, where: str = "<pipeline>") -> Language:
    """The components of ``spec`` (``{"components": [{"factory": ..., "config": {...}}, ...]}``), in
    order, on the model's vocabulary; ValueError naming ``where`` for a spec of another shape."""
    import spacy

    from .nlp import pipeline

    entries = spec.get("components") if isinstance(spec, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and e.get("factory") for e in entries):
        raise ValueError(f"{where}: expected components: a list of {{factory: NAME, config: {{...}}}}")
    nlp = spacy.blank(pipeline().lang, vocab=pipeline().vocab)
    for entry in entries:
        nlp.add_pipe(entry["factory"], name=entry.get("name"), config=entry.get("config") or {})
    return nlp


# ----------------------------------------------------------------------------- people


def _add_bare_mentions(docs: list[Doc], people: list[PersonFound]) -> list[PersonFound]:
    """Record surname-only mentions ("Lutnick said") that spaCy labelled as something else."""
    for pno, doc in enumerate(docs, start=1):
        for tok in doc:
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ == "PERSON":
                continue
            person = resolve_short(tok.text, people)
            if person is None:
                continue
            if tok.text not in person.mentions:
                person.mentions.append(tok.text)
            if pno not in person.paragraphs:
                person.paragraphs.append(pno)
    return people


@lru_cache(maxsize=1)
def _known_people() -> dict[str, dict[str, str]]:
    """Surname -> entry of ``known_people.yml``; surnames shared by two entries are dropped."""
    by_surname: dict[str, list[dict[str, str]]] = {}
    for entry in lexicon.records("known_people", ("name",), ("surname", "role", "country")):
        if entry.get("surname"):
            by_surname.setdefault(name_key(entry["surname"]), []).append(entry)
    return {k: v[0] for k, v in by_surname.items() if len(v) == 1}


def _add_known_people(docs: list[Doc], people: list[PersonFound]) -> list[PersonFound]:
    """'Trump said' with no 'Donald Trump' in the article: a well-known surname names its person."""
    known = _known_people()
    multi = {name_key(w) for p in people if len(p.name.split()) > 1 for w in p.name.split()}
    for p in people:  # a titled surname the article never expands: "President Trump"
        key = name_key(p.name)
        if len(p.name.split()) == 1 and key in known and key not in multi:
            p.mentions.append(p.name)
            p.name = known[key]["name"]
            p.country = p.country or known[key].get("country")
    taken = {name_key(w) for p in people for w in p.name.split()}
    added: dict[str, PersonFound] = {}
    for pno, doc in enumerate(docs, start=1):
        for tok in doc:
            key = name_key(tok.text)
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or key in taken or key not in known:
                continue
            if tok.ent_type_ == "PERSON" and (
                tok.ent_iob_ == "I" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")
            ):
                continue  # part of a longer name
            entry = known[key]
            person = added.setdefault(
                key, PersonFound(name=entry["name"], role=entry.get("role"), country=entry.get("country"))
            )
            if tok.text not in person.mentions:
                person.mentions.append(tok.text)
            if pno not in person.paragraphs:
                person.paragraphs.append(pno)
    return people + list(added.values())


def _with_quoted_people(found: list[QuoteFound], docs: list[Doc], people: list[PersonFound]) -> list[PersonFound]:
    """``people`` and the people the article quotes by name and introduces with a title, whom the
    entity labels missed.

    A person found by surname alone ("Ms Persson") gives way to the titled full name the article
    gives elsewhere ("Deputy Director ... Eva-Marie Persson"): one person, not two."""
    bare = {name_key(p.name): p for p in people if len(p.name.split()) == 1}
    known = {name_key(w) for p in people if name_key(p.name) not in bare for form in [p.name, *p.mentions]
             for w in form.split()}
    kept, added = list(people), []
    for s in named_speakers(found, docs, known):
        short = bare.pop(name_key(s.name.split()[-1]), None)
        mentions, paragraphs = list(s.mentions), list(s.paragraphs)
        if short is not None:
            kept.remove(short)
            mentions += [m for m in [short.name, *short.mentions] if m not in mentions and m != s.name]
            paragraphs = sorted(set(paragraphs) | set(short.paragraphs))
        added.append(PersonFound(name=s.name, mentions=mentions, role=s.role or (short.role if short else None),
                                 role_org=short.role_org if short else None, country=short.country if short else None,
                                 paragraphs=paragraphs, titled=True))
    return kept + added

# ----------------------------------------------------------------------------- organizations

def _add_employers(people: list[PersonFound], orgs: list[OrgFound]) -> list[OrgFound]:
    """'Nvidia CEO Jensen Huang': the company before a corporate title is an organization too
    ("Roe's attorney" names no company: a person's name is never an employer)."""
    person_words = {w.lower().strip("’'") for p in people for w in p.name.split()}
    for p in people:
        if (
            p.role_org
            and resolve_org_reference(p.role_org, orgs) is None
            and p.role_org[:1].isupper()
            and not generic_name(p.role_org)
            and not any(w.lower().strip("’'s") in person_words for w in p.role_org.split())
        ):
            orgs.append(OrgFound(name=p.role_org, paragraphs=list(p.paragraphs[:1])))
    return orgs


def _add_registered(docs: list[Doc], orgs: list[OrgFound], registry: Registry) -> list[OrgFound]:
    """Names the curated registry knows are organizations even where the rules would doubt them."""
    if not registry.of_kind("organization"):
        return orgs
    known = {name_key(f) for o in orgs for f in o.forms()}
    for pno, doc in enumerate(docs, start=1):
        candidates = [e.text for e in doc.ents if e.label_ == "ORG"]
        candidates += [t.text for t in doc if t.is_upper and len(t.text) >= 2 and t.is_alpha]
        for text in candidates:
            text = re.sub(r"^(?:the|The)\s+", "", text).strip()
            key = name_key(text)
            if key in known or registry.lookup(text, "organization") is None:
                continue
            known.add(key)
            orgs.append(OrgFound(name=text, paragraphs=[pno]))
    return orgs


def _mostly_a_place(docs: list[Doc], name: str) -> bool:
    """Whether the entity recognizer calls ``name`` a place (GPE, LOC) more often than an
    organization: "the West Bank" is no bank, whatever its last word ("Green Party" or "OpenAI",
    tagged a place once and an organization as often, are not places)."""
    key = name_key(name)
    labels = [e.label_ for d in docs for e in d.ents if name_key(re.sub(r"^(?:the|The)\s+", "", e.text)) == key]
    return sum(label in ("GPE", "LOC") for label in labels) > labels.count("ORG")


def _speaks(name: str, speaking: frozenset[str]) -> bool:
    """Whether a quote's cue names ``name``, with or without its "the" ("the Plain Dealer")."""
    return name_key(name) in speaking or name_key(org_core(name)) in speaking


def _paragraphs_naming(docs: list[Doc], name: str) -> list[int]:
    return [n for n, doc in enumerate(docs, start=1) if name in doc.text]

# ----------------------------------------------------------------------------- quotes

def _cue_names(q: QuoteFound) -> set[str]:
    """The name keys a quote's cue gives its speaker: its words, and the name they end with ("the
    14th-ranked Schwartzman" -> "schwartzman")."""
    keys = {name_key(q.speaker_text)} if q.speaker_text else set()
    span = q.speaker_span
    if span is not None and span.root.pos_ == "PROPN":
        start = span.root.i
        while start > span.start and span.doc[start - 1].pos_ == "PROPN":
            start -= 1
        keys.add(name_key(span.doc[start : span.root.i + 1].text))
    return keys - {""}


def _named_by_surname(found: list[QuoteFound], people: list[PersonFound]) -> list[PersonFound]:
    """The people a quote's cue names by surname alone ("Ms. Roe said" of a "Jane Roe" named once in
    full): they speak, so they are people of the briefing. Only where nobody else found in the
    article bears that surname: the cue then names one person, not a guess between two."""
    cued = {name_key(q.speaker_span.root.text) for q in found
            if q.cued and q.speaker_span is not None and q.speaker_span.root.pos_ == "PROPN"}
    by_surname: dict[str, list[PersonFound]] = {}
    for p in people:
        by_surname.setdefault(name_key(p.name.split()[-1]), []).append(p)
    return [ps[0] for key, ps in by_surname.items() if key in cued and len(ps) == 1 and len(ps[0].name.split()) > 1]


def _speakers(people: list[Person], orgs: list[Organization]) -> list[Speaker]:
    """The people and organizations of the briefing, as `speakers.attribute` resolves them."""
    org_names = {o.id: " ".join([o.name, *o.aliases]) for o in orgs}
    out = [
        Speaker(
            id=p.id,
            name=p.name,
            kind="person",
            forms=[p.name, *p.mentions],
            role=p.role,
            organization=p.organization,
            country=p.country,
            context=" ".join(filter(None, [p.role, org_names.get(p.organization or ""), p.country])),
        )
        for p in people
    ]
    out += [
        Speaker(
            id=o.id,
            name=o.name,
            kind="organization",
            forms=[o.name, *o.aliases],
            context=o.country or "",
            country=o.country,
        )
        for o in orgs
    ]
    return out


def _quotes_out(found: list[QuoteFound], docs: list[Doc], speakers: list[Speaker]) -> list[Quote]:
    """Quotes with their resolved speakers; reported speech only where the speaker is certain."""
    note_genders(docs, speakers)
    note_titles(docs, speakers)
    out: list[Quote] = []
    for q, who in zip(found, attribute(found, docs, speakers), strict=True):
        if q.kind == "indirect" and (who is None or strip_dateline(q.text) != q.text):
            continue  # a sentence that only mentions someone, or the dateline sentence, is not speech
        out.append(
            Quote(
                text=q.text,
                speaker=who.id if who else None,
                speaker_name=who.name if who else None,
                kind=q.kind,
                paragraph=q.paragraph,
            )
        )
    return out

# ----------------------------------------------------------------------------- places

def _places(docs: list[Doc]) -> list[str]:
    seen: dict[str, str] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            name = re.sub(r"^(?:the|The)\s+", "", ent.text).strip()
            name = re.sub(r"[’']s$", "", name)
            if (
                any(ch.isdigit() for ch in name)
                or len(name) < 3
                or (name.upper() == name and len(name) <= 3 and name not in ("U.S.", "US", "UK"))
            ):
                continue
            if name.lower() in ("ai", "ict"):
                continue
            canonical = (
                COUNTRY_FORMS.get(name.lower(), name)
                if name.lower() in COUNTRY_SPELLINGS
                else name
            )
            seen.setdefault(name_key(canonical), canonical)
    return list(seen.values())
