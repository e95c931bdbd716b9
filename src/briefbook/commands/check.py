"""`briefbook check [--briefings DIR] [PATH ...] [--registry FILE]`: one line per problem, non-zero exit when any."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..check import check, default_cache_file
from ..registry import DEFAULT_PATH
from . import BRIEFINGS, add_briefings_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="validate briefings and the registry",
        description=(
            "Validate every briefing under PATH against the schema and the corpus (ids that resolve, "
            "real dates, paragraphs that exist, duplicate stories) and the registry. Prints one "
            "'path:line: message' per problem and exits with status 1 when there is any."
        ),
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="briefing files or folders (default: briefings/)",
    )
    add_briefings_option(p, default=None, help="the briefings folder (the same as giving it as a PATH)")
    p.add_argument(
        "--registry", default=DEFAULT_PATH, metavar="FILE", help=f"entity registry (default: {DEFAULT_PATH})"
    )
    p.add_argument("--stories", action="store_true",
                   help="also list the briefings grouped as one story across outlets (one line per story; "
                        "`story: separate` in a briefing splits it off)")
    p.add_argument("--no-cache", action="store_true", help="ignore and do not write the cache (kept under ~/.cache/briefbook)")
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="worker processes for many files (default: cores, at most 4)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    paths = [*args.paths, *([args.briefings] if args.briefings else [])] or [BRIEFINGS]
    if paths == [BRIEFINGS] and not Path(BRIEFINGS).exists():
        print("check: no briefings/ folder yet, nothing to check (run `make ingest`)", file=sys.stderr)
        paths = []
    jobs = args.jobs if args.jobs > 0 else min(4, os.cpu_count() or 1)
    result = check(paths, args.registry, cache_file=None if args.no_cache else default_cache_file(), jobs=jobs,
                   site_config="mkdocs.yml")  # its docs/ folder is data too
    for problem in result.problems:
        print(problem)
    sys.stdout.flush()  # the problems before the summary, also when both go to one pipe
    n = len(result.problems)
    files = f"{result.files} briefing{'s' if result.files != 1 else ''}"
    if n:
        print(f"check: {files}, {n} problem{'s' if n != 1 else ''}", file=sys.stderr)
        return 1
    print(f"check: {files}, no problems", file=sys.stderr)
    if args.stories:
        _print_stories(paths, args.registry)
    return 0


def _print_stories(paths: list[str], registry: str) -> None:
    """The stories of several briefings in each folder checked: 'story: a.md + b.md' (newest first)."""
    from ..corpus_files import load_corpus  # (only for --stories: the check itself does not build the index)
    from ..store import briefing_files, slug_of

    for folder in (x for x in paths if Path(x).is_dir()):
        corpus = load_corpus(folder, registry, roots=[Path.cwd()])
        files = {slug_of(f): f for f in briefing_files(folder, [Path.cwd()])}
        for story in corpus.stories.values():
            print("story: " + " + ".join(str(files.get(s, s)) for s in story.briefings))
        print(f"check: {len(corpus.stories)} stories of several briefings in {folder}", file=sys.stderr)
