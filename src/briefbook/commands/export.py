"""`briefbook export sqlite DB [--briefings DIR]`: the corpus as a SQLite database for Datasette."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from ..registry import DEFAULT_PATH, RegistryError
from ..store import BriefingError
from . import add_briefings_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="write the corpus as a SQLite database (for Datasette)",
        description="Write the corpus (briefings, people, organizations, initiatives, quotes, events and "
        "their links) as one SQLite database with full-text search, and a metadata file for Datasette.",
    )
    p.add_argument("format", choices=["sqlite"], help="the only format so far: sqlite")
    p.add_argument("db", metavar="DB", help="the database file to write (replaced if it exists)")
    add_briefings_option(p)
    p.add_argument("--registry", default=DEFAULT_PATH, metavar="FILE",
                   help=f"curated entity registry (default: {DEFAULT_PATH} when it exists)")
    p.add_argument("--metadata", metavar="FILE",
                   help="Datasette's metadata file to write (default: DB's name with .metadata.json)")
    p.set_defaults(func=run)


def metadata_path(db: Path) -> Path:
    return db.with_name(db.stem + ".metadata.json")


def run(args: argparse.Namespace) -> int:
    from ..corpus_files import load_corpus
    from ..sqlite_export import datasette_metadata, export_sqlite

    db = Path(args.db)
    if db.is_dir():
        print(f"briefbook: {db}: is a folder; give the database file to write", file=sys.stderr)
        return 2
    briefings = Path(args.briefings)
    if not briefings.is_dir():
        print(f"briefbook: {briefings}: no such folder of briefings", file=sys.stderr)
        return 2
    try:
        corpus = load_corpus(briefings, args.registry, roots=[Path.cwd()])
    except (BriefingError, RegistryError) as exc:
        print(f"briefbook: {exc}", file=sys.stderr)
        return 2
    meta = Path(args.metadata) if args.metadata else metadata_path(db)
    try:
        counts = export_sqlite(corpus, db)
        meta.write_text(json.dumps(datasette_metadata(db.stem), indent=2) + "\n", encoding="utf-8")
    except (OSError, sqlite3.Error) as exc:
        print(f"briefbook: {db}: could not be written ({getattr(exc, 'strerror', None) or exc})", file=sys.stderr)
        return 2
    shown = ", ".join(f"{counts[t]} {t}" for t in ("briefings", "people", "organizations", "initiatives",
                                                    "quotes", "events"))
    print(f"export: {db} ({shown}); open it with `datasette {db} -m {meta}`")
    return 0
