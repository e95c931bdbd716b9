"""`briefbook ingest [PATH ...] [--briefings DIR]`: articles in, briefings out."""

from __future__ import annotations

import argparse
import os
import sys

from .. import budgets, caches
from ..executors import ExecutorError
from ..pipeline import LockTimeout, Outcome, ingest
from ..registry import DEFAULT_PATH
from ..safetext import one_line
from . import add_briefings_option, registry_of


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
    add_briefings_option(p, "--out", help="where briefings go (default: briefings/)")
    p.add_argument(
        "--force", action="store_true", help="regenerate briefings even when they were edited by hand"
    )
    p.add_argument(
        "--keep-edits", action="store_true",
        help="when the article of a briefing you edited by hand changed: take the new extraction for the fields "
        "you did not edit, keep your edits (`briefbook diff BRIEFING` shows the new extraction first)",
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0 = one per core)",
    )
    p.add_argument(
        "--executor",
        metavar="dask://HOST:PORT",
        help="extract on a Dask cluster in place of --jobs local processes: this machine reads the articles and "
        "writes the briefings, the workers extract them (the same briefings as a local run); needs `pip install 'briefbook[dask]'` "
        "here and on the workers",
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
        "--no-cache", action="store_true",
        help="ignore and do not write the ingest cache in ~/.cache/briefbook (briefings found up to date after a "
        "code change)",
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
    talk = p.add_mutually_exclusive_group()
    talk.add_argument("--quiet", "-q", action="store_true", help="print only problems and the summary line")
    talk.add_argument(
        "--verbose", "-v", action="store_true", help="also list each briefing left alone because it was edited by hand"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    registry = registry_of(args)
    if registry is None:
        return 2
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    tty = sys.stderr.isatty()
    cr = "\r\033[K" if tty else ""

    edited_by_hand = 0

    def progress(done: int, total: int, outcome: Outcome) -> None:
        nonlocal edited_by_hand
        if outcome.routine and not args.verbose:
            edited_by_hand += 1  # in a curated corpus most briefings are: one line at the end
        elif outcome.status in ("failed", "skipped") and outcome.message:
            label = "error" if outcome.status == "failed" else "skipped"
            print(f"{cr}{label}: {one_line(outcome.message)}", file=sys.stderr)
        elif outcome.message:  # e.g. the same story from another outlet, merged as another source
            print(f"{cr}note: {one_line(outcome.message)}", file=sys.stderr)
        if args.quiet or total < 2:
            return
        if tty:
            print(
                f"{cr}[{done}/{total}] {outcome.status:<9} {one_line(outcome.path[-60:])}",
                end="",
                file=sys.stderr,
                flush=True,
            )
        elif total >= 100 and (done % 100 == 0 or done == total):
            print(f"[{done}/{total}]", file=sys.stderr)

    try:
        report = ingest(args.paths, args.briefings, registry=registry, force=args.force, jobs=jobs,
                        progress=progress, cache=None if args.no_cache else caches.project_cache_file("ingest"),
                        seconds=args.time_limit or None, lock_wait=args.lock_wait,
                        keep_edits=args.keep_edits, executor=args.executor)
    except (LockTimeout, ExecutorError) as exc:
        print(f"{cr}briefbook: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the output folder cannot be made or locked (read-only, full, missing)
        print(f"{cr}briefbook: {one_line(exc.filename or args.briefings)}: {one_line(exc.strerror or exc)}",
              file=sys.stderr)
        return 2
    if tty and not args.quiet:
        print(cr, end="", file=sys.stderr)
    if edited_by_hand and not args.quiet:
        print(f"note: {edited_by_hand_line(edited_by_hand)}", file=sys.stderr)
    print(report.summary())
    return 1 if report.count("failed") else 0


def edited_by_hand_line(n: int) -> str:
    """The one line that stands for every briefing skipped because a person edited it."""
    these = "1 briefing was" if n == 1 else f"{n} briefings were"
    return (
        f"{these} edited by hand and left as {'it is' if n == 1 else 'they are'} "
        "(--verbose lists them; `briefbook ingest FILE --force` regenerates one and loses its edits)"
    )
