"""Briefbook's own briefings of the development articles, scored by the shared scorer.

The score must measure what a user gets, so the articles go through the real command line
(`briefbook ingest`) into a throw-away folder, and the numbers come from `../shared/eval/score.py`
itself rather than from a re-implementation that could drift from it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import print_table

# Ingest step: (articles folder, output folder) -> the command line that was run, for the record.
Ingest = Callable[[Path, Path], str]


class EvalError(RuntimeError):
    """A step of the evaluation could not run; the report shows the reason instead of a number."""


@dataclass(frozen=True)
class EvalPaths:
    """Where the development set lives inside the shared folder."""

    root: Path
    subset: str = ""  # "" for the Korea–US articles, "general" for the general news set

    @property
    def articles(self) -> Path:
        return self.root / "eval" / self.subset / "articles" if self.subset else self.root / "eval" / "articles"

    @property
    def gold(self) -> Path:
        return self.root / "eval" / self.subset / "gold" if self.subset else self.root / "eval" / "gold"

    @property
    def scorer(self) -> Path:
        return self.root / "eval" / "score.py"

    def missing(self) -> list[str]:
        return [str(p) for p in (self.articles, self.gold, self.scorer) if not p.exists()]


def flatten_totals(tot: dict[str, Any]) -> dict[str, Any]:
    """The figures of score.py's ``totals`` that the report shows, as one flat mapping."""
    return {
        "people_f1": tot["people"]["f1"],
        "roles": tot["roles"]["acc"],
        "organizations_f1": tot["organizations"]["f1"],
        "initiatives_f1": tot["initiatives"]["f1"],
        "quotes_f1": tot["quotes"]["f1"],
        "quotes_e2e_f1": tot["quotes_e2e"]["f1"],
        "attribution": tot["attribution"]["acc"],
        "wrong_speaker": tot.get("wrong_speaker", {}).get("rate"),
        "events_f1": tot["events"]["f1"],
        "pubdate": tot["pubdate"]["acc"],
        "leaks": tot["leaks"],
        "boilerplate_fragments": tot["boilerplate_fragments"],
        "location": tot["location"]["acc"],
        "title_f1": tot["title_f1"]["mean"],
        "articles": tot["articles"],
        "briefings_mapped": tot["briefings_mapped"],
        "missing": list(tot.get("missing", [])),
    }


def score_folder(pred_dir: Path, paths: EvalPaths, timeout: float = 300) -> dict[str, Any]:
    """Run the shared scorer on a folder of briefings: flat totals plus its per-article table."""
    with tempfile.TemporaryDirectory(prefix="briefbook-score-") as tmp:
        out = Path(tmp) / "score.json"
        cmd = [sys.executable, str(paths.scorer), "--gold", str(paths.gold), "--pred", str(pred_dir),
               "--json", str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        if proc.returncode != 0 or not out.exists():
            raise EvalError(f"score.py failed ({proc.returncode}): {_tail(proc.stderr or proc.stdout)}")
        data = json.loads(out.read_text(encoding="utf-8"))
    return {"metrics": flatten_totals(data["totals"]), "table": proc.stdout.rstrip()}


def _tail(text: str, lines: int = 3) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-lines:]) or "no output"


def ingest_supports(flag: str, cwd: Path | None = None) -> bool:
    """Whether `briefbook ingest --help` lists a flag (the pipeline may not have it yet)."""
    proc = subprocess.run([sys.executable, "-m", "briefbook.cli", "ingest", "--help"], cwd=cwd,
                          capture_output=True, text=True, timeout=120, check=False)
    return proc.returncode == 0 and flag in proc.stdout


def cli_ingest(articles: Path, out: Path, cwd: Path | None = None) -> str:
    """Ingest with the real command line, without the curated registry when the CLI allows it."""
    args = ["ingest", str(articles), "--out", str(out)]
    if ingest_supports("--no-registry", cwd):
        args.append("--no-registry")
    proc = subprocess.run([sys.executable, "-m", "briefbook.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=900, check=False)
    if proc.returncode != 0:
        raise EvalError(f"briefbook ingest failed ({proc.returncode}): {_tail(proc.stderr or proc.stdout)}")
    return "briefbook " + " ".join(args).replace(str(out), "<tmp>")


def run(
    shared_dir: Path, ingest: Ingest | None = None, cwd: Path | None = None, subset: str = ""
) -> dict[str, Any]:
    """Ingest the development articles (of ``subset``, see `EvalPaths`) into a temporary folder and score them.

    Returns ``{"available": True, "metrics": {...}, "table": str, "command": str, "seconds": float}``
    or ``{"available": False, "reason": str}``; never raises for a missing or failing step.
    """
    paths = EvalPaths(Path(shared_dir), subset)
    if missing := paths.missing():
        return {"available": False, "reason": "missing " + ", ".join(missing)}
    do_ingest = ingest or (lambda a, o: cli_ingest(a, o, cwd))
    start = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="briefbook-dev-") as tmp:
            out = Path(tmp) / "briefings"
            out.mkdir()
            command = do_ingest(paths.articles, out)
            result = score_folder(out, paths)
    except (EvalError, subprocess.TimeoutExpired, OSError, KeyError, ValueError) as exc:
        return {"available": False, "reason": str(exc)}
    return {"available": True, **result, "command": command,
            "seconds": round(time.perf_counter() - start, 1)}


def main() -> int:
    """Print the scores of this step (``python -m tools.evaluation.dev [SHARED]``)."""
    return print_table(run)


if __name__ == "__main__":
    sys.exit(main())
