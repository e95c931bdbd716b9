"""Any article read from disk to a ``CleanArticle``: the one place that picks the cleaner by kind.

It sits above both cleaners (`text_cleaner` for text and Markdown, `html_reader` for saved pages,
which runs the text rules over trafilatura's paragraphs), so neither imports the other back.
"""

from __future__ import annotations

from .html_reader import read_html
from .reading import RawArticle
from .text_cleaner import CleanArticle, clean_markdown, clean_text


def clean(raw: RawArticle) -> CleanArticle:
    """Clean an article read from disk, whatever its kind."""
    if raw.kind == "html":
        return read_html(raw.text)
    if raw.kind == "markdown":
        return clean_markdown(raw.text)
    return clean_text(raw.text)
