"""Near-duplicate stories: the same article republished by two outlets becomes one briefing.

Two bodies are the same story when their sets of word shingles (runs of ``K`` words, case and
punctuation ignored) overlap by at least ``THRESHOLD`` (Jaccard similarity). Comparing every pair
is quadratic, so :class:`DuplicateIndex` first finds candidates with MinHash and locality-sensitive
hashing (bands of min-hashes that must agree exactly) and then confirms each candidate with the
exact Jaccard similarity. With 20 bands of 5 rows, a pair at 0.8 is a candidate with probability
0.9996; a pair at 0.3 with probability 0.05, and is then rejected by the exact check.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

import numpy as np

K = 5
THRESHOLD = 0.8
BANDS = 20
ROWS = 5
_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20251029)  # fixed: signatures must agree between runs
_A = _rng.integers(0, 1 << 63, size=BANDS * ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 1 << 63, size=BANDS * ROWS, dtype=np.uint64)
_SHIFT = np.uint64(32)
_MIX = np.uint32(0x01000193)  # FNV prime: spreads word hashes across the run


def shingles(text: str | Iterable[str], k: int = K) -> np.ndarray:
    """Sorted distinct 32-bit hashes of the k-word runs of a text (or of paragraphs joined).

    A text of at most ``k`` words gives one shingle. Each word is hashed once and a run's hash
    is a polynomial of its words' hashes (uint32 arithmetic wraps), so the cost is one hash per
    word. Arrays, not sets: a corpus of 10,000 briefings keeps millions of shingles in memory.
    """
    if not isinstance(text, str):
        text = "\n".join(text)
    words = _WORD.findall(text.casefold())
    if not words:
        return np.empty(0, dtype=np.uint32)
    h = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint32, count=len(words))
    if len(words) <= k:
        k = len(words)
    n = len(words) - k + 1
    acc = np.zeros(n, dtype=np.uint32)
    for j in range(k):
        acc = acc * _MIX + h[j : j + n]
    return np.unique(acc)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """|a ∩ b| / |a ∪ b| of two shingle arrays."""
    if not a.size or not b.size:
        return 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter)


def signature(sh: np.ndarray) -> np.ndarray:
    """The MinHash signature: for each of BANDS*ROWS hash functions, the smallest hash of a shingle."""
    x = sh.astype(np.uint64)
    # Multiply-shift hashing: (a*x + b) mod 2**64, top 32 bits; numpy wraps uint64 silently.
    return ((np.outer(x, _A) + _B) >> _SHIFT).min(axis=0)


@dataclass
class Match:
    key: Hashable
    similarity: float


@dataclass
class DuplicateIndex:
    """Bodies added under a key; :meth:`query` returns the keys of near-identical ones."""

    threshold: float = THRESHOLD
    _shingles: dict[Hashable, np.ndarray] = field(default_factory=dict)
    _buckets: list[dict[bytes, list[Hashable]]] = field(default_factory=lambda: [{} for _ in range(BANDS)])

    def __len__(self) -> int:
        return len(self._shingles)

    def add(
        self, key: Hashable, text: str | Iterable[str] | np.ndarray, sig: np.ndarray | None = None
    ) -> list[Match]:
        """Index a body and return the near-duplicates that were already indexed.

        ``text`` may be shingles already, and ``sig`` their signature (both are cached by check).
        """
        sh = text if isinstance(text, np.ndarray) else shingles(text)
        if not sh.size:
            self._shingles[key] = sh
            return []
        if sig is None:
            sig = signature(sh)
        found = self._matches(sh, sig, exclude=key)
        self._shingles[key] = sh
        for band in range(BANDS):
            bucket = sig[band * ROWS : (band + 1) * ROWS].tobytes()
            self._buckets[band].setdefault(bucket, []).append(key)
        return found

    def query(self, text: str | Iterable[str] | np.ndarray, sig: np.ndarray | None = None) -> list[Match]:
        """Indexed bodies near-identical to ``text``, most similar first (``sig`` as in `add`)."""
        sh = text if isinstance(text, np.ndarray) else shingles(text)
        if not sh.size:
            return []
        return self._matches(sh, signature(sh) if sig is None else sig)

    def _matches(self, sh: np.ndarray, sig: np.ndarray, exclude: Hashable = None) -> list[Match]:
        if not self._shingles:
            return []
        candidates: set[Hashable] = set()
        for band in range(BANDS):
            bucket = sig[band * ROWS : (band + 1) * ROWS].tobytes()
            candidates.update(self._buckets[band].get(bucket, ()))
        candidates.discard(exclude)
        out = []
        for key in candidates:
            sim = jaccard(sh, self._shingles[key])
            if sim >= self.threshold:
                out.append(Match(key, sim))
        out.sort(key=lambda m: (-m.similarity, str(m.key)))
        return out
