"""A small news site on 127.0.0.1 for the fetch tests: no test reaches the network.

Three article pages (written for these tests), an RSS feed and a sitemap listing them, a
robots.txt that forbids /private/, a 404, a redirect loop, a page past any small size cap, a
page that never answers, a page that fails once with 503, and a feed with an ETag (a
conditional request gets 304). Every request is logged, so tests can count them.
"""

from __future__ import annotations

import hashlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLES = {
    "/news/solar-depot.html": (
        "Harbourton council approves a solar depot for city buses", "2026-03-04", [
            "HARBOURTON, March 4 — The Harbourton city council on Wednesday approved a depot that will "
            "charge the city's electric buses from solar panels on its roof.",
            "Mayor Ingrid Halvorsen said the depot would open next spring and serve forty buses.",
            '"Every bus that charges here is a bus that no longer burns diesel on our streets," '
            "Halvorsen told reporters after the vote.",
            "The Harbourton Transit Authority will run the depot, which cost 18 million euros.",
        ]),
    "/news/port-research.html": (
        "Harbourton port and university sign a research agreement", "2026-03-05", [
            "HARBOURTON, March 5 — The Port of Harbourton and Harbourton University signed an agreement "
            "on Thursday to study how ships can cut their emissions while docked.",
            "Professor Daniel Okafor, who leads the university's maritime engineering department, will "
            "direct the three-year programme.",
            '"Ships idle for days in port, and most of that time their engines are running," Okafor said.',
            "The port will give the researchers access to its berths and its shore power records.",
        ]),
    "/private/draft.html": (
        "Draft: council budget notes", "2026-03-06", [
            "This draft page is kept out of robots' reach and must never be fetched.",
        ]),
}


def article_html(title: str, date: str, paragraphs: list[str]) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='{date}'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news/'>News</a></nav>"
            f"<article><h1>{title}</h1><time datetime='{date}'>{date}</time>\n{body}</article>"
            f"<footer>Harbourton Herald</footer></body></html>").encode()


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{ARTICLES[p][0]}</title><link>{base}{p}</link></item>" for p in paths)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Harbourton Herald</title>"
            f"<link>{base}/</link><description>Local news</description>{items}</channel></rss>").encode()


def sitemap(base: str, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths)
    return (f"<?xml version='1.0' encoding='utf-8'?>"
            f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>").encode()


FEED_ETAG = '"feed-v1"'
BIG_BYTES = 64 * 1024


class NewsSite:
    """Start with ``with NewsSite() as site:``; ``site.base`` is ``http://127.0.0.1:PORT``."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self.agents: list[str] = []
        self.release = threading.Event()  # set on exit: the page that never answers lets go
        self.flaky_left = 1
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.log.append(self.path)
                site.agents.append(self.headers.get("User-Agent", ""))
                site.route(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> NewsSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def count(self, path: str) -> int:
        return self.log.count(path)

    def route(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?")[0]
        if path == "/robots.txt":
            return _send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path in ARTICLES:
            etag = '"' + hashlib.sha256(article_html(*ARTICLES[path])).hexdigest()[:16] + '"'
            if h.headers.get("If-None-Match") == etag:
                return _send(h, 304, b"", None, {"ETag": etag})
            return _send(h, 200, article_html(*ARTICLES[path]), "text/html; charset=utf-8", {"ETag": etag})
        if path == "/feed.xml":
            if h.headers.get("If-None-Match") == FEED_ETAG:
                return _send(h, 304, b"", None, {"ETag": FEED_ETAG})
            return _send(h, 200, rss(self.base, list(ARTICLES)), "application/rss+xml", {"ETag": FEED_ETAG})
        if path == "/sitemap.xml":
            return _send(h, 200, sitemap(self.base, list(ARTICLES)), "application/xml")
        if path == "/sitemap-index.xml":
            index = (f"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                     f"<sitemap><loc>{self.base}/sitemap.xml</loc></sitemap></sitemapindex>").encode()
            return _send(h, 200, index, "application/xml")
        if path in ("/loop/a", "/loop/b"):
            return _send(h, 302, b"", None, {"Location": "/loop/b" if path == "/loop/a" else "/loop/a"})
        if path == "/moved.html":
            return _send(h, 301, b"", None, {"Location": "/news/solar-depot.html"})
        if path == "/big.html":  # no Content-Length: the cap must hold while reading
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Connection", "close")
            h.end_headers()
            h.wfile.write(b"<html><body>" + b"<p>filler text</p>" * (BIG_BYTES // 18) + b"</body></html>")
            return None
        if path == "/slow.html":
            self.release.wait(30)  # never answers while the test runs
            return None
        if path == "/flaky.html":
            if self.flaky_left:
                self.flaky_left -= 1
                return _send(h, 503, b"busy", "text/plain", {"Retry-After": "0"})
            return _send(h, 200, article_html("Harbourton library opens on Sundays", "2026-03-07", [
                "The Harbourton city library will open on Sundays from April, the city said on Saturday."]),
                "text/html")
        if path == "/report.pdf":
            return _send(h, 200, b"%PDF-1.4 not a page", "application/pdf")
        return _send(h, 404, b"not found", "text/plain")


def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str | None,
          headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    if ctype:
        h.send_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    if body:
        h.wfile.write(body)


class SilentServer:
    """Accepts connections (the kernel does) and never says a word."""

    def __enter__(self) -> SilentServer:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()
