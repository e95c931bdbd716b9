"""Turning article data into inert HTML.

Everything a briefing holds (titles, names, quotes, paragraphs) is data written by someone
else. Before it goes into a generated page it passes through :func:`h`, which collapses it to
one line and escapes it for HTML text and attribute values, braces included (a template engine
such as a macros plugin must not see ``{{`` or ``{%``), so nothing in the data can become a tag,
an attribute, a link or a template. Outside links go through :func:`safe_url` first.
"""

from __future__ import annotations

import html
from urllib.parse import quote, urlsplit

# control characters out (Python-Markdown, on hand-written pages, uses \x02 and \x03 as markers)
_CONTROLS: dict[int, None] = {c: None for c in [*range(0, 32), 127]}


def h(value: object) -> str:
    """Data as HTML text or attribute value, on one line (for raw HTML blocks and page meta)."""
    if value is None:
        return ""
    escaped = html.escape(" ".join(str(value).split()).translate(_CONTROLS), quote=True)
    # braces too: a template engine (a macros plugin, say) must not see {{ or {% in data
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


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
