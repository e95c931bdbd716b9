"""A polite, careful HTTP client for ``briefbook fetch``, on urllib3.

Polite: robots.txt is read once per host and obeyed (RFC 9309: a missing one allows all, one
that cannot be read because of a server or network error forbids all), requests to one host
are spaced by a delay (or the host's Crawl-delay when longer), the User-Agent names briefbook
and its version, and 429/5xx answers are retried a few times with a growing wait (Retry-After
when the server gives one, within a cap).

Careful: only http and https, redirects followed one hop at a time (each hop checked again,
at most ``max_redirects``), a connect and read timeout plus a deadline for the whole answer,
and a size cap enforced while reading, so a huge or endless page is refused without being
held in memory. Every failure is a ``FetchError`` whose text is one line.

Why urllib3: it is installed already (trafilatura depends on it), and it gives what this needs
per request: ``redirect=False`` to check every hop (scheme, robots.txt, count), streamed reads
to cap the size while reading, separate connect and read timeouts. trafilatura's downloads hide
the status line, the headers (no ETag or Last-Modified for a conditional request) and the hops,
and are set up globally; httpx would serve too, but brings nothing this needs (no async, no
HTTP/2) and retries connection errors only, so the retry loop would be ours either way.
"""

from __future__ import annotations

import contextlib
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    HTTPError,
    LocationParseError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from .. import __version__

USER_AGENT = f"briefbook/{__version__} (news briefings; fetches pages a person asked for)"
ROBOTS_AGENT = "briefbook"  # the token robots.txt groups are matched against
SCHEMES = ("http", "https")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024
ACCEPT = ("text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,"
          "application/xml;q=0.8,text/plain;q=0.7,*/*;q=0.1")
_CHUNK = 64 * 1024


@dataclass
class Options:
    timeout: float = 20.0  # seconds to connect, and between two reads
    deadline: float = 90.0  # seconds for a whole answer
    max_bytes: int = 5 * 1024 * 1024  # the same limit ingest puts on an article file
    max_redirects: int = 5
    retries: int = 2  # extra tries after a 429 or 5xx answer
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    max_wait: float = 60.0  # a longer Retry-After is not waited for: the URL fails
    delay: float = 1.0  # seconds between two requests to the same host
    max_crawl_delay: float = 30.0  # a robots.txt Crawl-delay is obeyed up to this
    user_agent: str = USER_AGENT


class FetchError(Exception):
    """A URL that could not be fetched; ``str()`` is the reason, one line."""


class Forbidden(FetchError):
    """robots.txt does not allow the URL (not a failure of the site: reported apart)."""


@dataclass
class Response:
    url: str  # the address that answered, after redirects
    status: int  # 200, or 304 for a conditional request the server says is unchanged
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _human(n: float) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n:.0f} bytes"


class Client:
    """One per run: remembers each host's robots.txt and when it was last asked for something.

    ``sleep`` and ``clock`` are injectable so tests can count waits instead of waiting."""

    def __init__(self, options: Options | None = None, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.options = options or Options()
        self._sleep = sleep
        self._clock = clock
        self._pool = urllib3.PoolManager(num_pools=16)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._last: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}  # a robots.txt Crawl-delay longer than ours
        self.requests = 0  # how many requests went out (the summary and the tests read it)

    def close(self) -> None:
        self._pool.clear()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the one public call -------------------------------------------------------------
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            obey_robots: bool = True, max_bytes: int | None = None) -> Response:
        """GET ``url``, following redirects; a 304 (when validators are given) comes back as is."""
        headers = {"User-Agent": self.options.user_agent, "Accept": ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = max_bytes or self.options.max_bytes
        current = url
        for _hop in range(self.options.max_redirects + 1):
            if urlsplit(current).scheme.lower() not in SCHEMES:
                raise FetchError(f"not an http or https address ({current[:80]})")
            if obey_robots:
                self._check_robots(current)
            status, resp_headers, body = self._request(current, headers, limit)
            if status in REDIRECT_STATUSES:
                location = resp_headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location")
                current = urljoin(current, location.strip())
                continue
            if status == 304 and (etag or last_modified):
                return Response(current, 304, resp_headers)
            if not 200 <= status < 300:
                raise FetchError(f"HTTP {status}")
            return Response(current, status, resp_headers, body)
        raise FetchError(f"more than {self.options.max_redirects} redirects (a redirect loop?)")

    # -- robots.txt ----------------------------------------------------------------------
    def _check_robots(self, url: str) -> None:
        host = origin(url)
        rules = self._robots.get(host)
        if rules is None:
            rules = self._robots[host] = self._read_robots(host)
        if isinstance(rules, str):
            raise Forbidden(rules)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise Forbidden("forbidden by robots.txt")

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | str:
        rules = urllib.robotparser.RobotFileParser(host + "/robots.txt")
        try:
            resp = self.get(host + "/robots.txt", obey_robots=False, max_bytes=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            reason = str(exc)
            if reason.startswith("HTTP 4"):  # none there (or not for us to read): all allowed
                rules.parse([])
                return rules
            return f"robots.txt could not be read, so nothing is fetched from this host: {reason}"
        rules.parse(resp.body.decode("utf-8", errors="replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            with contextlib.suppress(TypeError, ValueError):
                self._host_delay[host] = min(float(delay), self.options.max_crawl_delay)
        return rules

    # -- one request, with the per-host delay, retries and the size cap -------------------
    def _wait_turn(self, host: str) -> None:
        delay = max(self.options.delay, self._host_delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _request(self, url: str, headers: dict[str, str], limit: int) -> tuple[int, dict[str, str], bytes]:
        host = origin(url)
        opts = self.options
        for attempt in range(opts.retries + 1):
            self._wait_turn(host)
            self.requests += 1
            try:
                resp = self._pool.request(
                    "GET", url, headers=headers, redirect=False, retries=False, preload_content=False,
                    timeout=urllib3.Timeout(connect=opts.timeout, read=opts.timeout),
                )
            except LocationParseError:
                raise FetchError("not a valid address") from None
            except (NewConnectionError, ProtocolError, SSLError, Urllib3Timeout, HTTPError) as exc:
                self._last[host] = self._clock()
                raise FetchError(_reason(exc, opts.timeout)) from None
            whole = False
            try:
                status = resp.status
                got = {k.lower(): v for k, v in resp.headers.items()}
                if status in RETRY_STATUSES and attempt < opts.retries:
                    wait = _retry_after(got.get("retry-after"))
                    if wait is None:
                        wait = opts.backoff * (2**attempt)
                    if wait > opts.max_wait:
                        raise FetchError(f"HTTP {status}, and the server asks to wait {wait:.0f} s")
                    self._last[host] = self._clock()
                    self._sleep(wait)
                    continue
                body = b"" if status >= 300 else self._read(resp, limit)
                whole = status < 300
                return status, got, body
            finally:
                self._last[host] = self._clock()
                if whole:
                    resp.release_conn()  # read to the end: the connection can serve the next request
                else:
                    resp.close()
        raise FetchError("no answer after retries")  # not reached: the last try returns or raises

    def _read(self, resp: urllib3.BaseHTTPResponse, limit: int) -> bytes:
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"too large ({_human(int(declared))}; the limit is {_human(limit)})")
        started = self._clock()
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = resp.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"too large (more than {_human(limit)}, the limit)")
                if self._clock() - started > self.options.deadline:
                    raise FetchError(f"too slow (no whole answer in {self.options.deadline:g} s)")
                chunks.append(chunk)
        except (ReadTimeoutError, Urllib3Timeout):
            raise FetchError(f"timed out (nothing for {self.options.timeout:g} s)") from None
        except (ProtocolError, HTTPError) as exc:
            raise FetchError(f"the connection broke ({type(exc).__name__})") from None
        return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _reason(exc: Exception, timeout: float) -> str:
    if isinstance(exc, NewConnectionError):
        return "could not connect (refused, or no such host)"
    if isinstance(exc, Urllib3Timeout):
        return f"timed out (nothing for {timeout:g} s)"
    if isinstance(exc, SSLError):
        return "TLS error (the certificate could not be checked)"
    return f"the connection failed ({type(exc).__name__})"
