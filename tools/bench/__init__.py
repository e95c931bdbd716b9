"""The scale benchmark: a generated corpus of real article text, and the measurements of
ingest and site build at 100, 1,000 and 10,000 articles (``make bench``)."""
