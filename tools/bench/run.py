"""``make bench``: build corpora of 100, 1,000 and 10,000 stories, measure, print one table.

The corpora are generated into a temporary folder at run time (never committed) and removed
at the end unless ``--keep`` or ``--work`` is given. Every step is a child process with a time
bound, so a slow step is reported rather than left hanging.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from briefbook.caches import cache_dir

from . import corpus
from .measure import Result, run_size
from .table import markdown, verdicts

REPO = Path(__file__).resolve().parents[2]


def machine() -> str:
    """CPU model, cores, memory and Python: the line that goes with every table."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines()
                      if ln.startswith("MemTotal"))
        mem = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        mem = "unknown memory"
    import os

    return f"{cpu}, {os.cpu_count()} cores, {mem}, Python {platform.python_version()}"


def parse_sizes(text: str) -> list[int]:
    sizes = [int(s.replace("_", "").replace(",", "")) for s in text.split(",") if s.strip()]
    if not sizes or any(s <= 0 for s in sizes):
        raise argparse.ArgumentTypeError("sizes are positive numbers separated by commas")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=parse_sizes,
                   default=[100, 1000, 10000], help="corpus sizes, e.g. 100,1000 (default 100,1000,10000)")
    p.add_argument("--jobs", type=int, default=2, help="ingest worker processes (default 2)")
    p.add_argument("--work", type=Path, help="work folder (kept); default: a temporary folder, removed")
    p.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    p.add_argument("--timeout", type=float, default=3600, help="seconds allowed to each step (default 3600)")
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                   help="the shared folder with benchmarks/ and eval/ (default ../shared)")
    p.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    p.add_argument("--label", default="", help="what was measured (a commit), printed with the table")
    p.add_argument("--pagefind", action="store_true",
                   help="build the site with Pagefind (briefbook-pagefind) in place of Material's search")
    return p


def sources(shared: Path) -> list[corpus.Source]:
    return corpus.read_sources(
        shared / "benchmarks" / "article-extraction" / "ground-truth.json",
        [("seed", REPO / "seeds"), ("dev", shared / "eval" / "articles")],
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    src = sources(args.shared)
    if not src:
        log(f"bench: no source articles found under {args.shared} or {REPO / 'seeds'}")
        return 2
    # the user's cache folder, not the checkout: nothing a pull request adds is read as a cache
    cached = cache_dir() / "bench"
    log(f"bench: {len(src)} source articles; annotating names (cached in {cached})")
    templates = corpus.load_templates(src, cached)
    work = args.work or Path(tempfile.mkdtemp(prefix="briefbook-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log(f"bench: work folder {work}")
    results: list[Result] = []
    started = dt.datetime.now().astimezone()
    try:
        for size in args.sizes:
            r = run_size(size, templates, work, REPO, jobs=args.jobs, timeout=args.timeout,
                         search="pagefind" if args.pagefind else "material", log=log)
            results.append(r)
            (work / "results.json").write_text(json.dumps([x.to_json() for x in results], indent=1))
            for note in r.notes:
                log(f"[{size}] {note}")
    finally:
        if args.work is None and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    cmd = "python scripts/bench.py " + " ".join(argv if argv is not None else sys.argv[1:])
    print(f"Machine: {machine()}")
    print(f"Date: {started:%Y-%m-%d %H:%M %Z}; command: {cmd.strip()}; ingest --jobs {args.jobs}"
          + (f"; {args.label}" if args.label else ""))
    print()
    print(markdown(results))
    print()
    for line in verdicts(results):
        print(line)
    for r in results:
        if r.sections:
            print(f"pages at {r.articles:,}: " + ", ".join(f"{k} {v:,}" for k, v in r.sections.items()))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "date": started.isoformat(), "command": cmd,
                                         "label": args.label,
                                         "results": [r.to_json() for r in results]}, indent=1))
    return 0
