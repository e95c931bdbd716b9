"""`briefbook review [--briefings DIR]`: the doubts a person should settle, one line each.

The same flags the site's "Needs review" page lists (``briefbook.review``): the fact the site
shows that may be wrong, the reason, and the paragraph to read, newest briefing first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..corpus_files import load_corpus
from ..registry import DEFAULT_PATH, RegistryError
from ..store import BriefingError, briefing_files, slug_of
from . import add_briefings_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="list the briefings' facts in doubt, one line each",
                       description="List every doubt about a fact the site shows (a date, a place, a quote's "
                                   "speaker, ...), as 'file: paragraph N: fact: reason', newest briefing first, "
                                   "and how many briefings carry one.")
    add_briefings_option(p)
    p.add_argument("--registry", default=DEFAULT_PATH, metavar="FILE",
                   help=f"entity registry (default: {DEFAULT_PATH}; optional)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    roots = [Path.cwd()]
    try:
        corpus = load_corpus(args.briefings, args.registry, roots=roots)
    except (BriefingError, RegistryError) as exc:
        print(f"briefbook review: {exc}", file=sys.stderr)
        return 1
    files = {slug_of(path): path for path in briefing_files(args.briefings, roots)}
    flagged = corpus.needs_review()
    for entry in flagged:
        where = files.get(entry.slug, Path(args.briefings) / f"{entry.slug}.md")
        for flag in entry.flags:
            at = f" paragraph {flag.paragraph}:" if flag.paragraph else ""
            print(f"{where}:{at} {flag.fact}: {flag.reason}")
    total = len(corpus.briefings)
    share = f" ({100 * len(flagged) / total:.0f} %)" if total else ""
    print(f"review: {len(flagged)} of {total} briefings flagged{share}", file=sys.stderr)
    return 0
