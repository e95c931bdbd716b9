"""The static site: pages generated from the corpus, and the MkDocs plugin that serves them."""
