"""Extraction: from cleaned paragraphs to people, organizations, initiatives, quotes and events.

Each extractor is a function of the parsed paragraphs (spaCy Docs) and of what earlier
extractors found; :func:`briefbook.extract.article.extract` runs them in order.
"""
