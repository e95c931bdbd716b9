"""The time one article may take, in whatever thread extracts it.

In a main thread (``ingest``, its local worker processes) the limit is SIGALRM. A Dask worker runs
its tasks in threads of its own, where Python allows no signal handler, and Dask has no time limit
per task: there a timer thread raises the same exception in the extracting thread
(``PyThreadState_SetAsyncExc``). Both land between two Python bytecodes of that thread, so both
wait for a call into spaCy to return; articles are cut into bounded paragraphs first (see
budgets), so no such call runs long enough to delay either by much.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class ArticleTimeout(BaseException):
    """Raised in a worker when one article has used up its time budget (a BaseException, so that
    no ``except Exception`` inside the extractors swallows it and carries on without a limit)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ArticleTimeout in the block after ``seconds`` (None or 0: no limit)."""
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Make ``thread_id`` raise ``exc`` at its next bytecode (None: withdraw one not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


@contextmanager
def _timer(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(target, ArticleTimeout)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["fired"]:  # it fired as the block ended: the exception must not land after it
                _raise_in(target, None)
