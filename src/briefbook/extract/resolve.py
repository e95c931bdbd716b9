"""Items found in one article become the briefing's entities: ids given, the registry applied.

The registry is asked here and nowhere else in extraction, so that every briefing names an entity
the way the curated registry does (its id, its usual name) and a role finds its organization.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..ids import name_key, slugify
from ..lexicon import COUNTRY_FORMS
from ..model import Initiative, Organization, Person
from ..registry import Registry
from .initiatives import InitiativeFound
from .organizations import OrgFound, resolve_org_reference
from .people import PersonFound


@dataclass
class Entities:
    """The briefing's people, organizations and initiatives, each with its id."""

    people: list[Person]
    organizations: list[Organization]
    initiatives: list[Initiative]


def resolve_entities(
    people: list[PersonFound], orgs: list[OrgFound], initiatives: list[InitiativeFound], registry: Registry
) -> Entities:
    """Ids for what was found (the registry's where it knows the name), duplicates folded."""
    person_ids = {id(p): _person_id(p, registry) for p in people}
    org_ids = {id(o): _org_id(o, registry) for o in orgs}
    return Entities(
        people=_people_out(people, person_ids, orgs, org_ids, registry),
        organizations=_orgs_out(orgs, org_ids, registry),
        initiatives=_initiatives_out(initiatives, registry),
    )


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
            prev.level = "actor" if "actor" in (prev.level, p.level) else prev.level
            continue
        role = p.role if p.role is not None else (entry.role if entry else None)
        out[pid] = Person(
            id=pid, name=p.name, role=role, organization=org_id, country=country, mentions=mentions,
            level="actor" if p.level == "actor" else "mentioned",
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
            merged.level = "actor" if "actor" in (merged.level, o.level) else merged.level
            continue
        out[oid] = Organization(id=oid, name=o.name, aliases=sorted(set(aliases)), country=country,
                                level="actor" if o.level == "actor" else "mentioned")
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
