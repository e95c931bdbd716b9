"""The contributor's loop (issue 14): add an article, serve, correct, merge, every step green.

The tests of the project must hold for any corpus a contributor keeps in seeds/, briefings/ and
registry.yml, so none of them may read those folders; the sample corpus the tests use is the
frozen copy in tests/fixtures/seed_corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_test_reads_the_contributors_corpus():
    """`ROOT / "seeds"`, `ROOT / "briefings"` or `ROOT / 'registry.yml'` in a test ties it to today's corpus."""
    corpus = re.compile(r"""ROOT\s*/\s*["'](?:seeds|briefings|registry\.yml)["']""")
    offenders = [
        f"{path.name}:{n}"
        for path in sorted((ROOT / "tests").glob("*.py"))
        if path.name != Path(__file__).name  # this file names them to forbid them
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if corpus.search(line)
    ]
    assert offenders == []
