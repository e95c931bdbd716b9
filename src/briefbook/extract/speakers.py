"""Who said it: each quote's speaker resolved to a person or organization of the article, or nobody.

A news desk reads an article from the top and keeps track of who is talking. This module does the
same in one pass over the paragraphs: the subject of every sentence's main verb is resolved as it
comes (a name, a surname, "Mr" + surname, "the minister" for the one person whose role says so,
"the ministry" or "the company" for the one organization that fits, "he" or "she" for the last
compatible subject), and each quote takes the speaker its cue names. A quote paragraph with no cue
continues the speaker of the paragraph before. What cannot be resolved stays unresolved: a wrong
name under a quote is worse than none, so the result is a `Speaker` of the article or None, never
the words of a dateline, a pronoun or a description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..ids import name_key
from ..lexicon import (
    COMPANY_WORDS,
    COUNTRY_FORMS,
    DOCUMENT_WORDS,
    FEMALE_WORDS,
    FIRST_NAMES,
    HONORIFICS,
    MALE_WORDS,
    PUBLIC_BODY_WORDS,
    REPORTING_VERBS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    TITLE_ABBREVIATIONS,
    words,
)
from .nlp import verb_lemma
from .quotes import QuoteFound, quote_spans

_MALE_PRONOUNS = frozenset({"he", "him"})
_FEMALE_PRONOUNS = frozenset({"she", "her"})
# Words of a description that say nothing about which entity it is ("the country's top diplomat").
_GENERIC = words("generic_description_words")
_WINDOW = 4  # paragraphs back that "he said" may reach
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any"})  # determiners: grammar, kept here


@dataclass
class Speaker:
    """A person or organization of the briefing that a quote can be given to."""

    id: str
    name: str
    kind: str  # person | organization
    forms: list[str] = field(default_factory=list)  # every name the article uses for it
    role: str | None = None
    context: str = ""  # role, organization and country words: what a description may name
    organization: str | None = None  # id of the organization a person works for, where known
    country: str | None = None
    gender: str | None = None  # "f" | "m" where the article says, else None
    first: tuple[int, int] | None = None  # (paragraph, offset) where the article first names it in full


@dataclass
class _Event:
    """Someone who was the subject of a sentence, or a speaker, at a place in the article."""

    paragraph: int
    offset: int
    speaker: Speaker | None
    reported: bool  # the subject of a reporting verb: an unresolved one blocks continuation
    head: str = ""  # the head word of the subject as written ("spokesman", "he", "Kim")


def note_genders(docs: list[Doc], speakers: list[Speaker]) -> None:
    """Gender where the article gives it: "Mr Kim", "Ms Reding", "the spokeswoman" in a role."""
    people = [s for s in speakers if s.kind == "person"]
    for s in people:
        # the title's own words, not its possessor's ("Queen Elizabeth II's third child" is no queen)
        words = re.split(r"['’]s\s+", (s.role or "").lower())[-1].split()
        ends = {words[0], words[-1]} if words else set()
        if ends & FEMALE_WORDS:
            s.gender = "f"
        elif ends & MALE_WORDS:
            s.gender = "m"
    for doc in docs:
        for tok in doc:
            low = tok.lower_
            if (low not in FEMALE_WORDS and low not in MALE_WORDS) or tok.i + 1 >= len(doc):
                continue
            names = []  # the capitalised words right after it: "Ms Reding", never "father told Starner"
            for t in doc[tok.i + 1 : min(len(doc), tok.i + 4)]:
                if not t.text[:1].isupper():
                    break
                names.append(t.text)
            person = _by_name(" ".join(names[:2]), people, []) if names else None
            if person is not None and person.gender is None:
                person.gender = "f" if low in FEMALE_WORDS else "m"
    names = _first_names()
    for s in people:
        words = s.name.split()
        if s.gender is None and len(words) > 1:
            s.gender = names.get(words[0].strip(".").lower())


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """Given name (lower case) -> "f" | "m", from ``first_names.yml``."""
    return {**dict.fromkeys(FIRST_NAMES.get("female", ()), "f"), **dict.fromkeys(FIRST_NAMES.get("male", ()), "m")}


def note_titles(docs: list[Doc], speakers: list[Speaker]) -> None:
    """Titles the article gives a person anywhere ("Electricity Minister Dr X", "X, minister of power,").

    They are what "the minister" or "the chairman" can stand for, even where no role was recorded.
    """
    people = [s for s in speakers if s.kind == "person"]
    by_word: dict[str, list[Speaker]] = {}
    for s in people:
        for form in s.forms:
            words = _key_words(form)
            if words:
                by_word.setdefault(words[-1], []).append(s)
    for doc in docs:
        n = len(doc)
        for tok in doc:
            if not tok.text[:1].isupper() or tok.pos_ != "PROPN":
                continue
            if tok.i + 1 < n and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper():
                continue  # not the last word of the name
            hits = {s.id: s for s in by_word.get(name_key(tok.text), [])}
            if len(hits) != 1:
                continue
            person = next(iter(hits.values()))
            start = tok.i
            own = {w for f in person.forms for w in _key_words(f)}
            while start > 0 and name_key(doc[start - 1].text) in own:
                start -= 1
            person.context = " ".join(
                filter(None, [person.context, _title_before(doc, start), _title_after(doc, tok.i + 1)])
            )


def _title_before(doc: Doc, start: int) -> str:
    j = start
    while j > 0:
        t = doc[j - 1]
        low = t.lower_
        if (
            low in HONORIFICS
            or low in ROLE_HEADS
            or low in ROLE_MODIFIERS
            or low in ("of", "'s", "’s")
            or (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ") and j > 0)
        ):
            j -= 1
        else:
            break
    words = [TITLE_ABBREVIATIONS.get(t.lower_, t.text) for t in doc[j:start]]  # "Sen." is a senator
    return " ".join(words) if any(w.lower() in ROLE_HEADS for w in words) else ""


def _title_after(doc: Doc, end: int) -> str:
    if end >= len(doc) or doc[end].text != ",":
        return ""
    toks = []
    for t in doc[end + 1 : end + 12]:
        if t.is_punct or t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.pos_ == "VERB":
            break
        toks.append(t)
    return " ".join(t.text for t in toks) if any(t.lower_ in ROLE_HEADS for t in toks[:4]) else ""


def attribute(found: list[QuoteFound], docs: list[Doc], speakers: list[Speaker]) -> list[Speaker | None]:
    """The speaker of each quote of ``found`` (same order), read from the top of the article."""
    out: list[Speaker | None] = [None] * len(found)
    events: list[_Event] = []
    _note_first(docs, speakers)
    by_group: dict[int, Speaker | None] = {}
    for pno, doc in enumerate(docs, start=1):
        items: list[tuple[int, int, object]] = []
        quoted = [q for q in found if q.paragraph == pno]
        inside = [(s.start, s.end) for s in quote_spans(doc.text)]
        for sent in doc.sents:
            starts = [q.start for q in quoted if sent.start_char <= q.start < sent.end_char]
            if starts and not any(a <= sent.start_char < b for a, b in inside):
                # 'Sen. Jane Roe scolded him: “...,” she said.': who the sentence is about before its
                # first quote is someone a pronoun cue may stand for; the quote's own cue is not read here
                for subj in _lead_subjects(sent, min(starts), inside):
                    items.append((sent.start_char, 0, subj))
                continue
            if starts or any(a <= sent.start_char < b for a, b in inside):
                continue  # a quote's own cue names its speaker; the words inside a quote are not the story's
            items.append((sent.start_char, 0, sent))
        for n, q in enumerate(found):
            if q.paragraph == pno:
                items.append((q.start, 1, n))
        for offset, _, item in sorted(items, key=lambda x: (x[0], x[1])):
            if isinstance(item, _Lead):
                who = resolve(item.span, speakers, events, pno)
                if who is not None:
                    events.append(_Event(pno, offset, who, False, item.span.root.lower_))
                continue
            if isinstance(item, Span):
                for subj, reported in _main_subjects(item):
                    who = resolve(subj, speakers, events, pno)
                    if who is not None or reported:
                        events.append(_Event(pno, offset, who, reported, subj.root.lower_))
                    if who is not None and who.gender is None and subj.root.pos_ != "PRON":
                        who.gender = _pronoun_gender(item)
                continue
            assert isinstance(item, int)
            q = found[item]
            if q.speaker_span is not None:
                who = resolve(q.speaker_span, speakers, events, pno)
            elif q.kind == "direct" and q.group in by_group:
                who = by_group[q.group]  # the next paragraph of a quote that runs on
            else:
                who = _continued(events, pno, docs, q.start)
                if who is not None and (
                    _names_someone_else(doc, q.start, inside, who) or _signed_by_other(doc.text, who)
                ):
                    who = None  # the quote's own sentence names another person: no guess across them
            if q.kind == "direct":
                by_group.setdefault(q.group, who)
            head = q.speaker_span.root.lower_ if q.speaker_span is not None else ""
            events.append(_Event(pno, offset, who, True, head))
            out[item] = who
    return out


@dataclass(frozen=True)
class _Lead:
    """A named subject that opens a sentence holding a quote, before the quote."""

    span: Span


def _lead_subjects(sent: Span, first_quote: int, inside: list[tuple[int, int]]) -> list[_Lead]:
    return [
        _Lead(_noun_phrase(tok))
        for tok in sent
        if tok.idx < first_quote
        and tok.dep_ == "nsubj"
        and tok.pos_ == "PROPN"
        and not any(a <= tok.idx < b for a, b in inside)
    ]


def _names_someone_else(doc: Doc, start: int, inside: list[tuple[int, int]], who: Speaker) -> bool:
    """Whether the sentence of the quote at ``start`` names, outside its quotation marks, a person who
    is not ``who`` (an uncued quote there may be theirs: the last speaker is no longer a safe guess)."""
    sent = next((s for s in doc.sents if s.start_char <= start < s.end_char), None)
    if sent is None:
        return False
    own = {w for f in who.forms for w in _key_words(f)}
    for tok in sent:
        if tok.ent_type_ != "PERSON" or any(a <= tok.idx < b for a, b in inside):
            continue
        if name_key(tok.text) not in own:
            return True
    return False


def _pronoun_gender(sent: Span) -> str | None:
    """'Kagwe asked Kenyans to be patient as he tries ...': the gender of the one person of a sentence.

    Only where the sentence names one person and its pronouns are all of one gender."""
    if sum(1 for e in sent.ents if e.label_ == "PERSON") > 1:
        return None
    words = {t.lower_ for t in sent if t.pos_ == "PRON" or t.tag_ == "PRP$"}
    male = bool(words & {"he", "him", "his", "himself"})
    female = bool(words & {"she", "her", "hers", "herself"})
    if male == female:
        return None
    return "m" if male else "f"


def _continued(events: list[_Event], pno: int, docs: list[Doc], start: int) -> Speaker | None:
    """A quote paragraph with no cue: the one who spoke or acted last, in this paragraph or the one
    before; or the one who spoke two paragraphs before when the paragraph between, and this one up
    to the quote, name nobody else and report no one's words ("Roe told CNN ..." / a paragraph of
    comment on it / "“...”")."""
    if not events or events[-1].paragraph < pno - 2:
        return None
    last = events[-1]
    if last.paragraph == pno - 2 and (
        not last.reported
        or last.speaker is None
        or last.speaker.kind != "person"
        or not _quiet(docs[pno - 2][:], last.speaker)
        or not _quiet(docs[pno - 1].char_span(0, start, alignment_mode="contract") or docs[pno - 1][:0], last.speaker)
    ):
        return None
    if last.speaker is not None and last.speaker.kind == "organization" and not last.reported:
        return None  # "Eskom cut power to millions.": an organization acted, nobody spoke yet
    return last.speaker


_SIGNED = re.compile(r"[\u2015\u2014]\s*((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+)")


def _signed_by_other(text: str, who: Speaker) -> bool:
    """Whether the paragraph is signed ("“...” ― Jane Roe") by a name that is not ``who``'s."""
    own = {w for f in who.forms for w in _key_words(f)}
    return any(not set(_key_words(m.group(1))) <= own for m in _SIGNED.finditer(text))


def _quiet(span: Span, who: Speaker) -> bool:
    """Whether ``span`` (outside its quotation marks) names no one but ``who`` and reports no speech:
    no proper noun nor named entity of another, no speech verb."""
    inside = [(s.start, s.end) for s in quote_spans(span.doc.text)]
    own = {w for f in who.forms for w in _key_words(f)}
    for tok in span:
        if any(a <= tok.idx < b for a, b in inside):
            continue
        if (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP")) and name_key(tok.text) not in own:
            return False
        if tok.pos_ == "VERB" and (verb_lemma(tok) in REPORTING_VERBS or tok.lower_ == "according"):
            return False
    return True


def _main_subjects(sent: Span) -> Iterable[tuple[Span, bool]]:
    """Subjects of the sentence's main verb and of verbs coordinated with it, with "is it a say-verb"."""
    root = sent.root
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                reported = (
                    child.dep_ == "nsubj"
                    and verb.pos_ in ("VERB", "AUX")
                    and (verb_lemma(verb) in REPORTING_VERBS or _issues_a_document(verb))
                )
                yield _noun_phrase(child), reported


def _issues_a_document(verb: Token) -> bool:
    """'Acme issued a statement', 'the senator released a letter': who speaks through the document
    ("the statement said" next is theirs)."""
    return any(c.dep_ == "dobj" and c.lower_ in DOCUMENT_WORDS for c in verb.children)


def _noun_phrase(head: Token) -> Span:
    """The head with the words before it ("the Science Minister") and a name's later parts."""
    doc = head.doc
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in ("flat", "compound") and doc[end].head.i == head.i:
        end += 1
    for child in head.children:  # "the chairman of ISRO", "the Ministry of Lands and Natural Resources"
        if child.i >= end and child.dep_ == "prep" and child.lower_ in ("of", "for"):
            stop = next((t.i for t in doc[end : child.right_edge.i + 1] if t.text in (",", ";", "(")), None)
            end = stop if stop is not None else child.right_edge.i + 1
            break
    if head.text[:1].isupper():  # a name's own "and": "... Lands and Natural Resources"
        while (
            end < len(doc)
            and head.is_ancestor(doc[end])
            and (doc[end].text[:1].isupper() or doc[end].lower_ in ("of", "and", "for", "the", "&"))
        ):
            end += 1
        while end - 1 > head.i and doc[end - 1].lower_ in ("of", "and", "for", "the", "&"):
            end -= 1
    return doc[head.left_edge.i : end]


def resolve(span: Span, speakers: list[Speaker], events: list[_Event], pno: int) -> Speaker | None:
    """The entity a subject phrase stands for, or None when the article does not make it certain."""
    toks = [t for t in span if not t.is_punct or t.text in ("-", ".")]
    if not toks:
        return None
    root = span.root
    if len(toks) == 1 and toks[0].pos_ == "PRON":
        return _by_pronoun(toks[0].lower_, events, pno)
    if root.pos_ == "PRON" or root.tag_ in ("WP", "WDT"):
        return None  # "who", "those", "some": never a speaker by themselves
    # "Mayer, Disney’s chairman, said": a possessive read as a second subject is the apposition's owner
    if any(c.dep_ == "conj" and c.pos_ == "PROPN" and not any(g.dep_ == "case" for g in c.children)
           for c in root.children):  # not "X, her husband and ..."
        # "Miller and Jones said": two speakers, not one ("Procter & Gamble said" is one name)
        return _by_form(span.text, [s for s in speakers if s.kind == "organization"])
    named = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None and root.pos_ != "PROPN":
        # "the company's chief executive, Mary Barra, said": the name in apposition is the speaker
        return _by_name(_name_chain(named), [s for s in speakers if s.kind == "person"], events)
    text = span.text
    exact = _by_form(text, speakers)
    if exact is not None:
        return exact
    head = root.lower_
    if root.tag_ in ("NNS", "NNPS") and not root.text[:1].isupper():
        return None  # "officials said", "the two countries said": many speakers, none of them named
    hyphenated = root.i > 0 and root.doc[root.i - 1].text == "-" and root.doc[root.i - 1].whitespace_ == ""
    # "Mr. King", "Ms. Judge": after an honorific a role word is a surname
    addressed = root.i > 0 and root.doc[root.i - 1].lower_ in HONORIFICS and root.text[:1].isupper()
    if (root.pos_ == "PROPN" or root.text[:1].isupper() or hyphenated) and (head not in ROLE_HEADS or addressed):
        chain = _name_chain(root)  # "Bae Kyung-hoon": the parser may make "hoon" the head
        person = _by_name(chain, [s for s in speakers if s.kind == "person"], events)
        if person is not None:
            return person
        orgs = [s for s in speakers if s.kind == "organization"]
        return _by_form(chain, orgs) or _by_leading_words(chain, orgs)
    if head in ROLE_HEADS:
        # "Representative Peter T. King": a surname that is also a role word, inside a full name the article gives
        if root.pos_ == "PROPN":
            named = _full_form_matches(_key_words(_name_chain(root)), [s for s in speakers if s.kind == "person"])
            if len(named) == 1:
                return named[0]
        return _by_role(span, root, speakers, events)
    return _by_description(span, root, speakers, events, pno)


def _full_form_matches(words: list[str], people: list[Speaker]) -> list[Speaker]:
    """The people a form of two words or more of whom stands in ``words`` (never a surname alone), those
    of the longest such form only: "Patrick Nielsen Hayden" names Patrick, not Teresa Nielsen Hayden."""
    joined = f" {' '.join(words)} "
    found: dict[str, tuple[int, Speaker]] = {}  # the longest form of each person found in the phrase
    for s in people:
        for f in s.forms:
            fw = _key_words(f)
            if len(fw) > 1 and f" {' '.join(fw)} " in joined and len(fw) > found.get(s.id, (0, s))[0]:
                found[s.id] = (len(fw), s)
    if not found:
        return []
    longest = max(n for n, _ in found.values())
    return [s for n, s in found.values() if n == longest]


def _name_chain(root: Token) -> str:
    """'Governor Alice Kim' -> the proper nouns joined to the root ("Governor Alice Kim")."""
    doc = root.doc
    start = root.i
    while start - 1 >= 0:
        if start - 2 >= 0 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
            start -= 2  # "Sung-min": the given name's first half, whatever the parser made of it
        elif doc[start - 1].head.i == root.i and doc[start - 1].dep_ in ("compound", "flat"):
            start -= 1
        else:
            break
    end = root.i + 1
    while end < len(doc) and (
        (doc[end].dep_ in ("flat", "compound") and doc[end].head.i == root.i)
        or (doc[end].text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc))
        or (doc[end - 1].text == "-" and not doc[end - 1].whitespace_)
    ):
        end += 1
    return doc[start:end].text


def _key_words(text: str) -> list[str]:
    return [name_key(w) for w in re.findall(r"[\w'’.-]+", text) if name_key(w)]


def _by_form(text: str, speakers: list[Speaker]) -> Speaker | None:
    """The one entity one of whose names is exactly this phrase (less a leading "the")."""
    key = name_key(re.sub(r"^(?:the|The)\s+", "", text.strip()))
    hits = {s.id: s for s in speakers if key and any(name_key(f) == key for f in s.forms)}
    return next(iter(hits.values())) if len(hits) == 1 else None


def _by_leading_words(text: str, orgs: list[Speaker]) -> Speaker | None:
    """'Samsung said' for the one organization whose name starts so ("Samsung Electronics")."""
    words = _key_words(text)
    if not words:
        return None
    hits = {s.id: s for s in orgs for f in s.forms if _key_words(f)[: len(words)] == words}
    return next(iter(hits.values())) if len(hits) == 1 else None


def _by_name(text: str, people: list[Speaker], events: list[_Event]) -> Speaker | None:
    """A person named by a full name in the phrase, or by a surname with a title or honorific."""
    words = [w for w in _key_words(text) if w not in {name_key(h) for h in HONORIFICS}]
    if not words:
        return None
    best = _full_form_matches(words, people)
    if best:
        return best[0] if len(best) == 1 else None
    last = words[-1]
    bearers = [s for s in people if any(last in _key_words(f) for f in s.forms)]
    if len(bearers) == 1:
        return bearers[0]
    # "Mrs. Clinton" where the article names Hillary and Bill Clinton: never one of the other gender
    first = text.split()[0].lower() if text.split() else ""
    want = "f" if first in FEMALE_WORDS else "m" if first in MALE_WORDS else None
    if want is not None:
        bearers = [s for s in bearers if s.gender in (None, want)]
        if len(bearers) == 1:
            return bearers[0]
    # two people share the surname: the one named last before (never a guess between equals)
    for e in reversed(events):
        if e.speaker is not None and e.speaker in bearers:
            return e.speaker
    # else the one the story is about: the first named in full, at its top, before the other
    seen = sorted((s.first, s.id) for s in bearers if s.first is not None)
    if seen and seen[0][0][0] <= 2 and (len(seen) == len(bearers)) and (len(seen) == 1 or seen[0][0] < seen[1][0]):
        return next(s for s in bearers if s.id == seen[0][1])
    return None


def _note_first(docs: list[Doc], speakers: list[Speaker]) -> None:
    """Where the article first names each person in full (a form of two words or more)."""
    for s in speakers:
        if s.kind != "person":
            continue
        full = [f for f in s.forms if len(_key_words(f)) > 1]
        hits = [(pno, doc.text.find(f)) for pno, doc in enumerate(docs, start=1) for f in full if f in doc.text]
        s.first = min(hits) if hits else None


def _by_role(span: Span, root: Token, speakers: list[Speaker], events: list[_Event]) -> Speaker | None:
    """'the minister', 'the Chairman of the space agency': the one person whose role says so."""
    if any(t.lower_ in _INDEFINITE for t in root.children if t.i < root.i):
        return None  # "a spokesman said": someone the article does not name
    head = root.lower_
    for e in reversed(events):
        if e.head == head:
            if e.speaker is None:
                return None  # "a spokesman said ... the spokesman added": still the unnamed one
            break
    people = [s for s in speakers if s.kind == "person" and head in _key_words(f"{s.role or ''} {s.context}")]
    words = {
        name_key(t.text)
        for t in span
        if t.i != root.i and not t.is_punct and t.lower_ not in _GENERIC and t.lower_ not in ROLE_MODIFIERS
    }
    orgs = [s for s in speakers if s.kind == "organization"]

    def fits(s: Speaker) -> bool:
        rest = _beyond_country(words - set(_key_words(s.context)), s)
        if not rest:
            return True
        # "the chairman of the space agency": the rest names an organization the person may lead
        return any(
            rest <= {w for f in o.forms for w in _key_words(f)} and s.organization in (None, o.id)
            for o in orgs
        )

    return _one_or_last([s for s in people if fits(s)], events)


def _beyond_country(words: set[str], s: Speaker) -> set[str]:
    """Words left once those naming the entity's country, or any country when it has none, are set aside.

    "the U.S. president", "Seoul's science ministry": a country word agrees with an entity of that
    country, or of no known country; it rules out an entity of another."""
    countries = {name_key(k): v for k, v in COUNTRY_FORMS.items()}
    return {w for w in words if not (w in countries and s.country in (None, countries[w]))}


def _one_or_last(cands: list[Speaker], events: list[_Event]) -> Speaker | None:
    """The only candidate, or among several the one that was last the subject of a sentence."""
    if len(cands) == 1:
        return cands[0]
    for e in reversed(events):
        if e.speaker is not None and e.speaker in cands:
            return e.speaker
    return None


def _by_description(
    span: Span, root: Token, speakers: list[Speaker], events: list[_Event], pno: int
) -> Speaker | None:
    """'the ministry', 'the company': the one organization of the article such a phrase can name."""
    if not any(t.lower_ in ("the", "its") for t in span if t.i < root.i):
        return None
    head = root.lower_
    if head in DOCUMENT_WORDS and len(span) == 2:
        # "X said in a statement ... “...,” the statement said": the statement speaks for its author
        last = events[-1] if events else None
        return last.speaker if last is not None and last.reported and last.paragraph >= pno - 1 else None
    orgs = [s for s in speakers if s.kind == "organization"]
    if head in COMPANY_WORDS:
        cands = [s for s in orgs if not set(_key_words(s.name)) & {name_key(w) for w in PUBLIC_BODY_WORDS}]
    else:
        cands = [s for s in orgs if _head_of(s.name) == name_key(head)]
    modifiers = {
        name_key(t.text) for t in span if t.i < root.i and t.lower_ not in _GENERIC and not t.is_punct
    }
    cands = [
        s
        for s in cands
        if not _beyond_country(modifiers - set(_key_words(" ".join(s.forms) + " " + s.context)), s)
    ]
    return _one_or_last(cands, events)


def _head_of(name: str) -> str:
    """The head word of an organization's name: "Ministry" of "Ministry of Lands", "Bank" of "Asia Bank"."""
    words = _key_words(re.split(r"\s+(?:of|for|on)\s+", name)[0])
    return words[-1] if words else ""


def _by_pronoun(word: str, events: list[_Event], pno: int) -> Speaker | None:
    """'he said': the last subject of the article before it that such a pronoun can stand for."""
    if word in _MALE_PRONOUNS | _FEMALE_PRONOUNS:
        want_gender = "m" if word in _MALE_PRONOUNS else "f"
        for e in reversed(events):
            if e.paragraph < pno - _WINDOW:
                return None
            s = e.speaker
            if s is None:
                return None  # "a spokesman said ...; “...,” he said": the unnamed one, whom we cannot name
            if s.kind == "person" and s.gender in (None, want_gender):
                return s
        return None
    if word in ("it", "they") and events and events[-1].paragraph >= pno - 1:
        s = events[-1].speaker
        return s if s is not None and s.kind == "organization" else None
    return None


@dataclass
class NamedSpeaker:
    """A person the entity rules missed but the article quotes by name, with a title that says so."""

    name: str
    mentions: list[str]
    role: str | None
    paragraphs: list[int]


def named_speakers(found: list[QuoteFound], docs: list[Doc], known: set[str]) -> list[NamedSpeaker]:
    """People quoted by name ("Kagwe said") whom the article also names in full with a title.

    The parser's entity labels often miss names it has not seen ("Health Cabinet Secretary, Mutahi
    Kagwe,"); the subject of a say-verb that the article introduces with a title or an honorific is
    a person all the same. ``known`` holds the name keys of every word of the entities already found.
    """
    out: dict[str, NamedSpeaker] = {}
    for q in found:
        span = q.speaker_span
        if span is None:
            continue
        root = span.root
        appos = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        titled_by_appos = root.lower_ in ROLE_HEADS and appos is not None
        if titled_by_appos:
            root = appos  # "the deputy director of prosecutions, Eva-Marie Persson, said"
        if root.pos_ != "PROPN" or not root.text[:1].isupper() or root.is_upper or root.lower_ in ROLE_HEADS:
            continue
        chain = _name_chain(root).split()
        words = [w for w in chain if w.lower() not in HONORIFICS and w.lower() not in ROLE_HEADS]
        # "Ms Persson said", "spokesman Valero said", "the director, Eva-Marie Persson, said"
        titled_cue = len(words) < len(chain) or titled_by_appos
        if not words or name_key(words[-1]) in known or any(w.isupper() and len(w) > 1 for w in words):
            continue
        full = _titled_full_name(docs, words[-1], titled_cue) or _given_and_surname(span, q.kind)
        if full is None or not set(_key_words(" ".join(words))) <= set(_key_words(full[0])):
            continue
        entry = out.setdefault(name_key(full[0]), NamedSpeaker(full[0], [], full[1], []))
        form = " ".join(words)
        if form != entry.name and form not in entry.mentions:
            entry.mentions.append(form)
        if q.paragraph not in entry.paragraphs:
            entry.paragraphs.append(q.paragraph)
    return list(out.values())


def _given_and_surname(span: Span, kind: str) -> tuple[str, None] | None:
    """'“...,” said Dana Ortiz.': a quote's cue that is a given name and a surname names a person,
    even once and without a title (capitalised words, a given name of ``first_names.yml`` first or
    a name the parser labels a person's)."""
    words = [t.text for t in span]
    if kind != "direct" or not 2 <= len(words) <= 4 or any(t.pos_ != "PROPN" for t in span):
        return None
    if words[0].strip(".").lower() not in _first_names() and span.root.ent_type_ != "PERSON":
        return None
    if not all(w[:1].isupper() and (w.isalpha() or w.endswith(".") or "-" in w) for w in words):
        return None
    return " ".join(words), None


def _titled_full_name(docs: list[Doc], surname: str, titled_cue: bool) -> tuple[str, str | None] | None:
    """'Health Cabinet Secretary, Mutahi Kagwe,' -> ("Mutahi Kagwe", "Health Cabinet Secretary")."""
    for doc in docs:
        for tok in doc:
            if tok.text != surname:
                continue
            start = tok.i
            words = 0
            while start > 0 and start > tok.i - 5:
                prev = doc[start - 1]
                if (
                    prev.text == "-"
                    and start > 1
                    and not prev.whitespace_
                    and not doc[start - 2].whitespace_
                    and doc[start - 2].text[:1].isupper()
                ):
                    start -= 2  # "Eva-Marie Persson"
                    continue
                if words == 1 and prev.ent_type_ != "PERSON":
                    break  # a second given name only where the parser sees a person ("Hardeep Singh Puri")
                if (
                    prev.text[:1].isupper()
                    and prev.is_alpha
                    and prev.lower_ not in ROLE_HEADS
                    and prev.lower_ not in HONORIFICS
                    and prev.lower_ not in ROLE_MODIFIERS
                    and (not prev.is_sent_start or prev.pos_ == "PROPN")
                ):
                    start -= 1
                    words += 1
                    continue
                break
            if start == tok.i:
                continue
            name = doc[start : tok.i + 1].text
            before = start - 1 if start > 0 and doc[start - 1].text == "," else start
            title = _title_before(doc, before)
            honorific = before > 0 and doc[before - 1].lower_ in HONORIFICS
            if title or honorific or titled_cue or _title_after(doc, tok.i + 1):
                return name, (title or None)
    return None
