"""Organizations a story names in passing: listed as ``mentioned`` by the kind of evidence that
makes a name an organization's even though it never acts in the story.

`organizations.find_organizations_and_doubts` keeps the organizations that act or bear an
institution word and doubts the other names spaCy tags ORG (a product, a venue, a work is as
often tagged so). Of those doubts, a name is an organization's when it ends with a company's legal
form ("Roe Holdings SA") or is an outlet the story cites ("the daily Le Soir", "the Hill Valley
Telegraph"). Besides, a news agency cited in the story's text ("Roetag news agency reported") is
an organization of the story (the agency that wrote it is credited in the byline, not listed),
and so is every organization of ``known_organizations.yml`` the story names ("the U.N. envoy").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..ids import name_key
from ..lexicon import AGENCIES, COUNTRY_FORMS, agencies, forms_of, groups
from .organizations import OrgFound, acts_as_organization

_SUFFIXES = groups("name_suffixes")["corporate"]
# An acronym standing alone: "ACME", "A.C.M.E.", "ACME-R" (the cleaner leaves "U.N" of "U.N.").
_ACRONYM = re.compile(r"[A-Z]{2,6}(?:-[A-Z]{1,4})?|(?:[A-Z]\.){1,4}[A-Z]\.?")
_OUTLET = groups("outlet_nouns")


def doubt_evidence(docs: list[Doc], name: str) -> str | None:
    """Why a doubted name is an organization's after all, or None: a company's legal form, an
    outlet's name or noun, or an acronym written with "the" ("the ACME") and never as a thing's
    ("the ACME index", "ACME 100": on web pages most lone acronyms are things, "FPS", "AWD")."""
    words = name.split()
    if words[-1].lower().replace(".", "") in _SUFFIXES and len(words) > 1:
        return "corporate suffix"
    if len(words) > 1 and words[-1].lower() in _OUTLET["heads"]:
        return "an outlet's name"
    spans = [(doc, start, end) for doc in docs for start, end in _spans(doc, name)]
    if any(start and doc[start - 1].text in ("'s", "’s") for doc, start, _ in spans):
        return None  # "Roe's Holdings Inc": the name was cut
    if _ACRONYM.fullmatch(name) and name.lower() not in COUNTRY_FORMS and any(
        start and doc[start - 1].lower_ == "the" for doc, start, _ in spans
    ) and not any(
        end < len(doc) and (doc[end].like_num or (doc[end].is_lower and doc[end].pos_ == "NOUN"))
        for doc, _, end in spans
    ):
        return "an acronym"  # "the ACME" somewhere; not "the ACME index", "ACME 100": a thing's name
    for doc in docs:
        for start, _ in _spans(doc, name):
            k = start - 1
            while k >= 0 and doc[k].is_lower and doc[k].pos_ == "ADJ":
                k -= 1  # "the French daily Le Soir", "the influential weekly"
            if k >= 0 and doc[k].lower_ in _OUTLET["before"]:
                return "an outlet cited"
    return None


def with_cited(docs: list[Doc], orgs: list[OrgFound]) -> list[OrgFound]:
    """``orgs`` and the news agencies and outlets the text cites ("Roetag news agency said", "the
    weekly Der Abend") and the known organizations it names, one each, with the forms it writes
    them in; not an agency's credit ("(Roetag)", a dateline, a sign-off). An agency that wrote the
    story and is cited in its text ("..., Roetag news agency said") is cited all the same.

    One already in ``orgs`` gains the form written as an alias (and the usual name where the
    article's form was its name: "WHO" is the World Health Organization); one whose name was cut short
    ("Union of X" of "the Union of X and Y", a known organization written whole) gives way."""
    usual = _agency_names()
    by_key: dict[str, OrgFound] = {}
    for o in orgs:
        bare = re.sub(r"\s+news(?:\s+agency)?$", "", o.name, flags=re.I)
        agency = usual.get(name_key(bare)) if bare != o.name else None
        if agency is not None:  # "Roetag news agency": the agency under its usual name
            o.aliases.append(o.name)
            o.name = agency
        for f in o.forms():
            by_key.setdefault(name_key(f), o)
            if name_key(f) in usual:  # "Roetag news agency" is Roetag
                by_key.setdefault(name_key(usual[name_key(f)]), o)
    found: dict[str, OrgFound] = {}
    written_by: dict[str, OrgFound] = {}  # a form written -> the organization it names
    for pno, doc in enumerate(docs, start=1):
        for start, end, name in [*_known_in(doc), *_outlets_in(doc)]:
            name = usual.get(name_key(name), name)
            written = doc[start:end].text
            is_agency = name_key(name) in _agency_keys()
            if is_agency and _credit(doc, start, end):
                continue
            org = by_key.get(name_key(name)) or by_key.get(name_key(written))
            if org is None:
                org = found.setdefault(name, OrgFound(name=name, level="mentioned"))
            elif name_key(org.name) == name_key(written) != name_key(name):
                org.aliases.append(org.name)  # "WHO" found first: the World Health Organization
                org.name = name
            written_by[written] = org
            if written not in org.forms():
                org.aliases.append(written)
            if pno not in org.paragraphs:
                org.paragraphs.append(pno)
            if not is_agency and acts_as_organization(doc, start, end):
                org.level = "actor"
    kept = [o for o in orgs if not any(w.startswith(o.name + " ") and named is not o for w, named in written_by.items())]
    return kept + list(found.values())


def _credit(doc: Doc, start: int, end: int) -> bool:
    """'(Roetag)', 'ROEVILLE, May 2 (Roetag) -', a sign-off line: the agency credited for the story."""
    before = doc[start - 1].text if start else ""
    after = doc[end].text if end < len(doc) else ""
    return before == "(" or after in (")", "-", "—", "–") or len(doc) <= end - start + 2


@lru_cache(maxsize=1)
def _agency_keys() -> frozenset[str]:
    return frozenset(name_key(a) for a in AGENCIES)


@lru_cache(maxsize=1)
def _agency_names() -> dict[str, str]:
    """Name key of each form of a news agency -> its usual name."""
    return {name_key(form): name for form, name in agencies().items()}


@lru_cache(maxsize=1)
def _known_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every form of every agency and known organization, and form -> name.

    A form with two capitals or more ("U.N.", "IMF") matches in that case only, as does a short
    lower-case form of agencies.yml ("yna": an acronym there); the others match in any case that
    starts with a capital. A two-letter acronym of agencies.yml ("AP", "PA") is as often a state
    or a word: left out. A form is never inside a longer capitalised name (`_known_in`)."""
    names: dict[str, str] = {}
    for list_name in ("agencies", "known_organizations"):
        for name, forms in forms_of(list_name):
            for form in (name, *forms):
                if list_name == "agencies" and len(form.replace(".", "")) < 3:
                    continue
                names.setdefault(form, name)
    exact, loose = set(), set()
    for form in names:
        bare = form.replace(".", "")
        if sum(c.isupper() for c in form) >= 2:
            exact.add(form)
        elif form.islower() and " " not in form and len(bare) <= 5 and bare.isalpha():
            exact.add(form.upper())
        elif not any(c.isupper() for c in form) or form[:1].isupper():
            loose.add(form.lower())
    exact -= {f.upper() for f in loose}  # "Interpol" written "INTERPOL" is matched by its loose form
    pattern = re.compile(
        rf"(?<![\w.’'-])(?:(?:{_alternatives(exact)})|(?=[A-Z])(?i:{_alternatives(loose)}))(?![\w’'-]|\.\w)"
    )
    return pattern, {f.lower(): n for f, n in names.items()}


def _alternatives(forms: set[str]) -> str:
    """Forms as one alternation, longest first, any spacing between their words."""
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


def _known_in(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, name) of each agency or known organization written in ``doc``."""
    pattern, names = _known_pattern()
    out = []
    for m in pattern.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or m.group().lower() in COUNTRY_FORMS:
            continue
        before = doc[span.start - 1] if span.start else None
        after = doc[span.end] if span.end < len(doc) else None
        if (before is not None and before.text[:1].isupper() and before.pos_ == "PROPN") or (
            after is not None and after.text[:1].isupper() and after.pos_ == "PROPN"
        ):
            continue  # inside a longer name: "U.N. Security Council", "North Roeland Red Cross"
        out.append((span.start, span.end, names[re.sub(r"\s+", " ", m.group()).lower()]))
    return out


def _outlets_in(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, name) of each outlet named beside an outlet noun: "Roetag news agency",
    "Le Soir newspaper", "the weekly Der Abend", "news agency Roetag"; with the noun where it is
    part of the name ("Roeville Radio", "Radio Roe", "the Roeland News Agency")."""
    out = []
    for t in doc:
        if t.lower_ not in _OUTLET["before"]:
            continue
        if t.text[:1].isupper() and (not t.is_sent_start or (t.i + 1 < len(doc) and _name_word(doc[t.i + 1]))):
            start, end = _run_left(doc, t.i), _run_right(doc, t.i + 1)
            if any(w.lower_ not in _OUTLET["before"] | {"news"} for w in doc[start:end]):
                out.append((start, end))  # not "News Agency" alone
            continue
        left = t.i - (t.i > 0 and doc[t.i - 1].lower_ == "news")  # "Roetag news agency"
        if _run_left(doc, left) < left:
            out.append((_run_left(doc, left), left))
        elif _run_right(doc, t.i + 1) > t.i + 1:
            out.append((t.i + 1, _run_right(doc, t.i + 1)))
    named = [(s, e, doc[s:e].text) for s, e in out]
    return [(s, e, n) for s, e, n in named if len(n) > 1 and n.lower() not in COUNTRY_FORMS]


def _run_left(doc: Doc, end: int) -> int:
    """The start of the words of a name that end right before ``end`` ("Itar-Tass")."""
    k = end
    while k > 0 and (_name_word(doc[k - 1]) or (doc[k - 1].lower_ in _OUTLET["before"] | {"news"} and
                     doc[k - 1].text[:1].isupper())):
        k -= 1
        if k > 1 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_:
            k -= 1  # a hyphen inside the name
    return k if k == end or doc[k].text != "-" else k + 1


def _run_right(doc: Doc, start: int) -> int:
    """The end of the words of a name that start at ``start``."""
    k = start
    while k < len(doc) and (_name_word(doc[k]) or (doc[k].lower_ in _OUTLET["before"] | {"news"} and
                            doc[k].text[:1].isupper() and k > start)):
        k += 1
        if k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_:
            k += 1
    return k if k == start or doc[k - 1].text != "-" else k - 1


def _name_word(t: Token) -> bool:
    """A word of an outlet's name: capitalised, a proper noun or in capitals ("LE TEMPS"), not a
    place's, a people's or a person's ("the Yugoslav news agency", "Roe's newspaper")."""
    return (t.text[:1].isupper() and (t.pos_ == "PROPN" or t.text.isupper())
            and t.ent_type_ not in ("GPE", "NORP", "DATE", "PERSON"))


def _spans(doc: Doc, name: str) -> list[tuple[int, int]]:
    """Where ``name`` is written in ``doc``, as token spans."""
    out = []
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end))
    return out
