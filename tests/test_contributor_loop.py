"""The contributor's loop (issue 14): add an article, serve, correct, merge, every step green.

The tests of the project must hold for any corpus a contributor keeps in seeds/, briefings/ and
registry.yml, so none of them may read those folders; the sample corpus the tests use is the
frozen copy in tests/fixtures/seed_corpus.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE_FIXTURES = ROOT / "tests" / "fixtures" / "site"


def test_no_test_reads_the_contributors_corpus():
    """`ROOT / "seeds"`, `ROOT / "briefings"` or `ROOT / 'registry.yml'` in a test ties it to today's corpus."""
    corpus = re.compile(r"""root\s*/\s*["'](?:seeds|briefings|registry\.yml)["']""", re.IGNORECASE)
    offenders = [
        f"{path.name}:{n}"
        for path in sorted((ROOT / "tests").glob("*.py"))
        if path.name != Path(__file__).name  # this file names them to forbid them
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if corpus.search(line)
    ]
    assert offenders == []


# -- make serve ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (OSError, ValueError):
        return None


def _poll(url: str, wanted: str, deadline: float, server: subprocess.Popen[bytes]) -> str | None:
    """The page once it contains ``wanted``; None when ``deadline`` passes or the server stops first."""
    while time.monotonic() < deadline and server.poll() is None:
        page = _fetch(url)
        if page is not None and wanted in page:
            return page
        time.sleep(0.5)
    return None


def _serve_command(port: int, config: Path) -> list[str]:
    """What `make serve PORT=port` runs (read from the Makefile), pointed at ``config``."""
    proc = subprocess.run(["make", "-n", "-s", "serve", f"PORT={port}"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    argv = shlex.split(proc.stdout.strip().splitlines()[-1])
    assert Path(argv[0]).name == "mkdocs" and argv[1] == "serve", argv
    return [sys.executable, "-m", "mkdocs", *argv[1:], "-f", str(config)]


@pytest.mark.slow
def test_make_serve_serves_and_live_reloads_a_briefing_edit(tmp_path):
    """`make serve PORT=...` starts although mkdocs.yml says `strict: true`, and shows an edit."""
    assert re.search(r"(?m)^strict: true", (ROOT / "mkdocs.yml").read_text()), "make site must stay strict"
    briefings = tmp_path / "briefings"
    shutil.copytree(SITE_FIXTURES / "briefings", briefings)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
        f"plugins:\n  - search\n  - briefbook:\n      briefings: {briefings}\n"
        f"      registry: {SITE_FIXTURES / 'registry.yml'}\n"
    )
    port = _free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with log.open("w") as out:
        server = subprocess.Popen(_serve_command(port, config), cwd=tmp_path, stdout=out,
                                  stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/briefings/2025-03-12-norway-japan-open-offshore-wind-talks/"
        page = _poll(url, "offshore wind", time.monotonic() + 120, server)
        assert page is not None, log.read_text()
        assert "livereload" in page  # the page asks the server to reload it on a change
        path = briefings / "2025-03-12-norway-japan-open-offshore-wind-talks.md"
        text = path.read_text()
        marker = "The ministers also toured a floating turbine yard near Stavanger."
        path.write_text(text.replace("signing planned for April.", f"signing planned for April. {marker}", 1))
        assert _poll(url, marker, time.monotonic() + 90, server) is not None, log.read_text()
        output = log.read_text()
        assert "strict mode" not in output and "dirty' build" not in output, output
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


# -- make site's install step -----------------------------------------------------------------


def test_the_venv_gets_a_pip_that_reads_lxml_extras_before_the_dependencies():
    """Python's bundled pip warns `lxml ... does not provide the extra 'html_clean'` on every install."""
    proc = subprocess.run(["make", "-n", "-B", ".venv/.installed"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=True)
    steps = proc.stdout.splitlines()
    pip = next(n for n, step in enumerate(steps) if re.search(r"pip install .*\bpip==(\d+)\.", step))
    lock = next(n for n, step in enumerate(steps) if "-r requirements.lock" in step)
    assert pip < lock
    major = int(re.search(r"\bpip==(\d+)\.", steps[pip]).group(1))  # type: ignore[union-attr]
    assert major >= 24


def test_skip_reasons_name_no_path_outside_the_repository():
    """A contributor's clone has no ../shared: a skipped test says what it needs, in words."""
    import ast

    outside = re.compile(r"\.\./|/shared/|\bshared/eval")
    found = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {t.id: node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                     for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("skip", "skipif")):
                continue
            reasons = [k.value for k in node.keywords if k.arg == "reason"]
            reasons += node.args if getattr(node.func, "attr", "") == "skip" else []
            for reason in reasons:
                reason = constants.get(reason.id, reason) if isinstance(reason, ast.Name) else reason
                text = "".join(str(n.value) for n in ast.walk(reason) if isinstance(n, ast.Constant))
                if outside.search(text):
                    found.append(f"{path.name}:{node.lineno}: {text}")
    assert found == []
