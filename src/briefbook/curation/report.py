"""The duplicates report as text: a YAML document a person edits and gives back to ``--apply``."""

from __future__ import annotations

from .duplicates import Report
from .registry_edit import render_entry


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_report(report: Report) -> str:
    """The report as a YAML document: save it, edit it, and give it to ``--apply``."""
    n = len(report.suggestions)
    out = [
        f"# briefbook entities: {_count(n, 'probable duplicate')} in {_count(report.briefings, 'briefing')}.",
    ]
    if n:
        out += [
            "# Each suggestion is a registry entry. Keep the ones that are right (fix names, add a",
            "# description), delete the others, then apply them to registry.yml and every briefing:",
            "#   briefbook entities > fix.yml; $EDITOR fix.yml; briefbook entities --apply fix.yml",
        ]
    for cluster, fulls in report.ambiguous:
        out.append(
            f"# {cluster.name!r} alone ({_count(len(cluster.briefings), 'briefing')}) could be any of: "
            + ", ".join(repr(f.name) for f in fulls)
            + " (not merged)"
        )
    out.append("entities:" if n else "entities: []")
    for s in report.suggestions:
        seen = " ~ ".join(f"{c.name} ({_count(len(c.briefings), 'briefing')})" for c in s.clusters)
        out.append("")
        out.append(f"  # {s.kind}: {seen}")
        out += [f"  #   {r}" for r in s.reasons]
        if s.extends is not None:
            out.append(f"  #   adds to the registry entry {s.extends.name!r} (line {s.extends.line})")
        if s.note:
            out.append(f"  #   {s.note}")
        out.append(render_entry(s.entry))
    return "\n".join(out) + "\n"
