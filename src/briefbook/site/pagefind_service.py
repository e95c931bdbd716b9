"""Pagefind's indexing service, fed page by page while MkDocs is still writing the site.

``pagefind --site`` indexes a finished site: it parses every written page again, on the build's
critical path. ``pagefind --service`` takes pages one at a time over a pipe (each message is
base64 JSON followed by a comma; the answers come back the same way), so the indexer works on the
other core while MkDocs renders the next pages, and it only sees the small HTML it needs. This
is the protocol of the ``pagefind`` Python package, spoken directly: that package's client
polls for each answer with a 0.1 s sleep, which at thousands of pages is minutes.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
from contextlib import suppress
from pathlib import Path
from typing import Any


class PagefindError(RuntimeError):
    pass


def executable() -> Path:
    """The Pagefind binary of the ``pagefind[bin]`` install (never downloaded)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise PagefindError("Pagefind is not installed: pip install 'pagefind[bin]'") from None
    path = get_executable()
    if path is None:
        raise PagefindError("the Pagefind binary is missing: pip install 'pagefind[bin]'")
    return Path(path)


class PagefindService:
    """One in-memory Pagefind index in a ``pagefind --service`` process."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self._proc = subprocess.Popen([str(executable()), "--service"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._next_id = 0
        self._answers: dict[int, dict[str, Any]] = {}
        self._pending: set[int] = set()  # pages sent, not yet answered
        self._errors: list[str] = []
        self._done = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="pagefind-reader", daemon=True)
        self._reader.start()
        self._index = self._ask({"type": "NewIndex", "config": config or {}})["index_id"]

    def add_page(self, url: str, html: str) -> None:
        """Queue a page; the answer is read in the background (the pipe itself is the back-pressure)."""
        message = self._new_id(pending=True)
        self._send(message, {"type": "AddFile", "index_id": self._index, "url": url,
                             "file_contents": html, "file_path": None})

    def write(self, output_path: str | Path, timeout: float = 600) -> int:
        """Wait for every page, write the bundle; returns the number of pages indexed."""
        with self._done:
            if not self._done.wait_for(lambda: not self._pending or self._proc.poll() is not None, timeout):
                raise PagefindError(f"indexing took over {timeout:.0f} s")
            if self._pending:
                raise PagefindError("the Pagefind service stopped while indexing")
            if self._errors:
                raise PagefindError(f"{len(self._errors)} pages failed; the first: {self._errors[0]}")
        self._ask({"type": "WriteFiles", "index_id": self._index, "output_path": str(output_path)}, timeout)
        return self._indexed

    def close(self) -> None:
        if self._proc.stdin and not self._proc.stdin.closed:
            with suppress(OSError):  # a dead service: its pipe is broken, nothing to flush
                self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the wire --------------------------------------------------------------------------

    _indexed = 0

    def _new_id(self, *, pending: bool = False) -> int:
        with self._done:
            self._next_id += 1
            if pending:
                self._pending.add(self._next_id)
            return self._next_id

    def _send(self, message: int, payload: dict[str, Any]) -> None:
        """Write one message; never under the lock, or a full pipe would stop the reader too."""
        data = json.dumps({"message_id": message, "payload": payload}).encode()
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(base64.b64encode(data) + b",")
            self._proc.stdin.flush()
        except BrokenPipeError:
            raise PagefindError("the Pagefind service stopped") from None

    def _ask(self, payload: dict[str, Any], timeout: float = 60) -> dict[str, Any]:
        message = self._new_id()
        self._send(message, payload)
        with self._done:
            if not self._done.wait_for(lambda: message in self._answers or self._proc.poll() is not None,
                                       timeout):
                raise PagefindError(f"no answer to {payload['type']} in {timeout:.0f} s")
            answer = self._answers.pop(message, None)
        if answer is None:
            raise PagefindError(f"the Pagefind service stopped during {payload['type']}")
        if answer.get("type") == "Error":
            raise PagefindError(f"{payload['type']}: {answer.get('message')}")
        return answer

    def _read(self) -> None:
        assert self._proc.stdout is not None
        buffer = b""
        while chunk := self._proc.stdout.read1(1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for raw in messages:
                self._receive(raw)
        with self._done:
            self._done.notify_all()  # the process ended: wake anyone waiting

    def _receive(self, raw: bytes) -> None:
        try:
            message = json.loads(base64.b64decode(raw))
        except ValueError:
            return  # not a message (Pagefind prints nothing else on this pipe, but be safe)
        payload = message.get("payload") or {}
        with self._done:
            mid = message.get("message_id")
            if payload.get("type") == "Error" and mid in self._pending:
                self._errors.append(str(payload.get("message")))
            if mid in self._pending:
                self._pending.discard(mid)
                self._indexed += payload.get("type") == "IndexedFile"
            elif mid is not None:
                self._answers[mid] = payload
            elif payload.get("type") == "Error":
                self._errors.append(str(payload.get("message")))
            self._done.notify_all()
