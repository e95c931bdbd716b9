"""Applying registry entries: registry.yml first, then every briefing, under ingest's folder lock."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import store
from ..pipeline import folder_lock
from ..registry import Entry, Registry, parse_registry
from ..store import briefing_files
from .registry_edit import merge_registry
from .relink import plan_relink, relink_in_place, relink_pristine


@dataclass
class ApplyReport:
    """What --apply did, for the command to print: notes, briefings re-linked, problems."""

    registry_notes: list[str]
    relinked: list[str]  # briefings rewritten
    hand_edited: list[str]  # of those, edited in place
    problems: list[str]


def apply_entries(
    entries: list[Entry],
    briefings_dir: str | os.PathLike[str],
    registry_path: str | os.PathLike[str],
    *,
    dry_run: bool = False,
    lock: Callable[[Path], Any] | None = None,
) -> ApplyReport:
    """Add/merge ``entries`` into the registry file, then re-link every briefing (atomic writes)."""
    reg_path = Path(registry_path)
    old_text = reg_path.read_text(encoding="utf-8") if reg_path.exists() else None
    new_text, notes = merge_registry(old_text, entries, str(reg_path))
    applied = parse_registry(new_text, str(reg_path))
    wanted = {(e.kind, e.id) for e in entries}
    touched = Registry([e for e in applied.entries if (e.kind, e.id) in wanted])
    report = ApplyReport(notes, [], [], [])
    folder = Path(briefings_dir)
    lock = lock or folder_lock  # the same lock ingest takes: the two never interleave
    with lock(folder) if folder.is_dir() else nullcontext():
        if not dry_run and new_text != old_text:
            store.write_atomic(reg_path, new_text)
        for path in briefing_files(folder):
            try:
                text = path.read_text(encoding="utf-8")
                meta, body, _ = store.split(text, str(path))
            except (store.BriefingError, OSError, UnicodeDecodeError) as exc:
                report.problems.append(f"{exc} (not re-linked; fix it, then apply again)")
                continue
            plan = plan_relink(meta, touched)
            if not plan.edits:
                continue
            try:
                if store.is_hand_edited(text):
                    new = relink_in_place(text, plan, str(path))
                    report.hand_edited.append(str(path))
                else:
                    new = relink_pristine(meta, store.paragraphs_of(body), plan, applied)
                store.parse(new, path)  # never write a briefing that does not read back
            except (store.BriefingError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
                report.problems.append(f"{path}:1: not re-linked ({exc})")
                continue
            if new != text:
                if not dry_run:
                    store.write_atomic(path, new)
                report.relinked.append(str(path))
    return report

