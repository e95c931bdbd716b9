"""`briefbook clean PATH ... [--json] [--show-removed]`: what the cleaner keeps of each article.

A contributor's check before ingesting: the headline, date, dateline and agencies the cleaner
found, the paragraphs it keeps, and what it cut with the reason, so a wrongly cut sentence is
easy to spot. Bad files get one ``path: problem`` line on stderr; the others are still cleaned.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ..clean import clean
from ..reading import KINDS, InputError, read_article
from ..text_cleaner import CleanArticle


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clean",
        help="show what the cleaner keeps of articles",
        description="Clean each article (.txt, .html, .md) and print its text, metadata and removals.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("--json", action="store_true", help="print one JSON object mapping each path to its result")
    p.add_argument(
        "--show-removed", action="store_true", help="list every removed piece in full (default: a summary)"
    )
    p.set_defaults(func=run)


def expand(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files to clean (folders give their article files, sorted) and the problems found."""
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in KINDS)
            if not found:
                problems.append(f"{p}: no article files (.txt, .html, .htm, .md) in this folder")
            files.extend(found)
        else:
            files.append(p)
    return files, problems


def as_dict(art: CleanArticle) -> dict[str, Any]:
    """The JSON shape of a cleaned article."""
    return {
        "title": art.title,
        "date": art.date,
        "location": art.location,
        "agencies": art.agencies,
        "authors": art.authors,
        "url": art.url,
        "outlet": art.outlet,
        "paragraphs": art.paragraphs,
        "text": art.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in art.removed],
    }


def render(path: Path, art: CleanArticle, show_removed: bool = False) -> str:
    """A readable report: header with the metadata, the paragraphs, then the removals."""
    title = art.title or "-"
    if art.title_from_lead:
        title += "  (from the lead)"
    lines = [f"== {path}", f"title:     {title}"]
    lines.append(f"date:      {art.date or '-'}")
    lines.append(f"location:  {art.location or '-'}")
    lines.append(f"agencies:  {', '.join(art.agencies) or '-'}")
    if art.authors:
        lines.append(f"authors:   {', '.join(art.authors)}")
    if art.outlet:
        lines.append(f"outlet:    {art.outlet}")
    lines.append("")
    for n, para in enumerate(art.paragraphs, 1):
        lines.append(f"[{n}] {para}")
    if not art.paragraphs:
        lines.append("(no article text kept)")
    if art.removed:
        lines.append("")
        if show_removed:
            lines.append(f"removed ({len(art.removed)}):")
            for r in art.removed:
                lines.append(f"  - {r.reason}: {r.text}")
        else:
            counts = Counter(r.reason for r in art.removed)
            summary = ", ".join(f"{reason} {n}" for reason, n in counts.most_common())
            lines.append(f"removed {len(art.removed)} pieces ({summary}); --show-removed lists them")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    files, problems = expand(args.paths)
    for message in problems:
        print(message, file=sys.stderr)
    failed = bool(problems)
    results: dict[str, Any] = {}
    first = True
    for path in files:
        try:
            art = clean(read_article(path))
        except InputError as exc:
            print(str(exc), file=sys.stderr)
            failed = True
            continue
        if args.json:
            results[str(path)] = as_dict(art)
        else:
            if not first:
                print()
            print(render(path, art, args.show_removed))
            first = False
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return 1 if failed else 0
