"""Quotes: what was said, verbatim, and by whom.

Direct quotes are the text between quotation marks. The speaker is the subject of the reporting
verb of the same sentence, wherever it stands (before, after or between the quoted parts); a
quote with no reporting verb continues the previous quote of its paragraph; "he" and "she" are
the person who was last the subject of a sentence. Collective speakers ("the two countries")
are kept as they are written. Sentences that report speech without quotation marks ("Bae
proposed holding ...", "..., according to the ministry") become quotes of kind ``indirect``.
Titles and scare quotes ("omnidirectional", a session's title) are not quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import INDIRECT_VERBS, PRONOUNS, REPORTING_VERBS, verb_base

_OPEN_CLOSE = re.compile(r"\u201c([^\u201c\u201d]+)\u201d|\"([^\"]+)\"|\u00ab([^\u00ab\u00bb]+)\u00bb")


@dataclass
class QuoteFound:
    text: str
    speaker_text: str | None  # the words that name the speaker, as written ("he", "the two countries")
    kind: str  # direct | indirect
    paragraph: int
    start: int  # character offset in the paragraph


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text)]
    if len(words) < 2:
        return False
    small = {"a", "an", "the", "of", "and", "for", "to", "in", "on", "at", "by", "with", "toward", "towards"}
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return caps == len(words)


def _subject_of(verb: Token, quote_spans: list[tuple[int, int]]) -> Span | None:
    span = _subject_span(verb, quote_spans)
    if span is None:
        return None
    doc, end = span.doc, span.end
    # "said Kim Min-seok": the tagger may leave the second half of a hyphenated name outside
    while (
        end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and doc[end + 1].is_alpha
    ):
        end += 2
    return doc[span.start : end]


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
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and outside(child):
            toks = [t for t in child.subtree if outside(t)]
            # an apposition after a name belongs to the name's description, not to the speaker
            cut = next((t.i for t in toks if t.text == "," and t.i > child.i), None)
            end = cut if cut is not None else toks[-1].i + 1
            start = toks[0].i
            return verb.doc[start:end]
    # "..., saying, “...”": a participle takes the subject of the verb it hangs from
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and verb.head is not verb:
        found = _subject_span(verb.head, quote_spans)
        if found is not None:
            return found
    # "said the ministry": subject after the verb is parsed as dobj/attr sometimes
    for child in verb.children:
        if (
            child.dep_ in ("dobj", "attr", "npadvmod")
            and child.i > verb.i
            and outside(child)
            and (child.pos_ == "PROPN" or child.ent_type_)
        ):
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def _reporting_verbs(sent: Span, quote_spans: list[tuple[int, int]]) -> list[Token]:
    out = []
    for tok in sent:
        if _inside(tok.idx, quote_spans):
            continue
        if (tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to") or (
            tok.pos_ in ("VERB", "AUX") and verb_base(tok.text) in REPORTING_VERBS
        ):
            out.append(tok)
    return out


def find_quotes(docs: list[Doc]) -> list[QuoteFound]:
    """Direct and indirect quotes of every paragraph, in order, with the speaker as written."""
    found: list[QuoteFound] = []
    for pno, doc in enumerate(docs, start=1):
        text = doc.text
        spans: list[tuple[int, int, str]] = []
        for m in _OPEN_CLOSE.finditer(text):
            inner = next(g for g in m.groups() if g is not None)
            spans.append((m.start(), m.end(), inner))
        quote_chars = [(a, b) for a, b, _ in spans]
        previous_speaker: str | None = None
        quoted_sents: set[int] = set()
        verbs_of: dict[tuple[int, int], list[Token]] = {}  # by sentence: quotes often share one
        starts = [tok.idx for tok in doc]
        sents = list(doc.sents) if spans else []
        for a, b, inner in spans:
            inner_clean = inner.strip()
            words = inner_clean.split()
            sent = _sentence_at(doc, a, b, sents)
            if sent is not None and (sent.start, sent.end) not in verbs_of:
                verbs_of[(sent.start, sent.end)] = _reporting_verbs(sent, quote_chars)
            verbs = verbs_of[(sent.start, sent.end)] if sent is not None else []
            speaker = None
            if verbs:
                inner_tok = _token_at(doc, a + 1, starts)
                above = {t.i for t in inner_tok.ancestors} if inner_tok is not None else set()
                governing = [v for v in verbs if v.i in above]  # one walk up the tree, not one per verb
                verb = min(governing or verbs, key=lambda v: min(abs(v.idx - a), abs(v.idx - b)))
                subj = _subject_of(verb, quote_chars)
                speaker = subj.text if subj is not None else None
                if speaker is None and previous_speaker:
                    speaker = previous_speaker
            elif previous_speaker and _stands_alone(text, a, b):
                speaker = previous_speaker
            if sent is not None:
                quoted_sents.add(sent.start)
            # titles, themes and scare quotes are not quotes
            if len(words) < 3 and speaker is None:
                continue
            if len(words) < 2:
                continue
            if len(words) < 4 and not (
                inner_clean.endswith((",", ".", "?", "!")) and _near_verb(verbs, a, b)
            ):
                continue  # a short phrase in quotation marks is a scare quote unless it is what was said
            if _is_title_case(inner_clean) and (speaker is None or not _near_verb(verbs, a, b)):
                continue
            if speaker is None and not _stands_alone(text, a, b):
                continue
            found.append(QuoteFound(inner_clean, speaker, "direct", pno, a))
            if speaker:
                previous_speaker = speaker
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


def _near_verb(verbs: list[Token], a: int, b: int) -> bool:
    return any(abs(v.idx - b) < 40 or abs(v.idx - a) < 60 for v in verbs)


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
        if sent.start in quoted_sents or any(ch in sent.text for ch in '\u201c\u201d"'):
            continue
        for tok in sent:
            if (tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to") or (
                tok.pos_ == "VERB"
                and verb_base(tok.text) in INDIRECT_VERBS
                and any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
            ):
                subj = _subject_of(tok, [])
            else:
                continue
            if subj is None or subj.root.lower_ in ("it", "there", "this"):
                continue
            out.append(QuoteFound(sent.text.strip(), subj.text, "indirect", pno, sent.start_char))
            break
    return out


def is_pronoun(text: str | None) -> bool:
    return bool(text) and text.strip().lower() in PRONOUNS
