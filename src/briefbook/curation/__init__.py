"""Curation: find entities that are probably the same, and apply registry entries to every briefing.

Extraction names an entity the way each article spells it, so one person can end up as
"Kim Sang-bu" in one briefing and "Kim Sangbu" in another, one agency as "OSTP" and as "Office of
Science and Technology Policy". :func:`find_duplicates` lists such pairs across the corpus with a
suggested registry entry; a person decides. :func:`apply_entries` then adds the entry to the
registry and re-links every briefing (ids, names, the ids that point at them) without extracting
again.

One job per module: ``clusters`` (reading the corpus), ``duplicates`` (finding probable
duplicates), ``report`` (the report text), ``registry_edit`` (editing registry.yml, comments
kept), ``relink`` (re-linking one briefing) and ``apply`` (both, under the folder lock).
"""

from __future__ import annotations

from .apply import ApplyReport, apply_entries
from .clusters import Cluster, collect, load_briefings
from .duplicates import Report, Suggestion, find_duplicates
from .registry_edit import ApplyError, merge_registry, parse_entries, render_entry, scalar
from .relink import Relink, plan_relink, relink_in_place, relink_pristine
from .report import format_report

__all__ = [
    "ApplyError",
    "ApplyReport",
    "Cluster",
    "Relink",
    "Report",
    "Suggestion",
    "apply_entries",
    "collect",
    "find_duplicates",
    "format_report",
    "load_briefings",
    "merge_registry",
    "parse_entries",
    "plan_relink",
    "relink_in_place",
    "relink_pristine",
    "render_entry",
    "scalar",
]
