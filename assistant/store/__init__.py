"""The index on disk: embedding, building, saving and loading.

In: what ingestion produced. Out: `index/build-*/` folders (FAISS vectors, BM25, the table frame, documents,
manifest) made live by an atomic pointer, and a `LoadedIndex` that holds everything a question needs.
"""
