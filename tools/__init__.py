"""`make eval` and `make bench`: measuring briefbook, kept out of the installed package.

They read the shared data sets (``../shared``) and use tools the package does not need (textacy,
dateparser, rapidfuzz: the ``dev`` extra), so they run from a checkout, never from an install."""
