"""Summary and key points, taken verbatim from the article's own sentences."""

from __future__ import annotations

import re

from ..sentences import split_sentences

_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,2}(?=\s*[-–—(,]))?"
    r"(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\))?(?:\s+[-–—]{1,2}\s+|\s*[—–]\s*)"
)
_DATELINE_COLON = re.compile(r"^[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?:\s+(?=[A-Z])")
_DATELINE_NO_DASH = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}\s+(?=[A-Z])")


def strip_dateline(text: str) -> str:
    for pattern in (_DATELINE_COLON, _DATELINE_NO_DASH, _DATELINE):
        m = pattern.match(text)
        if m and m.end() < len(text) - 20:
            return text[m.end() :]
    return text


def lead_title(paragraphs: list[str], max_chars: int = 80) -> str | None:
    """A title made from the lead when the article has no headline: its main clause
    (`cleaning.lead_headline`), else its first words cut at a word and marked "…"; never a word cut in two."""
    from ..cleaning import lead_headline

    if not paragraphs:
        return None
    made = lead_headline(paragraphs[0])
    if made and len(made) <= max_chars + 40:
        return made
    text = strip_dateline(paragraphs[0]).strip()
    if len(text) <= max_chars:
        return text or None
    cut = text[: max_chars + 1].rsplit(" ", 1)[0].rstrip(" ,.;:—-")
    return (cut or text[:max_chars]) + " …"


def _is_quote(sentence: str) -> bool:
    return sentence.lstrip().startswith(("\u201c", '"'))


def summarize(paragraphs: list[str], max_sentences: int = 2, max_chars: int = 400) -> str | None:
    """The lead: the first one or two sentences of the first paragraph that reads as prose."""
    for para in paragraphs:
        sents = [s for s in split_sentences(strip_dateline(para)) if len(s.split()) >= 6]
        if not sents:
            continue
        out = sents[0]
        if len(sents) > 1 and len(out) + len(sents[1]) < max_chars and max_sentences > 1 and len(out) < 160:
            out += " " + sents[1]
        return out
    return None


def key_points(
    paragraphs: list[str], summary: str | None, weights: dict[int, float], limit: int = 5
) -> list[str]:
    """Three to five sentences that carry the most facts (names, dates, numbers), in article order.

    ``weights`` gives each paragraph number a score from the extractors (how many people,
    organizations, initiatives and dates it holds).
    """
    cands: list[tuple[float, int, int, str]] = []
    for pno, para in enumerate(paragraphs, start=1):
        for k, sent in enumerate(split_sentences(strip_dateline(para))):
            words = sent.split()
            if len(words) < 8 or len(words) > 60 or _is_quote(sent) or (summary and sent in summary):
                continue
            score = weights.get(pno, 0.0) + 0.3 * sum(1 for w in words if w[:1].isdigit())
            score += 0.5 * sum(1 for w in words[1:] if w[:1].isupper()) / max(1, len(words)) * 10
            score -= 0.05 * pno
            cands.append((score, pno, k, sent))
    best = sorted(cands, key=lambda c: -c[0])[:limit]
    return [c[3] for c in sorted(best, key=lambda c: (c[1], c[2]))]
