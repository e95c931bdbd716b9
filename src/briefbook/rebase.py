"""A hand-edited briefing brought up to a changed article, its editor's work kept.

The base is the last version of the briefing that the generator wrote: the newest one in the
Git history of its file whose checksum still holds. A field the editor left as it was there
takes the new extraction; a field they changed keeps their value; ``source`` (the article's new
sha256) always comes from the new extraction. Without such a version nothing can tell an edit
from an old extraction, so nothing but ``source`` changes and the message says so.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import store

BODY = "the article text"  # the paragraphs below the frontmatter, named as a field
_HISTORY = 50  # versions of the file looked at, newest first


@dataclass
class Rebased:
    text: str
    taken: list[str] = field(default_factory=list)  # fields that took the new extraction
    kept: list[str] = field(default_factory=list)  # fields the editor changed: their value kept
    base: str | None = None  # the commit the generated version was found in

    def message(self, path: str) -> str:
        if self.base is None:
            return (f"{path}: no version written by the generator in its Git history, so edits cannot be told "
                    "from the old extraction: only source changed (`briefbook diff` shows the rest)")
        kept = ", ".join(self.kept) or "none"
        taken = ", ".join(self.taken) or "none"
        return f"{path}: the new extraction taken for {taken}; your edits kept in {kept} (from {self.base[:10]})"


def generated_base(path: Path) -> tuple[str, str] | None:
    """(commit, text) of the newest version of ``path`` in Git that the generator wrote, if any."""
    folder = path.resolve().parent

    def git(*args: str) -> str | None:
        try:
            proc = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=60,
                                  check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return proc.stdout if proc.returncode == 0 else None

    commits = git("log", f"-n{_HISTORY}", "--format=%H", "--", path.name)
    for commit in (commits or "").split():
        text = git("show", f"{commit}:./{path.name}")
        if text is not None and not store.is_hand_edited(text):
            return commit, text
    return None


def _parts(text: str) -> tuple[dict[str, Any], list[str]]:
    meta, body, _ = store.split(text)
    return meta, store.paragraphs_of(body)


def keep_edits(path: Path, current: str, new: str) -> Rebased:
    """``current`` (edited by hand) with the new extraction ``new`` for every field its editor left
    as the generator wrote it (see the module's note)."""
    cur_meta, cur_body = _parts(current)
    new_meta, new_body = _parts(new)
    found = generated_base(path)
    if found is None:
        meta = {**cur_meta, "source": new_meta.get("source")}
        return Rebased(store.unsigned(meta, cur_body), taken=["source"])
    commit, base = found
    base_meta, base_body = _parts(base)
    rebased = Rebased("", base=commit)
    meta: dict[str, Any] = {}
    for key in [*new_meta, *(k for k in cur_meta if k not in new_meta)]:
        if key in ("source", "generator") or (key in new_meta and cur_meta.get(key) == base_meta.get(key)):
            if key in new_meta:
                meta[key] = new_meta[key]
            if key != "generator" and cur_meta.get(key) != new_meta.get(key):
                rebased.taken.append(key)
        else:
            meta[key] = cur_meta[key]
            if cur_meta.get(key) != new_meta.get(key):
                rebased.kept.append(key)
    body = new_body if cur_body == base_body else cur_body
    if body != cur_body:
        rebased.taken.append(BODY)
    elif cur_body != new_body:
        rebased.kept.append(BODY)
    rebased.text = new if (meta, body) == (new_meta, new_body) else store.unsigned(meta, body)
    return rebased
