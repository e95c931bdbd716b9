"""Turning article data into inert HTML.

Everything a briefing holds (titles, names, quotes, paragraphs) is data written by someone
else. Before it goes into a generated page it passes through :func:`h`, which collapses it to
one line and escapes it for HTML text and attribute values, braces included (a template engine
such as a macros plugin must not see ``{{`` or ``{%``), so nothing in the data can become a tag,
an attribute, a link or a template. Outside links go through :func:`safe_url` first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

# control characters out (Python-Markdown, on hand-written pages, uses \x02 and \x03 as markers), and
# the direction embeddings, overrides and isolates (U+202E shows "evil\u202etxt.md" as "evildm.txt")
_CONTROLS: dict[int, None] = {c: None for c in [*range(0, 32), 127, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


# Anything that needs more than escaping: a control character, whitespace other than single
# spaces between words (a page has hundreds of thousands of values; most need none of it).
_UNTIDY = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]|\s\s|[^\S ]|^\s|\s$")
_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#x27;",
            ord("{"): "&#123;", ord("}"): "&#125;"}
_SPECIAL = re.compile(r"[&<>\"'{}]")


def h(value: object) -> str:
    """Data as HTML text or attribute value, on one line (for raw HTML blocks and page meta).

    Braces are escaped too: a template engine (a macros plugin, say) must not see {{ or {%.
    """
    if value is None:
        return ""
    text = str(value)
    return _short(text) if len(text) <= SHORT else _escaped(text)


SHORT = 160  # names, addresses, dates: written again on thousands of pages, escaped once


@lru_cache(maxsize=1 << 16)
def _short(text: str) -> str:
    return _escaped(text)


def _escaped(text: str) -> str:
    if _UNTIDY.search(text):
        text = " ".join(text.split()).translate(_CONTROLS)
    return text.translate(_ESCAPES) if _SPECIAL.search(text) else text


def safe_url(url: str | None) -> str | None:
    """An outside link that can be written into a page, or None when it is not plain http(s).

    ``javascript:``, ``data:`` and anything else without an http(s) scheme and a host is dropped;
    characters that could end the attribute or start markup are percent-encoded.
    """
    if not url:
        return None
    url = "".join(str(url).split())
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe="/:?=&#%~.-_,;+@!$")


def external_a(label_html: str, url: str | None) -> str:
    """A link to an outside page that tells the browser not to pass on anything (plain text if unsafe)."""
    target = safe_url(url)
    if target is None:
        return label_html
    return f'<a href="{h(target)}" rel="nofollow noopener noreferrer">{label_html}</a>'
