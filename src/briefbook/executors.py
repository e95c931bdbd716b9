"""Where ingest's batches of articles are extracted when not on this machine: ``--executor
dask://HOST:PORT`` sends them to a Dask cluster (the ``briefbook[dask]`` extra).

The default stays ingest's own: in this process, or ``--jobs N`` local worker processes. A
remote executor is given batches whose jobs carry everything extraction reads (the article's
bytes, its fetch record's address; see ``pipeline._shipped``), so a worker needs briefbook and
its model installed, not the project's folder. It yields each batch's results in the order of
the batches, so the briefings written are those of a local run; writing, the cache, the folder
lock and near-duplicate stories stay with ingest.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Protocol, TypeVar

from .safetext import one_line

J = TypeVar("J")
R = TypeVar("R")

SCHEME = "dask://"
CONNECT_SECONDS = 10.0  # an unreachable scheduler is reported after this long
INSTALL = "pip install 'briefbook[dask]'"


class ExecutorError(Exception):
    """The executor cannot be used (not installed, not reachable, lost): one line; ingest stops (exit 2)."""


class Remote(Protocol):
    def map(self, work: Callable[..., list[R]], batches: Iterable[list[J]], *shared: Any,
            failed: Callable[[J, BaseException], R]) -> Iterator[list[R]]:
        """``work(batch, *shared)`` for each batch, results in the order of the batches; ``shared``
        is sent once, not with every batch. A batch that fails is run again one job at a time, and
        a job that fails alone gives ``failed(job, exception)`` as its result."""
        ...

    def close(self) -> None: ...


def connect(spec: str) -> Remote:
    """The executor named by ``spec`` (``dask://HOST:PORT``), connected; ExecutorError if it cannot be."""
    if not spec.startswith(SCHEME) or not spec[len(SCHEME):]:
        raise ExecutorError(f"{spec}: not an executor this version knows (expected dask://HOST:PORT)")
    return DaskExecutor(spec)


_ONE_AT_A_TIME = threading.Lock()


def _one_at_a_time(work: Callable[..., list[R]], batch: list[J], *shared: Any) -> list[R]:
    """One batch at a time in a worker process: its threads would share one spaCy pipeline, which
    is not thread-safe (and holds the GIL). Start workers with ``--nthreads 1``, as many as cores."""
    with _ONE_AT_A_TIME:
        return work(batch, *shared)


class DaskExecutor:
    """A ``distributed.Client`` connected to the scheduler at ``dask://HOST:PORT``."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        try:
            from distributed import Client
        except ImportError:
            raise ExecutorError(f"{spec}: Dask is not installed here: {INSTALL}") from None
        try:
            self.client = Client("tcp://" + spec[len(SCHEME):], timeout=CONNECT_SECONDS, set_as_default=False)
        except (OSError, TimeoutError, ValueError, TypeError) as exc:
            raise ExecutorError(f"{spec}: cannot connect ({one_line(str(exc) or type(exc).__name__)})") from None

    def close(self) -> None:
        self.client.close()

    def map(self, work: Callable[..., list[R]], batches: Iterable[list[J]], *shared: Any,
            failed: Callable[[J, BaseException], R]) -> Iterator[list[R]]:
        client = self.client
        sent = [client.scatter(value, broadcast=True, hash=False) for value in shared]
        # Enough batches in flight to keep every worker thread busy, few enough that the articles'
        # bytes read ahead stay a small part of the corpus.
        window = max(4, 2 * sum(client.nthreads().values()))
        todo = iter(batches)
        pending: deque[tuple[list[J], Any]] = deque()

        def submit(batch: list[J]) -> None:
            pending.append((batch, client.submit(_one_at_a_time, work, batch, *sent, pure=False)))

        try:
            for batch in islice(todo, window):
                submit(batch)
            while pending:
                batch, future = pending.popleft()
                for more in islice(todo, 1):
                    submit(more)
                yield self._results(future, batch, work, sent, failed)
        finally:
            client.cancel([f for _, f in pending])

    def _results(self, future: Any, batch: list[J], work: Callable[..., list[R]], sent: list[Any],
                 failed: Callable[[J, BaseException], R]) -> list[R]:
        try:
            return future.result()
        except Exception as exc:
            if self.client.status not in ("running", "connecting"):
                raise ExecutorError(f"{self.spec}: lost the scheduler ({one_line(str(exc) or type(exc).__name__)})"
                                    ) from None
            if len(batch) == 1:
                return [failed(batch[0], exc)]
        # a batch failed as a whole (a worker died in it): each job alone, so only the bad one fails
        return [r for job in batch for r in self._results(
            self.client.submit(_one_at_a_time, work, [job], *sent, pure=False), [job], work, sent, failed)]
