"""`briefbook pages --out DIR`: write the site's generated pages as Markdown files.

The same pages the MkDocs plugin builds, for another MkDocs-compatible generator (or for
reading the output): YAML meta (title, search, hide), then the page body as HTML, which
Markdown passes through as it is.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..corpus_files import load_corpus
from ..registry import DEFAULT_PATH, RegistryError
from ..site.export import generate_files
from ..site.pages import PageCollision, generate_pages
from ..store import BriefingError
from . import add_briefings_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pages", help="write the site pages as Markdown files",
                       description="Write every generated site page (briefings, people, organizations, "
                                   "initiatives, topics, timeline, graph, home) and the feed and JSON "
                                   "export into DIR.")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if needed)")
    add_briefings_option(p)
    p.add_argument("--registry", default=DEFAULT_PATH, metavar="FILE",
                   help=f"entity registry (default: {DEFAULT_PATH}; optional)")
    p.add_argument("--site-url", default=None, metavar="URL", help="public address, for absolute feed links")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        corpus = load_corpus(args.briefings, args.registry, roots=[Path.cwd()])
        pages = generate_pages(corpus, docs_pages=())
    except (BriefingError, RegistryError, PageCollision) as exc:
        print(f"briefbook pages: {exc}", file=sys.stderr)
        return 1
    out = Path(args.out)
    files = {uri: page.source() for uri, page in pages.items()}
    files.update(generate_files(corpus, site_url=args.site_url))
    made: set[Path] = set()
    for uri, text in files.items():
        path = out / uri
        if path.parent not in made:  # plain writes: generated output, thousands of files
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {len(files)} files for {len(corpus.briefings)} briefings to {out}")
    return 0
