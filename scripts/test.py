"""`make test`'s test run: the test files in two groups at once on a machine with two cores.

pytest runs one test at a time, so on two cores half the machine waits; the heavy files (a site
built, a browser driven, a repository cloned) are spread over the groups by the CPU seconds they
took in the last measure (``WEIGHTS``), the others one by one to the lighter group. The first
group prints as it goes, the others once they end; the exit status is the worst of them.

    python scripts/test.py [--jobs N] [PYTEST ARGS ...]

With test files or node ids among the arguments (`make test TESTS=...`) it is plain pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NO_TESTS = 5  # pytest's exit status when it collected nothing
# CPU seconds of the heaviest files in `make test` (2-core machine, issue 23); a new file counts 2.
WEIGHTS = {
    "test_browser.py": 60,
    "test_contributor_loop.py": 45,
    "test_untrusted.py": 40,
    "test_serve.py": 30,
    "test_hostile_input.py": 25,
    "test_site_build.py": 20,
    "test_properties.py": 12,
    "test_pagefind.py": 10,
    "test_evaluation.py": 8,
    "test_ingest.py": 8,
}


def groups(files: list[Path], n: int) -> list[list[Path]]:
    """``files`` in ``n`` groups of about equal weight, heaviest first (greedy, deterministic)."""
    loads = [0.0] * n
    out: list[list[Path]] = [[] for _ in range(n)]
    for f in sorted(files, key=lambda f: (-WEIGHTS.get(f.name, 2), f.name)):
        k = loads.index(min(loads))
        out[k].append(f)
        loads[k] += WEIGHTS.get(f.name, 2)
    return [sorted(g) for g in out if g]


def total_line(reports: list[Path]) -> str:
    """One closing line for all the groups ("tests: 760 passed, 0 failed, 3 skipped"), from the JUnit
    reports pytest wrote: each group's own summary counts only its half."""
    import xml.etree.ElementTree as ET

    tests = failed = skipped = 0
    for report in reports:
        if not report.exists():
            continue
        for suite in ET.parse(report).getroot().iter("testsuite"):
            tests += int(suite.get("tests", 0))
            failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
            skipped += int(suite.get("skipped", 0))
    return f"tests: {tests - failed - skipped} passed, {failed} failed, {skipped} skipped"


def main(argv: list[str]) -> int:
    jobs = min(2, os.cpu_count() or 1)
    if argv[:1] == ["--jobs"]:
        jobs, argv = int(argv[1]), argv[2:]
    pytest = [sys.executable, "-m", "pytest"]
    if jobs < 2 or any(not a.startswith("-") and (ROOT / a.split("::")[0]).exists() for a in argv):
        return subprocess.call([*pytest, *argv], cwd=ROOT)
    files = sorted((ROOT / "tests").glob("test_*.py"))
    parts = groups(files, jobs)
    with tempfile.TemporaryDirectory(prefix="briefbook-test-") as tmp:
        logs = [Path(tmp) / f"group-{k}.log" for k in range(len(parts))]
        reports = [Path(tmp) / f"group-{k}.xml" for k in range(len(parts))]
        procs = []
        for k, (part, log) in enumerate(zip(parts, logs, strict=True)):
            cmd = [*pytest, *argv, f"--junit-xml={reports[k]}", *(str(f.relative_to(ROOT)) for f in part)]
            out = None if k == 0 else log.open("w")
            procs.append(subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT if out else None))
            if out is not None:
                out.close()
        codes = [p.wait() for p in procs]
        for k, log in enumerate(logs[1:], start=2):
            print(f"\n-- group {k} of {len(parts)} --", flush=True)
            sys.stdout.write(log.read_text(errors="replace"))
        print(total_line(reports), flush=True)
    if all(c == NO_TESTS for c in codes):
        return NO_TESTS
    codes = [0 if c == NO_TESTS else c for c in codes]  # `-k name` may select nothing in one group
    worst = max(codes)
    if worst:
        print(f"test: group(s) {', '.join(str(k + 1) for k, c in enumerate(codes) if c)} failed", file=sys.stderr)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
