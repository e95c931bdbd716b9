"""One module per CLI subcommand; each has ``register(subparsers)`` that sets ``func``."""

from __future__ import annotations

import argparse
import sys

from ..registry import Registry, RegistryError, load_registry

BRIEFINGS = "briefings"


def registry_of(args: argparse.Namespace) -> Registry | None:
    """The registry ``--registry``/``--no-registry`` name, or None after one line saying why it
    cannot be read (the command then exits with status 2)."""
    try:
        return load_registry(None if args.no_registry else args.registry)
    except RegistryError as exc:
        print(f"briefbook: {exc}", file=sys.stderr)
        return None


def add_briefings_option(
    parser: argparse.ArgumentParser, *old: str, default: str | None = BRIEFINGS, help: str | None = None
) -> None:
    """``--briefings DIR``: the one name every command gives the briefings folder.

    ``old``: spellings a command used before (``--out``), still accepted so that scripts keep
    working, and left out of ``--help``: there ``--out`` is only `pages`'s output folder."""
    parser.add_argument(
        "--briefings",
        dest="briefings",
        default=default,
        metavar="DIR",
        help=help or f"folder of briefing files (default: {BRIEFINGS}/)",
    )
    if old:
        parser.add_argument(*old, dest="briefings", default=argparse.SUPPRESS, metavar="DIR", help=argparse.SUPPRESS)
