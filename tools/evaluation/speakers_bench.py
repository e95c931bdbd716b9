"""Speakers that are not entities, counted over the 181 news pages of the article-extraction benchmark.

The pages have no quote annotation, but one error can be counted on any page: a quote whose
speaker is not a person or organization of its own briefing ("WASHINGTON", "who", "AFP", "the
French politician"). The pages go through the real command line (`briefbook ingest`) into a
throw-away folder, as a user's would, and every quote of every briefing is checked.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefbook.lexicon import AGENCIES, PRONOUNS
from briefbook.store import split

from .dev import EvalError, cli_ingest

Ingest = Callable[[Path, Path], str]

_RELATIVES = frozenset({"who", "whom", "which", "that", "whose"})


@dataclass
class SpeakerCheck:
    """Quotes seen, quotes with a speaker, and the ones whose speaker is no entity of the briefing."""

    quotes: int = 0
    named: int = 0
    bad: list[str] = field(default_factory=list)  # "file: speaker_name"


def not_an_entity(meta: dict[str, Any]) -> list[str]:
    """Speaker names of a briefing's quotes that do not name one of its people or organizations."""
    people = {e.get("id"): e.get("name") for e in meta.get("people") or []}
    names = {**{e.get("id"): e.get("name") for e in meta.get("organizations") or []}, **people}
    # a news agency is a credit line when the briefing credits it as the article's source; an agency
    # the story cites ("writes the Associated Press") is an organization of the briefing like any other
    credited = {str(a).lower() for a in ((meta.get("source") or {}).get("agencies") or [])}
    out = []
    for q in meta.get("quotes") or []:
        name = (q.get("speaker_name") or "").strip()
        if not name and not q.get("speaker"):
            continue
        low = name.lower()
        if (
            names.get(q.get("speaker")) != name
            or (low in PRONOUNS | _RELATIVES and not name.isupper())  # "who", never "WHO"
            or (low in AGENCIES and (low in credited or q.get("speaker") in people))
            or (low == (meta.get("location") or "").lower() and q.get("speaker") not in people)  # dateline
        ):
            out.append(name or str(q.get("speaker")))
    return out


def check_folder(folder: Path) -> SpeakerCheck:
    """Every briefing of a folder: its quotes, named speakers and speakers that are not entities."""
    result = SpeakerCheck()
    for path in sorted(folder.rglob("*.md")):
        meta, _, _ = split(path.read_text(encoding="utf-8"), path)
        quotes = meta.get("quotes") or []
        result.quotes += len(quotes)
        result.named += sum(1 for q in quotes if q.get("speaker_name"))
        result.bad += [f"{path.name}: {name}" for name in not_an_entity(meta)]
    return result


def unpack_pages(html_dir: Path, out: Path) -> int:
    """The benchmark's ``*.html.gz`` pages as plain ``.html`` files that `briefbook ingest` reads."""
    n = 0
    for page in sorted(html_dir.glob("*.html.gz")):
        (out / page.name[: -len(".gz")]).write_bytes(gzip.decompress(page.read_bytes()))
        n += 1
    return n


def run(shared_dir: Path, ingest: Ingest | None = None, cwd: Path | None = None) -> dict[str, Any]:
    """Ingest the benchmark pages into a temporary folder and count speakers that are not entities.

    Returns ``{"available": True, "metrics": {...}, "examples": [...], "command": str}`` or
    ``{"available": False, "reason": str}``.
    """
    html_dir = Path(shared_dir) / "benchmarks" / "article-extraction" / "html"
    if not html_dir.is_dir():
        return {"available": False, "reason": f"missing {html_dir}"}
    do_ingest = ingest or (lambda a, o: cli_ingest(a, o, cwd))
    start = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="briefbook-speakers-") as tmp:
            pages, out = Path(tmp) / "pages", Path(tmp) / "briefings"
            pages.mkdir()
            out.mkdir()
            n = unpack_pages(html_dir, pages)
            command = do_ingest(pages, out)
            check = check_folder(out)
    except (EvalError, subprocess.TimeoutExpired, OSError, ValueError) as exc:
        return {"available": False, "reason": str(exc)}
    return {
        "available": True,
        "metrics": {"pages": n, "quotes": check.quotes, "named": check.named, "not_entity": len(check.bad)},
        "examples": check.bad[:20],
        "command": command,
        "seconds": round(time.perf_counter() - start, 1),
    }


def main() -> int:
    """Print the count (``python -m tools.evaluation.speakers_bench [SHARED]``)."""
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd().parent / "shared"
    result = run(shared)
    if not result["available"]:
        print(f"not available: {result['reason']}", file=sys.stderr)
        return 1
    m = result["metrics"]
    print(f"{m['not_entity']} of {m['named']} named speakers are not entities ({m['quotes']} quotes, {m['pages']} pages)")
    for line in result["examples"]:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
