"""The corpus read from a folder: the I/O edge of ``corpus``.

Each briefing is refused (`BriefingError`, worded as `briefbook check` words it) on anything
`check` says of it alone, then the pure ``corpus.build_corpus`` indexes them. Validation lives
here, not in ``corpus``, so that the dependency points one way: check and this module may
import the corpus, the corpus imports no validation code.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from . import budgets, store
from .check import validate
from .corpus import Corpus, build_corpus
from .model import Briefing
from .registry import load_registry
from .store import briefing_files, refused_briefings, slug_of
from .topics_data import load_topics

# Parsed briefings by path, kept while the file's size and time stay the same: `mkdocs serve`
# rebuilds after every edit, and reading thousands of unchanged files again is most of its wait.
# Nothing changes a Briefing once parsed: the index and the pages only read it.
_PARSED: dict[Path, tuple[tuple[int, int], Briefing]] = {}


def _load(path: Path, keep: bool) -> Briefing:
    """One briefing, refused (BriefingError) on anything `briefbook check` says of it alone."""
    st = path.stat()
    stamp = (st.st_mtime_ns, st.st_size)
    hit = _PARSED.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    if st.st_size > budgets.MAX_BRIEFING_BYTES:
        raise store.BriefingError(path, 1, f"the briefing is too large ({st.st_size / 1e6:.1f} MB; the limit "
                                           f"is {budgets.MAX_BRIEFING_BYTES / 1e6:.1f} MB)")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise store.BriefingError(path, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    meta, body, problems = validate(text, str(path))
    if problems or meta is None:
        first = problems[0] if problems else None
        raise store.BriefingError(path, first.line if first else 1, first.message if first else "cannot be read")
    try:
        briefing = Briefing.from_parts(meta, store.paragraphs_of(body))
    except (TypeError, ValueError, AttributeError) as exc:
        raise store.BriefingError(path, 2, f"frontmatter does not fit the briefing format: {exc}") from None
    if keep:
        _PARSED[path] = (stamp, briefing)
    return briefing


def load_corpus(briefings_dir: str | os.PathLike[str], registry_path: str | os.PathLike[str] | None = None,
                topics_path: str | os.PathLike[str] | None = None, *, keep_parsed: bool = False,
                roots: Iterable[Path] = ()) -> Corpus:
    """Read every briefing under ``briefings_dir`` and index it; BriefingError names the bad file.

    ``keep_parsed`` keeps the parsed briefings for the next call (``mkdocs serve``); a one-off
    build leaves them to be freed once its pages are made (a third of a GB at 10,000). A briefing
    that is a link out of the folder (and out of ``roots``, the project) is refused.
    """
    registry = load_registry(registry_path)
    pairs: list[tuple[str, Briefing]] = []
    seen: dict[str, Path] = {}
    for path, reason in refused_briefings(briefings_dir, roots):
        raise store.BriefingError(path, 1, reason)
    for path in briefing_files(briefings_dir, roots):
        slug = slug_of(path)
        if len(slug) > budgets.MAX_ID_CHARS:
            raise store.BriefingError(path, 1, f"the file name is {len(slug)} characters long, the limit is "
                                               f"{budgets.MAX_ID_CHARS}: shorten it")
        if slug in seen:
            raise store.BriefingError(path, 1, f"another briefing has the address {slug!r}: {seen[slug]}")
        seen[slug] = path
        pairs.append((slug, _load(path, keep_parsed)))
    return build_corpus(pairs, registry, load_topics(topics_path))
