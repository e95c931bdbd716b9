"""From a cleaned article to a briefing: run the extractors in order and give everything ids.

This is the only place that knows the order (people before organizations, both before quotes)
and the only place that applies the curated registry, so that every briefing names an entity
the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from .. import yamlsafe
from ..budgets import MAX_ITEMS
from ..cleaning import CleanArticle
from ..fingerprint import code_fingerprint
from ..ids import name_key, slugify
from ..lexicon import AGENCIES, COUNTRY_FORMS, COUNTRY_SPELLINGS
from ..model import Briefing, Event, Initiative, Organization, Person, Quote, Source, empty_findings
from ..names import org_core
from ..registry import Registry
from .events import find_events
from .initiatives import InitiativeFound, find_initiatives
from .nlp import parse
from .organizations import OrgFound, find_organizations_and_doubts, generic_name, resolve_org_reference
from .people import PersonFound, find_people, person_evidence, resolve_short
from .quotes import QuoteFound, find_quotes
from .speakers import Speaker, attribute, named_speakers, note_genders, note_titles
from .summary import key_points, lead_title, strip_dateline, summarize
from .topics import find_topics


def build_briefing(
    clean: CleanArticle, source: Source, registry: Registry | None = None, docs: list[Doc] | None = None
) -> Briefing:
    """The briefing of one article. Pure: the same input gives the same briefing.

    ``docs`` are the article's paragraphs already parsed (see `nlp.parse_many`), in order."""
    registry = registry or Registry()
    paragraphs = [p for p in clean.paragraphs if p.strip()]
    anchor = dt.date.fromisoformat(clean.date) if clean.date else None
    if not looks_english(paragraphs):
        return _unanalysed(clean, source, paragraphs, registry)
    docs = docs if docs is not None and len(docs) == len(paragraphs) else parse(paragraphs)

    found_quotes = find_quotes(docs)
    # whoever a quote's own cue names speaks in the article: a person of the briefing even if named once
    speaking = frozenset(k for q in found_quotes if q.cued for k in _cue_names(q))
    speaking_direct = frozenset(k for q in found_quotes if q.cued and q.kind == "direct" for k in _cue_names(q))
    # a bare surname only where it speaks in quotation marks: "Ericsson said it would ..." is a company
    people = find_people(docs, speaking_direct)
    people = _add_known_people(docs, _add_bare_mentions(docs, people))
    people = _with_quoted_people(found_quotes, docs, people)
    doubtful = [p for p in people if person_evidence(docs, p) is None
                and not speaking & {name_key(f) for f in (p.name, *p.mentions)}]
    people = [p for p in people if p not in doubtful]
    # names doubted as people are still names: they must not become organizations ("Ben Roe" -> "Roe")
    person_words = {w.lower().strip("’'") for p in people + doubtful for w in p.name.split()}
    places = _places(docs)
    place_words = {p.lower() for p in places} | ({clean.location.lower()} if clean.location else set())
    orgs, org_doubts = find_organizations_and_doubts(docs, person_words, place_words)
    # a name doubted as an organization that speaks in quotation marks ("... ,” opined the Plain Dealer)
    # acts as one: it is listed, so that its quotes have a speaker
    spoken_orgs = [d for d in org_doubts if _speaks(d, speaking_direct) and name_key(d) not in
                   {name_key(w) for w in person_words}]
    orgs += [OrgFound(name=d, paragraphs=_paragraphs_naming(docs, d)) for d in spoken_orgs]
    org_doubts = [d for d in org_doubts if d not in spoken_orgs]
    agencies = {a.lower() for a in source.agencies} | AGENCIES
    orgs = [o for o in orgs if o.actor or o.name.lower() not in agencies]
    orgs = _add_employers(people, orgs)
    orgs = _add_registered(docs, orgs, registry)
    initiatives = find_initiatives(docs, {name_key(f) for o in orgs for f in o.forms()})
    init_keys = {name_key(i.name) for i in initiatives} | {
        name_key(a) for i in initiatives for a in i.aliases
    }
    orgs = [o for o in orgs if name_key(o.name) not in init_keys]
    org_keys = {name_key(f) for o in orgs for f in o.forms()} | init_keys
    places = [p for p in places if name_key(p) not in org_keys]

    person_ids = {id(p): _person_id(p, registry) for p in people}
    org_ids = {id(o): _org_id(o, registry) for o in orgs}

    out_people = _people_out(people, person_ids, orgs, org_ids, registry)
    out_orgs = _orgs_out(orgs, org_ids, registry)
    out_inits = _initiatives_out(initiatives, registry)
    quotes = _quotes_out(found_quotes, docs, _speakers(out_people, out_orgs))
    events = [Event(e.date, e.text, e.paragraph) for e in find_events(paragraphs, anchor)]

    weights: dict[int, float] = {}
    for p in people:
        for n in p.paragraphs:
            weights[n] = weights.get(n, 0) + 1.0
    for o in orgs:
        for n in o.paragraphs:
            weights[n] = weights.get(n, 0) + 0.7
    for i in initiatives:
        for n in i.paragraphs:
            weights[n] = weights.get(n, 0) + 1.0
    for e in events:
        weights[e.paragraph] = weights.get(e.paragraph, 0) + 0.8

    title = clean.title or lead_title(paragraphs) or "Untitled article"
    summary = summarize(paragraphs)
    return _assemble(
        clean,
        source,
        paragraphs,
        registry,
        title=title,
        summary=summary,
        key_points=key_points(paragraphs, summary, weights),
        topics=find_topics(title, paragraphs),
        people=out_people,
        organizations=out_orgs,
        initiatives=out_inits,
        quotes=quotes,
        events=events,
        places=places,
        review=[
            f"possible person not listed (named once, without title, role or speech): {p.name}"
            for p in doubtful
        ]
        + [
            f"possible organization not listed (never acts as one in the article): {name}"
            for name in org_doubts
            if name_key(name) not in org_keys
        ],
    )


_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "was",
        "were",
        "are",
        "be",
        "has",
        "have",
        "it",
        "its",
        "said",
        "this",
        "an",
        "will",
        "which",
        "their",
        "but",
        "not",
        "or",
        "they",
        "he",
        "she",
    ]
)


def looks_english(paragraphs: list[str]) -> bool:
    """The pipeline reads English; in other languages it finds 'people' in every capitalised pair."""
    words = re.findall(r"[^\W\d_]+", " ".join(paragraphs[:20]).lower())
    if len(words) < 20:
        return True
    return sum(1 for w in words if w in _ENGLISH) / len(words) >= 0.08


def _unanalysed(clean: CleanArticle, source: Source, paragraphs: list[str], registry: Registry) -> Briefing:
    """A briefing that keeps the article and its metadata and asks a person to look at it."""
    title = clean.title or (paragraphs[0][:80] if paragraphs else "Untitled article")
    return _assemble(
        clean,
        source,
        paragraphs,
        registry,
        title=title,
        review=[
            "the article does not look like English: people, organizations and quotes were not extracted"
        ],
    )


def _assemble(
    clean: CleanArticle, source: Source, paragraphs: list[str], registry: Registry, **parts: Any
) -> Briefing:
    """The briefing with the article's metadata; ``parts`` are what extraction found (empty if not given)."""
    review = list(parts.pop("review", []))
    if not clean.date:
        review.insert(0, "no publication date found: relative dates could not be resolved")
    limit = MAX_ITEMS["review"]
    if len(review) > limit:  # an article naming hundreds of doubtful names is still a briefing
        review = [*review[: limit - 1], f"{len(review) - limit + 1} more doubts like these not listed"]
    fields = empty_findings() | parts
    briefing = Briefing(
        date=clean.date,
        location=clean.location,
        source=source,
        paragraphs=paragraphs,
        review=review,
        generator={"code": code_fingerprint()},
        title_from="lead" if clean.title_from_lead or not clean.title else None,
        **fields,
    )
    # Only the registry entries that concern this briefing: editing another leaves it as it is.
    digest = registry.digest_for_briefing(briefing.title, paragraphs, briefing.entity_ids())
    if digest:
        briefing.generator["registry"] = digest
    return briefing


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
    """Surname -> entry of ``data/known_people.yml``; surnames shared by two entries are dropped."""
    text = resources.files("briefbook").joinpath("data/known_people.yml").read_text(encoding="utf-8")
    by_surname: dict[str, list[dict[str, str]]] = {}
    for entry in (yamlsafe.load(text) or {}).get("people", []):
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


def _person_id(p: PersonFound, registry: Registry) -> str:
    # A one-word mention ("Kim") is too ambiguous to name a registered person; the article's
    # items have no id yet, so the registry is asked by name and forms only.
    entry = registry.resolve("person", None, p.name, (m for m in p.mentions if len(m.split()) > 1))
    if entry is not None:
        p.name = entry.name
        return entry.id
    return slugify(p.name)


def _org_id(o: OrgFound, registry: Registry) -> str:
    entry = registry.resolve("organization", None, o.name, o.aliases)
    if entry is not None:
        if o.name != entry.name and o.name not in o.aliases:
            o.aliases.append(o.name)  # keep the form the article used: quotes say "MSIT said"
        o.name = entry.name
        return entry.id
    return slugify(o.name)


def _people_out(
    people: list[PersonFound],
    ids: dict[int, str],
    orgs: list[OrgFound],
    org_ids: dict[int, str],
    registry: Registry,
) -> list[Person]:
    out: dict[str, Person] = {}
    for p in people:
        pid = ids[id(p)]
        org_id = None
        if p.role:
            role_l = p.role.lower()
            for o in orgs:
                if any(len(f) > 3 and _whole_words(f.lower()).search(role_l) for f in o.forms()):
                    org_id = org_ids[id(o)]
                    break
        if org_id is None and p.role_org:
            o = resolve_org_reference(p.role_org, orgs)
            org_id = org_ids[id(o)] if o is not None else None
        if org_id is None and p.role:
            o = _ministry_of(p.role, orgs)
            org_id = org_ids[id(o)] if o is not None else None
        entry = registry.get("person", pid)
        country = p.country or _country_from(p.role) or (entry.country if entry else None)
        mentions = sorted({m for m in p.mentions if m != p.name})
        if pid in out:
            prev = out[pid]
            prev.mentions = sorted(set(prev.mentions) | set(mentions))
            continue
        role = p.role if p.role is not None else (entry.role if entry else None)
        out[pid] = Person(
            id=pid, name=p.name, role=role, organization=org_id, country=country, mentions=mentions
        )
    return list(out.values())


_PORTFOLIO = re.compile(r"\b([A-Z][a-z]+)\s+(Minister|Secretary|Ministry|Department)\b")


def _ministry_of(role: str, orgs: list[OrgFound]) -> OrgFound | None:
    """'Science Minister' works for the 'Ministry of Science and ICT' named in the same article."""
    m = _PORTFOLIO.search(role)
    if not m:
        return None
    field = m.group(1).lower()
    heads = ("ministry",) if m.group(2) in ("Minister", "Ministry") else ("department",)
    cands = [
        o
        for o in orgs
        if any(h in o.name.lower().split() for h in heads)
        and field in o.name.lower().replace(",", " ").split()
    ]
    return cands[0] if len(cands) == 1 else None


@lru_cache(maxsize=4096)
def _whole_words(text: str) -> re.Pattern[str]:
    """``text`` not inside a longer word (compiled once: re's own cache is smaller than a run's names)."""
    return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")


@lru_cache(maxsize=1)
def _country_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<![\w.]){re.escape(form)}(?![\w])"), country)
        for form, country in COUNTRY_FORMS.items()
        if len(form) > 2
    )


def _country_from(role: str | None) -> str | None:
    if not role:
        return None
    low = role.lower()
    for pattern, country in _country_patterns():
        if pattern.search(low):
            return country
    return None


def _orgs_out(orgs: list[OrgFound], ids: dict[int, str], registry: Registry) -> list[Organization]:
    out: dict[str, Organization] = {}
    for o in orgs:
        oid = ids[id(o)]
        entry = registry.get("organization", oid)
        aliases = [a for a in o.aliases if name_key(a) != name_key(o.name)]
        country = o.country or (entry.country if entry else None)
        if oid in out:
            merged = out[oid]
            merged.aliases = sorted(set(merged.aliases) | set(aliases) | ({o.name} - {merged.name}))
            continue
        out[oid] = Organization(id=oid, name=o.name, aliases=sorted(set(aliases)), country=country)
    return list(out.values())


def _initiatives_out(items: list[InitiativeFound], registry: Registry) -> list[Initiative]:
    out: dict[str, Initiative] = {}
    for item in items:
        name = item.name
        entry = registry.resolve("initiative", None, name, item.aliases)
        if entry is not None:
            name = entry.name
        iid = entry.id if entry else slugify(name)
        out.setdefault(iid, Initiative(id=iid, name=name, kind=item.kind))
    return list(out.values())


# ----------------------------------------------------------------------------- quotes


def _speaks(name: str, speaking: frozenset[str]) -> bool:
    """Whether a quote's cue names ``name``, with or without its "the" ("the Plain Dealer")."""
    return name_key(name) in speaking or name_key(org_core(name)) in speaking


def _paragraphs_naming(docs: list[Doc], name: str) -> list[int]:
    return [n for n, doc in enumerate(docs, start=1) if name in doc.text]


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
