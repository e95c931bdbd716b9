"""`briefbook fetch URL... [--feed URL...] [--sitemap URL...]`: web pages in, briefings out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import add_briefings_option


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "fetch",
        help="download articles (URLs, feeds, sitemaps) into seeds/ and ingest them",
        description="Download article pages politely (robots.txt, a delay per host), save each one as "
        "received in the seeds folder with its address beside it, then ingest the new ones. Addresses "
        "already fetched are skipped, so a daily run adds only what is new.",
    )
    p.add_argument("urls", nargs="*", metavar="URL", help="article pages to fetch")
    p.add_argument("--feed", action="append", default=[], metavar="URL", help="an RSS or Atom feed (repeatable)")
    p.add_argument("--sitemap", action="append", default=[], metavar="URL",
                   help="a sitemap or sitemap index (repeatable)")
    p.add_argument("--seeds", default="seeds", metavar="DIR", help="where pages are saved (default: seeds/)")
    add_briefings_option(p, help="where briefings go (default: briefings/)")
    p.add_argument("--recheck", action="store_true",
                   help="ask again for pages already fetched (a conditional request: unchanged ones are not "
                   "downloaded again)")
    p.add_argument("--limit", type=int, default=500, metavar="N",
                   help="fetch at most N new pages in this run (default 500)")
    p.add_argument("--delay", type=float, default=1.0, metavar="SECONDS",
                   help="wait between two requests to the same host (default 1; a longer Crawl-delay wins)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                   help="give up on a server silent this long (default 20)")
    p.add_argument("--max-size", type=float, default=5.0, metavar="MB",
                   help="refuse a page larger than this (default 5, the limit of ingest)")
    p.add_argument("--retries", type=int, default=2, metavar="N",
                   help="retries after a 429 or 5xx answer, waiting longer each time (default 2)")
    p.add_argument("--no-ingest", action="store_true", help="only download; `briefbook ingest` later")
    p.add_argument("--quiet", "-q", action="store_true", help="print only problems and the summary lines")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..web.client import Client, Options
    from ..web.collect import Collector, Outcome

    if not (args.urls or args.feed or args.sitemap):
        print("briefbook: fetch: give at least one URL, --feed URL or --sitemap URL", file=sys.stderr)
        return 2
    if args.limit < 0 or args.delay < 0 or args.timeout <= 0 or args.max_size <= 0 or args.retries < 0:
        print("briefbook: fetch: --limit, --delay and --retries cannot be negative, --timeout and --max-size "
              "must be more than 0", file=sys.stderr)
        return 2
    seeds = Path(args.seeds)
    if seeds.exists() and not seeds.is_dir():
        print(f"briefbook: {seeds}: not a folder", file=sys.stderr)
        return 2
    tty = sys.stderr.isatty()
    cr = "\r\033[K" if tty else ""
    options = Options(timeout=args.timeout, deadline=max(args.timeout * 4, 30.0),
                      max_bytes=int(args.max_size * 1024 * 1024), retries=args.retries, delay=args.delay)

    def say(line: str) -> None:
        print(f"{cr}{line}", file=sys.stderr)

    def progress(done: int, total: int, outcome: Outcome) -> None:
        if outcome.status == "failed" and outcome.message:
            say(f"error: {outcome.message}")
        elif outcome.status == "forbidden" and outcome.message:
            say(f"skipped: {outcome.message}")
        if args.quiet or total < 2:
            return
        if tty:
            print(f"{cr}[{done}/{total}] {outcome.status:<9} {outcome.url[-60:]}", end="", file=sys.stderr, flush=True)
        elif total >= 100 and (done % 100 == 0 or done == total):
            print(f"[{done}/{total}]", file=sys.stderr)

    with Client(options) as client:
        collector = Collector(seeds, client, recheck=args.recheck, limit=args.limit)
        urls = list(args.urls)
        source_failures = 0
        for feed in args.feed:
            links, error = collector.feed(feed)
            if error:
                say(f"error: {error}")
                source_failures += 1
            urls += links
        for sitemap in args.sitemap:
            links, errors = collector.sitemap(sitemap)
            for error in errors:
                say(f"error: {error}")
            source_failures += len(errors)
            urls += links
        report = collector.pages(urls, progress)
        report.source_failures = source_failures
        collector.save_state()
    if tty and not args.quiet:
        print(cr, end="", file=sys.stderr)
    print(report.summary())
    status = 1 if report.count("failed") or source_failures else 0
    if report.saved and not args.no_ingest:
        status = max(status, _ingest([str(p) for p in report.saved], args))
    return status


def _ingest(paths: list[str], args: argparse.Namespace) -> int:
    """Ingest the pages just saved, exactly as `briefbook ingest PATH... --briefings DIR` would."""
    from . import ingest

    parser = argparse.ArgumentParser(prog="briefbook")
    ingest.register(parser.add_subparsers())
    argv = ["ingest", *paths, "--briefings", args.briefings] + (["--quiet"] if args.quiet else [])
    return int(ingest.run(parser.parse_args(argv)) or 0)
