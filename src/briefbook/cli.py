"""The ``briefbook`` command line: thin wrappers that parse arguments and call the package.

Each subcommand lives in its own module under ``briefbook.commands`` and exposes
``register(subparsers)``; the module's ``run(args) -> int`` does the work.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .safetext import one_line

# Subcommand modules, in the order `briefbook --help` lists them.
COMMANDS = ("ingest", "fetch", "clean", "check", "diff", "entities", "review", "pages", "export")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefbook",
        description="Turn news articles into cross-linked briefings and a static site.",
    )
    parser.add_argument("--version", action="version", version=f"briefbook {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"briefbook.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"briefbook.commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("briefbook: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a full disk, a folder where a file goes, a refused link: one line, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(one_line(f"briefbook: {where}{exc.strerror or exc}"), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
