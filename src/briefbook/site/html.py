"""The pieces every generated page is built with: the page itself, and small HTML helpers.

`pages` and `graph` both write pages with these; they live here so that neither imports the other's
private parts (and the two modules do not import each other).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .text import h


@dataclass(frozen=True)
class SitePage:
    """One generated page: everything MkDocs and Material need, with the body already HTML."""

    title: str  # plain text; escaped where it is written
    body: str  # HTML, starting with the page's <h1>
    toc: tuple[tuple[str, str], ...] = ()  # (anchor, heading) of each section, in order
    boost: float | None = None  # search weight of the title
    searchable: bool = True
    hide: tuple[str, ...] = ()  # Material's `hide` (navigation, toc)

    @property
    def meta(self) -> dict[str, Any]:
        """Page meta as MkDocs reads it from YAML: Material prints the title as it is, so escaped."""
        meta: dict[str, Any] = {"title": h(self.title)}
        if not self.searchable:
            meta["search"] = {"exclude": True}
        elif self.boost:
            meta["search"] = {"boost": self.boost}
        # no left column: the tabs are the navigation, and a generated page has no place in the nav
        meta["hide"] = ["navigation", *(x for x in self.hide if x != "navigation")]
        return meta

    def source(self) -> str:
        """The page as a Markdown file: YAML meta, then the HTML body (Markdown passes it through).

        The meta is written from :attr:`meta` (scalars as JSON, which is YAML), so the file and
        the plugin never disagree about a page's settings.
        """
        lines = ["---"]
        for key, value in self.meta.items():
            if isinstance(value, dict):
                lines += [f"{key}:", *(f"  {k}: {json.dumps(v)}" for k, v in value.items())]
            elif isinstance(value, list):
                lines.append(f"{key}: [" + ", ".join(value) + "]")
            else:
                lines.append(f"{key}: {json.dumps(value)}")
        return "\n".join([*lines, "---", "", self.body])


class PageWriter:
    """Collects a page's HTML and its table of contents while the generator writes it."""

    def __init__(self, title: str, heading: str | None = None) -> None:
        self.title = title
        self.parts: list[str] = [f'<h1 id="top">{h(heading if heading is not None else title)}</h1>']
        self.toc: list[tuple[str, str]] = []

    def add(self, *html: str) -> None:
        self.parts.extend(x for x in html if x)

    def section(self, title: str, *html: str, anchor: str | None = None, searchable: bool = True) -> None:
        """A titled section. Unsearchable ones (lists that repeat other pages) are marked whole."""
        anchor = anchor or _anchor(title)
        self.toc.append((anchor, title))
        heading = f'<h2 id="{h(anchor)}">{h(title)}</h2>'
        if searchable:
            self.add(heading, *html)
        else:
            self.add('<div class="bb-section" data-search-exclude>', heading, *html, "</div>")

    def done(self, *, boost: float | None = None, searchable: bool = True,
             hide: tuple[str, ...] = ()) -> SitePage:
        return SitePage(self.title, "\n".join(self.parts) + "\n", tuple(self.toc), boost, searchable, hide)


def _anchor(title: str) -> str:
    """The id Python-Markdown's toc would give a heading of plain words ("Key points" -> key-points)."""
    return "-".join("".join(c for c in title.lower() if c.isalnum() or c in " -").split())


def p(html: str, cls: str | None = None) -> str:
    return f'<p class="{cls}">{html}</p>' if cls else f"<p>{html}</p>"


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A table (cells are HTML already) with a thead and a tbody, as the sorting script expects."""
    head = "".join(f"<th>{c}</th>" for c in header)
    body = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"
