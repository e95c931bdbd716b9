"""briefbook: news articles in, cross-linked briefings out."""

__version__ = "0.1.0"
