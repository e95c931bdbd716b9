"""Run a command and measure it: wall time and the peak memory of its whole process tree.

``ingest --jobs 2`` is a parent and two workers, so the memory that matters is the sum over the
tree. It is sampled from /proc every ``interval`` seconds (resident set size of each process,
summed: an upper bound, since pages shared after fork count twice); ``os.wait4`` adds the kernel's
own peak of the largest single process, which catches a spike between two samples, and the
CPU time of the whole tree: on a machine shared with other work, CPU seconds per article say
what the code costs when wall time says how busy the machine was.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass
class Measured:
    seconds: float
    peak_rss: int  # bytes: max over samples of the tree's summed RSS, or the largest process's peak
    largest_rss: int  # bytes: the kernel's peak RSS of the largest single process in the tree
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False
    cpu_seconds: float = 0.0  # user + system time of the whole tree (the kernel's count at exit)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                out += [int(c) for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split()]
            except OSError:
                continue
    except OSError:
        pass
    return out


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes (0 once it is gone)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _rss(p)
        todo += _children(p)
    return total


def run(
    cmd: list[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 3600,
    interval: float = 0.1,
) -> Measured:
    """Run ``cmd`` to the end (or kill its process group after ``timeout`` s) and measure it."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True)
        peak = 0
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, tree_rss(proc.pid))
            if time.perf_counter() - start > timeout:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(interval)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        largest = _maxrss_bytes(usage)
        out.seek(0)
        err.seek(0)
        return Measured(seconds, max(peak, largest), largest, proc.returncode, out.read(), err.read(),
                        timed_out, usage.ru_utime + usage.ru_stime)


def _maxrss_bytes(usage: resource.struct_rusage) -> int:
    return int(usage.ru_maxrss) * 1024  # Linux reports kilobytes
