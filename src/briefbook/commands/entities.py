"""`briefbook entities [--briefings DIR] [--apply FILE_OR_ENTRY]`: list probable duplicates, or fix them."""

from __future__ import annotations

import argparse
import sys

from ..check import check_registry
from ..curation import (
    ApplyError,
    apply_entries,
    find_duplicates,
    format_report,
    load_briefings,
    parse_entries,
)
from ..registry import DEFAULT_PATH, RegistryError
from ..safetext import one_line
from . import add_briefings_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "entities",
        help="list probable duplicate entities; apply registry entries",
        description=(
            "Without --apply: list entities that are probably the same across all briefings "
            "(spelling and romanization variants, an acronym and its expansion, a surname alone, "
            "a leading 'the'/country/possessive), each with a suggested registry entry, as YAML. "
            "With --apply: add or merge the entries into the registry and re-link every briefing "
            "without extracting again."
        ),
    )
    add_briefings_option(p)
    p.add_argument("folder", nargs="?", default=None, help=argparse.SUPPRESS)  # the old spelling: entities DIR
    p.add_argument(
        "--registry", default=DEFAULT_PATH, metavar="FILE", help=f"entity registry (default: {DEFAULT_PATH})"
    )
    p.add_argument(
        "--apply",
        metavar="FILE_OR_ENTRY",
        help="a YAML file of entries (e.g. the saved output of this command) or one inline entry, "
        "e.g. '{name: Kim Sang-bu, kind: person, aliases: [Kim Sangbu]}'",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="with --apply: say what would change, write nothing"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    registry, problems = check_registry(args.registry)
    if problems:
        for problem in problems:
            print(f"briefbook: {problem}", file=sys.stderr)
        return 2
    args.folder = args.folder or args.briefings
    if args.apply:
        return _apply(args)
    briefings, unreadable = load_briefings(args.folder)
    for line in unreadable:
        print(f"warning: {one_line(line)}", file=sys.stderr)
    report = find_duplicates(briefings, registry)
    sys.stdout.write(format_report(report))
    return 0


def _apply(args: argparse.Namespace) -> int:
    try:
        entries = parse_entries(args.apply)
        report = apply_entries(entries, args.folder, args.registry, dry_run=args.dry_run)
    except (ApplyError, RegistryError) as exc:
        print(f"briefbook: {exc}", file=sys.stderr)
        return 2
    would = "would be " if args.dry_run else ""
    for note in report.registry_notes:
        print(("(dry run) " if args.dry_run else "") + one_line(note))
    for path in report.relinked:
        how = " (edited by hand: only the re-linked values changed)" if path in report.hand_edited else ""
        print(f"{would}re-linked {one_line(path)}{how}")
    for line in report.problems:
        print(f"error: {one_line(line)}", file=sys.stderr)
    print(
        f"entities: {len(report.relinked)} briefing{'s' if len(report.relinked) != 1 else ''} {would}re-linked",
        file=sys.stderr,
    )
    return 1 if report.problems else 0
