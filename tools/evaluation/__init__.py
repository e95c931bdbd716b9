"""Measured quality: scorers and peers behind `make eval`; nothing here runs at ingest time."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def print_table(run: Callable[[Path], dict[str, Any]]) -> int:
    """The command-line face of a scoring step: ``python -m tools.evaluation.X [SHARED]``."""
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd().parent / "shared"
    result = run(shared)
    if not result["available"]:
        print(f"not available: {result['reason']}", file=sys.stderr)
        return 1
    print(result["table"])
    return 0
