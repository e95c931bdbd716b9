"""`briefbook ingest [PATH ...] [--out DIR]`: articles in, briefings out."""

from __future__ import annotations

import argparse
import os
import sys

from .. import budgets
from ..pipeline import LockTimeout, Outcome, ingest
from ..registry import DEFAULT_PATH, RegistryError, load_registry


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="turn articles into briefings",
        description="Turn each article (.txt, .html, .md) into a briefing in DIR.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        default=["seeds"],
        metavar="PATH",
        help="article files or folders (default: seeds/)",
    )
    p.add_argument(
        "--out", default="briefings", metavar="DIR", help="where briefings go (default: briefings/)"
    )
    p.add_argument(
        "--force", action="store_true", help="regenerate briefings even when they were edited by hand"
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0 = one per core)",
    )
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--registry",
        default=DEFAULT_PATH,
        metavar="FILE",
        help=f"curated entity registry (default: {DEFAULT_PATH} when it exists)",
    )
    group.add_argument(
        "--no-registry", action="store_true", help="ignore the registry (measure extraction alone)"
    )
    p.add_argument(
        "--time-limit",
        type=float,
        default=budgets.ARTICLE_SECONDS,
        metavar="SECONDS",
        help=f"give up on an article after this long and report it as failed (default {budgets.ARTICLE_SECONDS:g}; "
        "0 = no limit)",
    )
    p.add_argument(
        "--lock-wait",
        type=float,
        default=budgets.LOCK_WAIT_SECONDS,
        metavar="SECONDS",
        help="wait this long for another ingest on the same folder, then give up "
        f"(default {budgets.LOCK_WAIT_SECONDS:g})",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="print only problems and the summary line")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        registry = load_registry(None if args.no_registry else args.registry)
    except RegistryError as exc:
        print(f"briefbook: {exc}", file=sys.stderr)
        return 2
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    tty = sys.stderr.isatty()
    cr = "\r\033[K" if tty else ""

    def progress(done: int, total: int, outcome: Outcome) -> None:
        if outcome.status in ("failed", "skipped") and outcome.message:
            label = "error" if outcome.status == "failed" else "skipped"
            print(f"{cr}{label}: {outcome.message}", file=sys.stderr)
        elif outcome.message:  # e.g. the same story from another outlet, merged as another source
            print(f"{cr}note: {outcome.message}", file=sys.stderr)
        if args.quiet or total < 2:
            return
        if tty:
            print(
                f"{cr}[{done}/{total}] {outcome.status:<9} {outcome.path[-60:]}",
                end="",
                file=sys.stderr,
                flush=True,
            )
        elif total >= 100 and (done % 100 == 0 or done == total):
            print(f"[{done}/{total}]", file=sys.stderr)

    try:
        report = ingest(args.paths, args.out, registry=registry, force=args.force, jobs=jobs, progress=progress,
                        seconds=args.time_limit or None, lock_wait=args.lock_wait)
    except LockTimeout as exc:
        print(f"{cr}briefbook: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the output folder cannot be made or locked (read-only, full, missing)
        print(f"{cr}briefbook: {exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if tty and not args.quiet:
        print(cr, end="", file=sys.stderr)
    print(report.summary())
    return 1 if report.count("failed") else 0
