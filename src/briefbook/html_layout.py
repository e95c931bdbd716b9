"""Undo page layout that misleads the extractor, before trafilatura reads a saved page.

Two shapes, both common on older and magazine sites:

- **Layout tables.** A page laid out with ``<table>`` carries its whole article in one cell;
  trafilatura then renders it as one table row, every paragraph run together behind "| |"
  (a summary that began "| | Headline by Author Monday…"). A table of one row, or whose cells
  hold headings, several paragraphs or other tables, is layout, not data, and becomes plain
  blocks. Data tables (standings, tickers, stats) stay tables.
- **Pull quotes.** A sentence of the article printed again in large type beside it. It is a copy,
  so it goes: kept, it would be a second paragraph for the same quote, and a summary or key point
  could be drawn from it. The class names that mark one are data (``data/lexicon/en/furniture_classes.yml``).

Only pages that have one of these are re-written; every other page reaches trafilatura byte for byte.
"""

from __future__ import annotations

import re

from .lexicon import words

# A page without one of these reaches trafilatura unparsed and unchanged.
_TABLE = re.compile(r"<table\b", re.I)
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "ul", "ol")
_LAYOUT_CELL_CHARS = 600  # a data cell is a number, a name, a line; a layout cell holds the article
_TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"}


def unlayout(html: str) -> str:
    """``html`` with layout tables made into blocks and pull quotes removed; unchanged if it has neither."""
    marks = _pull_quote_marks()
    low = html.lower()
    if not _TABLE.search(html) and not any(m in low for m in marks):
        return html
    try:
        from lxml import etree
        from lxml import html as lxml_html

        root = lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError, etree.XMLSyntaxError):
        return html  # trafilatura reports what it cannot read
    changed = _drop_pull_quotes(root, marks)
    changed |= _unwrap_layout_tables(root)
    if not changed:
        return html
    return lxml_html.tostring(root, encoding="unicode")


def _pull_quote_marks() -> tuple[str, ...]:
    return tuple(sorted(words("furniture_classes")))


def _classes(el) -> list[str]:
    return (el.get("class") or "").lower().split()


def _drop_pull_quotes(root, marks: tuple[str, ...]) -> bool:
    gone = [el for el in root.iter("*") if isinstance(el.tag, str)
            and any(c.startswith(m) for c in _classes(el) for m in marks)]
    for el in gone:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the text that follows it (its tail)
    return bool(gone)


def _unwrap_layout_tables(root) -> bool:
    changed = False
    for table in list(root.iter("table")):
        if _is_layout(table):
            for part in [table, *(el for el in table.iter("*") if _in_table(el, table))]:
                part.tag = "div"
                for name in ("width", "height", "align", "valign", "cellpadding", "cellspacing", "border"):
                    part.attrib.pop(name, None)
            changed = True
    return changed


def _in_table(el, table) -> bool:
    """``el`` is a row, cell or section of ``table`` itself, not of a table nested in it."""
    if el.tag not in _TABLE_PARTS or el is table:
        return False
    up = el.getparent()
    while up is not None and up is not table:
        if up.tag == "table":
            return False
        up = up.getparent()
    return True


def _is_layout(table) -> bool:
    cells = list(table.iter("td", "th"))
    if len(cells) == 1 or sum(1 for _ in table.iter("tr")) == 1:
        return True  # a box around a caption, or a row of boxes: data has rows to compare
    for cell in cells:
        if any(el.tag in _BLOCKS for el in cell.iter("*") if el is not cell):
            return True
        if sum(1 for el in cell.iter("p")) >= 2:
            return True
        if len(cell.text_content()) > _LAYOUT_CELL_CHARS:
            return True
    return False
