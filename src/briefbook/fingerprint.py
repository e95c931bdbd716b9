"""What made a briefing: a digest of the code and data that decide its content."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

_EXTRACTION_SOURCES = (
    "reading.py",
    "budgets.py",
    "cleaning.py",
    "html_reader.py",
    "html_layout.py",
    "html_meta.py",
    "clean.py",
    "registry.py",
    "store.py",
    "dates.py",
    "sentences.py",
    "names.py",
    "ids.py",
    "lexicon",
    "topics_data.py",
    "model.py",
    "budgets.py",
    "safetext.py",
    "yamlsafe.py",
    "extract",
    "data",
)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the code and data that decide a briefing's content: when it changes, cached
    briefings are extracted again (hand-edited ones are still left alone)."""
    root = resources.files("briefbook")
    digest = hashlib.sha256()
    for name in _EXTRACTION_SOURCES:
        node = root.joinpath(name)
        files = sorted(node.rglob("*")) if hasattr(node, "rglob") and node.is_dir() else [node]
        for f in files:
            if f.is_file() and f.name.endswith((".py", ".yml", ".json")):
                digest.update(f.name.encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()[:16]
