"""Ingestion: the corpus folder in, documents, passages and the tidy performance-table frame out.

In: files in `corpus/` (one reader per format) and `manifest.json`. Out: `Document` records (clean text,
heading sections), `Chunk` passages, and one row per printed performance-table cell, each with the span it was
printed at, plus the problems met on the way. Never imports the question side.
"""
