"""Turning article data into inert Markdown and HTML.

Everything a briefing holds (titles, names, quotes, paragraphs) is data written by someone
else. Before it goes into a generated page it passes through :func:`md`, which collapses it to
one line and writes every character that means something to Markdown, to an HTML parser, to a
Markdown extension or to a template engine (``{{``, ``{%``) as a numeric character reference.
Python-Markdown passes those references through untouched, so the browser shows the original
characters and nothing in the data can become a tag, an attribute, a link or emphasis.
"""

from __future__ import annotations

import html
from urllib.parse import quote, urlsplit

# ASCII characters kept as they are: letters, digits, space and punctuation that has no meaning
# for Markdown, its common extensions, HTML or Jinja in the middle of a line. Data never starts a
# line in generated pages (it always follows a list marker, a link, `# ` or `| `).
_KEEP = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;?/%@'\"-")
_TABLE: dict[int, str | None] = {c: f"&#{c};" for c in range(33, 127) if chr(c) not in _KEEP}
_TABLE.update({c: None for c in range(0, 32)})  # controls (whitespace is collapsed before)
_TABLE[127] = None
# controls out of raw HTML too: Python-Markdown marks its placeholders with \x02 and \x03
_CONTROLS: dict[int, None] = {c: None for c in [*range(0, 32), 127]}


def md(value: object) -> str:
    """Data as inert Markdown text on one line (empty for None)."""
    if value is None:
        return ""
    return " ".join(str(value).split()).translate(_TABLE)


def h(value: object) -> str:
    """Data as HTML text or attribute value, on one line (for raw HTML blocks and page meta)."""
    if value is None:
        return ""
    escaped = html.escape(" ".join(str(value).split()).translate(_CONTROLS), quote=True)
    # braces too: a template engine (a macros plugin, say) must not see {{ or {% in data
    return escaped.replace("{", "&#123;").replace("}", "&#125;")


def safe_url(url: str | None) -> str | None:
    """An outside link that can be written into Markdown, or None when it is not plain http(s).

    ``javascript:``, ``data:`` and anything else without an http(s) scheme and a host is dropped;
    characters that could end the Markdown link or start markup are percent-encoded.
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


def external_link(label_md: str, url: str | None) -> str:
    """A Markdown link to an outside page that tells the browser not to pass on anything."""
    target = safe_url(url)
    if target is None:
        return label_md
    return f'[{label_md}]({target}){{: rel="nofollow noopener noreferrer" }}'
