"""Quotes: what was said, verbatim, and the words that say who said it.

Direct quotes are the text between quotation marks, found in one pass over each paragraph
(`quote_spans`): straight and curly double marks, British single marks where they cannot be
apostrophes, a mark left open to the end of the paragraph (a quote that runs on, or a cut-off
page). The cue is the subject of the reporting verb of the quote's sentence wherever it stands
(before, after or between the quoted parts), the possessor of a speech noun ("the minister's
remark that"), or the subject before a colon. Quotes that share a speaker share a group: the
parts of a quote split by its attribution, and the paragraphs of a quote that runs on. Sentences
that report speech without quotation marks ("Bae proposed holding ...", "..., according to the
ministry") become quotes of kind ``indirect``. Titles and scare quotes ("omnidirectional", a
session's title) are not quotes. Who the cue names is decided in `speakers`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from spacy.tokens import Doc, Span, Token

from ..lexicon import (
    FUNCTION_WORDS,
    INDIRECT_VERBS,
    PHRASAL_REPORTING,
    REPORTING_NOUNS,
    REPORTING_VERBS,
    ROLE_HEADS,
)
from .nlp import verb_lemma

_OPENING = "\u201c\u00ab"
_CLOSING = "\u201d\u00bb"

MAX_ANCESTORS = 64


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation in a paragraph: character offsets of its marks and the words between them."""

    start: int  # offset of the opening mark (0 when the quote began in the paragraph before)
    end: int  # offset after the closing mark, or the paragraph's length when it is left open
    inner: str
    closed: bool
    opened: bool


@dataclass
class QuoteFound:
    text: str
    speaker_text: str | None  # the words that name the speaker, as written ("he", "the two countries")
    kind: str  # direct | indirect
    paragraph: int
    start: int  # character offset in the paragraph
    group: int = -1  # quotes of one group have one speaker (see `find_quotes`)
    end: int = -1  # character offset after the closing mark
    cued: bool = False  # a reporting verb of its own sentence names the speaker
    speaker_span: Span | None = field(default=None, repr=False, compare=False)


# The small words a title leaves lower-case: the function words, and "toward(s)".
_TITLE_SMALL_WORDS = FUNCTION_WORDS | {"toward", "towards"}


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text)]
    if len(words) < 2:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS)
    return caps == len(words)


_RELATIVES = frozenset({"who", "which", "that"})


def _subject_of(verb: Token, quote_spans: list[tuple[int, int]]) -> Span | None:
    span = _subject_span(verb, quote_spans)
    if span is None:
        return None
    span = _antecedent(span, verb) or span
    doc, end = span.doc, span.end
    # "said Kim Min-seok": the tagger may leave the second half of a hyphenated name outside
    while (
        end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and doc[end + 1].is_alpha
    ):
        end += 2
    return doc[span.start : end]


def _antecedent(span: Span, verb: Token) -> Span | None:
    """'Jane Roe, who said “...”', 'a teacher from Ohio who told reporters “...”': a relative pronoun
    that speaks stands for the noun its clause hangs from, and a description for the name it is set
    beside ("Jane Roe, a teacher who said")."""
    if len(span) != 1 or span.root.lower_ not in _RELATIVES or verb.dep_ != "relcl":
        return None
    noun = verb.head
    if noun.i > span.root.i or noun.pos_ not in ("PROPN", "NOUN"):
        return None
    if noun.pos_ == "NOUN" and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        noun = noun.head
    start = noun.i
    while start > 0 and noun.doc[start - 1].dep_ in ("compound", "flat") and noun.doc[start - 1].head.i == noun.i:
        start -= 1
    if noun.pos_ == "NOUN":
        start = noun.left_edge.i
    return noun.doc[start : noun.i + 1]


def _titles_then_name(head: Token) -> Span | None:
    """'chairman, CEO and president Carl Menzel said': titles coordinated with a name are that person's."""
    members = [head]
    while True:
        nxt = next((c for c in members[-1].children if c.dep_ == "conj"), None)
        if nxt is None:
            break
        members.append(nxt)
    last = members[-1]
    if len(members) < 2 or last.pos_ != "PROPN" or any(m.lower_ not in ROLE_HEADS for m in members[:-1]):
        return None
    start = last.i
    while start > 0 and last.doc[start - 1].pos_ == "PROPN" and last.doc[start - 1].head.i == last.i:
        start -= 1
    return last.doc[start : last.i + 1]


def _inside(char: int, quote_spans: list[tuple[int, int]]) -> bool:
    """True when ``char`` is inside one of the spans (sorted, not overlapping): a binary search, so
    that a paragraph of many quotes stays linear, not cubic."""
    k = bisect_right(quote_spans, char, key=lambda span: span[0]) - 1
    return k >= 0 and quote_spans[k][0] <= char < quote_spans[k][1]


def _subject_span(verb: Token, quote_spans: list[tuple[int, int]]) -> Span | None:
    def outside(tok: Token) -> bool:
        return not _inside(tok.idx, quote_spans)

    if verb.lower_ == "according":
        for child in verb.children:
            if child.lower_ == "to":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        end = obj.right_edge.i + 1
                        doc = verb.doc
                        # "according to presidential chief of staff Kang Hoon-sik": the name runs on
                        while end < len(doc) and (
                            doc[end].pos_ == "PROPN"
                            or (doc[end].text == "-" and not doc[end - 1].whitespace_)
                        ):
                            end += 1
                        return doc[obj.left_edge.i : end]
        return None
    # two subjects (a mis-parsed title: "Wikileaks editor-in-chief Kristinn Hrafnsson said"): the nearer one
    # a passive subject is what is spoken of, not who speaks: "the disease is called “farmer's lung”"
    subjects = sorted((c for c in verb.children if c.dep_ == "nsubj" and outside(c)), key=lambda c: abs(c.i - verb.i))
    if any(c.i < verb.i for c in subjects) and any(c.i > verb.i for c in subjects):
        # "“...,” Jane Roe, director of games, tells The Daily Post": the one after is who is told
        subjects = [c for c in subjects if c.i < verb.i]
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    for child in subjects[:1]:
        if outside(child):
            # "Her rival, Tom Baker, said": a description whose apposition is the name speaks by that name
            named = next((c for c in child.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > child.i
                          and outside(c)), None)
            if child.pos_ == "NOUN" and named is not None:
                return verb.doc[named.left_edge.i : named.right_edge.i + 1]
            titled = _titles_then_name(child)
            if titled is not None:
                return titled
            toks = [t for t in child.subtree if outside(t)]
            # an apposition after a name belongs to the name's description, not to the speaker
            cut = next((t.i for t in toks if t.text == "," and t.i > child.i), None)
            end = cut if cut is not None else toks[-1].i + 1
            start = toks[0].i
            return verb.doc[start:end]
    # "..., saying, “...”": a participle takes the subject of the verb it hangs from
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head is not verb:
        found = _subject_span(verb.head, quote_spans)
        if found is not None and found.root.lower_ in _RELATIVES and verb.i and verb.doc[verb.i - 1].text == ",":
            # hung from a relative clause ("... a contractor who said he was unpaid, saying, “...”"): a
            # participle set off by a comma goes with the sentence's own subject, not the clause's "who"
            root = verb.sent.root
            if root is not verb.head and root.pos_ in ("VERB", "AUX"):
                return _subject_span(root, quote_spans)
        if found is not None:
            return found
    # "said the ministry": subject after the verb is parsed as dobj/attr sometimes
    for child in verb.children:
        if (
            child.dep_ in ("dobj", "attr", "npadvmod")
            and child.i > verb.i
            and outside(child)
            and (child.pos_ == "PROPN" or child.ent_type_)
            and child.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY")  # "said Tuesday"
        ):
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def _reporting_verbs(sent: Span, quote_spans: list[tuple[int, int]]) -> list[Token]:
    out = []
    for tok in sent:
        if _inside(tok.idx, quote_spans):
            continue
        if (tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to") or (
            tok.pos_ in ("VERB", "AUX") and (verb_lemma(tok) in REPORTING_VERBS or _phrasal_speech(tok))
        ):
            out.append(tok)
    return out


def _phrasal_speech(verb: Token) -> bool:
    """"shot back", "weighed in": the verb and its particle together introduce speech."""
    return any(
        c.i == verb.i + 1 and c.dep_ in ("prt", "advmod") and f"{verb_lemma(verb)} {c.lower_}" in PHRASAL_REPORTING
        for c in verb.children
    )


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation of a paragraph, in order, found in one pass over its characters.

    Double marks (straight or curly, and guillemets) come first; single marks (the British style)
    count only outside them and only where they cannot be apostrophes. A mark left open runs to
    the end of the paragraph (a quote that goes on in the next one, or a page cut off); a closing
    mark with no opening one ends a quote that began in the paragraph before.
    """
    text = paired_apostrophes(text)
    spans = _double_spans(text)
    taken = [(s.start, s.end) for s in spans]
    spans += [s for s in _single_spans(text) if not any(a <= s.start < b for a, b in taken)]
    return sorted(spans, key=lambda s: s.start)


# Two single marks written for one double mark: ''so'' (newspaper archives, wire databases), ``so''
# (typesetting), ‘‘so’’ (a keyboard's smart quotes typed twice); each read as the one mark it stands for.
_PAIRED_MARKS = (("''", ' "'), ("``", " \u201c"), ("\u2018\u2018", " \u201c"), ("\u2019\u2019", " \u201d"))


def paired_apostrophes(text: str) -> str:
    """The paragraph with paired single marks read as double marks (`_PAIRED_MARKS`); the text keeps its
    length, so every offset found in it holds for the paragraph as written."""
    for pair, mark in _PAIRED_MARKS:
        if pair in text:
            text = text.replace(pair, mark)
    return text


def _double_spans(text: str) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch in _OPENING:
            if open_at is not None and _closes_like_a_closing_mark(text, i):
                out.append(_span(text, open_at, i + 1, closed=True))  # '“Yes,“ she said': a typo for ”
                open_at = None
                continue
            if open_at is not None:  # a second opening mark: the first quote was never closed
                out.append(_span(text, open_at, i, closed=False))
            open_at = i
        elif ch in _CLOSING or ch == '"':
            if open_at is not None:
                out.append(_span(text, open_at, i + 1, closed=True))
                open_at = None
            elif ch == '"' and not (i and text[i - 1].isdigit()):  # 70" is seventy inches, not a quote
                open_at = i
            elif ch != '"' and not out and text[:i].strip():  # "... end of a quote,” he said."
                out.append(_span(text, None, i + 1, closed=True))
    if open_at is not None:
        out.append(_span(text, open_at, len(text), closed=False))
    return [s for s in out if s.inner]


def _closes_like_a_closing_mark(text: str, i: int) -> bool:
    """An opening mark written where a closing one belongs: right after the quote's last word or
    punctuation and before a space or the end ('“We won,“ she said'); a real opening mark stands
    after a space and before a word."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and before not in "(\u2014\u2013:" and after.isspace()


def _single_spans(text: str) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    open_at: int | None = None
    possessive: int | None = None  # "the players' union": maybe a plural possessive, maybe the end
    n = len(text)
    for i, ch in enumerate(text):
        if ch not in "'\u2018\u2019":
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if open_at is None:
            if (
                ch != "\u2019"
                and (before.isspace() or before in "(:[\u2014\u2013")
                and (after.isalpha() or after == ".")  # "the '90s" is a decade, not a quote
            ):
                open_at = i
        elif not before.isspace() and not after.isalnum():
            if before == "s" and re.match(r" [a-z]", text[i + 1 : i + 3]):
                possessive = i
                continue  # the end only if no later mark closes the quote
            out.append(_span(text, open_at, i + 1, closed=True))
            open_at = possessive = None
    if open_at is not None and possessive is not None:
        out.append(_span(text, open_at, possessive + 1, closed=True))
    elif open_at is not None and (open_at == 0 or text[:open_at].rstrip().endswith(":")):
        out.append(_span(text, open_at, n, closed=False))
    return [s for s in out if s.inner]


def _span(text: str, start: int | None, end: int, closed: bool) -> QuoteSpan:
    a = 0 if start is None else start + 1
    b = end - 1 if closed else end
    return QuoteSpan(0 if start is None else start, end, text[a:b].strip(), closed, start is not None)


def find_quotes(docs: list[Doc]) -> list[QuoteFound]:
    """Direct and indirect quotes of every paragraph, in order, with the speaker as written.

    Quotes that share a speaker share a ``group``: the parts of a quote split by its attribution,
    a quote with no reporting verb and the quote of its paragraph that has one, and the
    paragraphs of a quote that runs over several (opening mark on each, closing on the last).
    """
    found: list[QuoteFound] = []
    next_group = 0
    open_group: int | None = None  # the group of a quote left open at the end of the paragraph before
    for pno, doc in enumerate(docs, start=1):
        text = paired_apostrophes(doc.text)
        spans = quote_spans(text)
        quote_chars = [(s.start, s.end) for s in spans]
        quoted_sents: set[int] = set()
        verbs_of: dict[tuple[int, int], _Verbs] = {}  # by sentence: quotes often share one
        starts = [tok.idx for tok in doc]
        sents = list(doc.sents) if spans else []
        para: list[QuoteFound] = []
        cues: list[QuoteFound] = []
        for k, qs in enumerate(spans):
            a, b, inner_clean = qs.start, qs.end, qs.inner
            words = inner_clean.split()
            sent = _sentence_at(doc, a, b, sents)
            if sent is not None and (sent.start, sent.end) not in verbs_of:
                verbs_of[(sent.start, sent.end)] = _Verbs(_reporting_verbs(sent, quote_chars))
            verbs = verbs_of[(sent.start, sent.end)] if sent is not None else _Verbs()
            # "the minister's remark that "..."": a speech noun that introduces the quote names its speaker
            subj = _possessor_cue(sent, a, quote_chars, introducing=True) if sent is not None else None
            if verbs and subj is None:
                inner_tok = _token_at(doc, a + 1, starts)
                # the verbs that govern the quote, looked for among its nearest MAX_ANCESTORS heads (a real
                # sentence has fewer levels; a run-on of a thousand clauses must not cost a walk per quote)
                above = {t.i for t in islice(inner_tok.ancestors, MAX_ANCESTORS)} if inner_tok is not None else set()
                governing = _Verbs(sorted((verbs.by_i[i] for i in above if i in verbs.by_i), key=lambda v: v.i))
                verb = _nearest(governing or verbs, a, b)  # one walk up the tree, not one look per verb
                subj = _subject_of(verb, quote_chars)
            if subj is None and verbs:
                subj = _words_before_verb(doc, b, verbs) or _words_after_verb(doc, text, b, verbs)
            if subj is None and sent is not None:
                subj = _following_cue(sents, sent, text, b, quote_chars)
                if subj is not None:
                    quoted_sents.add(subj.sent.start)  # the cue sentence is no reported speech of its own
            if subj is None and sent is not None:
                subj = _possessor_cue(sent, a, quote_chars)
            if subj is None and sent is not None and text[:a].rstrip().endswith((":", ",")):
                subj = _inverted_cue(sent, a)
            if subj is None and sent is not None and text[:a].rstrip().endswith(":"):
                subj = _colon_cue(sent, a, quote_chars)  # "Jones put it bluntly: “...”"
            if sent is not None:
                quoted_sents.add(sent.start)
            continues = k == 0 and open_group is not None and (not qs.opened or not text[:a].strip())
            alone = continues or _stands_alone(text, a, b)  # an open mark mid-sentence is a typo, not a quote
            group = open_group if continues and open_group is not None else next_group
            next_group += 1
            q = QuoteFound(
                inner_clean, subj.text if subj is not None else None, "direct", pno, a, group=group, end=b
            )
            q.speaker_span = subj
            q.cued = subj is not None
            # titles, themes and scare quotes are not quotes
            if (
                len(words) < 2
                or (len(words) < 3 and subj is None)
                # a short phrase in quotation marks is a scare quote unless it is what was said
                or (len(words) < 4 and not (inner_clean.endswith((",", ".", "?", "!")) and _near_verb(verbs, a, b)))
                or (qs.closed and _is_title_case(inner_clean) and (subj is None or not _near_verb(verbs, a, b)))
                or (subj is None and not alone)
            ):
                if q.cued:
                    cues.append(q)  # “No,” he said. “Not now.”: its cue still names the next quote's speaker
                continue
            para.append(q)
        closing = _closing_cue(doc, para) or _signature_cue(doc, text, para)
        if closing is not None:  # '“A.” “B.” Smith said.': the paragraph's last words name its speaker
            for q in para:
                if q.speaker_span is None:
                    q.speaker_text, q.speaker_span, q.cued = closing.text, closing, True
            quoted_sents.add(closing.sent.start)
        _share_speakers(text, para, found, cues)
        if not spans:
            _signed_below(doc, text, pno, found)
        open_group = para[-1].group if para and spans and not spans[-1].closed and para[-1].start == spans[-1].start else None
        found.extend(para)
        found.extend(_indirect(doc, pno, quoted_sents))
    return found


def _token_at(doc: Doc, char: int, starts: list[int] | None = None) -> Token | None:
    """The token holding ``char``, else the first after it. ``starts``: the tokens' offsets, given
    by a caller that asks many times (a binary search then, not a walk through the paragraph)."""
    if starts is None:
        starts = [tok.idx for tok in doc]
    k = bisect_right(starts, char) - 1
    if k >= 0 and char < starts[k] + len(doc[k].text):
        return doc[k]
    return doc[k + 1] if k + 1 < len(doc) else None


def _only_cue_between(text: str, end: int, start: int) -> bool:
    """At most one short sentence (the cue, "he said.") between two quotes."""
    between = text[end:start].strip()
    return len(between.split()) <= 12 and len(re.findall(r"[.!?](?:\s|$)", between)) <= 1


def _share_speakers(
    text: str, para: list[QuoteFound], earlier: list[QuoteFound], cues: list[QuoteFound]
) -> None:
    """A quote with no reporting verb takes the group of the cued quote of its paragraph.

    The one before it if there is one ("A," he said. "B."), else the one after it ("A." "B," he
    said.). A group continued from the paragraph before keeps its speaker when it has one.
    """
    cued = sorted([q for q in para if q.cued] + cues, key=lambda q: q.start)
    for q in para:
        if q.cued:
            continue
        # the cued quote just before, with nothing but its cue between ('"A," he said. "B."'), or the
        # one just after with nothing between ('"A." "B," he said.'); past a sentence of narrative
        # the speaker is whoever that sentence is about, which the speaker stage follows
        before = [c for c in cued if c.start < q.start and _only_cue_between(text, c.end, q.start)]
        after = [c for c in cued if c.start > q.start and not text[q.end : c.start].strip()]
        source = before[-1] if before else (after[0] if after else None)
        if source is None:
            continue
        old = q.group
        if any(e.group == old and e.cued for e in earlier):
            continue  # a quote running on from the paragraph before already has its speaker
        for other in [*earlier, *para]:
            if other.group == old:
                other.group = source.group
                if not other.cued:
                    other.speaker_text, other.speaker_span = source.speaker_text, source.speaker_span
    # a cued quote that closes a quote opened in earlier paragraphs names their speaker too
    for c in cued:
        for other in earlier:
            if other.group == c.group and not other.cued and other.speaker_text is None:
                other.speaker_text, other.speaker_span = c.speaker_text, c.speaker_span


# '“...” ― Jane Roe': a dash after the last quote, then a name and at most a short description.
_SIGNATURE = re.compile(r"\s*[\u2015\u2014\u2013-]{1,2}\s*(?P<name>[^\W\d_][^,;:()\n]{1,60}?)\s*(?:[,(].{0,80})?[.\s\u00a0]*$")


def _signature_cue(doc: Doc, text: str, para: list[QuoteFound]) -> Span | None:
    """A paragraph that is a quote signed with a dash and a name ('“...” ― Jane Roe, 34, Ohio'): the
    name is its speaker, as an epigraph, a reader's comment or a posted message is signed."""
    if not para or para[-1].end < 0 or any(q.cued for q in para):
        return None
    if text[: para[0].start].strip():
        return None
    return _signature_name(doc, _SIGNATURE.match(text, para[-1].end))


def _signed_below(doc: Doc, text: str, pno: int, found: list[QuoteFound]) -> None:
    """A paragraph that is only a dash and a name ("— Jane Roe.") under a paragraph of quotes with
    no cue signs them, as a fact-check or a collection of reactions quotes each speaker."""
    above = [q for q in found if q.paragraph == pno - 1 and q.kind == "direct"]
    if not above or any(q.cued for q in above):
        return
    span = _signature_name(doc, _SIGNATURE.match(text))
    if span is not None:
        for q in above:
            q.speaker_text, q.speaker_span, q.cued = span.text, span, True


def _signature_name(doc: Doc, m: re.Match[str] | None) -> Span | None:
    """The name a signature (`_SIGNATURE`) gives: one to five capitalised words, a name among them."""
    if m is None:
        return None
    span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
    if span is None or not (1 <= len(span) <= 5) or not all(t.text[:1].isupper() or t.is_punct for t in span):
        return None
    return span if any(t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN" for t in span) else None


def _closing_cue(doc: Doc, para: list[QuoteFound]) -> Span | None:
    """'... Smith said.' closing a paragraph of quotes: a short sentence that is only a subject and a say-verb."""
    if not para or not any(q.speaker_span is None for q in para):
        return None
    last = list(doc.sents)[-1]
    if last.start_char < max(q.end for q in para) or _has_marks(last.text) or len(last) > 12:
        return None
    root = last.root
    if root.pos_ not in ("VERB", "AUX") or verb_lemma(root) not in REPORTING_VERBS:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in root.children):
        return None  # "Smith said the plan was sound." reports something else
    return _subject_of(root, [])


def _has_marks(text: str) -> bool:
    return any(ch in text for ch in '"\u201c\u201d\u00ab\u00bb')


def _words_before_verb(doc: Doc, b: int, verbs: list[Token]) -> Span | None:
    """'“...,” chairman, CEO and president Carl Menzel said': the words between a quote and the speech
    verb right after it name the speaker when the parser found no subject there; the name among them
    if they hold one ("Carl Menzel"), else all of them ("the company's chief executive")."""
    verb = next((v for v in verbs if v.idx >= b), None)
    if verb is None:
        return None
    toks = [t for t in doc if b <= t.idx < verb.idx]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks or len(toks) > 12 or any(t.pos_ in ("VERB", "AUX") or _has_marks(t.text) for t in toks):
        return None
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    if comma is not None and any(t.pos_ == "PROPN" for t in toks[:comma]):
        toks = toks[:comma]  # "Mayer, Disney’s chairman of streaming": the name before its apposition
    names = [k for k, t in enumerate(toks) if t.pos_ == "PROPN" and t.text[:1].isupper()
             and not (k + 1 < len(toks) and toks[k + 1].text in ("'s", "’s"))]
    if names:
        end = names[-1]
        start = end
        while start > 0 and toks[start - 1].pos_ == "PROPN" and toks[start - 1].text[:1].isupper():
            start -= 1
        return doc[toks[start].i : toks[end].i + 1]
    return doc[toks[0].i : toks[-1].i + 1]


_AFTER_VERB_STOP = frozenset({",", ".", ";", ":", "(", "?", "!", "\u2014", "\u2013"})


def _words_after_verb(doc: Doc, text: str, b: int, verbs: list[Token]) -> Span | None:
    """'“...,” said David Roe, a lawyer who ...': a speech verb right after the quote and the name or
    description right after it, up to the comma, when the parser hung the name elsewhere."""
    verb = next((v for v in verbs if v.idx >= b), None)
    if verb is None or text[b : verb.idx].strip(" ,\u2014-"):
        return None
    toks: list[Token] = []
    for t in doc[verb.i + 1 : verb.i + 10]:
        if t.text in _AFTER_VERB_STOP or _has_marks(t.text) or (
            t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") and t.dep_ not in ("amod", "compound")
        ):
            break
        toks.append(t)
    while toks and toks[-1].pos_ in ("DET", "CCONJ", "ADV"):
        toks.pop()
    if not toks or len(toks) > 8 or toks[0].pos_ in ("ADV", "NUM") or toks[0].ent_type_ in _WHEN:
        return None
    # a name, or a description whose head is a noun ("said the company's chief executive")
    if not any(t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t is toks[-1]) for t in toks) and not (
        len(toks) == 1 and toks[0].lower_ in ("he", "she", "they", "it")
    ):
        return None
    if any(t.ent_type_ in _WHEN for t in toks):
        return None  # "said Tuesday", "said last week"
    return doc[toks[0].i : toks[-1].i + 1]


_WHEN = frozenset({"DATE", "TIME"})


def _following_cue(
    sents: list[Span], sent: Span, text: str, b: int, quote_spans: list[tuple[int, int]]
) -> Span | None:
    """'“Have we lost?” Roe asked. “No.”': a quote that ends its sentence, and the next sentence opens
    with the speaker and a speech verb (the parser split the attribution off at the "?” or .”)."""
    if text[b : sent.end_char].strip():
        return None
    k = next((n for n, s in enumerate(sents) if s.start == sent.end), None)
    if k is None or text[b : sents[k].start_char].strip():
        return None
    nxt = sents[k]
    root = nxt.root
    if root.pos_ not in ("VERB", "AUX") or not (verb_lemma(root) in REPORTING_VERBS or _phrasal_speech(root)):
        return None
    if _inside(root.idx, quote_spans) or any(
        c.dep_ == "ccomp" and not _inside(c.idx, quote_spans) for c in root.children
    ):
        return None  # "Roe said the plan was sound.": that sentence reports something else
    subj = _subject_of(root, quote_spans)
    first = next((t for t in nxt if not t.is_punct), None)
    if subj is None or first is None or subj.start < first.i or subj.end > root.i:
        return None
    # only the subject's words before the verb: "Roe's niece, Jane Doe, shouted", not "When he left, Roe
    # said" nor "But at some point, Roe's father told her"
    head = subj.root
    while head.head.i not in (root.i, head.i):
        head = head.head  # the subject phrase as the verb holds it ("Roe's niece" of "..., Jane Doe,")
    if any(t.pos_ in ("VERB", "AUX", "SCONJ") for t in nxt.doc[first.i : root.i]) or any(
        not t.is_punct and not head.is_ancestor(t) and t.i != head.i for t in nxt.doc[first.i : subj.start]
    ):
        return None
    return subj


def _inverted_cue(sent: Span, a: int) -> Span | None:
    """'Said Ellis: “...”', 'Added the minister, “...”': a speech verb opens the sentence and the
    speaker follows it, up to the colon or comma before the quote (the parser reads "Said" as a name)."""
    doc = sent.doc
    first = sent.start
    while first < sent.end and doc[first].is_punct:
        first += 1
    if first >= sent.end or not doc[first].text[:1].isupper() or doc[first].idx >= a:
        return None
    if doc[first].tag_ not in ("VBD", "VBZ", "NNP") or verb_lemma(doc[first]) not in REPORTING_VERBS:
        return None
    end = first + 1
    while end < sent.end and doc[end].idx < a and doc[end].text not in (":", ","):
        end += 1
    if end == first + 1 or end - first > 9 or end >= sent.end or doc[end].idx >= a or a - doc[end].idx > 3:
        return None
    return doc[first + 1 : end]


def _colon_cue(sent: Span, a: int, quote_spans: list[tuple[int, int]]) -> Span | None:
    """'Jones disagreed: "..."': the subject of the clause a colon hands over to the quote."""
    verb = sent.root
    if verb.idx >= a or any(s <= verb.idx < e for s, e in quote_spans):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.idx < a:
            return sent.doc[child.left_edge.i : child.i + 1]
    return None


def _possessor_cue(
    sent: Span, a: int, quote_spans: list[tuple[int, int]], introducing: bool = False
) -> Span | None:
    """'the commissioner's remark that "..."': the possessor of a speech noun just before the quote.

    With ``introducing``, only a noun whose clause the quote is ("remark that", "words:"). Looks
    back a few tokens from the quote only: at most five words stand between noun and quote, and a
    paragraph of many quotes must not cost a pass over its sentence for each (linear, not cubic)."""
    doc = sent.doc
    here = next((t.i for t in sent if t.idx >= a), sent.end) if len(sent) < 64 else _first_at(doc, a, sent)
    tail = ""  # the text of the tokens after the one looked at, up to the quote (not Doc.text: the whole doc)
    for i in range(here - 1, max(sent.start, here - _POSSESSOR_LOOKBACK) - 1, -1):
        tok = doc[i]
        between = tok.whitespace_ + tail
        tail = tok.text_with_ws + tail
        if (
            tok.lower_ in REPORTING_NOUNS
            and tok.idx < a
            and len(between.split()) <= 5
            and not _inside(tok.idx, quote_spans)
            and (not introducing or re.search(r"(?:\bthat|:)\s*$", between))
        ):
            for child in tok.children:
                if child.dep_ == "poss" and child.pos_ != "PRON":
                    return doc[child.left_edge.i : child.i + 1]
    return None


_POSSESSOR_LOOKBACK = 16  # tokens: five words and their punctuation, with room to spare


def _first_at(doc: Doc, a: int, sent: Span) -> int:
    """The index of the sentence's first token at or after character ``a`` (a binary search)."""
    lo, hi = sent.start, sent.end
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < a:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _near_verb(verbs: _Verbs, a: int, b: int) -> bool:
    """A verb within 40 characters of the quote's end or 60 of its start (``verbs`` in text order:
    two binary searches, not a look at every verb of a run-on sentence for every quote in it)."""
    idx = verbs.offsets
    return any(bisect_left(idx, lo + 1) < bisect_left(idx, hi) for lo, hi in ((b - 40, b + 40), (a - 60, a + 60)))


def _nearest(verbs: _Verbs, a: int, b: int) -> Token:
    """``min(verbs, key=distance to a or b)``, the first of equals; ``verbs`` in text order, so the
    nearest is next to where ``a`` or ``b`` would go (logarithmic, not one look per verb)."""
    if len(verbs) <= 8:
        return min(verbs, key=lambda v: min(abs(v.idx - a), abs(v.idx - b)))
    idx = verbs.offsets
    near = {k for x in (a, b) for k in (bisect_left(idx, x) - 1, bisect_left(idx, x)) if 0 <= k < len(verbs)}
    return min((verbs[k] for k in sorted(near)), key=lambda v: min(abs(v.idx - a), abs(v.idx - b)))


class _Verbs(list):  # type: ignore[type-arg]
    """The reporting verbs of one sentence, in text order, with their offsets and token indexes
    (made once per sentence, read for every quote in it)."""

    def __init__(self, verbs: Iterable[Token] = ()) -> None:
        super().__init__(verbs)
        self.offsets = [v.idx for v in self]
        self.by_i = {v.i: v for v in self}


def _stands_alone(text: str, a: int, b: int) -> bool:
    """A quote that is a whole sentence of its own (not a phrase quoted inside a sentence)."""
    before = text[:a].rstrip()
    return not before or before[-1] in '.!?:\u201d"' or before.endswith(("said", "says"))


def _sentence_at(doc: Doc, a: int, b: int, sents: list[Span] | None = None) -> Span | None:
    """The sentence holding the quote's attribution: the one that contains the closing mark.

    ``sents``: the doc's sentences, given by a caller that asks many times (then a binary search)."""
    if sents is None:
        sents = list(doc.sents)
    hits = set()
    for char in (a, b - 1):  # sentences do not overlap: at most the two that hold a and b - 1
        k = bisect_right(sents, char, key=lambda sent: sent.start_char) - 1
        if k >= 0 and char < sents[k].end_char:
            hits.add(k)
    if len(hits) == 1:
        sent = sents[next(iter(hits))]
        if sent.start_char <= a and b <= sent.end_char:
            return sent  # what char_span of its own bounds gives, without a walk through the doc
    best = None
    for k in sorted(hits):
        s, e = sents[k].start_char, sents[k].end_char
        if best is None:
            best = doc.char_span(min(s, a), max(e, min(b, len(doc.text))), alignment_mode="expand")
        else:
            best = doc.char_span(best.start_char, max(e, best.end_char), alignment_mode="expand")
    return best


def _indirect(doc: Doc, pno: int, quoted_sents: set[int]) -> list[QuoteFound]:
    out = []
    for sent in doc.sents:
        if sent.start in quoted_sents or _has_marks(paired_apostrophes(sent.text)):
            continue
        for tok in sent:
            if (tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to") or (
                tok.pos_ == "VERB"
                and verb_lemma(tok) in INDIRECT_VERBS
                and any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
                # the sentence's own verb: "the plan, which Smith said would cost more, passed" is no speech
                and (tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT"))
                # "Queen Elizabeth was said to disapprove": what others said of her, not her words
                and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            ):
                subj = _subject_of(tok, [])
            else:
                continue
            if subj is None or subj.root.lower_ in ("it", "there", "this"):
                continue
            q = QuoteFound(sent.text.strip(), subj.text, "indirect", pno, sent.start_char, cued=True)
            q.speaker_span = subj
            out.append(q)
            break
    return out

