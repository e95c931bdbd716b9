#!/usr/bin/env python3
"""`make bench`: the scale benchmark; the work is in tools.bench.run (see --help)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tools/ lives in the checkout, not the install

from tools.bench.run import main

if __name__ == "__main__":
    sys.exit(main())
