"""Where a fetched page came from: the small record kept beside it in ``seeds/``.

``briefbook fetch`` saves each page exactly as the server sent it (``NAME.html``) and, beside
it, ``NAME.html.fetch.json``: the address asked for, the address answered from (after
redirects), when, and the validators (ETag, Last-Modified) for a conditional request next
time. Ingest reads the record to fill ``source.url``; fetch reads all of them to know which
addresses it already has. The record is JSON written by this module; a record that cannot be
read is treated as absent (the page is then an ordinary seed).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

SUFFIX = ".fetch.json"
MAX_RECORD_BYTES = 64 * 1024


@dataclass
class FetchRecord:
    url: str  # the address asked for (normalised)
    final_url: str  # the address the page was answered from, after redirects
    fetched_at: str  # ISO 8601, UTC
    sha256: str
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def record_path(page: str | os.PathLike[str]) -> Path:
    p = Path(page)
    return p.with_name(p.name + SUFFIX)


def read_record(page: str | os.PathLike[str]) -> FetchRecord | None:
    """The record beside ``page``, or None when there is none or it is not one of ours."""
    path = record_path(page)
    try:
        if path.is_symlink() or path.stat().st_size > MAX_RECORD_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return _from_mapping(data)


def _from_mapping(data: object) -> FetchRecord | None:
    if not isinstance(data, dict):
        return None
    names = {f.name for f in fields(FetchRecord)}
    values = {k: v for k, v in data.items() if k in names and (v is None or isinstance(v, str))}
    if not all(isinstance(values.get(k), str) for k in ("url", "final_url", "fetched_at", "sha256")):
        return None
    if not values["final_url"].startswith(("http://", "https://")):
        return None
    return FetchRecord(**values)


def fetched_url(page: str | os.PathLike[str]) -> str | None:
    """The web address a seed was fetched from, when ``briefbook fetch`` saved it."""
    record = read_record(page)
    return record.final_url if record else None


def write_page(page: Path, data: bytes, record: FetchRecord) -> None:
    """Save the page's bytes and its record, each atomically (the page first)."""
    _atomic_write(page, data)
    _atomic_write(record_path(page), (json.dumps(asdict(record), indent=1) + "\n").encode("utf-8"))


def records_in(folder: Path) -> dict[Path, FetchRecord]:
    """Every page in ``folder`` (not below it) that has a readable record, with that record."""
    out: dict[Path, FetchRecord] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*" + SUFFIX)):
        page = path.with_name(path.name[: -len(SUFFIX)])
        record = read_record(page)
        if record is not None and page.is_file():
            out[page] = record
    return out


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
