"""What `make serve` needs beyond `mkdocs build`: the dev server must never show a stale site.

- ``seeds/`` is watched: an article added or changed there is ingested before the rebuild
  (`SeedsWatch`), so that it shows without `make ingest`;
- the pages of an id that was renamed or removed are deleted from the served folder
  (`remove_stale`): `--dirty` rebuilds never clean it;
- a build that fails (a broken briefing, a registry mistake, a strict-mode warning) is said on
  one line in the terminal and the server goes on serving (`keep_serving`): MkDocs's own loop
  leaves every request waiting until a build succeeds; the error is also shown at the top of
  every page (`banner`) while the last good briefings are served;
- a port that is taken is said in one line before anything is built (`port_taken`).
"""

from __future__ import annotations

import contextlib
import errno
import html
import os
import re
import socket
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import caches

_BODY = re.compile(r"<body\b[^>]*>")


def say(line: str) -> None:
    """One line in the terminal of `make serve` (not through MkDocs's log: in strict mode a
    logged error fails the build it reports on)."""
    sys.stderr.write(line.rstrip("\n") + "\n")
    sys.stderr.flush()


def port_taken(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be served on, in one line; None when it is free."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds it
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (f"error: port {port} on {host} is in use (another `make serve`?): stop it, or serve on "
                        f"another port: make serve PORT={port + 1}")
            return f"error: cannot serve on {host}:{port}: {exc.strerror or exc}"
    return None


class SeedsWatch:
    """Ingests ``seeds`` into ``briefings`` when a file in it was added, changed or removed."""

    def __init__(self, seeds: Path, briefings: Path, registry: Path, root: Path) -> None:
        self.seeds, self.briefings, self.registry, self.root = seeds, briefings, registry, root
        self._seen: tuple[tuple[str, int, int], ...] | None = None

    def _snapshot(self) -> tuple[tuple[str, int, int], ...]:
        found = []
        for folder, _, names in os.walk(self.seeds):
            for name in names:
                with contextlib.suppress(OSError):
                    st = os.stat(os.path.join(folder, name))
                    found.append((os.path.join(folder, name), st.st_mtime_ns, st.st_size))
        return tuple(sorted(found))

    def ingest_if_changed(self) -> None:
        """Ingest when the folder differs from the last look (at the first look, always: an
        unchanged article costs a hash, and spaCy is loaded only for one that changed)."""
        if not self.seeds.is_dir():
            return
        now = self._snapshot()
        if now == self._seen:
            return
        self._seen = now
        from ..pipeline import LockTimeout, ingest  # spaCy only once an article changes
        from ..registry import RegistryError, load_registry

        try:
            registry = load_registry(self.registry)
        except RegistryError:
            self._seen = None  # the build reports the mistake; the articles wait for the fix
            return  # (extracted without the registry, their briefings would lose its names)
        try:
            report = ingest([self.seeds], self.briefings, registry=registry, root=self.root, lock_wait=30,
                            cache=caches.project_cache_file("ingest", self.root))
        except (LockTimeout, OSError) as exc:
            say(f"error: {self.seeds.name}/ was not ingested: {exc}")
            return
        for outcome in report.outcomes:
            if outcome.status in ("failed", "skipped") and outcome.message and not outcome.routine:
                say(f"{'error' if outcome.status == 'failed' else 'skipped'}: {outcome.message}")
        if any(report.count(s) for s in ("new", "updated", "failed")):
            say(report.summary())


def remove_stale(site_dir: Path, before: Iterable[str], now: Iterable[str]) -> list[str]:
    """Delete the files of the last build that this one did not write (a renamed or removed
    id's pages), and the folders that leaves empty; returns their paths relative to the site."""
    gone = []
    root = site_dir.resolve()
    for rel in sorted(set(before) - set(now)):
        path = (site_dir / rel).resolve()
        if root not in path.parents:
            continue  # never outside the site
        gone.append(rel)
        with contextlib.suppress(OSError):
            path.unlink()
        for parent in path.parents:
            if parent == root or root not in parent.parents:
                break
            try:
                parent.rmdir()  # only when empty
            except OSError:
                break
    return gone


def banner(page: str, message: str) -> str:
    """``page`` with ``message`` (a build error, escaped) shown at the top of its body."""
    note = (
        '<div class="bb-build-error" role="alert" style="background:#b00020;color:#fff;padding:.8em 1.2em;'
        'font:14px/1.5 monospace;white-space:pre-wrap;position:relative;z-index:10">'
        f"The site was not rebuilt: {html.escape(message)}\n"
        "This is the last good site; it is rebuilt as soon as the mistake is fixed.</div>"
    )
    match = _BODY.search(page)
    return page[: match.end()] + note + page[match.end() :] if match else note + page


def keep_serving(server: Any, failed: Callable[[str], None]) -> None:
    """Wrap ``server.builder`` (MkDocs's LiveReloadServer) so that a failed rebuild is said in one
    line (``failed`` gets it) and counts as done: the server serves the last good site instead of
    holding every request until a build succeeds."""
    build = getattr(server, "builder", None)
    if build is None:
        return

    def builder(*args: Any, **kwargs: Any) -> None:
        try:
            build(*args, **kwargs)
        except Exception as exc:  # anything MkDocs or a plugin raises: the server must go on
            failed(" ".join(str(exc).split()) or type(exc).__name__)

    # `builder` is a public attribute of the server; MkDocs has no hook for a failed rebuild
    server.builder = builder
