#!/usr/bin/env python3
"""`make eval`: measure briefbook against its peers; the work is in briefbook.evaluation.report."""

import sys

from briefbook.evaluation.report import main

if __name__ == "__main__":
    sys.exit(main())
