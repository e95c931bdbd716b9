#!/usr/bin/env python3
"""`make eval`: measure briefbook against its peers; the work is in tools.evaluation.report."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tools/ lives in the checkout, not the install

from tools.evaluation.report import main

if __name__ == "__main__":
    sys.exit(main())
