"""People: who is named in the article, under which full name, with which role.

spaCy's PERSON entities are the candidates; rules clean their edges, reject what cannot be a
name ("UP CM", "AI Ministerial Meeting"), read roles from the title before a name ("Science
Minister Bae Kyung-hoon") or the apposition after it ("Ha Jung-woo, senior presidential
secretary for AI policy, said"), and fold short forms ("Bae", "President Lee") into the full
name used elsewhere in the same article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..ids import name_key
from ..lexicon import (
    COMPANY_WORDS,
    COUNTRY_FORMS,
    FACILITY_NOUNS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    INTERFACE_VERBS,
    MEMBER_NOUNS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORG_HEADS,
    PLACE_NOUNS,
    PRONOUNS,
    PUBLIC_BODY_WORDS,
    REPORTING_VERBS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SURNAME_PREFIXES,
    THING_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_CONNECTORS,
    WEEKDAYS,
    groups,
    subset,
    words,
)
from .nlp import dictionary_word, verb_lemma
from .spans import per_doc, tokens_with_lower

_TITLE_WORDS = ROLE_HEADS | ROLE_MODIFIERS | MEMBER_NOUNS
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z\u00C0-\u024F'’]*\.?|(?:[A-Z]\.){2,3}|[A-Z][a-z\u00C0-\u024F'’]+(?:-[A-Za-z\u00C0-\u024F'’]+)+"
    rf"|(?:{'|'.join(map(re.escape, NAME_PARTICLES))})|(?:{'|'.join(map(re.escape, SURNAME_PREFIXES))})[A-Z][a-z]+"
    r"|O['’][A-Z][a-z]+)$"
)
# A ruler's ordinal after a given name: "Henry VIII", "Leopold III", "Pedro I".
_REGNAL = re.compile(r"(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})")
# One to three initials with their full stops: "A." of "Samuel A. Roe", "J.T." of "J.T. Roe".
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_CONNECTORS = TITLE_CONNECTORS
# Words that end a title read leftwards from a name ("on Monday, Science Minister Bae").
_STOP_LEFT = WEEKDAYS | words("title_left_stops")


@dataclass
class PersonFound:
    """A person as the article names them: the fullest name, the other forms, the role as stated."""

    name: str
    mentions: list[str] = field(default_factory=list)
    role: str | None = None
    role_org: str | None = None  # organization named in or before the role ("OpenAI CEO")
    country: str | None = None
    paragraphs: list[int] = field(default_factory=list)
    titled: bool = False
    level: str = "actor"  # "mentioned": named in passing (`name_evidence`), no part in the story


def _namey(t: Token) -> bool:
    """A token that can be one word of a person's name ("Puri", "FitzGerald", "Wol")."""
    low = t.lower_
    return (
        t.pos_ == "PROPN"
        and t.is_alpha
        and t.text[:1].isupper()
        and not (t.is_upper and len(t.text) > 1)
        and low not in NOT_NAME_WORDS
        and low not in ROLE_HEADS
        and low not in HONORIFICS
        and low not in COUNTRY_FORMS
        and low not in ORG_HEADS
    )


def _extend_name(doc: Doc, toks: list[Token]) -> list[Token]:
    """Name words the tagger left out: "Hardeep" of "Union Minister Hardeep [Singh Puri]", "[Kerbino
    Agok] Wol received". A word is added on the left only when a title or a non-name stands before
    it, so that a title's own words ("Development") are never taken for a given name."""
    if not toks:
        return toks
    first, last = toks[0].i, toks[-1].i
    if first > 0:
        t = doc[first - 1]
        if _namey(t) and t.ent_type_ == "" and t.whitespace_:
            before = doc[first - 2] if first >= 2 else None
            if before is None or not before.text[:1].isupper() or before.lower_ in ROLE_HEADS or (
                _title_before(doc, first - 1)[0] is not None
            ):
                toks = [t, *toks]
    if last + 1 < len(doc):
        t = doc[last + 1]
        after = doc[last + 2] if last + 2 < len(doc) else None
        if (
            _namey(t)
            and t.ent_type_ == ""
            and doc[last].whitespace_
            and (after is None or not (after.text[:1].isupper() and after.pos_ == "PROPN"))
        ):
            toks = [*toks, t]
        elif (
            t.text in NAME_PARTICLES
            and after is not None
            and _namey(after)
            and after.ent_type_ in ("", "PERSON", "ORG")  # spaCy reads "Dondo" alone as a firm
            and doc[last].whitespace_
            and t.whitespace_
        ):
            toks = [*toks, t, after]  # "Prime Minister Kengo wa Dondo": the particle and the surname after it
    return toks


def _clean_name_tokens(span: Span) -> list[Token]:
    toks = [t for t in span if not t.is_space]
    # "Redcliffe MP Alan Farrow" tagged as one name: the name starts after the title
    inner = [k for k, t in enumerate(toks[:-1]) if t.lower_ in ROLE_HEADS and (t.text[:1].isupper())]
    if inner and len(toks) - inner[-1] - 1 >= 1:
        toks = toks[inner[-1] + 1 :]
    # "Jeff Bezos's Blue Origin": the name ends at the possessive
    cut = next((k for k, t in enumerate(toks) if t.text in ("'s", "’s") and k > 0), None)
    if cut is not None:
        toks = toks[:cut]
    while toks and (
        toks[0].lower_ in HONORIFICS
        or toks[0].lower_ in ROLE_HEADS
        or toks[0].lower_ == "the"
        or (toks[0].pos_ == "VERB" and toks[0].text.endswith("ing"))  # "Questioning Vindman"
        or (toks[0].lower_ in INTERFACE_VERBS and toks[0].is_sent_start)  # "Email Jane Roe at ..."
        or (toks[0].is_sent_start and toks[0].tag_ in ("JJ", "MD", "VB", "VBP", "VBZ", "RB", "NN", "NNS"))
        or (toks[0].i > 0 and toks[0].nbor(-1).text == "#")  # "#Browns Jane Roe": a hashtag
    ):
        toks = toks[1:]
    while toks and (toks[-1].text in ("'s", "’s", "'", "’") or toks[-1].is_punct):
        toks = toks[:-1]
    return toks


def _name_text(tokens: list[Token]) -> str:
    out = ""
    for i, t in enumerate(tokens):
        out += t.text + (t.whitespace_ if i < len(tokens) - 1 else "")
    return out.strip()


def looks_like_name(text: str) -> bool:
    """A person's name: 1-5 capitalised words, no digits, no acronyms, no institution words."""
    words = text.replace("’", "'").split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if len(words) == 2 and _REGNAL.fullmatch(words[1]):
        words = words[:1]  # "Henry VIII"
    for w in words:
        if w.lower().strip(".") in NOT_NAME_WORDS and not _INITIALS.fullmatch(w):  # "Samuel A. Roe"
            return False
        if not _NAME_TOKEN.match(w):
            return False
        if len(w) > 1 and w.isupper() and not _INITIALS.fullmatch(w):
            return False
    if words[-1].lower().strip(".") in ORG_HEADS:
        return False  # "Dick Clark Productions"
    if len(words) > 1 and all(w.lower().strip(".,") in _TITLE_WORDS for w in words):
        return False  # a title used as a form of address: "Mr. Ranking Member", "Madam Secretary"
    return any(w[0].isupper() for w in words) and words[0][0].isupper()


def _role_before(doc: Doc, start: int) -> tuple[str | None, str | None, str | None]:
    """Title words before a name: returns (role, possessor organization, country).

    The title may stand right before the name ("Electricity Minister Dr Jane Roe") or, set off by
    a comma, before a name that is itself closed like an apposition ("its candidate, Jane Roe,")."""
    start = _skip_honorifics(doc, start)
    found = _title_before(doc, start)
    if found[0] is None and start > 1 and doc[start - 1].text == ",":
        end = _name_end(doc, start)
        if end >= len(doc) or doc[end].text in (",", ".", ";", ")", ":"):
            found = _title_before(doc, start - 1)
    return found


def _skip_honorifics(doc: Doc, start: int) -> int:
    """The index before "Dr", "Hon." or "Mr." that stand between a title and a name."""
    while start > 0:
        if doc[start - 1].lower_ in HONORIFICS:
            start -= 1
        elif start > 1 and doc[start - 1].text == "." and doc[start - 2].lower_ in HONORIFICS:
            start -= 2  # "Hon." read as two tokens
        else:
            break
    return start


def _name_end(doc: Doc, start: int) -> int:
    """The end of the capitalised words (and hyphen joints: "Jean-Paul") that start at ``start``."""
    k = start
    while k < len(doc):
        if (doc[k].is_alpha and doc[k].text[:1].isupper()) or re.fullmatch(r"[A-Z]\.", doc[k].text):
            k += 1
        elif (
            doc[k].text in ("-", ".")
            and k + 1 < len(doc)
            and doc[k + 1].text[:1].isupper()
            and not doc[k - 1].whitespace_
        ):
            k += 2
        else:
            break
    return k


def _title_before(doc: Doc, start: int) -> tuple[str | None, str | None, str | None]:
    j = start
    while j - 1 >= 0:
        t = doc[j - 1]
        low = t.lower_
        if t.text in ("'s", "’s"):
            j -= 1
            continue
        if t.text == ")" and start - j < 12:  # "spokesman of the Congress (CNG), Omar ..."
            k = j - 2
            while k >= 0 and j - k < 8 and doc[k].text != "(":
                k -= 1
            if k >= 1 and doc[k].text == "(":
                j = k
                continue
        if (t.is_punct and low != ".") or low in _STOP_LEFT or t.like_num:
            break
        if low == "the" and j >= 2 and doc[j - 2].lower_ in ("of", "for", "in") and doc[j].text[:1].isupper():
            j -= 1  # "spokesman of the General National Congress"
            continue
        if (
            t.is_title
            or t.is_upper
            or low in ROLE_MODIFIERS
            or low in ROLE_HEADS
            or low in _CONNECTORS
            or low in COUNTRY_FORMS
            or (t.pos_ == "PROPN" and t.ent_type_ == "ORG")
            or (t.is_lower and t.pos_ in ("NOUN", "ADJ") and start - j < 8)  # "presidential chief of staff"
        ):
            if t.ent_type_ == "PERSON" and low not in ROLE_HEADS:
                same_entity = doc[j].ent_type_ == "PERSON" and doc[j].ent_iob_ == "I"  # "[Redcliffe MP] Alan"
                possessive = doc[j].text in ("'s", "’s")  # "head of Mr Roe's party, Jane Doe"
                if not (same_entity or possessive):
                    break
            j -= 1
            continue
        break
    toks = _without_parentheses(list(doc[j:start]))
    while toks and (
        toks[0].lower_ in _CONNECTORS | {"the", "a", "an"}
        or toks[0].text in ("'s", "’s")
        or toks[0].pos_ in ("VERB", "ADP", "ADV")
    ):
        toks = toks[1:]
    # "Trump and Chinese leader Xi": a coordination, not one title ("Minister of Science and ICT" is)
    for k in range(len(toks) - 1, -1, -1):
        if (
            toks[k].lower_ in ("and", "&")
            and k > 0
            and toks[k - 1].lower_ not in ROLE_HEADS
            and not any(t.lower_ in ("of", "for") for t in toks[:k])
        ):
            toks = toks[k + 1 :]
            break
    heads = [n for n, t in enumerate(toks) if t.lower_ in ROLE_HEADS or t.lower_ in TITLE_ABBREVIATIONS]
    if not heads:
        return None, None, None
    # head words inside the complement do not count ("spokesman of the General National Congress")
    comp = next((n for n, t in enumerate(toks) if t.lower_ in ("of", "for", "on") and heads[0] < n), None)
    heads = [h for h in heads if comp is None or h < comp]
    # the phrase ends with the head ("Science Minister") or with its complement ("Minister of Science and ICT")
    last_head = heads[-1]
    tail = toks[last_head + 1 :]
    if tail and tail[0].lower_ not in ("of", "for", "on"):
        return None, None, None
    if toks[-1].lower_ in _CONNECTORS:
        return None, None, None  # "the head of [Mr Roe's party]": Roe is not the head
    role, org, country = _split_possessor(toks)
    return _spelled_out(role), org, country


def _spelled_out(role: str | None) -> str | None:
    """A role written with an abbreviated title ("Democratic Sen.") as a reader says it ("Democratic Senator")."""
    if role is None:
        return None
    return " ".join(
        TITLE_ABBREVIATIONS[w.lower()].capitalize() if w.lower() in TITLE_ABBREVIATIONS else w for w in role.split()
    )


def _without_parentheses(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    depth = 0
    for t in toks:
        depth += t.text == "("
        if depth == 0:
            out.append(t)
        depth -= t.text == ")" and depth > 0
    return out


# Role words after an organization's name that make it the person's employer ("OpenAI CEO").
_CORPORATE_HEADS = subset("corporate_roles", ROLE_HEADS, "roles.yml")


def _split_possessor(toks: list[Token]) -> tuple[str | None, str | None, str | None]:
    """'Korea's Minister of Science' -> country; 'OpenAI CEO' -> organization; 'U.S. President' -> country."""
    country = org = None
    # possessive: everything before 's is the possessor
    for k, t in enumerate(toks):
        in_complement = any(x.lower_ in ROLE_HEADS for x in toks[:k]) and any(
            x.lower_ in ("of", "for") for x in toks[:k]
        )  # "head of Mr Roe's party": the possessive is inside the title
        if t.text in ("'s", "’s") and not in_complement:
            possessor = _name_text(toks[:k])
            # "Sharif's counsel", "Opposition Leader Jane Roe's counsel": a person, not an employer
            is_person = any(t.ent_type_ == "PERSON" or t.lower_ in ROLE_HEADS for t in toks[:k])
            toks = toks[k + 1 :]
            if possessor.lower() in COUNTRY_FORMS:
                country = COUNTRY_FORMS[possessor.lower()]
            elif not is_person:
                org = possessor
            break
    # leading country form or demonym ("U.S.", "Singaporean", "South Korean")
    for width in (2, 1):
        if len(toks) > width:
            lead = _name_text(toks[:width]).lower()
            if lead in COUNTRY_FORMS:
                country = country or COUNTRY_FORMS[lead]
                toks = toks[width:]
                break
    # leading proper nouns before a corporate title: an organization ("OpenAI CEO")
    if len(toks) >= 2 and toks[-1].lower_ in _CORPORATE_HEADS:
        k = 0
        while (
            k < len(toks) - 1
            and toks[k].pos_ == "PROPN"
            and toks[k].lower_ not in ROLE_HEADS
            and toks[k].lower_ not in ROLE_MODIFIERS
            and toks[k].ent_type_ in ("ORG", "PRODUCT", "")
        ):
            k += 1
        if 0 < k == len(toks) - 1 and any(t.ent_type_ == "ORG" for t in toks[:k]):
            first = toks[0].i
            glued = first >= 2 and toks[0].doc[first - 1].text == "-" and not toks[0].doc[first - 2].whitespace_
            # "T-Mobile CEO": the title stopped at the hyphen, the company's name did not
            org = org or ((toks[0].doc[first - 2].text + "-" if glued else "") + _name_text(toks[:k]))
            toks = toks[k:]
    role = _name_text(toks) if toks else None
    return role, org, country


_NOT_BEFORE_A_PERSON = FUNCTION_WORDS | COMPANY_WORDS | PUBLIC_BODY_WORDS


def _lists_titled_people(toks: list[Token]) -> bool:
    """"..., singer-keyboardist McDonald,", "..., bassist Roe and singer Jane Doe will": a title and
    a name that ends the phrase or one item of it are the next people of a list, not a role. A
    firm's or a body's noun names no person ("analyst with the research firm Oanda"), nor does a
    name that goes on ("professor at the university's Stern School of Business")."""
    for i, a in enumerate(toks[:-1]):
        if not a.is_lower or a.lower_ in _NOT_BEFORE_A_PERSON or a.text in ("'s", "’s"):
            continue
        j = i + 1
        while j < len(toks) and _namey(toks[j]):
            j += 1
        if j > i + 1 and (j == len(toks) or toks[j].lower_ in ("and", "or")):
            return True
    return False


def _after_short_parenthesis(doc: Doc, k: int, longest: int = 6) -> int:
    """The index after "(D-Ore.)", "(R)" or "(41)" when one opens at ``k``; else ``k``."""
    if k >= len(doc) or doc[k].text != "(":
        return k
    for j in range(k + 1, min(len(doc), k + longest + 2)):
        if doc[j].text == ")":
            return j + 1
        if doc[j].text in ("(", ",", ";", "\u201c", "\u201d", '"'):
            break
    return k


def _role_after(doc: Doc, end: int) -> tuple[str | None, str | None]:
    """', director of the White House Office ... (OSTP),' right after a name: (role, country).

    A short parenthesis between the name and the comma ("Jane Roe (D-Ore.), head of ...") is the
    name's party and state or an age, not the apposition: it is stepped over."""
    end = _after_short_parenthesis(doc, end)
    if end >= len(doc) or doc[end].text != ",":
        return None, None
    toks: list[Token] = []
    k = end + 1
    depth = 0
    while k < len(doc) and len(toks) < 25:
        t = doc[k]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and t.text in (",", ";", ".", ":", "\u201c", "\u201d", '"', "—", "–"):
            break
        toks.append(t)
        k += 1
    if not toks or (k >= len(doc) and len(toks) > 20):
        return None, None
    verb = next((n for n, t in enumerate(toks) if t.tag_ in ("VBD", "VBZ", "VBP", "MD")), None)
    if verb is not None:
        # "Jane Roe, minister of power has said": the apposition lost its closing comma
        if verb < 2 or any(t.lower_ in ("who", "which", "that", "whose") for t in toks[:verb]):
            return None, None
        toks = toks[:verb]
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks = toks[1:]
    head_pos = next((n for n, t in enumerate(toks[:8]) if t.lower_ in ROLE_HEADS), None)
    if head_pos is None:
        return None, None
    if toks and toks[0].ent_type_ == "PERSON":
        return None, None
    if toks[0].pos_ in ("ADP", "SCONJ"):
        return None, None  # "..., after the novelist Jo Walton explained": an adverbial, no apposition
    if _lists_titled_people(toks):
        return None, None
    country = None
    for width in (2, 1):
        lead = _name_text(toks[:width]).lower()
        if len(toks) > width and lead in COUNTRY_FORMS and toks[width].lower_ not in ("of", "'s", "’s"):
            country = COUNTRY_FORMS[lead]
            break
    return _name_text(toks), country


def _titled_names(doc: Doc) -> list[Span]:
    """'KASA Administrator Yoon Young-bin': a capitalised title followed by a name spaCy missed.

    Also the title set off by commas ("Health Secretary, Jane Roe, has asked"), where spaCy often
    reads the unfamiliar name as a place: there the closing comma and a verb must follow."""
    out = []
    n = len(doc)
    for t in tokens_with_lower(doc, ROLE_HEADS):
        if not t.text[:1].isupper() or t.i + 2 >= n:
            continue
        k = t.i + 1
        comma = doc[k].text == ","
        k += comma
        first = k
        words = 0
        while k < n and words < 4:
            tok = doc[k]
            if tok.text[:1].isupper() and tok.is_alpha and tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON":
                words += 1
                k += 1
                # hyphenated given names: "Young-bin" is three tokens
                if k + 1 < n and doc[k].text == "-" and not doc[k - 1].whitespace_ and doc[k + 1].is_alpha:
                    k += 2
                continue
            break
        if words < 2:
            continue
        inside = range(first, k)
        if comma:
            closed = k + 1 < n and doc[k].text == "," and doc[k + 1].pos_ in ("AUX", "VERB")
            if not closed or any(
                doc[j].ent_type_ == "ORG" or doc[j].lower_ in COUNTRY_FORMS for j in inside
            ):
                continue
        elif any(doc[j].ent_type_ in ("ORG", "GPE", "NORP") for j in inside):
            continue
        span = doc[first:k]
        if looks_like_name(span.text) and not any(w.lower() in ROLE_HEADS for w in span.text.split()):
            out.append(span)
    return out


def _evidenced_names(doc: Doc) -> list[Span]:
    """Names the tagger did not call PERSON (often ORG) whose context says person: an apposition
    with a title after them ("Jane Roe, chairman of Acme, said") or a title set off by a comma
    before them ("the head of its group in parliament, Jane Roe, said")."""
    out = []
    n = len(doc)
    i = 0
    while i < n:
        if not _namey(doc[i]) or (i > 0 and _namey(doc[i - 1])):
            i += 1
            continue
        k = i
        while k < n and k - i < 4:
            if _namey(doc[k]):
                k += 1
            elif doc[k].text == "-" and k + 1 < n and _namey(doc[k + 1]) and not doc[k - 1].whitespace_:
                k += 2  # "Jean-Francois"
            else:
                break
        span = doc[i:k]
        if (
            len([t for t in span if t.is_alpha]) >= 2
            and not any(t.ent_type_ in ("PERSON", "DATE", "TIME", "MONEY") for t in span)
            and not all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span)
            and looks_like_name(span.text)
            and (
                _role_after(doc, k)[0] is not None
                or (i > 1 and doc[i - 1].text == "," and _role_before(doc, i)[0] is not None)
            )
        ):
            out.append(span)
        i = max(k, i + 1)
    return out


def find_people(docs: list[Doc], speaking: frozenset[str] = frozenset()) -> list[PersonFound]:
    """People named in the paragraphs, short forms folded into full names, roles attached.

    ``speaking``: name keys of the words that cue a quote ("Vogel said"): a bare surname there is a
    person who speaks in the story, not a mention too weak to publish."""
    found: dict[str, PersonFound] = {}
    singles: list[tuple[str, int, str | None, str | None, str | None, bool]] = []
    for pno, doc in enumerate(docs, start=1):
        for ent in [*(e for e in doc.ents if e.label_ == "PERSON"), *_titled_names(doc), *_evidenced_names(doc)]:
            toks = _extend_name(doc, _clean_name_tokens(ent))
            if not toks:
                continue
            last = toks[-1].i
            while (
                last + 2 < len(doc)
                and doc[last + 1].text == "-"
                and not doc[last].whitespace_
                and not doc[last + 1].whitespace_
                and doc[last + 2].is_alpha
            ):
                toks = [*toks, doc[last + 1], doc[last + 2]]
                last += 2
            name = _name_text(toks)
            if not looks_like_name(name):
                continue
            start, end = toks[0].i, toks[-1].i + 1
            role, org, country = _role_before(doc, start)
            titled = role is not None
            arole, acountry = _role_after(doc, end)
            if arole and (not role or len(arole) > len(role)):
                role, country = arole, acountry or country
            if len(name.split()) == 1:
                honored = _skip_honorifics(doc, start) < start  # "Mr Sarkozy"
                singles.append((name, pno, role, org, country, honored))
                continue
            key = name_key(name)
            person = found.get(key)
            if person is None:
                person = found[key] = PersonFound(name=name)
            _note(person, name, pno, role, org, country, titled)
        # "the 14th-ranked Schwartzman said": a surname the entity labels missed, speaking in quotation marks
        for tok in doc:
            if (speaking and tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PRODUCT") and tok.is_alpha and tok.text[:1].isupper()
                    and name_key(tok.text) in speaking and looks_like_name(tok.text) and _namey(tok)):
                singles.append((tok.text, pno, None, None, None, False))
    # fold single-word mentions ("Bae", "Kratsios") into the full names that contain them
    for name, pno, role, org, country, honored in singles:
        target = resolve_short(name, list(found.values()))
        if target is None:
            shared = any(name_key(name) in {name_key(w) for w in p.name.split()} for p in found.values())
            if role is None and (shared or (not honored and name_key(name) not in speaking)):
                continue  # a bare surname we cannot expand, or that two full names share: not a third person
            key = name_key(name)
            target = found.setdefault(key, PersonFound(name=name))
        _note(target, name, pno, role, org, country, role is not None)
    return sorted(_merge_variants(list(found.values())), key=lambda p: (p.paragraphs[0] if p.paragraphs else 0, p.name))


def _same_person(short: str, full: str) -> bool:
    """'Samuel A. Roe' and 'Hardeep Puri' are forms of 'Samuel Abu Roe' and 'Hardeep Singh Puri':
    the same first and last word, the middle left out or cut to its initial."""
    a, b = short.replace("’", "'").split(), full.replace("’", "'").split()
    if len(a) < 2 or len(b) <= len(a) - 1 or a == b or len(b) < len(a):
        return False
    if name_key(a[0]) != name_key(b[0]) or name_key(a[-1]) != name_key(b[-1]):
        return False
    middle = b[1:-1]
    k = 0
    for w in a[1:-1]:
        while k < len(middle) and not (
            name_key(middle[k]) == name_key(w) or (len(w.rstrip(".")) == 1 and middle[k][0] == w[0])
        ):
            k += 1
        if k == len(middle):
            return False
        k += 1
    return True


def _merge_variants(people: list[PersonFound]) -> list[PersonFound]:
    """One person never becomes two: shorter forms of a fuller name fold into it."""
    people = sorted(people, key=lambda p: (-len(p.name.split()), -len(p.name)))
    kept: list[PersonFound] = []
    for p in people:
        target = next((k for k in kept if _same_person(p.name, k.name)), None)
        if target is None:
            kept.append(p)
            continue
        for form in p.mentions:
            if form not in target.mentions:
                target.mentions.append(form)
        target.paragraphs = sorted(set(target.paragraphs) | set(p.paragraphs))
        if p.role and (target.role is None or len(p.role) > len(target.role)):
            target.role, target.role_org = p.role, p.role_org
        target.country = target.country or p.country
        target.titled = target.titled or p.titled
    return kept


def _note(
    person: PersonFound,
    form: str,
    pno: int,
    role: str | None,
    org: str | None,
    country: str | None,
    titled: bool,
) -> None:
    if form not in person.mentions:
        person.mentions.append(form)
    if pno not in person.paragraphs:
        person.paragraphs.append(pno)
    if role and (person.role is None or len(role) > len(person.role)):
        person.role, person.role_org = role, org
    person.country = person.country or country
    person.titled = person.titled or titled


def resolve_short(form: str, people: list[PersonFound]) -> PersonFound | None:
    """The one person whose full name starts or ends with this single word (Korean or Western order)."""
    key = name_key(form)
    hits = []
    for p in people:
        words = p.name.replace("’", "'").split()
        if len(words) < 2:
            continue
        if name_key(words[0]) == key or name_key(words[-1]) == key:
            hits.append(p)
    return hits[0] if len(hits) == 1 else None


# --------------------------------------------------------------------------- evidence

_PLACE_PREPOSITIONS = words("place_prepositions")


def _token_index(doc: Doc) -> dict[str, list[int]]:
    """Where each token text stands in ``doc`` (apostrophes made straight): the evidence rules look
    up every form of every person, and scanning the whole doc for each was the largest share of
    extraction's own time (kept with `per_doc`)."""
    index: dict[str, list[int]] = {}
    for t in doc:
        index.setdefault(t.text.replace("’", "'"), []).append(t.i)
    return index


def _occurrences(doc: Doc, form: str) -> list[tuple[int, int]]:
    words = form.replace("’", "'").split()
    if not words:
        return []
    out = []
    for i in per_doc(doc, "token_index", _token_index).get(words[0], ()):
        t = doc[i]
        k, w = t.i, 0
        while k < len(doc) and w < len(words):
            if doc[k].text == "-" or doc[k].text == ".":
                k += 1
                continue
            if not words[w].startswith(doc[k].text.replace("’", "'")):
                break
            rest = words[w][len(doc[k].text) :]
            k += 1
            while rest and k < len(doc) and rest.startswith(doc[k].text):
                rest = rest[len(doc[k].text) :]
                k += 1
            if rest:
                break
            w += 1
        if w == len(words):
            out.append((t.i, k))
    return out


def person_evidence(docs: list[Doc], person: PersonFound) -> str | None:
    """Why the article's own words make this name a person, or None when nothing does.

    A title or role, an honorific, being the subject of a verb or the one who says something,
    or being named twice as someone (not as a place: "in Haywards Heath"; not as the modifier of a
    thing: "the Delhi Metro project"). spaCy alone calls products, places and firms people."""
    if _named_as_thing(docs, person):
        return None
    if person.role or person.titled:
        return "title or role"
    named = 0
    forms = sorted(set(person.mentions) | {person.name}, key=lambda f: -len(f))
    for doc in docs:
        seen: set[int] = set()
        for form in forms:
            for s, e in _occurrences(doc, form):
                if seen & set(range(s, e)):
                    continue  # "Roe" inside "Jane Roe" is one mention
                seen |= set(range(s, e))
                before = doc[s - 1] if s > 0 else None
                after = doc[e] if e < len(doc) else None
                if before is not None and before.lower_ in HONORIFICS:
                    return "honorific"
                toks = doc[s:e]
                if any(t.dep_ in ("nsubj", "nsubjpass") for t in toks) and toks.root.head.pos_ in ("VERB", "AUX"):
                    return "subject of a verb"
                # "Her rival, Tom Baker, said": the name set beside the subject is who acts
                root = toks.root
                if (root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")
                        and root.head.head.pos_ in ("VERB", "AUX")):
                    return "subject of a verb"
                if verb_lemma(toks.root.head) in REPORTING_VERBS and toks.root.head.i >= e:
                    return "says something"
                if (before is not None and _namey(before)) or (after is not None and _namey(after)):
                    continue  # part of a longer name: "New Delhi", "Chevrolet Tahoes"
                if before is not None and before.lower_ in _PLACE_PREPOSITIONS and not (
                    after is not None and after.text in ("'s", "’s")
                ):
                    continue
                if after is not None and after.is_lower and after.pos_ == "NOUN":
                    continue
                if " " not in form and form != person.name.split()[-1] and "-" not in person.name:
                    continue  # "Delhi" alone does not repeat "Delhi Metro" the way "Roe" repeats "Jane Roe"
                named += 1
    return "named twice" if named >= 2 else None


_QUOTES = frozenset("'\"‘’“”")


def _named_as_thing(docs: list[Doc], person: PersonFound) -> bool:
    """The name is a product's, a work's or a place's: after a model number ("iPhone 11 Pro Max"),
    after a noun for a thing ("their work Starry Night"), inside quotation marks (‘Oxy Pure’), or
    after a word the article tags as an organization ("Google Stadia")."""
    words = person.name.split()
    single_orgs = {e.text for d in docs for e in d.ents if e.label_ == "ORG" and len(e) == 1}
    if len(words) > 1 and words[0] in single_orgs:
        return True
    quoted = total = listed = 0
    for doc in docs:
        for s, e in _occurrences(doc, person.name):
            total += 1
            sent = doc[s].sent
            if not any(t.pos_ in ("VERB", "AUX") for t in sent) and any(t.text in "$€£¥" for t in sent):
                listed += 1  # "Acme Phone Mini for $399": a line of a shopping list
            before = doc[s - 1] if s > 0 else None
            after = doc[e] if e < len(doc) else None
            if before is not None and (before.like_num or (before.is_lower and before.lower_ in THING_NOUNS)):
                return True
            # determiners (grammar, kept in code)
            if len(words) > 1 and before is not None and before.lower_ in ("the", "a", "an", "this", "its", "their"):
                return True  # "The Acme Mini is light": people's full names take no article
            if before is not None and after is not None and before.text in _QUOTES and after.text in _QUOTES:
                quoted += 1
            if after is not None and after.text in ("'s", "’s") and e + 1 < len(doc) and doc[e + 1].pos_ in ("AUX", "VERB"):
                return True  # "Lowe's was lower": a shop's name, not a possessive
    return total > 0 and (quoted == total or listed == total)


# A company's legal form after a name ("Acme Holdings Ltd"): the name is the company's.
_CORPORATE_SUFFIXES = groups("name_suffixes")["corporate"]
# Entity labels that make a name something else than a person's where spaCy gives them to it.
_NOT_PERSON_LABELS = frozenset("GPE LOC FAC ORG NORP PRODUCT WORK_OF_ART EVENT LAW LANGUAGE".split())
_NOT_PERSON_WORDS = ORG_HEADS | COMPANY_WORDS | FACILITY_NOUNS | THING_NOUNS


def name_evidence(docs: list[Doc], person: PersonFound) -> str | None:
    """Why a name the story gives no part (`person_evidence` finds none) is still a person's,
    named in passing; None when it may be something else: a place ("Victoria Falls"), a firm
    ("Niugini Mining"), a ship, a product.

    A known given name before a surname ("Jane Roe"), or spaCy calling every mention of a
    two- or three-word name a person; never a name with a country's, an institution's or a
    thing's word in it, nor one the article writes as a thing (`_named_as_thing`)."""
    words = person.name.split()
    if len(words) < 2 or _named_as_thing(docs, person) or words[0].lower() in FUNCTION_WORDS | PRONOUNS:
        return None  # "My Turn": a column's title
    if any(w.lower() in COUNTRY_FORMS or w.lower().rstrip("s") in _NOT_PERSON_WORDS for w in words) or (
        person.name.lower().rstrip("s") in COUNTRY_FORMS
    ):
        return None  # "Sri Lankans"
    labels = set()
    for doc in docs:
        for s, e in _occurrences(doc, person.name):
            labels |= {t.ent_type_ for t in doc[s:e]}
            if _placed(doc, s, e):
                return None
    if labels & _NOT_PERSON_LABELS or _a_word_names_a_thing(docs, person.name):
        return None
    if words[0].lower() in GIVEN_NAMES:
        return "given name"
    first, last = words[0], words[-1]
    if (labels == {"PERSON"} and len(words) <= 3 and first not in _CAPITALISED_PARTICLES
            and not dictionary_word(first) and not (last.endswith("s") and dictionary_word(last[:-1]))):
        return "named as a person"  # not "Tomb Raider", "Sioux Falls", "Le Monde": a game's, a place's, a paper's
    return None


_CAPITALISED_PARTICLES = frozenset(p.capitalize() for p in NAME_PARTICLES)


def _a_word_names_a_thing(docs: list[Doc], name: str) -> bool:
    """A word of the name written elsewhere as a firm's, a place's or a product's ("Roe Motors
    sold three Roe Tahoes"): "Jane Roe" there is a dealer, not a woman. Words of the name on
    their own as a person ("Roe said") say nothing against it."""
    words = {w for w in name.split() if w.lower() not in GIVEN_NAMES}  # "Boris" of "Boris Yeltsin" is anyone's
    for doc in docs:
        inside = {i for s, e in _occurrences(doc, name) for i in range(s, e)}
        for t in doc:
            if t.text not in words or t.i in inside or t.ent_type_ == "PERSON":
                continue
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if t.ent_type_ in _NOT_PERSON_LABELS or (
                nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.ent_type_ != "PERSON"
            ):
                return True
    return False


def _placed(doc: Doc, s: int, e: int) -> bool:
    """Where the words ``doc[s:e]`` stand says they are no person's name: a place ("in Mae Sot",
    "the village of Roeville", "between Roeville and Doeburg"), a thing owned ("Acme's Tender
    Heart"), a longer name ("the Jane Roe Cup"), a firm's ("PT ACME Jane Roe")."""
    before = doc[s - 1] if s > 0 else None
    after = doc[e] if e < len(doc) else None
    if before is None:
        return False
    if before.lower_ in _PLACE_PREPOSITIONS - {"from", "to"} | {"between"} or before.text in ("'s", "’s"):
        return True
    if before.lower_ == "of" and s >= 2 and doc[s - 2].lower_ in PLACE_NOUNS:
        return True
    if before.lower_ == "by" and before.head.tag_ == "NNS":
        return True  # "appeals by Roe Homes": the agent of things a firm files
    if before.is_upper and before.is_alpha and len(before.text) > 1:
        return True
    return after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and after.whitespace_ != ""


def named_as_company(docs: list[Doc], person: PersonFound) -> bool:
    """A corporate suffix follows the name somewhere ("Jane Roe Holdings Ltd" is written "Roe
    Holdings Ltd"): spaCy's person is a company's name."""
    for doc in docs:
        for _, e in _occurrences(doc, person.name):
            if e < len(doc) and doc[e].lower_.rstrip(".") in _CORPORATE_SUFFIXES and doc[e].text[:1].isupper():
                return True
    return False


def passing_singles(docs: list[Doc], people: list[PersonFound]) -> list[PersonFound]:
    """Given names the story writes alone, gives no part and no fuller form ("Nancy's book"), as
    ``mentioned`` people: spaCy calls the word a person every time the article writes it, and it is
    no word of a person already listed (then it is that person, or two people share it). A
    surname alone is as often a place or a firm (on CoNLL train, 10 of 66 were people): left out."""
    taken = {name_key(w) for p in people for form in (p.name, *p.mentions) for w in form.split()}
    labels: dict[str, set[str]] = {}
    found: dict[str, PersonFound] = {}
    for pno, doc in enumerate(docs, start=1):
        for t in doc:
            if t.is_alpha and t.text[:1].isupper():
                labels.setdefault(t.text, set()).add(t.ent_type_ if t.ent_iob_ == "B" and (
                    t.i + 1 == len(doc) or doc[t.i + 1].ent_iob_ != "I") else t.ent_type_ + "-part")
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            toks = _clean_name_tokens(ent)
            if len(toks) != 1 or not _namey(toks[0]):
                continue
            name = toks[0].text
            low = name.lower()
            if name_key(name) in taken or not looks_like_name(name) or low.rstrip("s") in _NOT_PERSON_WORDS:
                continue
            name += _regnal_after(doc, toks[0].i)
            person = found.setdefault(name, PersonFound(name=name, level="mentioned"))
            _note(person, name, pno, None, None, None, False)
    return [p for p in found.values() if p.name.lower() in GIVEN_NAMES and labels.get(p.name) == {"PERSON"}
            and not _named_as_thing(docs, p) and not _named_as_place(docs, p.name)]


def _regnal_after(doc: Doc, i: int) -> str:
    """" VIII" where a ruler's ordinal follows the given name at ``i`` ("Henry VIII"); "I" only
    where no verb follows it ("Elizabeth I was crowned", not "..., Elizabeth, I think")."""
    if i + 1 >= len(doc) or not doc[i].whitespace_ or not _REGNAL.fullmatch(doc[i + 1].text):
        return ""
    after = doc[i + 2] if i + 2 < len(doc) else None
    if doc[i + 1].text == "I" and after is not None and after.tag_ in ("VBP", "MD", "RB"):
        return ""
    return " " + doc[i + 1].text


def _named_as_place(docs: list[Doc], name: str) -> bool:
    """"in Goma", "near Grozny", "a Hutu president": a place, or a people's name before a noun,
    whatever the entity label says ("talks with Saddam", "a letter to Dole" name people)."""
    for doc in docs:
        for s, e in _occurrences(doc, name):
            before = doc[s - 1] if s > 0 else None
            after = doc[e] if e < len(doc) else None
            if before is not None and before.lower_ in _PLACE_PREPOSITIONS - {"to"}:
                return True
            if after is not None and after.is_lower and after.pos_ == "NOUN":
                return True
    return False
