"""The topic vocabulary, ``data/topics.yml`` (or a project's own file): its one reader.

Extraction files a briefing under the topics whose keywords it finds; the corpus names and
describes them on the site. Both read the file here, with one rule: every topic has an id; its
name, when left out, is the id written as words ("nuclear-energy": "Nuclear energy"). A file of
another shape fails loudly, as the word lists of ``lexicon_data`` do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from . import yamlsafe

PACKAGED = "data/topics.yml"


class TopicsError(ValueError):
    """A topics file that is not a list of topics with ids; ``path`` for `shown.message`."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str | None = None
    keywords: tuple[str, ...] = ()


def parse_topics(text: str, path: str = "<topics>") -> dict[str, Topic]:
    """A topics file's YAML as id -> topic, in file order; `TopicsError` when it has another shape."""
    data: Any = yamlsafe.load(text) or {}
    items = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(items, list | None):
        raise TopicsError(path, "'topics' must be a list of topics (id, name, description, keywords)")
    out: dict[str, Topic] = {}
    for n, item in enumerate(items or [], 1):
        if not isinstance(item, dict) or not item.get("id"):
            raise TopicsError(path, f"topic #{n} has no id")
        keywords = item.get("keywords") or []
        if not isinstance(keywords, list):
            raise TopicsError(path, f"topic {item['id']!r}: keywords must be a list")
        tid = str(item["id"])
        out[tid] = Topic(id=tid, name=str(item.get("name") or tid.replace("-", " ").capitalize()),
                         description=item.get("description"), keywords=tuple(str(k) for k in keywords))
    return out


@cache
def _packaged() -> dict[str, Topic]:
    return parse_topics(resources.files("briefbook").joinpath(PACKAGED).read_text(encoding="utf-8"), PACKAGED)


def load_topics(path: str | os.PathLike[str] | None = None) -> dict[str, Topic]:
    """The vocabulary: the package's (read once per process), or the file at ``path``; a file that
    is not there gives none."""
    if path is None:
        return dict(_packaged())
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return {}
    return parse_topics(text, str(path))
