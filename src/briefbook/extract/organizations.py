"""Organizations, with the aliases the article uses for them.

Sources: proper-noun phrases headed by an institution word ("Ministry of Science and ICT",
"Korea Chamber of Commerce and Industry"), spaCy ORG entities that survive sanity checks
(companies: "Samsung Electronics", "OpenAI"), acronyms defined in parentheses ("(OSTP)").
Then, within one article: a shorter name that ends a longer one is an alias ("Office of Science
and Technology Policy" of "White House Office of ..."), "Commerce Department" is "Department of
Commerce", and "the science ministry" / "the ministry" point at the article's ministry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from ..ids import name_key
from ..lexicon import (
    AGENCIES,
    COMPETITION_HEADS,
    CORPORATE_VERBS,
    COUNTRY_FORMS,
    FACILITY_NOUNS,
    HONORIFICS,
    INITIATIVE_HEADS,
    NOT_NAME_WORDS,
    ORG_HEADS,
    REPORTING_VERBS,
    ROLE_ABBREVIATIONS,
    ROLE_HEADS,
    THING_NOUNS,
    VENUE_AND_THING_HEADS,
    forms_of,
    groups,
    ordered_words,
    words,
)
from .nlp import verb_lemma
from .spans import head_word, initials_match, inside_quotes, is_acronym, per_doc, phrases

# One common word that names no organization on its own.
_GENERIC_SINGLE = words("generic_org_words")
# Nouns around a name that show it is an organization: ``data/lexicon/en/org_context_nouns.yml``.
_CONTEXT = groups("org_context_nouns")
# "Commerce Department" and "Department of Commerce": the heads written either way, in file order.
_REORDERED_HEADS = tuple(h for _, heads in forms_of("reordered_org_heads") for h in heads)


def generic_name(name: str) -> bool:
    """'Police', 'Company', 'Post': one common word, which names no organization on its own."""
    return " " not in name.strip() and name.strip().lower() in _GENERIC_SINGLE


# Acronyms that name things, not organizations ("NASA said" is an organization, "HBM" is not).
_NOT_ORG_ACRONYMS = frozenset(ordered_words("not_org_acronyms"))  # as written: compared in capitals
_DESCRIPTIVE = re.compile(r"\b[Tt]he\s+([a-z]+(?:\s+[a-z]+)?)\s+(ministry|department|agency|office)\b")


@dataclass
class OrgFound:
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    paragraphs: list[int] = field(default_factory=list)
    actor: bool = False  # a news agency that is part of the story ("Reuters agreed to ..."), not a credit
    level: str = "actor"  # "mentioned": named in passing (`org_mentions`), never acting in the story

    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


# Words that open a sentence before a name and are no part of it ("Neither the House", "Now the Agency").
_OPENERS = frozenset(ordered_words("sentence_openers"))  # capitalised, as at a sentence start


# Plural nouns whose possessive starts a name ("People's Liberation Army", "Children's Hospital").
_GROUP_POSSESSORS = frozenset(ordered_words("group_possessors"))


def _strip(text: str) -> str:
    text = re.sub(r"^(?:the|The|With|And|For|From|To|At|By|In|On|Of)\s+", "", text.strip())
    text = re.sub(r"^(?:[Ff]ormer|[Ee]x-)\s*(?=[A-Z])", "", text)  # "Former National Security Council official"
    text = re.sub(r"^([A-Z][A-Z0-9&-]+[A-Z0-9])\s+(?:party|group|government)$", r"\1", text)  # "the UMP party"
    if text.split("'")[0].split("’")[0] not in _GROUP_POSSESSORS:  # "People's Liberation Army" is one name
        text = re.sub(r"^[A-Z][\w.]*(?:\s[A-Z][\w.]*)?[’']s\s+(?=[A-Z])", "", text)  # "Washington's Office"
    text = re.sub(r"[’']s?$", "", text)  # "the Nittany Lions’ loss"
    text = re.sub(r"\s+[A-Z]{2,6}\d[A-Z0-9]*$", "", text)  # "London Metal Exchange CMAL3": a ticker code
    words = text.split()
    if len(words) >= 2 and words[0] in _OPENERS and (words[1][:1].isupper() or words[1] == "the"):
        words = words[2:] if words[1] == "the" else words[1:]  # "Neither the House", "Some White House"
        if len(words) < 2:
            return ""  # "Now the Agency": a reference, not a name
    if len(words) >= 3 and words[-1].lower().rstrip(".") in HONORIFICS | {"rt"}:
        words = words[:-1]  # "House of Representatives Rt. Hon.": a title's start after its organization
    if (
        len(words) >= 3
        and words[-1].lower() in ROLE_HEADS
        and words[-2].lower() not in _INNER_JOINERS | ROLE_HEADS | {"the"}  # "Office of Inspector General"
        and _org_head(words[:-1])
    ):
        words = words[:-1]  # "House of Representatives Speaker": a title after its organization
    return " ".join(words).strip(" ,.;:()")


def _org_head(words: list[str]) -> bool:
    head = head_word(words)
    return (
        head is not None
        and head[1] in ORG_HEADS
        and not (head[1] in INITIATIVE_HEADS and head[0] == len(words) - 1 and head[1] in ("commission",))
    )


def find_organizations(docs: list[Doc], person_words: set[str], places: set[str]) -> list[OrgFound]:
    """Organizations named in the paragraphs; ``person_words`` and ``places`` veto false hits."""
    return find_organizations_and_doubts(docs, person_words, places)[0]


def find_organizations_and_doubts(
    docs: list[Doc], person_words: set[str], places: set[str]
) -> tuple[list[OrgFound], list[str]]:
    """The organizations, and the names spaCy tags ORG that the article never treats as one.

    A name without an institution word ("Moscone Center", "Note 10 Plus", "Braun") is as often a
    product, venue, work or person as a company: it is kept only with evidence from some mention
    (see `acts_as_organization`), a defined acronym, or a list beside a certain organization;
    the others are returned as doubts for the briefing's ``review:`` list."""
    found: dict[str, OrgFound] = {}
    pending: dict[str, tuple[str, int]] = {}
    ent_counts: dict[str, int] = {}
    acronyms: dict[str, str] = {}  # acronym -> expansion

    def add(name: str, pno: int, actor: bool = False) -> OrgFound | None:
        name = _strip(name)
        m = re.match(r"^(?P<who>[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3}) of (?P<the>the )?(?P<org>[A-Z].+)$", name)
        if m and (
            any(w.lower() in person_words or w.lower() in HONORIFICS for w in m["who"].split())
            or (m["the"] and _org_head(m["org"].split()) and head_word(m["who"].split()) is None)
        ):
            name = m["org"]  # "Jane Roe of the Daily Post", "Roe of the Times": the person's employer
        name = _employer_in_title(name)
        lead = name.split()
        if len(lead) >= 3 and lead[0].lower() in person_words and _org_head(lead[1:]):
            name = " ".join(lead[1:])  # "the Obama National Security Council": the council, in his time
        on = re.match(r"^(?P<org>.+?) (?:on|with|to) (?P<who>[A-Z].+)$", name)
        if on and _org_head(on["org"].split()) and any(w.lower() in person_words for w in on["who"].split()):
            name = on["org"]  # "the White House on Jane Roe": an organization, then its topic
        if " and " in name:  # "Department of Health and Jane Roe": an organization and a person
            head, _, tail = name.rpartition(" and ")
            tail_words = tail.split()
            if any(w.lower() in person_words for w in tail_words) and _org_head(head.split()):
                name = head
            elif _org_head(head.split()) and tail_words[:1] == ["the"] and _org_head(tail_words[1:]):
                add(" ".join(tail_words[1:]), pno, actor)  # "the Court of Justice and the Security Council"
                name = head
        if not _plausible(name) or generic_name(name) or (name.split()[-1].lower() in ROLE_HEADS and not _org_head(name.split())):
            return None  # "Cherokee County Sheriff" is a title ("Court of Justice" is not)
        brand = " " not in name and any(c.isupper() for c in name[1:]) and not name.isupper()
        if (
            not name
            or (name.lower() in AGENCIES and not actor)
            or (name.lower() in places and not _org_head(name.split()) and not brand)
        ):
            return None
        key = name_key(name)
        org = found.get(key)
        if org is None:
            org = found[key] = OrgFound(name=name)
        if pno not in org.paragraphs:
            org.paragraphs.append(pno)
        org.actor = org.actor or actor
        return org

    for pno, doc in enumerate(docs, start=1):
        for ph in phrases(doc):
            words = ph.words
            text = ph.text
            if (
                _indefinite(doc, ph.start, ph.end)
                or _venue_or_listing(doc, ph.start, ph.end)
                or _label(doc, ph.start, ph.end)
                or _tail_of_longer_name(doc, ph.start)
            ):
                continue  # "an Intensive Care Unit": a kind of thing, not a named one; a venue; a product
            # a leading country form ("US Department of Commerce") stays in the name; a possessive
            # place before the phrase ("Washington's Office of ...") is outside the phrase already.
            if _org_head(words) and not _only_generic(words):
                if _before_event_word(doc, ph.end):
                    continue  # "the Code Media conference": an event
                if (_venue_like(words) or _owned(doc, ph.start)) and not acts_as_organization(doc, ph.start, ph.end):
                    pending.setdefault(name_key(_strip(text)), (_strip(text), pno))
                    continue  # "a concert at the Moscone Center": a building, unless it acts
                org = add(text, pno)
                if org and ph.acronym:
                    acronyms[ph.acronym] = org.name
            elif (
                ph.acronym
                and initials_match(ph.acronym, text)
                and not _is_initiative(words)
                and words[-1].lower() not in THING_NOUNS  # "Polar Exploration Rover (PER)": a machine
                and any(doc[k].ent_type_ == "ORG" for k in range(ph.start, ph.end))
            ):
                org = add(text, pno)
                if org:
                    acronyms[ph.acronym] = org.name
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            name = _strip(ent.text)
            ent_counts[name_key(name)] = ent_counts.get(name_key(name), 0) + 1
        for name in _governments(doc) + _national_ministries(doc):
            add(name, pno)
    # spaCy ORG entities not covered by a phrase: companies, outlets, brands
    text_all = "\n".join(d.text for d in docs)
    lower_defined = _lower_defined(text_all)
    after_place: dict[tuple[str, bool], bool] = {}
    evidenced: set[str] = set()
    gpe_counts: dict[str, int] = {}
    surnames = {
        next((t.text for t in reversed(e) if t.text.rstrip(".") not in ("Jr", "Sr", "II", "III")), e[-1].text)
        for d in docs
        for e in d.ents
        if e.label_ == "PERSON"
    } | _after_given_names(docs)
    for d in docs:
        for e in d.ents:
            if e.label_ == "GPE" and len(e) == 1:
                gpe_counts[e.text] = gpe_counts.get(e.text, 0) + 1
    for pno, doc in enumerate(docs, start=1):
        for ent in doc.ents:
            if ent.label_ != "ORG" or inside_quotes(doc, ent.start):
                continue
            if _indefinite(doc, ent.start + (ent[0].lower_ in ("a", "an")), ent.end):
                continue  # "an Intensive Care Unit"
            inner = next(
                (t.i for t in ent[1:] if t.lower_ in ("the", "a") and doc[t.i - 1].lower_ not in _INNER_JOINERS), None
            )
            name = _strip(doc[ent.start : inner].text if inner else ent.text)  # "[Billboard] the Doobies"
            if name.lower() in AGENCIES:
                if _agency_as_actor(doc, ent.start, ent.end):
                    add(name, pno, actor=True)
                continue
            words = name.split()
            brand = len(words) == 1 and any(c.isupper() for c in name[1:]) and not name.isupper()
            if not words or _is_initiative(words) or (name.lower() in places and not brand):
                continue
            if len(words) > 1 and words[-1].lower() in THING_NOUNS - ORG_HEADS:
                continue  # "Lunar Ice Survey Rover (LISR)": a machine, however it is named
            if re.fullmatch(r"Group [A-Z]", name) or (len(words) == 1 and name in surnames):
                continue  # "Group H" of a tournament; "Volker" of "Kurt Volker": a person
                continue
            glued = ent.start >= 2 and doc[ent.start - 1].text == "-" and not doc[ent.start - 2].whitespace_
            glued = glued or _tail_of_longer_name(doc, ent.start)
            if _venue_or_listing(doc, ent.start, ent.end) or _label(doc, ent.start, ent.end):
                continue
            if _person_after(doc, ent.end) or glued or (doc.text.count("|") >= 2 and not _org_head(words)):
                continue  # "Roe Jr., 55, of Addison"; a table's column heads
            if any(w.lower().strip("’'s") in person_words for w in words):
                continue
            if any(w.lower().strip(".") in ROLE_ABBREVIATIONS for w in words):
                continue
            if all(
                w.lower() in _GENERIC_SINGLE or w.lower() in COUNTRY_FORMS or w.lower() in ("of", "and")
                for w in words
            ) and not _named_by_adjective(words):
                continue
            if (
                ent.end < len(doc)
                and doc[ent.end].lower_ in ROLE_HEADS
                and (words[0].lower() in COUNTRY_FORMS or (len(words) > 1 and not _org_head(words)))
            ):
                continue  # "Indian Information Technology Minister": part of a title
            if len(words) == 1:  # once per name and reading: a scan of the whole article
                with_of = ent_counts.get(name_key(name), 0) < 2
                if (name, with_of) not in after_place:
                    after_place[(name, with_of)] = _after_place_word(name, with_of).search(text_all) is not None
            if _before_event_word(doc, ent.end) or (len(words) == 1 and after_place[(name, with_of)]):
                continue
            if len(words) == 1:
                w = words[0]
                if w.lower() in _GENERIC_SINGLE or w.lower() in NOT_NAME_WORDS or w in lower_defined:
                    continue
                if (
                    len(w) == 2 and w.isupper() and ent.start >= 2 and doc[ent.start - 1].text == ","
                    and doc[ent.start - 2].text[:1].isupper()
                ):
                    continue  # "Wantagh, NY": a state after its town
                inner_cap = any(c.isupper() for c in w[1:]) and not w.isupper()
                if (w in _NOT_ORG_ACRONYMS or (w.isupper() and w.isalpha() and len(w) > 7)) and w not in acronyms:
                    continue  # "RAM", "CPU": things, however often named; "INTIMIDATING": a shout
                if 0 < ent_counts.get(name_key(w), 0) <= gpe_counts.get(w, 0):
                    continue  # "Delhi": tagged a place at least as often as an organization
                if (
                    is_acronym(w)
                    and w not in acronyms
                    and ent_counts.get(name_key(w), 0) < 2
                    and (
                        not 3 <= len(w) <= (9 if "-" in w else 6)  # "CNDD-FDD"
                        or w in _NOT_ORG_ACRONYMS
                        or w.lower() in places
                        or _shouting(doc)
                        or _capitalised_verb(doc, ent.start)
                    )
                ):
                    continue  # "INCHEON —" is a dateline, "HBM" a product; "NASA said" an organization
                if not (inner_cap or is_acronym(w) or ent_counts.get(name_key(w), 0) >= 2):
                    continue
            elif not all(
                x[0].isupper() or x.lower() in ("of", "and", "for", "&", "the") or x[0].isdigit()
                for x in words
            ) and not (len(words) == 2 and words[0][0].isupper()):  # "SK hynix"
                continue
            # A brand word ("MacBook", "eGPU") or a company's name with a thing's name after it
            # ("Google Stadia", "Amazon Music Unlimited") is often a product: it needs the article
            # to treat it as an organization.
            own_start = next((t.i + 1 for t in ent[:-1] if t.text in ("'s", "’s")), ent.start)
            certain = not _owned(doc, own_start) and (
                (_org_head(words) and not _venue_like(words))
                or _named_by_adjective(words)
                or name in acronyms
                or name in acronyms.values()
                or (words[0] == "Government" and words[1:2] == ["of"])
                or (len(words) > 1 and words[-1] == "Trust")  # "Sussex NHS Foundation Trust" (not "for Trust")
            )
            if not certain and not acts_as_organization(doc, ent.start, ent.end):
                pending.setdefault(name_key(name), (name, pno))
                continue
            evidenced.add(name_key(name))
            if certain or _org_head(words) or len(words) <= 4:
                add(name, pno)
    doubts = []
    for key, (name, pno) in pending.items():
        if key in evidenced or _listed_with(name, [o.name for o in found.values()], text_all):
            add(name, pno)
        elif key not in found:
            doubts.append(name)
    orgs = list(found.values())
    for acr, expansion in acronyms.items():
        target = found.get(name_key(expansion))
        if target and acr not in target.aliases:
            target.aliases.append(acr)
    orgs = _merge(orgs, docs)
    for org in orgs:
        first = org.name.split()[0].lower()
        org.country = COUNTRY_FORMS.get(first)
    return sorted(orgs, key=lambda o: (o.paragraphs[0] if o.paragraphs else 0, o.name)), doubts


def _tail_of_longer_name(doc: Doc, start: int) -> bool:
    """'Department of Health and [Human Services]', 'Trade, Industry and [Energy]': after "and" or
    "of" that follow a capitalised word no entity holds, the name is the end of a longer one
    ("Samsung Electronics and SK hynix" are two)."""
    if start >= 2 and doc[start - 1].text in ("'s", "’s") and doc[start - 2].text in _GROUP_POSSESSORS:
        return True  # "the People's [Liberation Army]"
    if start < 2 or doc[start - 1].lower_ not in ("and", "of", "&"):
        return False
    if doc[start].ent_iob_ == "I":
        return True  # inside a longer entity: "the Ministry of Trade, Industry and [Energy]"
    prev = doc[start - 2]
    return prev.text[:1].isupper() and prev.pos_ == "PROPN" and prev.ent_type_ == "" and not prev.is_sent_start


def _after_given_names(docs: list[Doc]) -> set[str]:
    """Words the article writes after a capitalised word that could be a given name ("Kurt Volker",
    "(Frank) Vogel") or a maker ("Amazon Alexa"): one of them alone is a surname or a product,
    whatever spaCy calls it. Not after a sentence start, a place or nation, a title or honorific
    ("The Nintendo", "Japanese Sony", "Dr Roe")."""
    out = set()
    for doc in docs:
        for t in doc[1:]:
            k = t.i - 1 - (doc[t.i - 1].text == ")" and t.i >= 3)  # "(Frank) Vogel"
            prev = doc[k]
            if (
                t.is_title and t.is_alpha and prev.is_title and prev.is_alpha
                and not prev.is_sent_start and not prev.is_stop
                and prev.ent_type_ not in ("GPE", "NORP", "LOC", "FAC", "DATE", "EVENT")
                and prev.lower_ not in ROLE_HEADS | HONORIFICS
                and prev.lower_ not in COUNTRY_FORMS
            ):
                out.add(t.text)
    return out


def _label(doc: Doc, start: int, end: int) -> bool:
    """'- Connectivity Technology: Bluetooth 5.0': a name that opens its line before a colon labels
    what follows (a specification, a column), whatever it is ("said to the Commission: ..." is not)."""
    opens = all(t.is_punct or t.is_space for t in doc[doc[start].sent.start : start])
    return opens and end < len(doc) and doc[end].text == ":"


def _owned(doc: Doc, start: int) -> bool:
    """'my6sense's Cross-Network Exchange', 'Acme's Skyline Network': a name after a company's
    possessive is often its product or unit (not after a place's or a title's: "Washington's Office",
    "the Governor's Office")."""
    if start < 2 or doc[start - 1].text not in ("'s", "’s"):
        return False
    owner = doc[start - 2]
    if owner.text in _GROUP_POSSESSORS:
        return False  # "People's Liberation Army": one name
    return owner.ent_type_ == "ORG" or (owner.ent_type_ == "" and not owner.text[:1].isupper())


def _venue_like(words: list[str]) -> bool:
    """'Moscone Center', 'Blossom Music Center': a name that ends in center/centre/hall (not "Center
    for ...") is as often a building as an institution."""
    return len(words) >= 2 and words[-1].lower() in ("center", "centre", "hall", "office")


def _listed_with(name: str, orgs: list[str], text: str) -> bool:
    """'Samsung Electronics and SK hynix': a name coordinated with an organization the article names
    with certainty is one of the same kind."""
    others = [o for o in orgs if o and o != name]
    if not others or not name:
        return False
    # One scan for the name, then a look at its two sides: a pattern of every organization built
    # per name was compiled afresh for each (the `re` cache overflows) and cost 3 ms a call.
    i = text.find(name)
    while i != -1:
        j = i + len(name)
        # "Other, and [the] Name": the other ends where the joining words start
        joined = _JOINED_BEFORE.search(text, max(0, i - _JOINER_CHARS), i)
        if joined and _word_edge(text, j) and any(
            text.endswith(o, 0, joined.start()) and _word_edge(text, joined.start() - len(o)) for o in others
        ):
            return True
        # "Name, and [the] Other": the other starts where the joining words end
        joined = _JOINED_AFTER.match(text, j)
        if joined and _word_edge(text, i) and any(
            text.startswith(o, joined.end()) and _word_edge(text, joined.end() + len(o)) for o in others
        ):
            return True
        i = text.find(name, i + 1)
    return False


_JOINER_CHARS = len(", and the ")
_JOINED_BEFORE = re.compile(r",? (?:and|or) (?:the )?$")
_JOINED_AFTER = re.compile(r",? (?:and|or) (?:the )?")


def _word_edge(text: str, at: int) -> bool:
    """``\\b`` at ``at``: a word character on one side only."""
    def word(k: int) -> bool:
        return 0 <= k < len(text) and (text[k].isalnum() or text[k] == "_")
    return word(at - 1) != word(at)


_ACRONYM_IN_BRACKETS = re.compile(r" \(([A-Z]{2,})\)")
_LOOK_BACK = 300


def _lower_defined(text: str) -> set[str]:
    """Acronyms defined after lower-case words ("the national assembly (NA)"): a lower-case
    letter that starts a word, then lower-case letters, spaces or hyphens up to " (NA)". Looks back
    at most 300 characters from each acronym: a long lower-case text costs a linear scan, where
    the one regex it replaces went quadratic."""
    found = set()
    for m in _ACRONYM_IN_BRACKETS.finditer(text):
        end = m.start()  # the run ends here and holds a word-initial a-z before end - 1
        k = end - 1
        while k >= 0 and end - k <= _LOOK_BACK and (
            "a" <= text[k] <= "z" or text[k] == "-" or text[k].isspace()
        ):
            k -= 1
        for start in range(k + 1, end - 1):
            before = text[start - 1] if start else " "
            if "a" <= text[start] <= "z" and not (before.isalnum() or before == "_"):
                found.add(m.group(1))
                break
    return found


# Nouns that say a name is an organization when set beside it ("Acme, the retailer").
_ORG_NOUNS = ORG_HEADS | _CONTEXT["called"]


# Nouns an organization has after its name ("the UMP party", "a Fox Business interview").
_OWN_NOUNS = _CONTEXT["owned"]
# People an organization employs or counts ("researchers at Acme", "members of Acme").
_STAFF_NOUNS = _CONTEXT["staff"]
# What an organization signs with another ("a contract with Acme").
_DEAL_NOUNS = _CONTEXT["deals"]


def acts_as_organization(doc: Doc, start: int, end: int) -> bool:
    """The article treats the name as an organization: it acts ("Acme said", "Acme's shares"),
    employs ("chief executive of Acme", "Acme chief executive") or is called one ("Acme, the retailer")."""
    toks = doc[start:end]
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start else None
    if after is not None and after.text in ("'s", "’s"):
        return True
    if len(toks) > 1 and toks[-1].lower_ == "party":
        return True  # spaCy's "UMP party"
    if after is not None and after.is_lower and after.lower_ in _OWN_NOUNS:
        return True  # "the UMP party", "a Fox Business interview", "Acme shares"
    b = start - 1 - (before is not None and before.lower_ == "the")
    if b >= 0 and (doc[b].lower_ == "told" or (doc[b].lower_ == "to" and b >= 1 and doc[b - 1].lower_ == "according")):
        return True  # "told the Daily Post", "according to Acme": it speaks or is spoken to
    if (
        before is not None
        and before.lower_ in ("at", "from")
        and before.head.dep_ == "nsubj"
        and before.head.pos_ == "NOUN"
        and verb_lemma(before.head.head) in REPORTING_VERBS
    ):
        return True  # "doctors at Acme told reporters": people who speak from where they work
    if before is not None and before.lower_ == "with" and before.head.lower_ in _DEAL_NOUNS:
        return True  # "a memorandum of understanding with Acme": a party to an agreement
    if after is not None and re.match(r"\(\s*[A-Z][A-Z&-]{1,9}\)", doc.text[after.idx : after.idx + 14]):
        return True  # "Acme Holdings (AHL)", "Pakistan Muslim League-Nawaz (PML-N)": defined by an acronym
    if start >= 2 and before is not None and before.lower_ in ("at", "of", "for") and (
        doc[start - 2].lower_ in ROLE_HEADS | _STAFF_NOUNS or doc[start - 2].lower_ in ("works", "worked", "working")
    ):
        return True  # "a researcher at Acme", "workers at Acme": an employer
    if start >= 2 and doc[start - 1].text == "(" and doc[start - 2].lower_ in ORG_HEADS:
        return True  # "the General National Congress (GNC-Parliament)": another name of an organization
    if after is not None and after.lower_ in ROLE_HEADS and after.is_lower:
        return True  # "Acme spokesperson"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in ROLE_HEADS:
        return True
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in toks) and toks.root.head.pos_ == "VERB":
        verb = toks.root.head
        speaks = verb_lemma(verb) in REPORTING_VERBS and not any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children
        )  # "Roe added three assists" is no speech
        return speaks or verb.lower_ in CORPORATE_VERBS
    if after is not None and after.text == "," and end + 2 < len(doc):
        k = end + 1 + (doc[end + 1].lower_ in ("the", "a", "an"))
        return any(t.lower_ in _ORG_NOUNS for t in doc[k : min(len(doc), k + 4)])
    return False


def _agency_as_actor(doc: Doc, start: int, end: int) -> bool:
    """'Reuters agreed to a takeover', 'chairman of Reuters', 'its rival, Bloomberg': a news agency
    the story is about, not the one that wrote it ("(Reuters)", "told Reuters")."""
    if start > 0 and doc[start - 1].text == "(":
        return False
    if end < len(doc) and doc[end].text in ("'s", "’s"):
        return True
    if any(t.dep_ in ("nsubj", "nsubjpass", "appos") for t in doc[start:end]):
        return not (end < len(doc) and doc[end].text in (")", "-", "—", "–"))  # a dateline credit
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in ROLE_HEADS


# Institutions a capitalised adjective names ("European Commission", "African Union"), unlike
# "the Korean government" or "the French army", which describe.
_ADJECTIVE_NAMED = _CONTEXT["named_by_adjective"]


def _named_by_adjective(words: list[str]) -> bool:
    return len(words) == 2 and words[0][:1].isupper() and words[1][:1].isupper() and words[1].lower() in _ADJECTIVE_NAMED


_INNER_JOINERS = frozenset("of for on and in at to".split())


def _employer_in_title(name: str) -> str:
    """'Chairman of the Space Agency' and 'Opposition Leader in the National Assembly Jane Roe' name
    a title: the organization is what follows its of/in, without a person's name after its head."""
    words = name.split()
    for i, w in enumerate(words[:-2]):
        if w.lower() in ROLE_HEADS and w[:1].isupper() and words[i + 1] in ("of", "in", "for"):
            rest = words[i + 2 :]
            if rest and rest[0].lower() == "the":
                rest = rest[1:]
            heads = [k for k, x in enumerate(rest) if x.lower() in ORG_HEADS]
            if heads and len(rest) - heads[-1] - 1 >= 2:
                rest = rest[: heads[-1] + 1]  # "... National Assembly Jane Roe"
            return " ".join(rest) if rest else name
    return name


def _venue_or_listing(doc: Doc, start: int, end: int) -> bool:
    """'June 26 -- Harbor Center, Allentown, PA' is a venue on a tour list; 'Acme Watch Pro for $169'
    a product on a shopping list (a line with a price and no verb)."""
    after = doc[end : end + 4]
    if (
        len(after) == 4 and after[0].text == "," and after[1].text[:1].isupper() and after[2].text == ","
        and re.fullmatch(r"[A-Z]{2}", after[3].text)
    ):
        return True
    return doc[start].sent.start in per_doc(doc, "price_lists", _price_lists)


def _price_lists(doc: Doc) -> frozenset[int]:
    """Where the sentences that are lines of a shopping list start: a price and no verb."""
    return frozenset(
        sent.start for sent in doc.sents
        if any(t.text in "$€£¥" for t in sent) and not any(t.pos_ in ("VERB", "AUX") for t in sent)
    )


def _person_after(doc: Doc, end: int) -> bool:
    """'Carlineo Jr., 55,', 'Jane Roe, who represents': a suffix, an age or 'who' says person."""
    nxt = doc[end : end + 3]
    if len(nxt) and nxt[0].text in ("Jr.", "Jr", "Sr.", "Sr"):
        return True
    if len(nxt) >= 2 and nxt[0].text == "," and nxt[1].lower_ == "who":
        return True
    return len(nxt) == 3 and nxt[0].text == "," and nxt[1].like_num and nxt[2].text == ","


_MINISTRY_FIELDS = _CONTEXT["ministry_fields"]


def _national_ministries(doc: Doc) -> list[str]:
    """'the French foreign ministry': a nation's ministry named by its field is that nation's
    organization (written as the article writes it)."""
    out = []
    for t in doc:
        if t.lower_ not in ("ministry", "office") or t.i < 2:
            continue
        field, nation = doc[t.i - 1], doc[t.i - 2]
        if (
            field.lower_ in _MINISTRY_FIELDS
            and field.is_lower
            and nation.text[:1].isupper()
            and nation.lower_ in COUNTRY_FORMS
            and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("of", "for"))
        ):
            out.append(doc[t.i - 2 : t.i + 1].text)
    return out


def _indefinite(doc: Doc, start: int, end: int) -> bool:
    """'an Intensive Care Unit and beds': the capitalised words after "a"/"an" head their noun
    phrase, so they name a kind of thing ("in a Fox Business interview" is a name)."""
    if start == 0 or doc[start - 1].lower_ not in ("a", "an"):
        return False
    return not (end < len(doc) and doc[end].is_lower and doc[end].pos_ in ("NOUN", "PROPN"))


def _governments(doc: Doc) -> list[str]:
    """'the Queensland government', 'the Delhi Government': the government of a named place is an
    organization. A party's ("the AAP government") or a leader's ("the Modi government") is a
    description of who governs, not a name, unless the outlet capitalises it ("Morrison Government")."""
    out = []
    for t in doc:
        if t.lower_ != "government" or t.i == 0:
            continue
        k = t.i
        while k > 0 and k > t.i - 3 and doc[k - 1].text[:1].isupper() and doc[k - 1].pos_ == "PROPN":
            k -= 1
        words = doc[k : t.i]
        if not len(words) or (k > 0 and doc[k - 1].text in ("'s", "’s")):
            continue
        if any(w.is_upper and len(w.text) > 1 for w in words):
            continue
        place = all(w.ent_type_ in ("GPE", "LOC", "NORP", "ORG", "") for w in words)
        if place or (t.text == "Government" and all(w.ent_type_ != "" for w in words)):
            out.append(doc[k : t.i + 1].text)
    return out


@lru_cache(maxsize=4096)
def _after_place_word(name: str, with_of: bool = True) -> re.Pattern[str]:
    """'in Daejeon': a one-word name after a place preposition (not a longer name's start) is a place.
    "of" counts only for a name spaCy called an organization once ("the leadership of Eskom")."""
    preps = "in|at|from|near|of" if with_of else "in|at|from|near"
    return re.compile(rf"\b(?:{preps})\s+{re.escape(name)}\b(?!\s+[A-Z])")


_EVENT_WORDS = _CONTEXT["event_words"]


def _before_event_word(doc: Doc, end: int) -> bool:
    """'Fostering the Future Together global initiative', 'the Lunar Services (LS) program': a name of
    an initiative, not an organization."""
    k = end
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3  # its acronym between
    while (
        k < len(doc)
        and k - end < 2
        and doc[k].is_lower
        and doc[k].lower_ not in _EVENT_WORDS
        and doc[k].pos_ == "ADJ"
    ):
        k += 1
    return k < len(doc) and doc[k].lower_ in _EVENT_WORDS


def _plausible(name: str) -> bool:
    """Not a title ("President of the Senate"), a ticker line, a list ("Orange and Riverside")."""
    words = name.split()
    if not words or any(ch in name for ch in "/|@#") or any(ch.isdigit() for ch in name[:1]):
        return False
    if (words[0].lower() in ROLE_HEADS and (not _org_head(words) or words[1:2] == ["of"])) or words[0].lower() in (
        "number",
        "no.",
        "president",
        "inspector-general",
    ):
        return False
    if len(words) >= 2 and all(w.isupper() or not w[0].isalpha() for w in words):
        return False  # "HD THE HOME DEPOT INC"
    low = [w.lower().strip(".,") for w in words]
    if "," in name and not _org_head(words):
        return False  # "Mueller, Stormy": a list
    if all(part.lower() in COUNTRY_FORMS for part in name.split("-")) and "-" in name:
        return False  # "U.S.-Canada"
    if len(low) == 3 and low[0] == "board" and low[1] == "of" and low[2] in ("directors", "governors", "trustees"):
        return False  # "the Board of Directors": a company's body, named by no name of its own
    if low[-1] in COMPETITION_HEADS or (len(low) > 1 and low[-1] in VENUE_AND_THING_HEADS):
        return False  # "Davis Cup Final": an event; "Music Pavilion": a venue; "Kospi Index": a thing
    if len(low[-1]) > 3 and low[-1].endswith("s") and low[-1][:-1] in ORG_HEADS | FACILITY_NOUNS and (
        low[-1] not in ORG_HEADS
    ):
        return False  # "Intensive Care Units": a kind of thing in the plural
    # "Orange and Riverside" are two places; "Immigration and Customs Enforcement" is one agency:
    # three capitalised words or more, none a country
    caps = [w for w in words if w != "and"]
    one_name = len(caps) >= 3 and all(w[:1].isupper() for w in caps) and not any(
        w.lower() in COUNTRY_FORMS for w in words
    )
    return not (" and " in name and not _org_head(words) and not one_name)


def _shouting(doc: Doc) -> bool:
    """A line in capitals ("SPEND THE DAY AT THE SHOW"): its capitalised words are no acronyms."""
    words = [t for t in doc if t.is_alpha and len(t.text) > 1]
    return bool(words) and sum(1 for t in words if t.is_upper) / len(words) >= 0.3


def _capitalised_verb(doc: Doc, i: int) -> bool:
    """'SPEND a day at the fair': a magazine's capitalised first word, not an acronym."""
    return doc[i].is_sent_start and i + 1 < len(doc) and doc[i + 1].pos_ in ("DET", "PRON", "ADP", "ADV")


def _only_generic(words: list[str]) -> bool:
    return len(words) <= 2 and all(
        w.lower() in _GENERIC_SINGLE or w.lower() in ("of", "and", "the", "for") for w in words
    )


def _is_initiative(words: list[str]) -> bool:
    last = words[-1].lower().strip(".,")
    return (last in INITIATIVE_HEADS and last not in ORG_HEADS) or (
        len(words) >= 2 and words[-2].lower() in INITIATIVE_HEADS and words[-1][0].isdigit()
    )


def _canonical_pattern(name: str) -> str | None:
    """'Commerce Department' and 'Department of Commerce' share 'department:commerce'."""
    words = [w for w in re.sub(r"^(?:US|U\.S\.|Korean?|the)\s+", "", name).split()]
    low = [w.lower() for w in words]
    for head in _REORDERED_HEADS:
        if low and low[-1] == head and len(low) >= 2:
            return f"{head}:{name_key(' '.join(words[:-1]))}"
        if low and low[0] == head and len(low) >= 3 and low[1] == "of":
            return f"{head}:{name_key(' '.join(words[2:]))}"
    return None


def _merge(orgs: list[OrgFound], docs: list[Doc]) -> list[OrgFound]:
    """Fold short names and alternate word orders of one organization into its fullest name."""
    orgs = sorted(orgs, key=lambda o: -len(o.name))
    kept: list[OrgFound] = []
    for org in orgs:
        target = None
        okey = name_key(org.name)
        opat = _canonical_pattern(org.name)
        if any(big.name.endswith((f" and {org.name}", f", {org.name}", f" & {org.name}")) for big in kept):
            continue  # "Human Services" of "Department of Health and Human Services": a cut name
        for big in kept:
            bkey = name_key(big.name)
            if (
                (bkey.endswith(okey) and len(org.name.split()) >= 3)
                or (opat and opat == _canonical_pattern(big.name))
                or org.name in big.aliases
            ):
                target = big
            elif any(big.name.startswith(org.name + tail) for tail in (" and ", " & ", ", ", " in ", "-")):
                target = big  # spaCy's "Ministry of Science" of "Ministry of Science and ICT"
            elif big.name.startswith(org.name + " ") and len(org.name.split()) == 1:
                target = big  # "Samsung" of "Samsung Electronics"
            if target:
                break
        if target:
            for form in [org.name, *org.aliases]:
                if form != target.name and form not in target.aliases:
                    target.aliases.append(form)
            target.paragraphs = sorted(set(target.paragraphs) | set(org.paragraphs))
        else:
            kept.append(org)
    # descriptive references: "the science ministry", "the ministry"
    text = "\n".join(d.text for d in docs)
    for m in _DESCRIPTIVE.finditer(text):
        modifier, head = m.group(1).lower(), m.group(2).lower()
        cands = [o for o in kept if head in o.name.lower().split()]
        words = [w for w in modifier.split() if w not in ("same", "new", "former")]
        if words:
            cands = [o for o in cands if all(w in o.name.lower() for w in words)]
        if len(cands) == 1:
            alias = f"{m.group(1)} {m.group(2)}".lower()
            if alias not in cands[0].aliases:
                cands[0].aliases.append(alias)
    return kept


def resolve_org_reference(text: str, orgs: list[OrgFound]) -> OrgFound | None:
    """The organization a phrase names: a name, an alias, or "the ministry" when only one fits."""
    phrase = _strip(re.sub(r"\s*\([A-Z][A-Za-z&]{1,9}\)", "", text))  # "the Agency (KA)" names the Agency
    key = name_key(phrase)
    for org in orgs:
        if any(name_key(f) == key for f in org.forms()):
            return org
    words = phrase.lower().split()
    if words and words[-1] in _CONTEXT["referred_heads"]:
        cands = [
            o
            for o in orgs
            if words[-1] in o.name.lower().split() and all(w in o.name.lower() for w in words[:-1])
        ]
        if len(cands) == 1:
            return cands[0]
    return None
