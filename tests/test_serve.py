"""`make serve` in a real browser: every edit shows at once and right, and the server never lies.

One dev server (the command `make serve` runs, on a free port) over a temporary copy of the
hand-written site fixtures, with an empty seeds/ beside them. Each test makes one edit a
contributor makes, then reloads the page until it shows the state the test checks (no test
asserts on seconds: a busy machine only makes them wait longer; each says how long it waited).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser_cdp import Browser, find_chromium
from test_contributor_loop import ROOT, SITE_FIXTURES, _free_port, _serve_command

CHROMIUM = find_chromium()
PATIENCE = 180  # seconds a state may take to show on a loaded machine before the test fails

pytestmark = pytest.mark.slow

needs_browser = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium browser installed (Debian package 'chromium'; .ci/run installs it)")

# An article written for this test (invented: no outlet printed it).
ARTICLE = """\
Tromso research station opens a cold-climate battery test hall

TROMSO, Norway, Sept. 9 (Polar Wire) -- A research station in Tromso opened a hall on Tuesday where \
battery makers can test cells at temperatures down to minus 40 degrees, the station said.

"Batteries that work in our winters will work almost anywhere," station director Sigrid Aune told \
reporters at the opening.

The hall has room for 12 test rigs and was paid for by the regional council, the station said.
"""


class DevServer:
    def __init__(self, root: Path, docs: Path = ROOT / "docs") -> None:
        self.root = root
        self.docs = docs
        self.briefings = root / "briefings"
        self.seeds = root / "seeds"
        self.log = root / "serve.log"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        config = self.root / "mkdocs.yml"
        config.write_text(
            f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {self.docs}\n"
            f"plugins:\n  - search\n  - briefbook:\n      briefings: {self.briefings}\n"
            f"      registry: {self.root / 'registry.yml'}\n      seeds: {self.seeds}\n")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(_serve_command(self.port, config), cwd=self.root, stdout=out,
                                         stderr=subprocess.STDOUT, env=env, start_new_session=True)

    def status(self, path: str) -> int | None:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return int(exc.code)
        except OSError:
            return None

    def page(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.read().decode("utf-8")
        except OSError:
            return None

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def dev(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    shutil.copytree(SITE_FIXTURES / "briefings", root / "briefings")
    shutil.copy(SITE_FIXTURES / "registry.yml", root / "registry.yml")
    (root / "seeds").mkdir()
    server = DevServer(root)
    server.start()
    try:
        until(lambda: server.status("briefings/") == 200, server, "the first build")
        yield server
    finally:
        server.stop()


@pytest.fixture
def browser():
    with Browser(CHROMIUM) as b:  # type: ignore[arg-type]
        yield b


def until(check, server: DevServer, what: str):  # type: ignore[no-untyped-def]
    """``check()`` once it is true; fails after PATIENCE seconds or when the server stops."""
    started = time.monotonic()
    deadline = started + PATIENCE
    while time.monotonic() < deadline:
        assert server.proc is not None and server.proc.poll() is None, f"the server stopped:\n{server.output()}"
        value = check()
        if value:
            print(f"{what}: shown after {time.monotonic() - started:.1f} s")  # (pytest -s shows it)
            return value
        time.sleep(0.3)
    raise AssertionError(f"{what} did not show in {PATIENCE} s:\n{server.output()}")


def shows(b: Browser, server: DevServer, path: str, expression: str, what: str):  # type: ignore[no-untyped-def]
    """Reload ``path`` until ``expression`` holds in it (the state the test checks)."""

    def look():  # type: ignore[no-untyped-def]
        b.goto(server.url + path)
        return b.eval(expression)

    return until(look, server, what)


TABS = "Array.from(document.querySelectorAll('.md-tabs__link')).map(a => a.textContent.trim())"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


@needs_browser
def test_a_title_edit_shows_with_every_tab_named(dev, browser):
    """The issue: tabs became Home, Briefings, None, None, ... after a title edit under --dirty."""
    b = browser
    b.goto(dev.url)
    tabs = b.eval(TABS)
    assert "People" in tabs and "None" not in tabs, tabs
    slug = "2025-06-16-nordic-summit-hydrogen-corridor"
    _edit(dev.briefings / f"{slug}.md", "title: Nordic Energy Summit ends with a pledge for a hydrogen corridor",
          "title: Nordic Energy Summit agrees on a hydrogen corridor by 2030")
    started = time.monotonic()
    shows(b, dev, "briefings/", "document.body.innerText.includes('agrees on a hydrogen corridor by 2030')",
          "the new title in the briefings index")
    waited = time.monotonic() - started
    for page in ("briefings/", "people/", f"briefings/{slug}/", "timeline/"):
        b.goto(dev.url + page)
        assert b.eval(TABS) == tabs, (page, b.eval(TABS), f"{waited:.1f} s")
    b.goto(dev.url + f"briefings/{slug}/")
    assert "agrees on a hydrogen corridor by 2030" in b.eval("document.querySelector('h1').textContent")


@needs_browser
def test_a_renamed_id_shows_under_its_new_address_and_its_old_pages_are_gone(dev, browser):
    assert dev.status("people/maria-costa/") == 200
    for path in dev.briefings.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        if "maria-costa" in text:
            path.write_text(text.replace("maria-costa", "maria-da-costa").replace("Maria Costa", "Maria da Costa"),
                            encoding="utf-8")
    shows(browser, dev, "people/", "document.body.innerText.includes('Maria da Costa')", "the renamed person")
    until(lambda: dev.status("people/maria-da-costa/") == 200, dev, "the renamed person's page")
    until(lambda: dev.status("people/maria-costa/") == 404, dev, "the old page gone")
    browser.goto(dev.url + "people/")
    assert "maria-costa/" not in browser.eval("document.body.innerHTML")


@needs_browser
def test_an_article_saved_in_seeds_is_ingested_and_shown(dev, browser):
    (dev.seeds / "2025-09-09-polar-wire-battery-hall.txt").write_text(ARTICLE, encoding="utf-8")
    shows(browser, dev, "briefings/", "document.body.innerText.includes('cold-climate battery test hall')",
          "the new article's briefing in the index")
    (made,) = [p for p in dev.briefings.glob("*.md") if "battery" in p.name]
    slug = made.stem
    shows(browser, dev, f"briefings/{slug}/", "document.body.innerText.includes('minus 40 degrees')",
          "the new briefing's page")
    # a change to the article is ingested again
    _edit(dev.seeds / "2025-09-09-polar-wire-battery-hall.txt", "12 test rigs", "16 test rigs")
    shows(browser, dev, f"briefings/{slug}/", "document.body.innerText.includes('16 test rigs')",
          "the changed article")


@needs_browser
def test_a_broken_edit_keeps_the_last_good_site_and_says_why_until_it_is_fixed(dev, browser):
    path = dev.briefings / "2025-03-12-norway-japan-open-offshore-wind-talks.md"
    good = path.read_text(encoding="utf-8")
    page = "briefings/2025-03-12-norway-japan-open-offshore-wind-talks/"
    path.write_text(good.replace("location: Oslo", "location: [Oslo", 1), encoding="utf-8")
    error = shows(browser, dev, page,
                  "(document.querySelector('.bb-build-error') || {}).textContent", "the error on the page")
    assert f"{path.name}:4:" in error, error
    assert "Norway and Japan open talks" in browser.eval("document.querySelector('h1').textContent")  # last good
    assert dev.status("people/") == 200  # the server answers, it does not wait for a good build
    assert re.search(rf"(?m)^error: .*{re.escape(path.name)}:4: .*last good site", dev.output()), dev.output()

    path.write_text(good.replace("location: Oslo", "location: Bergen", 1), encoding="utf-8")
    shows(browser, dev, page, "!document.querySelector('.bb-build-error') && "
          "document.body.innerText.includes('Bergen')", "the fixed briefing, without the error")


def test_a_briefing_broken_from_the_start_is_shown_and_served_until_it_is_fixed(tmp_path):
    """`make serve` started on a broken corpus still serves: the error on the page, then the fix."""
    shutil.copytree(SITE_FIXTURES / "briefings", tmp_path / "briefings")
    shutil.copy(SITE_FIXTURES / "registry.yml", tmp_path / "registry.yml")
    path = tmp_path / "briefings" / "undated-cable-delays.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("title: Grid operator", "title: [Grid operator", 1), encoding="utf-8")
    server = DevServer(tmp_path)
    server.start()
    try:
        page = until(lambda: server.page(""), server, "the first page")
        assert "bb-build-error" in page and f"{path.name}:2:" in page, page[:2000]
        path.write_text(good, encoding="utf-8")
        until(lambda: "Grid operator warns" in (server.page("briefings/") or ""), server, "the fixed briefing")
        assert "bb-build-error" not in (server.page("briefings/") or "")
    finally:
        server.stop()


def test_a_rebuild_that_fails_outside_the_briefings_leaves_the_server_answering(tmp_path):
    """A strict-mode warning from a hand-written page: MkDocs's own loop would hold every request
    ("will appear stuck until build errors are resolved"); here it is one line and the server goes on."""
    shutil.copytree(SITE_FIXTURES / "briefings", tmp_path / "briefings")
    shutil.copy(SITE_FIXTURES / "registry.yml", tmp_path / "registry.yml")
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    server = DevServer(tmp_path, docs)
    server.start()
    try:
        until(lambda: server.status("about/") == 200, server, "the first build")
        about = docs / "about.md"
        about.write_text(about.read_text() + "\nSee [the missing page](no-such-page.md).\n")
        until(lambda: "the site was not rebuilt" in server.output(), server, "the failed rebuild in the terminal")
        assert server.status("about/") == 200 and server.status("people/") == 200  # answered, not held
        problems = [line for line in server.output().splitlines() if line.startswith("error:")]
        assert len(problems) == 1 and "strict" in problems[0], server.output()
        assert "Traceback" not in server.output()
    finally:
        server.stop()


def test_a_busy_port_is_said_in_one_line_before_anything_is_built(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = tmp_path / "mkdocs.yml"
        config.write_text(
            f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
            f"plugins:\n  - search\n  - briefbook:\n      briefings: {SITE_FIXTURES / 'briefings'}\n"
            f"      registry: {SITE_FIXTURES / 'registry.yml'}\n      seeds: {tmp_path / 'none'}\n")
        proc = subprocess.run(_serve_command(port, config), cwd=tmp_path, capture_output=True, text=True,
                              timeout=300, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert proc.returncode != 0
    problems = [line for line in proc.stderr.splitlines() if "INFO" not in line]
    assert problems == [f"error: port {port} on 127.0.0.1 is in use (another `make serve`?): stop it, or serve "
                        f"on another port: make serve PORT={port + 1}"], proc.stderr
    assert "briefbook:" not in proc.stderr  # nothing was built


def test_the_error_banner_is_text_and_stale_pages_go_only_inside_the_site(tmp_path):
    from briefbook.site import serve

    page = serve.banner('<html><body class="x"><h1>Old</h1></body></html>',
                        "briefings/x.md:3: title: '<script>alert(1)</script>' & more")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&amp; more" in page
    assert page.index("bb-build-error") < page.index("<h1>Old</h1>")

    site = tmp_path / "site"
    (site / "people" / "old-id").mkdir(parents=True)
    (site / "people" / "old-id" / "index.html").write_text("old")
    (site / "people" / "kept").mkdir()
    (site / "people" / "kept" / "index.html").write_text("kept")
    outside = tmp_path / "outside.html"
    outside.write_text("not the site's")
    gone = serve.remove_stale(site, ["people/old-id/index.html", "people/kept/index.html", "../outside.html"],
                              ["people/kept/index.html"])
    assert gone == ["people/old-id/index.html"]
    assert not (site / "people" / "old-id").exists() and (site / "people" / "kept" / "index.html").exists()
    assert outside.exists()
