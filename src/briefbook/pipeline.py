"""Ingest: raw article files in, briefing files out. The I/O edge around the pure extractors.

Guarantees a user can rely on:
- one bad file never stops the run: it is reported as one line ``path: problem``;
- a briefing edited by hand is never overwritten unless ``force`` is given;
- an unchanged article is not extracted again (its briefing records the article's sha256);
- a registry or code change rewrites only the briefings whose content it changes;
- every write is atomic, and two runs on the same folder take turns (a lock file).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import __version__, budgets, dedupe, executors, fsguard, provenance, store
from .fingerprint import code_fingerprint
from .ids import slugify
from .model import Briefing, Source, entity_ids_of
from .reading import SUFFIXES, InputError, RawArticle, kind_of, read_article, read_bytes
from .registry import Registry
from .shown import rel
from .text_cleaner import CleanArticle
from .timelimit import ArticleTimeout, time_limit

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Outcome:
    path: str
    status: str  # new | updated | unchanged | skipped | failed
    briefing: str | None = None
    message: str | None = None
    # A skip nobody needs to act on (the briefing was edited by hand): reported as one count.
    routine: bool = False


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("new", "updated", "unchanged", "skipped", "failed")]
        return "ingest: " + ", ".join(parts)


def discover(paths: Iterable[str | os.PathLike[str]], root: Path | None = None) -> list[Path]:
    """Article files under the given files and folders, sorted, hidden files left out."""
    return discover_all(paths, root).files


def discover_all(paths: Iterable[str | os.PathLike[str]], root: Path | None = None) -> fsguard.Walk:
    """Article files under the given files and folders, and the ones refused (one reason each).

    A file named on the command line is used as named; one found in a folder must resolve inside
    that folder or the project (``root``, default the working folder): no link leads out."""
    root = root or Path.cwd()
    out = fsguard.Walk()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # `seeds -> /elsewhere`: nothing under it is read. A folder named on the command line is the
            # user's choice, wherever it is (`../shared/eval/articles` as much as `/data/news`)
            refused = fsguard.link_on_path(os.path.abspath(p), root)
            if refused is not None:
                out.refused.append((p, refused))
                continue
            found = fsguard.walk(p, SUFFIXES, [root])
            out.files += found.files
            out.refused += found.refused
            out.other += found.other
        elif os.path.islink(p) and fsguard.resolved(p) is None:
            out.refused.append((p, "a link that leads nowhere (broken, or a loop)"))
        else:
            out.files.append(p)  # named by the user; reading it says what is wrong, if anything
    seen: set[Path] = set()
    unique = []
    for f in out.files:
        key = fsguard.resolved(f) or f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    out.files = unique
    return out


def source_path(path: Path, root: Path | None = None) -> str:
    """The article's path as the briefing records it: relative to the project root when inside it."""
    root = (root or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the root, or a link loop
        return path.as_posix()


@dataclass
class _Existing:
    path: Path
    sha256: str | None
    version: str | None
    hand_edited: bool
    merged: bool = False  # the article is one of the briefing's other_sources (same story)
    registry: str | None = None  # digest of the registry the briefing was made with
    code: str | None = None  # fingerprint of the extraction code that made it
    registry_now: str | None = None  # what ``registry`` would be with the registry of this run
    checksum: str | None = None  # generator.checksum: names this exact text of the briefing


def index_existing(out_dir: Path, registry: Registry | None = None) -> dict[str, _Existing]:
    """Existing briefings by the article file they came from.

    With ``registry``, each records `Registry.digest_for_briefing` of the registry as it is now
    (in ``registry``), to compare with the digest the briefing was made with."""
    index: dict[str, _Existing] = {}
    if not out_dir.is_dir():
        return index
    for f in sorted(out_dir.glob("*.md")):
        try:
            text = f.read_text(encoding="utf-8")
            meta, _, _ = store.split(text, f)
        except (store.BriefingError, UnicodeDecodeError, OSError):
            continue
        src = meta.get("source") if isinstance(meta.get("source"), dict) else {}
        gen = meta.get("generator") if isinstance(meta.get("generator"), dict) else {}
        hand_edited = store.is_hand_edited(text, meta)  # one YAML parse per file, not three
        registry_now = None
        if registry is not None and not hand_edited:
            title = meta.get("title") if isinstance(meta.get("title"), str) else None
            registry_now = registry.digest_for_briefing(title, _body(text), entity_ids_of(meta))
        if src.get("file"):
            index[str(src["file"])] = _Existing(
                f,
                src.get("sha256"),
                gen.get("version"),
                hand_edited,
                registry=gen.get("registry"),
                code=gen.get("code"),
                registry_now=registry_now,
                checksum=gen.get("checksum"),
            )
        for other in meta.get("other_sources") or []:
            if isinstance(other, dict) and other.get("file"):
                index.setdefault(
                    str(other["file"]),
                    _Existing(
                        f,
                        other.get("sha256"),
                        gen.get("version"),
                        hand_edited,
                        True,
                        registry=gen.get("registry"),
                        code=gen.get("code"),
                        registry_now=registry_now,
                        checksum=gen.get("checksum"),
                    ),
                )
    return index


def briefing_name(briefing: Briefing) -> str:
    date = briefing.date or "undated"
    return f"{date}-{slugify(briefing.title, max_length=60)}.md"


@dataclass
class _Job:
    path: str
    source_file: str
    registry: Registry
    keep_edits: bool = False  # a hand-edited briefing: the new extraction for the fields nobody edited
    # For a worker without the project's folder (`--executor dask://`), read here by `_shipped`:
    shipped: bool = False
    data: bytes | None = None  # the article file's bytes
    unreadable: str | None = None  # or why they could not be read (InputError's message)
    url: str | None = None  # the address `briefbook fetch` recorded beside the file


def _shipped(job: _Job) -> _Job:
    """``job`` with everything `_extract_many` reads from the project's folder (nothing else is)."""
    try:
        data, unreadable = read_bytes(job.path), None
    except InputError as exc:
        data, unreadable = None, exc.message
    return replace(job, shipped=True, data=data, unreadable=unreadable, url=provenance.fetched_url(job.path))


def _raw_of(job: _Job) -> RawArticle:
    if not job.shipped:
        return read_article(job.path)
    if job.data is None:
        raise InputError(job.path, job.unreadable or "could not be read")
    return read_article(job.path, data=job.data)


# What a worker returns for one article: (path, rendered briefing, suggested file name, error).
Result = tuple[str, str | None, str | None, str | None]


def _timed_out(path: str, seconds: float | None) -> Result:
    return (path, None, None, f"{path}: gave up after {seconds:g} s, the time limit per article "
            "(an article built to be slow, or raise --time-limit)")


_ALONE_CHARS = 20_000  # an article this long is parsed on its own, within its own time budget
_ALONE_STEP = 2  # paragraphs per spaCy call then (at most 4,000 characters: a fraction of a second)


def _extract_many(jobs: list[_Job], seconds: float | None = budgets.ARTICLE_SECONDS) -> list[Result]:
    """Several articles at once: read and clean each, parse them in one spaCy stream, build each.

    A bad article fails alone: its error is its result, the others go on. ``seconds``: the time
    one article may take (reading, parsing, building); past it the article is reported as failed."""
    from .clean import clean
    from .extract.article import build_briefing, in_language
    from .extract.nlp import parse, parse_many, pipeline

    pipeline()  # loaded before any clock starts: the first article does not pay for it
    results: dict[int, Result] = {}
    ready: list[tuple[int, _Job, RawArticle, CleanArticle]] = []
    for k, job in enumerate(jobs):
        try:
            with time_limit(seconds):
                raw = _raw_of(job)
                cleaned = clean(raw)
                cleaned.paragraphs = budgets.bounded_paragraphs(cleaned.paragraphs)
        except ArticleTimeout:
            results[k] = _timed_out(job.path, seconds)
            continue
        except InputError as exc:
            results[k] = (job.path, None, None, str(exc))
            continue
        except Exception as exc:
            results[k] = (job.path, None, None, f"{job.path}: cleaning failed ({type(exc).__name__}: {exc})")
            continue
        if not any(p.strip() for p in cleaned.paragraphs):
            results[k] = (job.path, None, None, f"{job.path}: no article text left after cleaning")
            continue
        ready.append((k, job, raw, cleaned))
    # Paragraphs that are not prose (a run of punctuation) are kept but not parsed: an empty Doc.
    texts = [
        [p if budgets.is_prose(p) else "" for p in c.paragraphs if p.strip()] if in_language(c.paragraphs)
        else [] for _, _, _, c in ready
    ]
    together = [i for i, t in enumerate(texts) if sum(map(len, t)) < _ALONE_CHARS]
    parsed: list[list[Doc] | None] = [None] * len(ready)
    try:
        with time_limit(seconds):
            for i, docs in zip(together, parse_many([texts[i] for i in together]), strict=True):
                parsed[i] = docs
    except (ArticleTimeout, Exception):
        parsed = [None] * len(ready)  # parse each one alone below, so that only the bad one fails
    for (k, job, raw, cleaned), docs, paras in zip(ready, parsed, texts, strict=True):
        try:
            with time_limit(seconds):
                if docs is None and paras:
                    # a few paragraphs per call into spaCy: the time limit's signal lands between calls
                    docs = [d for i in range(0, len(paras), _ALONE_STEP) for d in parse(paras[i : i + _ALONE_STEP])]
                briefing = _briefing_of(job, raw, cleaned, docs, build_briefing)
            text = store.render(briefing)
            over = budgets.over_limits(briefing.frontmatter(), briefing.paragraphs, len(text.encode("utf-8")))
            if over:  # check and the site build would refuse it: say so now, write nothing
                results[k] = (job.path, None, None, f"{job.path}: {over}; split the article")
                continue
            results[k] = (job.path, text, briefing_name(briefing), None)
        except ArticleTimeout:
            results[k] = _timed_out(job.path, seconds)
        except Exception as exc:
            results[k] = (
                job.path,
                None,
                None,
                f"{job.path}: extraction failed ({type(exc).__name__}: {exc})",
            )
    return [results[k] for k in range(len(jobs))]


def _briefing_of(job: _Job, raw: RawArticle, cleaned: CleanArticle, docs: list[Doc] | None,
                 build_briefing: Callable[..., Briefing]) -> Briefing:
    source = Source(
        file=job.source_file,
        # a page `briefbook fetch` saved: the address it answered from, kept beside it
        url=(job.url if job.shipped else provenance.fetched_url(job.path)) or cleaned.url,
        outlet=cleaned.outlet,
        agencies=list(cleaned.agencies),
        sha256=raw.sha256,
    )
    briefing = build_briefing(cleaned, source, job.registry, docs or None)
    encoding = raw.encoding.replace("_", "-")
    if encoding not in ("utf-8", "ascii", "utf-16", "utf-32"):
        briefing.review.append(
            f"the article was not UTF-8 and was read as {raw.encoding}: check names and quotes"
        )
    return briefing


class LockTimeout(Exception):
    """Another process held the folder's lock for longer than we were willing to wait."""


_LOCK_FDS: set[int] = set()  # lock files this process holds: forked workers close their copies


def _lock_holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return "another process"
    return f"process {pid}" if pid.isdigit() else "another process"


@contextmanager
def folder_lock(
    out_dir: Path, wait: float = budgets.LOCK_WAIT_SECONDS, say: Callable[[str], None] | None = None
) -> Iterator[None]:
    """One writer at a time in a briefings folder: ingest and `entities --apply` take turns.

    A run that has to wait says so once, naming the process that holds the lock (its pid is in the
    lock file), and gives up with LockTimeout after ``wait`` seconds."""
    # a briefings folder that is a link out of the project: refused; one named outside it is the user's choice
    fsguard.ensure_own(os.path.abspath(out_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / ".briefbook.lock"
    say = say or (lambda msg: print(msg, file=sys.stderr, flush=True))
    # never through a link (a committed `.briefbook.lock -> ~/.bashrc` would be truncated), never a folder
    with open(fsguard.open_lock(path), "r+") as fh:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    say(f"waiting for {path}: held by {_lock_holder(path)} (giving up after {wait:g} s)")
                    told = True
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{path}: still held by {_lock_holder(path)} after {wait:g} s; if no briefbook "
                        "is running there, remove the file"
                    ) from None
                time.sleep(0.2)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        _LOCK_FDS.add(fh.fileno())
        for stale in out_dir.glob(".*.md.*.tmp"):  # left by a run that was killed mid-write
            with suppress(OSError):
                stale.unlink()
        try:
            yield
        finally:
            _LOCK_FDS.discard(fh.fileno())
            fcntl.flock(fh, fcntl.LOCK_UN)


def _worker_init(parent: int) -> None:
    """A worker dies with the process that started it and never holds that process's lock.

    Linux kills it when its parent dies (PR_SET_PDEATHSIG); a parent already gone is caught by
    the pid check. The lock file descriptors inherited through fork are closed: a flock belongs
    to every copy of the descriptor, and orphans once kept a folder locked for good."""
    for fd in list(_LOCK_FDS):
        with suppress(OSError):
            os.close(fd)
    _LOCK_FDS.clear()
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)


def _sha256(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    registry: Registry | None = None,
    force: bool = False,
    jobs: int = 1,
    root: Path | None = None,
    progress: Callable[[int, int, Outcome], None] | None = None,
    cache: str | os.PathLike[str] | None = None,
    seconds: float | None = budgets.ARTICLE_SECONDS,
    lock_wait: float = budgets.LOCK_WAIT_SECONDS,
    keep_edits: bool = False,
    executor: str | None = None,
) -> Report:
    """Turn every article under ``paths`` into a briefing in ``out_dir``.

    ``cache``: a file outside the checkout recording the briefings found to be what the current
    code makes, though older code wrote them: they are not extracted again;
    ``seconds``: the time one article may take before it is reported as failed (None: no limit);
    ``lock_wait``: how long to wait for another run on the same folder (then LockTimeout);
    ``keep_edits``: a hand-edited briefing whose article changed is extracted again and takes
    the new values of the fields its editor did not touch (`rebase.keep_edits`);
    ``executor``: ``dask://HOST:PORT`` extracts on that Dask cluster in place of ``jobs`` local
    processes (`executors`; ExecutorError when it cannot be used, before anything is read)."""
    out = Path(out_dir)
    registry = registry or Registry()
    report = Report()
    found = discover_all(paths, root)
    files = found.files
    confirmed = _Confirmed.load(Path(cache) if cache else None)
    remote = executors.connect(executor) if executor else None
    with closing(remote) if remote else nullcontext(), folder_lock(out, lock_wait):
        existing = index_existing(out, registry)
        by_sha: dict[str, list[tuple[str, _Existing]]] = {}
        for file, known in existing.items():
            if known.sha256:
                by_sha.setdefault(known.sha256, []).append((file, known))
        taken = {e.path.name for e in existing.values()} | {f.name for f in out.glob("*.md")}
        todo: list[_Job] = []
        total = len(files)

        def note(outcome: Outcome) -> None:
            report.outcomes.append(outcome)
            if progress:
                progress(len(report.outcomes), total, outcome)

        total += len(found.refused) + len(found.other)
        for f, reason in found.refused:
            note(Outcome(str(f), "failed", message=f"{f}: {reason}"))
        for f in found.other:
            kind = f.suffix.lower() or "a file without an extension"
            note(Outcome(str(f), "skipped", message=f"{f}: {kind} is not an article file (ingest reads "
                                                    f"{', '.join(SUFFIXES)}): skipped"))
        for f in files:
            src = source_path(f, root)
            if kind_of(f) is None:
                note(
                    Outcome(
                        str(f),
                        "failed",
                        message=(f"{f}: not an article file (expected {', '.join(SUFFIXES)})"),
                    )
                )
                continue
            prev = existing.get(src)
            twin = _copy_of(f, src, prev, by_sha, root)
            if twin is not None:
                note(twin)
                continue
            if prev and prev.hand_edited and not force:
                changed = bool(prev.sha256) and not prev.merged and prev.sha256 != _sha256(f)
                if changed and keep_edits:
                    todo.append(_Job(str(f), src, registry, keep_edits=True))
                    continue
                note(Outcome(str(f), "skipped", str(prev.path), edited_message(prev.path, f, changed),
                             routine=not changed))
                continue
            if (
                prev
                and not force
                and prev.version == __version__
                and prev.registry == prev.registry_now
                and (prev.code == code_fingerprint() or confirmed.holds(prev))
                and prev.sha256 == _sha256(f)
            ):
                note(Outcome(str(f), "unchanged", str(prev.path)))
                continue
            todo.append(_Job(str(f), src, registry))
        stories = _Stories(out)
        for job, (_, text, name, error) in zip(todo, _run(todo, jobs, seconds, remote), strict=True):
            if error or text is None or name is None:
                note(Outcome(job.path, "failed", message=error))
                continue
            try:
                note(_write(job, text, name, existing, taken, out, stories, confirmed))
            except OSError as exc:  # a read-only folder, a full disk: this briefing, not the run
                where = exc.filename or out
                note(Outcome(job.path, "failed", message=f"{job.path}: cannot write {where}: "
                                                         f"{exc.strerror or exc}"))
        confirmed.save()
    return report


@dataclass
class _Confirmed:
    """Briefings that older code wrote and the current code would write the same, apart from
    ``generator.code``: left as they are (a code change must not rewrite every briefing of a
    corpus, and every contributor's pull request with them), and not extracted again."""

    path: Path | None
    entries: dict[str, str] = field(default_factory=dict)  # briefing -> "code:checksum"
    changed: bool = False

    @classmethod
    def load(cls, path: Path | None) -> _Confirmed:
        entries: dict[str, str] = {}
        if path is not None:
            with suppress(OSError, ValueError, TypeError, AttributeError):
                data = json.loads(path.read_text(encoding="utf-8"))
                entries = {str(k): str(v) for k, v in data.get("confirmed", {}).items()}
        return cls(path, entries)

    @staticmethod
    def _key(briefing: Path) -> str:
        return str(briefing.resolve())

    def holds(self, prev: _Existing) -> bool:
        return bool(prev.checksum) and self.entries.get(self._key(prev.path)) == f"{code_fingerprint()}:{prev.checksum}"

    def add(self, briefing: Path, checksum: str | None) -> None:
        if checksum:
            self.entries[self._key(briefing)] = f"{code_fingerprint()}:{checksum}"
            self.changed = True

    def save(self) -> None:
        if self.path is not None and self.changed:
            with suppress(OSError):
                store.write_atomic(self.path, json.dumps({"confirmed": self.entries}, indent=0, sort_keys=True))


_CODE_LINES = re.compile(r"(?m)^  (?:code|checksum): .*\n")


def _same_apart_from_code(old: str, new: str) -> bool:
    """Two renderings of a briefing that differ only in ``generator.code`` (and so the checksum)."""
    return _CODE_LINES.sub("", old) == _CODE_LINES.sub("", new)


def _copy_of(
    f: Path, src: str, prev: _Existing | None, by_sha: dict[str, list[tuple[str, _Existing]]], root: Path | None
) -> Outcome | None:
    """A skip when ``f`` has the very bytes of an article a briefing already records.

    A copy is not another source of the story: listing it would give the briefing two sources
    with one sha256. The file recorded first stays the source (while it still exists)."""
    if prev is not None or not by_sha:
        return None
    for file, known in by_sha.get(_sha256(f) or "", []):
        if file != src and (Path(root or Path.cwd()) / file).exists():
            return Outcome(str(f), "skipped", str(known.path), _copy_message(f, file, known.path))
    return None


def _copy_message(f: str | Path, original: str, briefing: Path) -> str:
    return (f"{f}: same bytes as {original}, already the source of {briefing}: a copy, not another "
            "source (delete one of the two files)")


_BATCH = 8  # articles parsed in one spaCy stream


def _run(todo: list[_Job], jobs: int, seconds: float | None = budgets.ARTICLE_SECONDS,
         remote: executors.Remote | None = None) -> Iterator[Result]:
    batches = [todo[i : i + _BATCH] for i in range(0, len(todo), _BATCH)]
    if remote is not None and todo:
        # the registry is the same for every job: sent once, not with every batch
        shipped = ([replace(_shipped(job), registry=None) for job in batch] for batch in batches)
        return (result for results in remote.map(_extract_remote, shipped, todo[0].registry, seconds, _code(),
                                                 failed=_worker_failed) for result in results)
    if jobs <= 1 or len(todo) < 4:
        return (result for batch in batches for result in _extract_many(batch, seconds))
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))

    def gen() -> Iterator[Result]:
        with pool:
            for results in pool.map(_extract_many, batches, [seconds] * len(batches)):
                yield from results

    return gen()


def _code() -> str:
    """What decides a briefing's text besides its article and registry: the package and its extraction code."""
    return f"briefbook {__version__}, code {code_fingerprint()}"


def _extract_remote(jobs: list[_Job], registry: Registry, seconds: float | None, code: str) -> list[Result]:
    """`_extract_many` on a remote worker: the jobs come shipped, the registry separately. A worker
    with other code (``code``: the client's `_code`) would write other briefings: it refuses."""
    if _code() != code:
        return [(job.path, None, None, f"{job.path}: the Dask worker runs {_code()}, this machine {code}: "
                                       "install the same briefbook on the workers") for job in jobs]
    return _extract_many([replace(job, registry=registry) for job in jobs], seconds)


def _worker_failed(job: _Job, exc: BaseException) -> Result:
    return (job.path, None, None, f"{job.path}: the worker failed on it ({type(exc).__name__}: {exc})")


class _Stories:
    """Bodies of the briefings in the folder, to find the same story from another source."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.index: dedupe.DuplicateIndex | None = None
        # The body last asked about, hashed: a new briefing is asked about, then added.
        self._last: tuple[str, np.ndarray, np.ndarray | None] | None = None

    def _built(self) -> dedupe.DuplicateIndex:
        if self.index is None:
            self.index = dedupe.DuplicateIndex()
            for f in sorted(self.out.glob("*.md")):
                with suppress(UnicodeDecodeError, OSError):
                    self.index.add(f, _body(f.read_text(encoding="utf-8")))
        return self.index

    def _hashed(self, text: str) -> tuple[np.ndarray, np.ndarray | None]:
        if self._last is None or self._last[0] is not text:
            sh = dedupe.shingles(_body(text))
            self._last = (text, sh, dedupe.signature(sh) if sh.size else None)
        return self._last[1], self._last[2]

    def same_story(self, text: str) -> Path | None:
        matches = self._built().query(*self._hashed(text))
        return matches[0].key if matches else None

    def add(self, path: Path, text: str) -> None:
        if self.index is not None:
            self.index.add(path, *self._hashed(text))


def _body(text: str) -> list[str]:
    """A briefing's paragraphs, found without reading its YAML (fast on a large folder)."""
    match = store.FRONTMATTER.match(text.lstrip("\ufeff"))
    return store.paragraphs_of(text.lstrip("\ufeff")[match.end() :]) if match else []


def _merge_source(job: _Job, text: str, target: Path) -> Outcome:
    """Record the article as another source of the briefing that already tells its story."""
    old = target.read_text(encoding="utf-8")
    if store.is_hand_edited(old):
        return Outcome(
            job.path,
            "skipped",
            str(target),
            f"{job.path}: same story as {target}, which was edited by hand: "
            "add the article under its other_sources by hand",
        )
    briefing = store.parse(old, target)
    source = store.parse(text).source
    for known in [briefing.source, *briefing.other_sources]:
        if source.sha256 and known.sha256 == source.sha256 and known.file != source.file:
            return Outcome(job.path, "skipped", str(target), _copy_message(job.path, known.file, target))
    # By file only: two files with the same bytes are two sources. Replacing by content too made
    # such twins take each other's place on every run, so the briefing never settled.
    others = [s for s in briefing.other_sources if s.file != source.file]
    briefing.other_sources = [*others, source]
    new = store.render(briefing)
    if new == old:
        return Outcome(job.path, "unchanged", str(target))
    store.write_atomic(target, new)
    message = f"{job.path}: same story as {target}; added as another source"
    return Outcome(job.path, "updated", str(target), message)


def edited_message(briefing: str | os.PathLike[str], article: str | os.PathLike[str], changed: bool) -> str:
    """What ingest says of a hand-edited briefing it leaves alone; more when its article changed."""
    briefing, article = rel(briefing), rel(article)
    if not changed:
        return (f"{briefing}: edited by hand, left as it is (run `briefbook ingest {article} --force` "
                "to regenerate it and lose the edits)")
    return (f"{briefing}: edited by hand, and its article {article} changed since (source.sha256 differs): "
            f"`briefbook diff {briefing}` shows what the new extraction changes; `briefbook ingest {article} "
            "--keep-edits` takes it for the fields you did not edit (--force: for all of them)")


def extract_one(path: str | os.PathLike[str], registry: Registry | None = None, root: Path | None = None,
                seconds: float | None = budgets.ARTICLE_SECONDS) -> str:
    """The briefing text ingest would write for the article at ``path`` now (nothing is written);
    ValueError with the one-line reason when it cannot be made."""
    f = Path(path)
    job = _Job(str(f), source_path(f, root), registry or Registry())
    _, text, _, error = _extract_many([job], seconds)[0]
    if text is None:
        raise ValueError(error or f"{f}: no briefing could be made")
    return text


def _write(
    job: _Job,
    text: str,
    name: str,
    existing: dict[str, _Existing],
    taken: set[str],
    out: Path,
    stories: _Stories | None = None,
    confirmed: _Confirmed | None = None,
) -> Outcome:
    prev = existing.get(job.source_file)
    if prev is not None and prev.merged:
        return _merge_source(job, text, prev.path)
    if prev is None and stories is not None:
        same = stories.same_story(text)
        if same is not None and same.exists():
            existing[job.source_file] = _Existing(same, None, __version__, False, True)
            return _merge_source(job, text, same)
    if prev is not None:
        target = prev.path  # keep the address stable even if the title changed
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if job.keep_edits and old is not None:
            from .rebase import keep_edits

            rebased = keep_edits(target, old, text)
            store.write_atomic(target, rebased.text)
            return Outcome(job.path, "updated", str(target), rebased.message(rel(target)))
        if old == text:
            return Outcome(job.path, "unchanged", str(target))
        if old is not None and not prev.hand_edited and _same_apart_from_code(old, text):
            if confirmed is not None:
                confirmed.add(target, prev.checksum)
            return Outcome(job.path, "unchanged", str(target))
        store.write_atomic(target, text)
        return Outcome(job.path, "updated", str(target))
    target = out / name
    n = 2
    while target.name in taken:
        target = out / re.sub(r"\.md$", f"-{n}.md", name)
        n += 1
    taken.add(target.name)
    store.write_atomic(target, text)
    if stories is not None:
        stories.add(target, text)
    existing[job.source_file] = _Existing(target, None, __version__, False)
    return Outcome(job.path, "new", str(target))
