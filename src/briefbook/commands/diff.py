"""`briefbook diff [PATH ...] [--briefings DIR]`: what extracting an article again would change."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from .. import store
from ..pipeline import _sha256, extract_one, index_existing, source_path
from ..registry import DEFAULT_PATH
from ..shown import rel
from . import add_briefings_option, registry_of


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "diff",
        help="show what a new extraction would change in a briefing",
        description=(
            "Extract each article again (nothing is written) and print, as a unified diff, what it "
            "would change in its briefing: after the article changed under a briefing you edited by "
            "hand, this is what `briefbook ingest ARTICLE --keep-edits` weighs against your edits. "
            "Exits with status 1 when there is a difference."
        ),
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="briefings or their articles (default: every briefing whose article changed since it was made)",
    )
    add_briefings_option(p)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--registry", default=DEFAULT_PATH, metavar="FILE",
                       help=f"curated entity registry (default: {DEFAULT_PATH} when it exists)")
    group.add_argument("--no-registry", action="store_true", help="ignore the registry")
    p.set_defaults(func=run)


def _pairs(args: argparse.Namespace) -> tuple[list[tuple[Path, Path]], list[str]]:
    """(briefing, article) for each PATH, or for every briefing whose article changed."""
    folder = Path(args.briefings)
    existing = index_existing(folder) if folder.is_dir() else {}
    by_briefing = {e.path.resolve(): Path(file) for file, e in existing.items() if not e.merged}
    errors: list[str] = []
    if not args.paths:
        return sorted((e.path, Path(file)) for file, e in existing.items()
                      if not e.merged and e.sha256 and Path(file).is_file() and _sha256(Path(file)) != e.sha256), errors
    pairs = []
    for name in args.paths:
        path = Path(name)
        if path.resolve() in by_briefing:
            pairs.append((path, by_briefing[path.resolve()]))
        elif (found := existing.get(source_path(path))) is not None:
            pairs.append((found.path, path))
        else:
            errors.append(f"{rel(path)}: neither a briefing in {rel(folder)}/ nor the article of one")
    return pairs, errors


def run(args: argparse.Namespace) -> int:
    registry = registry_of(args)
    if registry is None:
        return 2
    pairs, errors = _pairs(args)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    differ = 0
    for briefing, article in pairs:
        if not article.is_file():
            errors.append(f"{rel(briefing)}: its article {rel(article)} is not there")
            print(f"error: {errors[-1]}", file=sys.stderr)
            continue
        try:
            new = extract_one(article, registry)
            old = briefing.read_text(encoding="utf-8")
        except (ValueError, OSError) as exc:
            errors.append(str(exc))
            print(f"error: {exc}", file=sys.stderr)
            continue
        lines = list(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                          f"{rel(briefing)} (as it is)", f"{rel(briefing)} (extracted again from "
                                          f"{rel(article)})"))
        if lines:
            differ += 1
            sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in lines)
    edited = sum(store.is_hand_edited(b.read_text(encoding="utf-8")) for b, _ in pairs if b.is_file())
    print(f"diff: {len(pairs)} briefing{'s' if len(pairs) != 1 else ''}, {differ} would change "
          f"({edited} edited by hand)", file=sys.stderr)
    return 2 if errors else (1 if differ else 0)
