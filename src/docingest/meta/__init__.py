"""Helpers of the built-in metadata extractor: JSON-LD, dates, author names, titles, URLs and languages."""
