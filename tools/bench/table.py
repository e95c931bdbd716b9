"""The benchmark's one table, and the targets each number is held to (issue "Scale")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .measure import Result

MIB = 1024 * 1024
GIB = 1024 * MIB


@dataclass(frozen=True)
class Target:
    """One target: which result it reads, the limit, and at which corpus sizes it applies."""

    label: str
    value: Callable[[Result], float | None]
    limit: float
    at_least: bool = False  # True: the value must reach the limit; False: stay under it
    sizes: tuple[int, ...] | None = None  # None: every size

    def check(self, r: Result) -> bool | None:
        """True / False, or None when it does not apply or was not measured."""
        if self.sizes is not None and r.articles not in self.sizes:
            return None
        v = self.value(r)
        if v is None:
            return None
        return v >= self.limit if self.at_least else v < self.limit


TARGETS = (
    Target("ingest ≥ 25 articles/s", lambda r: r.ingest_rate, 25, at_least=True),
    Target("ingest of 10,000 < 7 min", lambda r: r.ingest_s, 420, sizes=(10_000,)),
    Target("ingest ≤ 1.0 × spaCy's full small pipeline", lambda r: r.floor_ratio, 1.0 + 1e-9),
    Target("ingest peak < 2 GiB", lambda r: r.ingest_peak, 2 * GIB),
    Target("re-ingest ≈ 0 (< 10 % of ingest)",
           lambda r: r.reingest_s / r.ingest_s if r.reingest_s is not None and r.ingest_s else None, 0.10),
    Target("build of 1,000 < 15 s", lambda r: r.build_s, 15, sizes=(1_000,)),
    Target("build of 10,000 < 150 s", lambda r: r.build_s, 150, sizes=(10_000,)),
    Target("per page ≤ 1.3 × bare Material", lambda r: r.ratio, 1.3 + 1e-9),
    Target("build peak < 4 GiB", lambda r: r.build_peak, 4 * GIB),
    Target("rebuild at 1,000 < 5 s", lambda r: r.rebuild_s, 5, sizes=(1_000,)),
    Target("search download < 300 kB at 10,000 (typical word)", lambda r: r.search_gzip, 300_000,
           sizes=(10_000,)),
    Target("search download < 300 kB at 10,000 (worst word)", lambda r: r.search_gzip_worst, 300_000,
           sizes=(10_000,)),
)

COLUMNS = ("articles", "ingest art/s", "CPU ms/art", "spaCy art/s", "ingest/spaCy", "ingest peak", "re-ingest", "build", "pages", "ms/page",
           "bare ms/page", "ours/bare", "build peak", "site", "search (gzip)", "rebuild", "full rebuild")


def _num(v: float | None, fmt: str, unit: str = "") -> str:
    return "n/a" if v is None else f"{v:{fmt}}{unit}"


def _bytes(v: int | None) -> str:
    if v is None:
        return "n/a"
    if v >= GIB:
        return f"{v / GIB:.2f} GiB"
    if v >= MIB:
        return f"{v / MIB:.0f} MiB"
    return f"{v / 1024:.0f} KiB"


def row(r: Result) -> list[str]:
    search = "n/a"
    if r.search_gzip is not None:
        worst = r.search_gzip_worst
        search = f"{_bytes(r.search_gzip)} ({r.search_kind})"
        if worst is not None and worst != r.search_gzip:
            search = f"{_bytes(r.search_gzip)}, at worst {_bytes(worst)} ({r.search_kind})"
    return [
        f"{r.articles:,}",
        _num(r.ingest_rate, ".1f"),
        _num(r.ingest_cpu_ms, ".0f"),
        _num(r.floor_rate, ".1f"),
        _num(r.floor_ratio, ".2f", "×") + ("" if r.floor_cpu_ratio is None else f" (CPU {r.floor_cpu_ratio:.2f}×)"),
        _bytes(r.ingest_peak),
        _num(r.reingest_s, ".1f", " s"),
        _num(r.build_s, ".1f", " s"),
        "n/a" if r.pages is None else f"{r.pages:,}",
        _num(r.ms_per_page, ".1f"),
        _num(r.bare_ms_per_page, ".1f"),
        _num(r.ratio, ".2f", "×"),
        _bytes(r.build_peak),
        _bytes(r.site_bytes),
        search,
        _num(r.rebuild_s, ".1f", " s"),
        _num(r.full_rebuild_s, ".1f", " s"),
    ]


def markdown(results: Iterable[Result]) -> str:
    """The results as one Markdown table, one row per corpus size."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join(["---:"] * len(COLUMNS)) + "|"]
    lines += ["| " + " | ".join(row(r)) + " |" for r in results]
    return "\n".join(lines)


def verdicts(results: Iterable[Result]) -> list[str]:
    """One line per target and size it applies to: met or missed, with the value."""
    out = []
    results = list(results)
    for t in TARGETS:
        for r in results:
            ok = t.check(r)
            if ok is None:
                continue
            v = t.value(r)
            shown = _bytes(int(v)) if t.limit >= MIB or "peak" in t.label or "search" in t.label else f"{v:.2f}"
            out.append(f"{'met   ' if ok else 'MISSED'} {t.label} at {r.articles:,}: {shown}")
    return out
