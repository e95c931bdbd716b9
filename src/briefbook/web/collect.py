"""One fetch run: addresses (given, or from feeds and sitemaps) in, raw pages in ``seeds/`` out.

Each page is saved exactly as received, named from its address, with its ``provenance``
record beside it. Addresses already in the folder are not fetched again (``recheck`` asks the
server with a conditional request instead); a feed or sitemap is always asked for
conditionally, and when it has not changed the links it gave last time are used. What the
folder holds is the record: nothing else needs to be kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from .. import provenance
from ..ids import slugify
from .client import Client, FetchError, Forbidden, Response
from .sources import SourceError, feed_links, normalise, sitemap_links, unique

STATE_FILE = ".fetch-state.json"  # validators and links of the feeds and sitemaps followed
SOURCE_MAX_BYTES = 50 * 1024 * 1024  # a sitemap may be 50 MB (sitemaps.org); a page is held to --max-size
MAX_SITEMAPS = 50  # sitemaps read in one run, index included (a nested index is followed once)
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
STATUSES = ("new", "changed", "unchanged", "known", "forbidden", "failed")


@dataclass
class Outcome:
    url: str
    status: str  # one of STATUSES
    path: Path | None = None
    message: str | None = None


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    requests: int = 0
    source_failures: int = 0  # feeds and sitemaps that could not be read
    left: int = 0  # new addresses past the limit of one run

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def saved(self) -> list[Path]:
        return [o.path for o in self.outcomes if o.status in ("new", "changed") and o.path is not None]

    def summary(self) -> str:
        line = (f"fetch: {self.count('new')} new, {self.count('changed')} changed, {self.count('unchanged')} unchanged, "
                f"{self.count('known')} already fetched, {self.count('forbidden')} not allowed, "
                f"{self.count('failed') + self.source_failures} failed")
        if self.left:
            line += f"; {self.left} more left for the next run (--limit)"
        if not self.saved:
            line += "; nothing new to fetch" if not self.count("failed") else "; nothing new"
        return line


Progress = Callable[[int, int, Outcome], None]


def page_name(url: str, kind: str) -> str:
    """A file name from the address: host, path words and a short hash (two addresses never share one)."""
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    path = re.sub(r"\.(?:s?html?|php|aspx?|jsp|cms)$", "", parts.path, flags=re.I)
    words = slugify(" ".join(filter(None, [path.replace("/", " "), parts.query])), max_length=60)
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    stem = "-".join(filter(None, [slugify(host.replace(".", "-"), max_length=40), words, digest]))
    return f"{stem}.{'txt' if kind == 'text' else 'html'}"


def kind_of_response(resp: Response) -> str | None:
    """'html' or 'text' for what ingest reads; None for anything else (a PDF, an image)."""
    ctype = (resp.headers.get("content-type") or "").split(";")[0].strip().lower()
    if ctype in HTML_TYPES:
        return "html"
    if ctype in TEXT_TYPES:
        return "text"
    if not ctype and resp.body.lstrip()[:1] == b"<":
        return "html"
    return None


class Collector:
    def __init__(self, seeds: Path, client: Client, *, recheck: bool = False, limit: int | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.seeds = seeds
        self.client = client
        self.recheck = recheck
        self.limit = limit
        self.now = now
        self.state = _load_state(seeds / STATE_FILE)
        self.known: dict[str, tuple[Path, provenance.FetchRecord]] = {}
        for page, record in provenance.records_in(seeds).items():
            for url in {record.url, normalise(record.final_url) or record.final_url}:
                self.known.setdefault(url, (page, record))

    # -- where the addresses come from ---------------------------------------------------
    def feed(self, url: str) -> tuple[list[str], str | None]:
        """The links of one feed (or those it gave last time, if unchanged); an error line or None."""
        return self._source("feeds", url, feed_links)

    def sitemap(self, url: str) -> tuple[list[str], list[str]]:
        """The page links of a sitemap, following a sitemap index; and one error line per failure."""
        pages: list[str] = []
        errors: list[str] = []
        todo, seen = [url], set()
        while todo and len(seen) < MAX_SITEMAPS:
            current = todo.pop(0)
            if current in seen:
                continue
            seen.add(current)
            links, error = self._source("sitemaps", current, _sitemap_and_index_links)
            if error:
                errors.append(error)
            for link in links:
                if link.startswith("sitemap:"):
                    todo.append(link.removeprefix("sitemap:"))
                else:
                    pages.append(link)
        return pages, errors

    def _source(self, kind: str, url: str, read: Callable[[bytes, str], list[str]]) -> tuple[list[str], str | None]:
        n = normalise(url)
        if n is None:
            return [], f"{url}: not an http or https address"
        before = self.state.setdefault(kind, {}).get(n, {})
        try:
            resp = self.client.get(n, etag=_text(before.get("etag")), last_modified=_text(before.get("last_modified")),
                                   max_bytes=max(self.client.options.max_bytes, SOURCE_MAX_BYTES))
        except FetchError as exc:
            return [], f"{n}: {exc}"
        if resp.status == 304:
            return [str(x) for x in before.get("links", []) if isinstance(x, str)], None
        try:
            links = read(resp.body, resp.url)
        except SourceError as exc:
            return [], f"{n}: {exc}"
        self.state[kind][n] = {"etag": resp.headers.get("etag"), "last_modified": resp.headers.get("last-modified"),
                               "links": links, "checked_at": _iso(self.now())}
        return links, None

    # -- the pages -----------------------------------------------------------------------
    def pages(self, urls: Iterable[str], progress: Progress | None = None) -> Report:
        report = Report()
        urls = list(urls)
        for url in urls:
            if normalise(url) is None:
                report.outcomes.append(Outcome(url, "failed", message=f"{url[:200]}: not an http or https address"))
                if progress:
                    progress(0, 0, report.outcomes[-1])
        todo = unique(urls)
        fresh = 0
        for i, url in enumerate(todo, 1):
            if url in self.known and not self.recheck:
                outcome = Outcome(url, "known", self.known[url][0])
            elif self.limit is not None and fresh >= self.limit and url not in self.known:
                report.left += 1  # for the next run
                continue
            else:
                fresh += url not in self.known
                outcome = self._one(url)
            report.outcomes.append(outcome)
            if progress:
                progress(i, len(todo), outcome)
        report.requests = self.client.requests
        return report

    def _one(self, url: str) -> Outcome:
        had = self.known.get(url)
        record = had[1] if had else None
        try:
            resp = self.client.get(url, etag=record.etag if record else None,
                                   last_modified=record.last_modified if record else None)
        except Forbidden as exc:
            return Outcome(url, "forbidden", message=f"{url}: {exc}")
        except FetchError as exc:
            return Outcome(url, "failed", message=f"{url}: {exc}")
        if resp.status == 304 and had:
            return Outcome(url, "unchanged", had[0])
        kind = kind_of_response(resp)
        if kind is None:
            ctype = (resp.headers.get("content-type") or "no type").split(";")[0]
            return Outcome(url, "failed", message=f"{url}: not a web page ({ctype[:60]})")
        if not resp.body.strip():
            return Outcome(url, "failed", message=f"{url}: an empty page")
        sha = hashlib.sha256(resp.body).hexdigest()
        if had and record and record.sha256 == sha:
            return Outcome(url, "unchanged", had[0])
        path = had[0] if had else self.seeds / page_name(url, kind)
        new_record = provenance.FetchRecord(
            url=url, final_url=resp.url, fetched_at=_iso(self.now()), sha256=sha,
            content_type=resp.headers.get("content-type"), etag=resp.headers.get("etag"),
            last_modified=resp.headers.get("last-modified"))
        try:
            self.seeds.mkdir(parents=True, exist_ok=True)
            provenance.write_page(path, resp.body, new_record)
        except OSError as exc:
            return Outcome(url, "failed", message=f"{path}: could not be written ({exc.strerror or exc})")
        self.known[url] = (path, new_record)
        return Outcome(url, "changed" if had else "new", path)

    def save_state(self) -> None:
        path = self.seeds / STATE_FILE
        with contextlib.suppress(OSError):
            self.seeds.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.seeds, prefix=".fetch-state.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self.state, fh, indent=1, sort_keys=True)
            os.replace(tmp, path)


def _sitemap_and_index_links(body: bytes, at: str) -> list[str]:
    """A sitemap's pages, and the sitemaps of an index marked ``sitemap:`` (kept so in the state)."""
    found = sitemap_links(body, at)
    return found.pages + [f"sitemap:{s}" for s in found.sitemaps]


def _text(value: object) -> str | None:
    """A validator from the state file, if it is one (the file may have been edited by hand)."""
    return value if isinstance(value, str) and value.isprintable() and len(value) < 1000 else None


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _load_state(path: Path) -> dict[str, dict[str, dict]]:
    try:
        if path.is_symlink() or path.stat().st_size > 20 * 1024 * 1024:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: {u: v for u, v in d.items() if isinstance(v, dict)}
            for k, d in data.items() if k in ("feeds", "sitemaps") and isinstance(d, dict)}
