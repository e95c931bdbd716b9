#!/usr/bin/env python3
"""`make bench`: the scale benchmark; the work is in briefbook.bench.run (see --help)."""

import sys

from briefbook.bench.run import main

if __name__ == "__main__":
    sys.exit(main())
