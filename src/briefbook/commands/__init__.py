"""One module per CLI subcommand; each has ``register(subparsers)`` that sets ``func``."""

from __future__ import annotations

import argparse

BRIEFINGS = "briefings"


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
