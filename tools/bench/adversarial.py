"""Articles that fight back: long runs of the characters that once made ingest crawl.

Each is a title, a dateline sentence and then ``size`` bytes of one repeated piece (runs of
quotation marks, commas, parentheses, dots, ``AT&T``, a repeated attribution). ``make bench``
times ingest on them (:func:`main`): every article must be done within :data:`BUDGET_PER_100KB`
seconds per 100 kB or reported as failed within the time budget.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

# (name, repeated piece); a run of one character is the worst case for a scanner or a tokenizer
PIECES: tuple[tuple[str, str], ...] = (
    ("straight-quotes", '"'),
    ("commas", ","),
    ("curly-quotes", "\u201c\u201d"),
    ("parentheses", "(("),
    ("close-parentheses", "))"),
    ("att", "AT&T "),
    ("said", '"We will," said Kim, '),
    ("dots", "."),
    ("spaced-dots", ". "),
    ("quote-comma", '",'),
    ("lowercase", "the port will open soon and "),
    ("spaced-parentheses", "( "),
    ("capitalised", "Port Authority Of "),
    ("dates", "March 3, "),
    ("dated-prose", "The minister said on March 3, 2025 that on Monday, March 4 the port "),
    ("names", "Minister Kim Min-ji of the Ministry of Oceans and Fisheries (MOF) met Lee Jae-myung, "),
    ("emails", "a.b@c "),
    # the control: ordinary prose, to compare the ms per kB of the others with
    ("prose", "The port authority said on Monday that the new flood gates would open in March. "),
)
BUDGET_PER_100KB = 2.0  # seconds


def article(piece: str, size: int = 100_000) -> str:
    """A plausible head, then ``size`` bytes made of ``piece`` repeated."""
    head = ("Port talks run long\n\nBUSAN, March 3, 2025 -- Port officials met on Monday to discuss "
            "shipping lanes, the ministry said.\n\n")
    body = (piece * (size // len(piece.encode("utf-8")) + 1)).encode("utf-8")[:size].decode("utf-8", "ignore")
    return head + body + "\n"


def write_articles(folder: Path, size: int = 100_000) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, piece in PIECES:
        path = folder / f"{name}.txt"
        path.write_text(article(piece, size), encoding="utf-8")
        out.append(path)
    return out


def time_one(path: Path, out: Path, seconds: float) -> tuple[float, str]:
    """Seconds ingest takes on one article in this process (spaCy loaded already), and its outcome."""
    from briefbook.pipeline import ingest

    start = time.perf_counter()
    report = ingest([path], out, seconds=seconds)
    took = time.perf_counter() - start
    outcome = report.outcomes[0]
    return took, outcome.status + (f": {outcome.message.split(': ', 1)[-1]}" if outcome.message else "")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench-adversarial", description=__doc__.split("\n\n")[0])
    p.add_argument("--size", type=int, default=100_000, help="bytes of each article (default 100,000)")
    p.add_argument("--small", type=int, default=10_000,
                   help="bytes of the same articles timed without a limit, to compare ms per kB (default 10,000)")
    args = p.parse_args(argv)
    from briefbook.extract.nlp import pipeline

    pipeline()
    budget = BUDGET_PER_100KB * args.size / 100_000
    worst = 0.0
    over = []
    print(f"adversarial articles: {args.small:,} bytes without a time limit, then {args.size:,} bytes "
          f"with a limit of {budget:g} s each")
    with tempfile.TemporaryDirectory(prefix="bench-adversarial-") as tmp:
        small = {p.stem: p for p in write_articles(Path(tmp) / "small", args.small)}
        for path in write_articles(Path(tmp) / "articles", args.size):
            took_small, _ = time_one(small[path.stem], Path(tmp) / "out-small" / path.stem, 600)
            took, status = time_one(path, Path(tmp) / "out" / path.stem, budget)
            kb = path.stat().st_size / 1000
            ms_per_kb = took * 1000 / kb
            worst = max(worst, ms_per_kb)
            small_ms = took_small * 1000 / (small[path.stem].stat().st_size / 1000)
            print(f"{path.stem:<18} {small_ms:7.1f} ms/kB at {args.small // 1000} kB   {ms_per_kb:7.1f} ms/kB "
                  f"at {kb:.0f} kB ({took:5.2f} s)  {status}", flush=True)
            # a failure must come within the budget too: a little slack for the signal to land
            if took > budget + 0.5:
                over.append(path.stem)
    print(f"adversarial articles: worst {worst:.1f} ms per kB at {args.size // 1000} kB "
          f"(each done or reported failed within {budget:g} s: {'no, ' + ', '.join(over) if over else 'yes'})")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
