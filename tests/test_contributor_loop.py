"""The contributor's loop (issue 14): add an article, serve, correct, merge, every step green.

The tests of the project must hold for any corpus a contributor keeps in seeds/, briefings/ and
registry.yml, so none of them may read those folders; the sample corpus the tests use is the
frozen copy in tests/fixtures/seed_corpus.
"""

from __future__ import annotations

import ast
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
import yaml

from briefbook import store
from briefbook.registry import parse_registry

ROOT = Path(__file__).resolve().parents[1]
SITE_FIXTURES = ROOT / "tests" / "fixtures" / "site"


def test_no_test_reads_the_contributors_corpus():
    """`ROOT / "seeds"`, `ROOT / "briefings"` or `ROOT / 'registry.yml'` in a test ties it to today's corpus."""
    corpus = re.compile(r"""\bROOT\s*/\s*["'](?:seeds|briefings|registry\.yml)["']""")
    offenders = [
        f"{path.name}:{n}"
        for path in sorted((ROOT / "tests").glob("*.py"))
        if path.name != Path(__file__).name  # this file names them to forbid them
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if corpus.search(line)
    ]
    assert offenders == []


CLOCKS = {"perf_counter", "monotonic", "time", "process_time", "perf_counter_ns", "monotonic_ns"}
# Files this guard leaves to their owner (none: test_untrusted.py counts work since issue 24).
CLOCK_GUARD_EXEMPT: set[str] = set()


def _reads_clock(node: ast.AST, timed: set[str]) -> bool:
    """Whether ``node`` is a clock reading, or arithmetic on one (``perf_counter() - start``)."""
    if isinstance(node, ast.Call):
        return getattr(node.func, "attr", getattr(node.func, "id", "")) in CLOCKS
    if isinstance(node, ast.Name):
        return node.id in timed
    if isinstance(node, ast.BinOp):
        return _reads_clock(node.left, timed) or _reads_clock(node.right, timed)
    return False


def _compares_seconds(test: ast.AST, timed: set[str]) -> bool:
    return any(isinstance(c, ast.Compare) and any(_reads_clock(x, timed) for x in [c.left, *c.comparators])
               for c in ast.walk(test))


def _is_speed(decorators: list[ast.expr]) -> bool:
    return any("speed" in ast.unparse(d) for d in decorators)


def test_no_test_asserts_on_seconds_outside_the_speed_mark():
    """A contributor's laptop is busy: a limit in seconds belongs to `make bench` (the `speed`
    mark), not to `make test`; a test that must prove linear time counts work instead."""
    found = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        if path.name in CLOCK_GUARD_EXEMPT:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any("speed" in ast.unparse(node) for node in tree.body if isinstance(node, ast.Assign)
               and any(getattr(t, "id", "") == "pytestmark" for t in node.targets)):
            continue
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) or _is_speed(fn.decorator_list):
                continue
            timed: set[str] = set()
            for node in ast.walk(fn):  # names that hold a time read from a clock
                if isinstance(node, ast.Assign) and _reads_clock(node.value, timed):
                    timed |= {t.id for t in node.targets if isinstance(t, ast.Name)}
            for node in ast.walk(fn):
                if isinstance(node, ast.Assert) and _compares_seconds(node.test, timed):
                    found.append(f"{path.name}:{node.lineno}: {ast.unparse(node.test)[:80]}")
    assert found == []


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


# -- the whole loop, on a temporary clone ------------------------------------------------------

# A wire story written for this test (invented: no outlet printed it).
ARTICLE = """\
South Korea and Australia agree on green shipping corridor between Busan and Melbourne

SEOUL, Feb. 11 (Harbor Wire) -- South Korea and Australia agreed on Wednesday to set up a green \
shipping corridor between the ports of Busan and Melbourne, the Ministry of Oceans and Fisheries said.

Oceans Minister Chun Jae-soo and Australian Infrastructure Minister Catherine King signed a memorandum \
of understanding in Seoul, under which ships on the route will run on low-carbon fuels by 2030.

"This corridor shows that two ports on opposite sides of the Pacific can cut emissions together," Chun \
told reporters after the signing.

The Busan Port Authority (BPA) will build a methanol bunkering station by the end of next year, the \
ministry said. The BPA already runs a shore power system at its new container terminal.

King said Australia would share data on fuel supply with the oceans ministry, and that the first trial \
voyage was planned for September.

Researchers at the Korea Maritime Institute estimated that the corridor would cut about 120,000 tonnes \
of carbon emissions a year. KMI said the estimate assumed that half of the ships would switch fuels by 2028.

The two countries first discussed the corridor at a meeting of transport ministers in Sydney in May 2025.
"""


class Clone:
    """A fresh clone of this repository, driven with the project's own make targets and CLI."""

    def __init__(self, root: Path) -> None:
        self.root = root
        venv = Path(sys.executable).parent.parent  # the venv running the tests: no second install
        self.make_vars = [f"VENV={venv}", "-o", f"{venv}/.installed"]
        self.bin = venv / "bin"
        self.env = dict(os.environ, NO_MKDOCS_2_WARNING="1")

    def run(self, *argv: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(list(argv), cwd=self.root, capture_output=True, text=True, timeout=timeout,
                              env=self.env, check=False)
        assert proc.returncode == 0, f"{' '.join(argv)} failed:\n{proc.stdout}\n{proc.stderr}"
        return proc

    def make(self, *targets: str) -> subprocess.CompletedProcess[str]:
        return self.run("make", *targets, *self.make_vars)

    def briefbook(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(str(self.bin / "briefbook"), *args)

    def changed(self) -> set[str]:
        """`git status` of the clone: the files a pull request would carry."""
        out = self.run("git", "status", "--porcelain", "--untracked-files=all").stdout
        return {line[3:] for line in out.splitlines()}


# Four more articles contributors might have committed before (invented for this test).
EARLIER = {
    "seeds/2026-01-20-harbor-wire-ferry-line.txt": """\
Ferry line between Mokpo and Jeju adds night sailings

MOKPO, Jan. 20 (Harbor Wire) -- A ferry operator said on Tuesday it would add two night sailings a week \
between Mokpo and Jeju from March, after bookings rose by a fifth last year.

"Families want to bring their cars, and the night boat lets them sleep on the way," operator spokesman \
Yoon Tae-ho said.
""",
    "seeds/2026-01-22-harbor-wire-lighthouse-museum.txt": """\
Lighthouse museum in Pohang reopens after repairs

POHANG, Jan. 22 (Harbor Wire) -- The national lighthouse museum in Pohang reopened on Thursday after \
eight months of repairs to its roof and exhibition halls, the city said.

Curator Park Min-seo said the museum expected 300,000 visitors this year.
""",
    "seeds/2026-01-27-harbor-wire-fishing-quota.txt": """\
Fishing fleet in Tongyeong gets a larger mackerel quota

TONGYEONG, Jan. 27 (Harbor Wire) -- The oceans ministry raised the mackerel quota for the southern \
fleet by 8 percent for the coming season on Tuesday, after a survey found stocks had recovered.

Fishermen's union leader Kang Dong-won called the decision "late, but welcome".
""",
    "seeds/2026-02-02-harbor-wire-port-drone-trial.txt": """\
Incheon port tests drones for ship inspections

INCHEON, Feb. 2 (Harbor Wire) -- Incheon port began a three-month trial on Monday in which drones \
inspect the hulls of ships at anchor, the port authority said.

"A drone sees in ten minutes what a diver sees in two hours," inspector Lim Ji-ho said.
""",
}


def _clone(tmp: Path) -> Clone:
    """A clone whose corpus is as a contributor may have left it: its briefings made by the code
    under test, one of them corrected by hand, four more articles and a registry entry committed
    (the test then adds a fifth).
    The tests that use it must hold for any such corpus: they count from what is there."""
    root = tmp / "briefbook"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(root)], check=True, timeout=120)
    clone = Clone(root)
    for cmd in (["git", "config", "user.email", "test@example.org"], ["git", "config", "user.name", "Test"]):
        clone.run(*cmd)
    # main as it should be: its briefings made by the code under test (a code change elsewhere
    # would otherwise show up here as every briefing updated, which is not the contributor's doing)
    for name, text in EARLIER.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    registry = root / "registry.yml"
    before = registry.read_text(encoding="utf-8") if registry.exists() else "entities:\n"
    registry.write_text(re.sub(r"(?m)^entities: *\[\] *$", "entities:", before).rstrip("\n")
                        + "\n  - name: Yoon Tae-ho\n    kind: person\n    aliases: [Yoon Taeho]\n", encoding="utf-8")
    clone.make("ingest")
    generated = sorted(p for p in (root / "briefings").glob("*.md") if not store.is_hand_edited(p.read_text()))
    corrected = generated[0]  # a fact fixed by hand, as CONTRIBUTING.md asks
    corrected.write_text(re.sub(r"(?m)^summary: .*$", "summary: A summary corrected by hand.", corrected.read_text(), count=1))
    assert store.is_hand_edited(corrected.read_text())
    clone.run("git", "add", "-A")
    clone.run("git", "commit", "--quiet", "-m", "a corpus as contributors leave it")
    return clone


def _counts(output: str) -> dict[str, int]:
    """ingest's summary line as numbers: {"new": 1, "updated": 0, ...}."""
    line = re.search(r"ingest: .*", output).group(0)  # type: ignore[union-attr]
    return {word: int(n) for n, word in re.findall(r"(\d+) (\w+)", line)}


@pytest.mark.slow
def test_the_contributors_loop_on_a_fresh_clone(tmp_path):
    """CONTRIBUTING.md step by step: add, make site, make test, correct, entities, registry, make site."""
    clone = _clone(tmp_path)
    assert clone.changed() == set()
    start = _counts(clone.make("ingest").stdout)  # whatever the corpus holds: counted, not assumed
    assert start["new"] == start["updated"] == start["failed"] == 0 and start["skipped"] >= 1, start

    # 1. Add an article, build the site
    article = "seeds/2026-02-11-harbor-wire-green-shipping-corridor.txt"
    (clone.root / article).write_text(ARTICLE, encoding="utf-8")
    site = clone.make("site")
    assert _counts(site.stdout) == dict(start, new=1), site.stdout
    (briefing,) = [f for f in clone.changed() if f.startswith("briefings/")]
    path = clone.root / briefing

    # ... and `make test` still passes with the article in seeds/: ruff, check, and the guard that
    # keeps every test off the contributors' corpus (which is what makes the rest hold; running
    # the rest again here would only double their time)
    clone.make("test", "TESTS=tests/test_contributor_loop.py::test_no_test_reads_the_contributors_corpus")

    # 2. Review and correct the briefing by hand: a summary of one's own, and the date the
    # article gives without a year ("Feb. 11") when extraction left it empty for review
    text = path.read_text(encoding="utf-8")
    summary_line = re.search(r"(?m)^summary: .*$", text).group(0)  # type: ignore[union-attr]
    mine = "Busan and Melbourne will be linked by a low-carbon shipping route, with trial voyages from September."
    corrected = text.replace(summary_line, f"summary: {mine}", 1)
    if "date: null" in corrected:
        corrected = corrected.replace("date: null", "date: '2026-02-11'", 1)
        corrected = re.sub(r"(?m)^- .*no publication date found.*\n", "", corrected, count=1)
        corrected = re.sub(r"(?m)^review:\n(?!- )", "review: []\n", corrected, count=1)
    path.write_text(corrected, encoding="utf-8")
    clone.briefbook("check")
    kept = store.load(path)

    # 3. Fix an entity: the suggestions, edited, then applied (to the hand-edited briefing too)
    suggested = clone.briefbook("entities").stdout
    assert yaml.safe_load(suggested)["entities"] is not None or "entities: []" in suggested
    fix = clone.root / "fix.yml"
    fix.write_text("entities:\n  - name: Korea Maritime Institute\n    kind: organization\n    aliases: [KMI]\n"
                   "    description: A South Korean government research institute for maritime affairs.\n"
                   "    country: South Korea\n", encoding="utf-8")
    clone.briefbook("entities", "--apply", "fix.yml")
    fix.unlink()
    clone.briefbook("check")

    # ... and a registry edit by hand: a description for a person of the new article
    registry = clone.root / "registry.yml"
    text = registry.read_text(encoding="utf-8")
    known = {f for e in parse_registry(text).entries for f in e.forms()}
    person = next(n for n in ("Catherine King", "Chun Jae-soo", "Marta Vidal") if n not in known)
    first = re.search(r"(?m)^( *)- name:", text)
    indent = first.group(1) if first else "  "
    text = re.sub(r"(?m)^entities: *\[\] *$", "entities:", text)
    registry.write_text(text.rstrip("\n") + f"\n\n{indent}- name: {person}\n{indent}  kind: person\n"
                        f"{indent}  description: A minister who signed the Busan-Melbourne corridor.\n",
                        encoding="utf-8")
    assert parse_registry(registry.read_text(encoding="utf-8")).entries[-1].name == person

    # 4. make site again: everything green, the edits kept, only the meant files changed
    again = clone.make("site")
    assert "0 failed" in again.stdout
    clone.make("check")
    # the meant files, and the briefings of the corpus that name the institute (re-linked)
    relinked = {f for f in clone.changed() - {article, briefing, "registry.yml"}
                if re.search(r"\bKMI\b|Korea Maritime Institute", (clone.root / f).read_text())}
    assert clone.changed() == {article, briefing, "registry.yml"} | relinked
    final = store.load(path)
    assert (final.summary, final.date, final.review) == (mine, kept.date, kept.review)
    assert final.date == "2026-02-11" and not any("publication date" in r for r in final.review)
    institutes = [o for o in final.organizations if {"KMI", "Korea Maritime Institute"} & {o.name, *o.aliases}]
    assert [(o.id, o.name) for o in institutes] in ([], [("korea-maritime-institute", "Korea Maritime Institute")])
    diff = clone.run("git", "diff", "--stat").stdout
    assert f"{1 + len(relinked)} file" in diff.splitlines()[-1] and "registry.yml |" in diff, diff


def test_make_test_runs_every_test_file_once_in_two_balanced_groups():
    import importlib.util

    spec = importlib.util.spec_from_file_location("run_tests", ROOT / "scripts" / "test.py")
    runner = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(runner)  # type: ignore[union-attr]
    files = sorted((ROOT / "tests").glob("test_*.py"))
    one, two = runner.groups(files, 2)
    assert sorted(one + two) == files and not set(one) & set(two)
    weight = [sum(runner.WEIGHTS.get(f.name, 2) for f in g) for g in (one, two)]
    assert abs(weight[0] - weight[1]) <= max(runner.WEIGHTS.values())
    assert runner.groups(files, 1) == [files]


def test_make_tests_closing_line_counts_every_group(tmp_path):
    # CI reads the run's last line: it must count both groups, not the second group's half
    import importlib.util

    spec = importlib.util.spec_from_file_location("run_tests", ROOT / "scripts" / "test.py")
    runner = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(runner)  # type: ignore[union-attr]
    one, two = tmp_path / "one.xml", tmp_path / "two.xml"
    one.write_text('<testsuites><testsuite tests="10" failures="1" errors="0" skipped="2"/></testsuites>')
    two.write_text('<testsuites><testsuite tests="5" failures="0" errors="1" skipped="0"/></testsuites>')
    assert runner.total_line([one, two, tmp_path / "missing.xml"]) == "tests: 11 passed, 2 failed, 2 skipped"
