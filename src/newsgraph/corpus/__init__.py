"""Corpus-level work: reading sources into article records (and, later, linking articles)."""
