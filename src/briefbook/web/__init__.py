"""Data in from the web: the polite client, feeds and sitemaps (``briefbook fetch``)."""
