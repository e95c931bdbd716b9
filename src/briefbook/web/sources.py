"""Article addresses from feeds (RSS, Atom) and sitemaps, normalised and de-duplicated.

Feeds are read by feedparser from bytes already fetched (never from a URL: feedparser would
fetch it itself); sitemaps by lxml with entities and network access off. Addresses are
normalised with courlan (lower-case host, default port and tracking parameters dropped) and
the fragment removed, so the same article linked twice is fetched once.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

MAX_LINKS = 50_000  # a sitemap holds at most 50,000 URLs (sitemaps.org); a feed far fewer
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


class SourceError(ValueError):
    """A feed or sitemap that cannot be read; ``str()`` is one line."""


def normalise(url: str, base: str | None = None) -> str | None:
    """The address in the form it is compared and recorded in; None if it is not http(s)."""
    from courlan import normalize_url

    url = (url or "").strip()
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:
        url = normalize_url(url)
    except Exception:  # courlan refuses what it cannot parse: we do not fetch it either
        return None
    return urldefrag(url)[0]


def unique(urls: Iterable[str]) -> list[str]:
    """Normalised addresses in first-seen order, each once; those that are not http(s) dropped."""
    seen: set[str] = set()
    out: list[str] = []
    for url in urls:
        n = normalise(url)
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


def feed_links(body: bytes, feed_url: str) -> list[str]:
    """The article links of an RSS or Atom feed, in the feed's order."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": feed_url})
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            exc = parsed.get("bozo_exception")
            detail = f" ({str(exc).splitlines()[0][:80]})" if exc else ""
            raise SourceError(f"not an RSS or Atom feed{detail}")
        return []
    links: list[str] = []
    for entry in parsed.entries[:MAX_LINKS]:
        link = entry.get("link")
        if not link:
            alternates = [x.get("href") for x in entry.get("links", []) if x.get("rel", "alternate") == "alternate"]
            link = next((a for a in alternates if a), None)
        if not link and entry.get("guidislink"):
            link = entry.get("id")
        if link:
            n = normalise(link, feed_url)
            if n:
                links.append(n)
    return links


@dataclass
class Sitemap:
    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # a sitemap index points at other sitemaps


def sitemap_links(body: bytes, sitemap_url: str, max_bytes: int = 50 * 1024 * 1024) -> Sitemap:
    """The page addresses of a sitemap (gzipped or not), or the sitemaps of a sitemap index."""
    from lxml import etree

    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, max_bytes)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False,
                             load_dtd=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"not a sitemap (XML error: {str(exc)[:80]})") from None
    if root is None:
        raise SourceError("not a sitemap (empty)")
    tag = etree.QName(root).localname
    if tag not in ("urlset", "sitemapindex"):
        raise SourceError(f"not a sitemap (the root element is <{tag}>)")
    found = Sitemap()
    target = found.pages if tag == "urlset" else found.sitemaps
    for loc in root.iter(f"{{{SITEMAP_NS}}}loc", "loc"):
        if not (loc.text or "").strip():
            continue
        n = normalise(loc.text, sitemap_url)
        if n:
            target.append(n)
        if len(target) >= MAX_LINKS:
            break
    return found


def _gunzip(body: bytes, max_bytes: int) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(body, max_bytes + 1)
    except (zlib.error, gzip.BadGzipFile):
        raise SourceError("not a sitemap (a broken gzip file)") from None
    if len(out) > max_bytes:
        raise SourceError(f"sitemap too large once unpacked (more than {max_bytes // (1024 * 1024)} MB)")
    return out
