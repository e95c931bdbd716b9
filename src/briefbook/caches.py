"""Where briefbook keeps its caches: under the user's cache folder, never inside a checkout.

A file inside the repository can arrive with a pull request (``git add -f``), so nothing read
as a cache may live there; one file per absolute project path keeps two checkouts apart."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_dir() -> Path:
    """The user's cache folder for briefbook (``$XDG_CACHE_HOME/briefbook``), outside any checkout."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefbook"


def project_cache_file(name: str, root: str | os.PathLike[str] = ".") -> Path:
    """The cache ``name`` (``check``, ``ingest``) of the project at ``root``."""
    key = hashlib.sha256(str(Path(root).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return cache_dir() / f"{name}-{key}.json"
