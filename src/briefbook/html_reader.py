"""Read a saved news page (HTML) into a ``CleanArticle`` with trafilatura, offline.

trafilatura finds the main text and the page metadata (headline, date, author, site name);
the plain-text cleaner then runs its furniture rules over the extracted paragraphs, because
bylines, captions and "Also Read" teasers often sit inside the article container itself.
Only text comes out: scripts, styles, frames, forms and event handlers never reach a paragraph.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from .dates import is_calendar_word, month_number
from .html_layout import unlayout
from .html_meta import PageMeta, headline, outlet, printed_date, read_meta
from .text_cleaner import CleanArticle, Removal, agency_name, byline_names, clean_text, is_heading

# Measured on the article-extraction benchmark (evaluation/cleaning_bench.py, shingle F1):
# balanced 0.964, favor_precision 0.966 (recall 0.968), favor_recall 0.964. favor_precision
# sometimes drops most of a short article, so when it keeps less than half of what the balanced
# extraction keeps, the balanced one is used: 0.969, recall 0.974.
_FALLBACK_SHARE = 0.5
_HEADLINE_AGAIN = 5  # paragraphs at the top where the headline may be printed again
_ACTIVE = re.compile(r"<(script|style|noscript|iframe|object|embed|template|svg)\b", re.I)

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def read_html(html: str, url: str | None = None) -> CleanArticle:
    """Extract the article of an HTML page: paragraphs plus title, date, authors, outlet, url."""
    # Dropping active content first keeps its text out of every fallback extractor too.
    safe = unlayout(strip_active(html))
    doc = _extract(safe, url, precise=True)
    balanced = _extract(safe, url, precise=False)
    if balanced is not None and (doc is None or len(doc.text or "") < _FALLBACK_SHARE * len(balanced.text or "")):
        doc = balanced
    if doc is None:
        nothing = Removal("(whole page)", "no article text found")
        return CleanArticle(paragraphs=[], url=url, removed=[nothing])
    text = doc.text or ""
    art = clean_text(text, find_body=False)
    meta = _page_meta(safe, html, url or doc.url)
    title = headline(meta, doc.title, [doc.sitename] if doc.sitename else [])
    if title:
        art.title, art.title_from_lead = _tidy(title), False
        # the headline printed again as the first paragraph, or under a standfirst or a caption
        again = [i for i, p in enumerate(art.paragraphs[:_HEADLINE_AGAIN]) if _fold(p) == _fold(art.title)]
        above = _boxes_above(art.paragraphs, again[0]) if again else 0
        for i in reversed(again):
            art.removed.insert(0, Removal(art.paragraphs.pop(i), "headline"))
        art.removed[0:0] = [Removal(p, "above the headline") for p in art.paragraphs[:above]]
        del art.paragraphs[:above]
        again = [i - above for i in again]
        if again and again[0] == 0:
            art = _redo_dateline(art)
    art.date = _publication_date(doc.date, meta, printed_date(meta, title), art.date)
    if doc.author:
        _add_authors(art, doc.author)
    name = outlet(meta, doc.sitename)
    art.outlet = art.outlet or (_tidy(name) if name else None)
    art.url = url or doc.url
    return art


def _page_meta(safe: str, raw: str, url: str | None) -> PageMeta:
    from lxml import etree
    from lxml import html as lxml_html

    try:  # an XHTML page's "<?xml ... encoding=...?>" stops lxml from reading text already decoded
        root = lxml_html.document_fromstring(_XML_DECLARATION.sub("", safe, count=1))
    except (ValueError, etree.ParserError, etree.XMLSyntaxError):
        return PageMeta()
    return read_meta(root, raw, url)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


_PRINTED_GAP = 2  # days: metadata in UTC, a page's "today" or a late update move it by a day or two


def _publication_date(found: str | None, meta: PageMeta, printed: str | None, in_text: str | None) -> str | None:
    """The page's own metadata (JSON-LD's datePublished in the outlet's time zone, else what trafilatura
    found, which reads the page without its scripts, else the JSON-LD's stamp in UTC) beats dates
    read from the text; but the date printed under the headline is what a reader sees, and wins
    when it is at most two days from the metadata."""
    if not (found and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found)):
        found = None
    base = found or meta.ld_date
    if meta.ld_date and found and meta.ld_date != found and not meta.ld_in_utc:
        base = meta.ld_date  # the publisher's own stamp in its own time zone beats a date found elsewhere
    if base is None:
        return in_text or printed
    if printed and printed != base:
        gap = dt.date.fromisoformat(printed) - dt.date.fromisoformat(base)
        if abs(gap.days) <= _PRINTED_GAP:
            return printed
    return base


def strip_active(html: str) -> str:
    """Drop scripts, styles, frames and embeds with their content, in one pass. An element left
    open swallows the rest of the page, as it does in a browser."""
    low = html.lower()
    out: list[str] = []
    pos = 0
    while True:
        m = _ACTIVE.search(html, pos)
        if not m:
            break
        out.append(html[pos : m.start()])
        close = low.find(f"</{m[1].lower()}", m.end())
        if close == -1:
            pos = len(html)
            break
        gt = low.find(">", close)
        pos = len(html) if gt == -1 else gt + 1
        out.append(" ")
    out.append(html[pos:])
    return "".join(out)


def _extract(html: str, url: str | None, precise: bool):  # -> trafilatura Document | None
    from trafilatura import bare_extraction

    if not html.strip():
        return None
    try:
        return bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_precision=precise,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError):  # malformed markup deep inside lxml
        return None


def _add_authors(art: CleanArticle, raw: str) -> None:
    """Page author metadata ("Jane Doe; Ap Auto Writer; Reuters"): people to authors, wires to agencies."""
    for part in re.split(r"\s*;\s*", raw):
        for name in byline_names(_without_split_date(part)):
            # "Ap Auto Writer": a wire's staff title, not a person
            staff = re.search(r"\b(?:writer|reporter|correspondent|editor)s?\b", part, re.I)
            wire = agency_name(name) or (agency_name(name.split()[0]) if staff else None)
            if wire:
                if wire not in art.agencies:
                    art.agencies.append(wire)
            elif name not in art.authors:
                art.authors.append(name)


def _without_split_date(part: str) -> str:
    """"Jane Roe Monday" and "November" from a byline "Jane Roe, Monday, November 18, 2019" that the
    metadata split at its commas: the date's words go. A month alone after a name stays, being
    also a name ("Theresa May"); a weekday never is."""
    words = part.split()
    if all(is_calendar_word(w) for w in words):
        return ""
    k = len(words)
    while k and is_calendar_word(words[k - 1]):
        k -= 1
    if any(is_calendar_word(w) and month_number(w) is None for w in words[k:]):  # a weekday among them
        words = words[:k]
    return " ".join(words)


def _boxes_above(paragraphs: list[str], at: int) -> int:
    """How many paragraphs above the page's headline are other boxes of the page (a guide's
    teaser, a banner's "16\" MacBook Pro Now Available"): all of them, when the line right above
    the headline is a heading, not a sentence; a lead printed above a video's headline ends in
    one and stays."""
    return at if at and is_heading(paragraphs[at - 1]) else 0


def _fold(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().casefold()


def _redo_dateline(art: CleanArticle) -> CleanArticle:
    """Re-read the dateline once the repeated headline is gone from the top."""
    if art.location or not art.paragraphs:
        return art
    again = clean_text("\n\n".join(art.paragraphs[:1]), find_body=False)
    art.location = again.location
    for a in again.agencies:
        if a not in art.agencies:
            art.agencies.append(a)
    return art


def _tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
