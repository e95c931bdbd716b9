"""The large public development corpora: PolNeAR (direct quotes) and CoNLL-2003 (people, organizations).

Neither corpus may be redistributed, so nothing of them lives in the repository: a developer fetches
and converts them once (``../shared/eval/polnear/README.md``, ``../shared/eval/conll/README.md``) into
a folder outside the checkout, by default ``../corpora`` beside it (or ``$BRIEFBOOK_CORPORA``):

    ../corpora/polnear-dev/{articles,gold}     convert.py SNAPSHOT --split dev --out ../corpora/polnear-dev
    ../corpora/conll-dev/{articles,gold}       convert.py --snapshot SNAPSHOT --split dev --out ../corpora/conll-dev
    ../corpora/polnear-train, conll-train      the same with --split train (only with --train: minutes)

A split that is not there is one "not available" line, never a failure. Each split goes through the
real command line (``briefbook ingest``) and the shared scorer of its corpus, and the peers on the same
articles (textacy's quotes, spaCy's PERSON and ORG alone) go through the same scorer.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dev import EvalError, cli_ingest

# The scorers' closing lines: "polnear_direct: quotes_f1=0.84 attribution=0.76 …" and
# "people_p=0.929 people_r=0.625 people_f1=0.747 orgs_p=… docs=100".
_FIGURE = re.compile(r"(\w+)=([0-9.]+)")


@dataclass(frozen=True)
class Split:
    """One converted split of one corpus, and how its scorer is called."""

    corpus: str  # "polnear" or "conll"
    name: str  # "dev" or "train"
    section: str = ""  # CoNLL only: "news", "sports" or "" (all stories)

    @property
    def key(self) -> str:
        return f"{self.corpus}-{self.name}" + (f"-{self.section}" if self.section else "")

    def folder(self, corpora: Path) -> Path:
        return corpora / f"{self.corpus}-{self.name}"

    def scorer(self, shared: Path) -> Path:
        return shared / "eval" / self.corpus / "score.py"

    def score_args(self) -> list[str]:
        if self.corpus == "conll":
            return ["--quiet", *(["--section", self.section] if self.section else [])]
        return ["--quiet"]


def corpora_dir(explicit: Path | None = None) -> Path:
    """Where the converted corpora are: the argument, ``$BRIEFBOOK_CORPORA``, or ``../corpora``."""
    if explicit is not None:
        return explicit
    env = os.environ.get("BRIEFBOOK_CORPORA")
    return Path(env) if env else Path("..") / "corpora"


def missing(split: Split, corpora: Path, shared: Path) -> str | None:
    """Why a split cannot be scored (in words a developer can act on), or None."""
    folder = split.folder(corpora)
    for needed in (folder / "articles", folder / "gold", split.scorer(shared)):
        if not needed.exists():
            return (f"{needed} not found: fetch and convert the corpus as "
                    f"../shared/eval/{split.corpus}/README.md says (kept outside the repository)")
    return None


def parse_figures(stdout: str) -> dict[str, float]:
    """The name=value pairs of the scorer's last non-empty line."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    if not lines:
        raise EvalError("the scorer printed nothing")
    return {k: float(v) for k, v in _FIGURE.findall(lines[-1])}


def score(split: Split, pred: Path, corpora: Path, shared: Path) -> dict[str, float]:
    cmd = [sys.executable, str(split.scorer(shared)), "--gold", str(split.folder(corpora) / "gold"),
           "--pred", str(pred), *split.score_args()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    if proc.returncode != 0:
        raise EvalError(f"{split.scorer(shared).name} failed ({proc.returncode}): {proc.stderr.strip()[-300:]}")
    return parse_figures(proc.stdout)


def run_corpus(corpus: str, name: str, shared: Path, corpora: Path | None = None,
               cwd: Path | None = None, peers: bool = True) -> dict[str, Any]:
    """Ingest one split once, score it (CoNLL: news, sports and all), and the peers beside it.

    Returns ``{"available": True, "metrics": {section: figures}, "peers": {section: figures}, ...}``
    or ``{"available": False, "reason": ...}``.
    """
    corpora = corpora_dir(corpora)
    sections = ("news", "sports", "") if corpus == "conll" else ("",)
    splits = [Split(corpus, name, s) for s in sections]
    if reason := missing(splits[0], corpora, shared):
        return {"available": False, "reason": reason}
    start = time.perf_counter()
    articles = splits[0].folder(corpora) / "articles"
    try:
        with tempfile.TemporaryDirectory(prefix=f"briefbook-{corpus}-") as tmp:
            ours, theirs = Path(tmp) / "ours", Path(tmp) / "peers"
            ours.mkdir()
            command = cli_ingest(articles, ours, cwd)
            metrics = {s.section or "all": score(s, ours, corpora, shared) for s in splits}
            peer_metrics: dict[str, dict[str, float]] = {}
            if peers:
                theirs.mkdir()
                _peer_briefings(articles, theirs)
                peer_metrics = {s.section or "all": score(s, theirs, corpora, shared) for s in splits}
    except (EvalError, subprocess.TimeoutExpired, OSError, ImportError, ValueError) as exc:
        return {"available": False, "reason": str(exc)}
    return {"available": True, "metrics": metrics, "peers": peer_metrics, "command": command,
            "articles": sum(1 for _ in articles.glob("*.txt")),
            "seconds": round(time.perf_counter() - start, 1)}


def _peer_briefings(articles: Path, out: Path) -> None:
    """spaCy's entities and textacy's quotes on the raw articles (the peers of the small sets)."""
    from . import peers

    quotes, _ = peers.quote_finder()
    peers.write_peer_briefings(articles, out, peers.load_nlp(), quotes)


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.evaluation.corpora [polnear|conll] [--split dev|train]``: print the figures."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m tools.evaluation.corpora")
    ap.add_argument("corpus", choices=["polnear", "conll"])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--shared", type=Path, default=Path("..") / "shared")
    ap.add_argument("--corpora", type=Path, default=None, help="converted corpora (default ../corpora)")
    ap.add_argument("--no-peers", action="store_true")
    args = ap.parse_args(argv)
    result = run_corpus(args.corpus, args.split, args.shared, args.corpora, peers=not args.no_peers)
    if not result.get("available"):
        print(f"not available: {result.get('reason')}")
        return 1
    for who in ("metrics", "peers"):
        for section, figures in result[who].items():
            shown = " ".join(f"{k}={v:g}" for k, v in figures.items())
            print(f"{'briefbook' if who == 'metrics' else 'peers'} {section}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
