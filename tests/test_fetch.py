"""`briefbook fetch`: pages, feeds and sitemaps from a local server (127.0.0.1, no network).

Timeouts and delays are made short through the command's options, so the file runs in seconds.
"""

from __future__ import annotations

import gzip
import json
import re

import pytest
from web_server import ARTICLES, FEED_ETAG, NewsSite, SilentServer, article_html, rss

from briefbook import __version__, provenance, store
from briefbook.cli import main
from briefbook.web.client import Client, FetchError, Forbidden, Options
from briefbook.web.collect import page_name
from briefbook.web.sources import SourceError, feed_links, normalise, sitemap_links, unique

FAST = ["--delay", "0", "--timeout", "1", "--retries", "1"]


@pytest.fixture
def site():
    with NewsSite() as s:
        yield s


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A project folder of its own: no registry.yml, empty seeds/ and briefings/."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def fetch(*argv: str) -> int:
    return main(["fetch", *argv, *FAST])


def test_a_feed_becomes_briefings_and_a_second_run_fetches_nothing(site, work, capsys):
    assert fetch("--feed", f"{site.base}/feed.xml") == 0
    out, err = capsys.readouterr()
    assert "fetch: 2 new" in out and "1 not allowed" in out and "0 failed" in out
    assert "ingest: 2 new" in out
    assert err.count("\n") == 1 and f"{site.base}/private/draft.html: forbidden by robots.txt" in err
    assert site.count("/private/draft.html") == 0

    briefings = {b.source.url: b for b in map(store.load, sorted((work / "briefings").glob("*.md")))}
    assert set(briefings) == {f"{site.base}/news/solar-depot.html", f"{site.base}/news/port-research.html"}
    quotes = [q.text for b in briefings.values() for q in b.quotes]
    assert any("no longer burns diesel" in q for q in quotes)
    for url, b in briefings.items():
        seed = work / b.source.file
        path = url.removeprefix(site.base)
        assert seed.parent == work / "seeds"
        assert seed.read_bytes() == article_html(*ARTICLES[path])  # exactly as received
        record = provenance.read_record(seed)
        assert record.final_url == url and record.fetched_at.endswith("Z") and record.etag
    assert main(["check", "--briefings", "briefings"]) == 0
    capsys.readouterr()

    site.log.clear()
    assert fetch("--feed", f"{site.base}/feed.xml") == 0
    out, err = capsys.readouterr()
    assert "fetch: 0 new, 0 changed, 0 unchanged, 2 already fetched" in out and "nothing new to fetch" in out
    assert "ingest:" not in out
    assert not any(p.startswith("/news/") for p in site.log)  # no article asked for again
    assert site.log.count("/feed.xml") == 1  # asked for with its ETag: 304


def test_every_failure_is_one_line_and_the_other_urls_go_through(site, work, capsys):
    with SilentServer() as silent:
        urls = [f"{site.base}/missing.html", f"{site.base}/slow.html", f"{site.base}/big.html",
                f"{site.base}/loop/a", f"{site.base}/report.pdf", f"{silent.base}/news.html",
                "ftp://127.0.0.1/file.html", f"{site.base}/news/solar-depot.html"]
        code = fetch(*urls, "--max-size", "0.02", "--no-ingest")
    out, err = capsys.readouterr()
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 7, err
    expected = {
        "/missing.html": "HTTP 404", "/slow.html": "timed out", "/big.html": "too large",
        "/loop/a": "redirects (a redirect loop?)", "/report.pdf": "not a web page (application/pdf)",
        silent.base: "robots.txt could not be read", "ftp://": "not an http or https address",
    }
    for needle, reason in expected.items():
        line = next(x for x in lines if needle in x)
        assert reason in line, line
    assert "fetch: 1 new" in out and "6 failed" in out and "1 not allowed" in out
    assert len(list((work / "seeds").glob("*.html"))) == 1


def test_a_redirect_is_followed_and_the_final_address_kept(site, work):
    assert fetch(f"{site.base}/moved.html", "--no-ingest") == 0
    (record,) = provenance.records_in(work / "seeds").values()
    assert record.url == f"{site.base}/moved.html"
    assert record.final_url == f"{site.base}/news/solar-depot.html"
    assert provenance.fetched_url(next((work / "seeds").glob("*.html"))) == record.final_url


def test_recheck_asks_conditionally_and_downloads_nothing_unchanged(site, work, capsys):
    url = f"{site.base}/news/port-research.html"
    assert fetch(url, "--no-ingest") == 0
    assert fetch(url, "--no-ingest") == 0
    assert "1 already fetched" in capsys.readouterr().out
    assert fetch(url, "--no-ingest", "--recheck") == 0
    assert "0 new, 0 changed, 1 unchanged" in capsys.readouterr().out
    assert site.count("/news/port-research.html") == 2


def test_a_sitemap_index_leads_to_its_pages(site, work, capsys):
    assert fetch("--sitemap", f"{site.base}/sitemap-index.xml", "--no-ingest") == 0
    assert "fetch: 2 new" in capsys.readouterr().out
    assert site.count("/sitemap.xml") == 1


def test_the_limit_caps_new_pages(site, work, capsys):
    assert fetch("--feed", f"{site.base}/feed.xml", "--no-ingest", "--limit", "1") == 0
    out = capsys.readouterr().out
    assert "fetch: 1 new" in out and "2 more left for the next run" in out
    assert fetch("--feed", f"{site.base}/feed.xml", "--no-ingest", "--limit", "1") == 0
    assert "fetch: 1 new, 0 changed, 0 unchanged, 1 already fetched" in capsys.readouterr().out


def test_no_address_is_a_usage_error(work, capsys):
    assert main(["fetch"]) == 2
    assert "give at least one URL" in capsys.readouterr().err


# -- the client ------------------------------------------------------------------------------

class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_requests_to_one_host_are_spaced_and_name_briefbook(site):
    t = FakeTime()
    with Client(Options(delay=1.5), sleep=t.sleep, clock=t.clock) as client:
        client.get(f"{site.base}/news/solar-depot.html")  # robots.txt, then the page
        client.get(f"{site.base}/news/port-research.html")
    assert t.slept == [1.5, 1.5]
    assert site.log == ["/robots.txt", "/news/solar-depot.html", "/news/port-research.html"]
    assert all(a.startswith(f"briefbook/{__version__} ") for a in site.agents)


def test_a_503_is_retried_after_a_wait(site):
    t = FakeTime()
    with Client(Options(delay=0, retries=2, backoff=0.25), sleep=t.sleep, clock=t.clock) as client:
        resp = client.get(f"{site.base}/flaky.html")
    assert resp.status == 200 and b"Sundays" in resp.body
    assert site.count("/flaky.html") == 2
    assert t.slept == [0.0]  # the server's Retry-After: 0


def test_robots_forbids_and_other_schemes_are_refused(site):
    with Client(Options(delay=0)) as client:
        with pytest.raises(Forbidden, match=r"robots\.txt"):
            client.get(f"{site.base}/private/draft.html")
        with pytest.raises(FetchError, match="not an http or https address"):
            client.get("file:///etc/passwd")


def test_a_declared_size_past_the_cap_is_refused_before_reading(site):
    with Client(Options(delay=0, max_bytes=600)) as client, pytest.raises(FetchError) as caught:
        client.get(f"{site.base}/news/solar-depot.html")
    assert re.fullmatch(r"too large \(\d+ bytes; the limit is 600 bytes\)", str(caught.value))


def test_a_conditional_request_gets_304(site):
    with Client(Options(delay=0)) as client:
        assert client.get(f"{site.base}/feed.xml", etag=FEED_ETAG).status == 304


# -- addresses, feeds, sitemaps ------------------------------------------------------------

def test_addresses_are_normalised_and_deduplicated():
    urls = ["HTTP://News.Example.org:80/a/story.html?utm_source=feed#comments",
            "http://news.example.org/a/story.html", "mailto:desk@example.org", "javascript:alert(1)"]
    assert unique(urls) == ["http://news.example.org/a/story.html"]
    assert normalise("/b.html", "https://example.org/a/") == "https://example.org/b.html"


def test_feed_links_read_rss_and_atom_with_relative_links():
    assert feed_links(rss("http://h.test", ["/news/solar-depot.html"]), "http://h.test/feed.xml") == [
        "http://h.test/news/solar-depot.html"]
    atom = (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
            b"<entry><title>a</title><link rel='alternate' href='/2026/tide-gauge.html'/><id>x</id></entry></feed>")
    assert feed_links(atom, "https://h.test/atom.xml") == ["https://h.test/2026/tide-gauge.html"]
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        feed_links(b"\x00\x01 not a feed <<<", "http://h.test/feed.xml")


def test_sitemaps_gzipped_or_not_and_no_entities_expanded():
    body = (b"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            b"<url><loc>https://h.test/a.html</loc></url><url><loc>https://h.test/b.html</loc></url></urlset>")
    assert sitemap_links(gzip.compress(body), "https://h.test/sitemap.xml.gz").pages == [
        "https://h.test/a.html", "https://h.test/b.html"]
    bomb = (b"<?xml version='1.0'?><!DOCTYPE u [<!ENTITY a 'https://evil.test/x'>]>"
            b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>&a;</loc></url></urlset>")
    assert sitemap_links(bomb, "https://h.test/s.xml").pages == []
    with pytest.raises(SourceError, match="root element is <html>"):
        sitemap_links(b"<html><body>hi</body></html>", "https://h.test/s.xml")


def test_page_names_come_from_the_address():
    name = page_name("https://www.example.org/world/2026/03/tide-gauge.html?id=7", "html")
    assert name.startswith("example-org-world-2026-03-tide-gauge-id-7-") and name.endswith(".html")
    assert page_name("https://example.org/a", "html") != page_name("https://example.org/a?b", "html")


def test_a_broken_record_leaves_an_ordinary_seed(tmp_path):
    page = tmp_path / "story.html"
    page.write_text("<p>x</p>")
    provenance.record_path(page).write_text("{not json")
    assert provenance.read_record(page) is None
    provenance.record_path(page).write_text(json.dumps({"url": "x", "final_url": "javascript:alert(1)",
                                                        "fetched_at": "t", "sha256": "s"}))
    assert provenance.fetched_url(page) is None
