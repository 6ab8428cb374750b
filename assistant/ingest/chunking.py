"""Cut documents into retrieval passages along section and sentence boundaries.

A chunk is always an exact slice of its document's cleaned text, so a citation can quote it and be
checked against the source; it never straddles two sections, and it never covers an excluded span
(the performance tables, which are answered from the data frame instead).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

import pysbd

from assistant.config import ChunkSettings
from assistant.records import Chunk, Document

Span = tuple[int, int]

# pysbd is slow next to everything else here; a line with no sentence end followed by more text
# (a bullet, a table row, a heading-like line) is one sentence, so it skips the segmenter.
_MAYBE_SEVERAL = re.compile(r"[.!?…][\"'”’)\]]*\s+\S")


def chunk_document(doc: Document, settings: ChunkSettings = ChunkSettings(),
                   exclude: Sequence[Span] = ()) -> list[Chunk]:
    """Chunks of whole sentences, at most `settings.max_chars` long (a longer sentence stands alone),
    each repeating the last `settings.overlap_sentences` sentences of the chunk before it in the same run.

    A run is a stretch of one section with no excluded text in it; chunks never leave their run.
    """
    chunks = []
    for section in doc.sections:
        for run in _runs(sentence_spans(doc.text, section.start, section.end), exclude):
            for group in pack_sentences(run, settings.max_chars, settings.overlap_sentences):
                start, end = group[0][0], group[-1][1]
                text = doc.text[start:end]
                if any(char.isalpha() for char in text):
                    chunks.append(Chunk(id=chunk_id(doc.id, start, end, text), document=doc.id,
                                        section_path=section.path, start=start, end=end, text=text,
                                        sentences=tuple(group)))
    return chunks


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """(start, end) of each sentence of text[start:end], in `text` coordinates, without surrounding space.

    Every non-empty line is at least its own sentence: bullets, table rows and headings carry no full stop.
    """
    end = len(text) if end is None else end
    spans = []
    line_start = start
    for line in text[start:end].split("\n"):
        if line.strip():
            spans.extend((line_start + a, line_start + b) for a, b in _line_sentences(line))
        line_start += len(line) + 1
    return spans


def pack_sentences(sentences: Sequence[Span], max_chars: int, overlap: int) -> list[list[Span]]:
    """Group consecutive sentences into chunks no longer than `max_chars` from first start to last end.

    Each new chunk starts with up to `overlap` sentences carried from the previous one, fewer when
    carrying them would push the chunk past `max_chars`.
    """
    groups: list[list[Span]] = []
    current: list[Span] = []
    for sentence in sentences:
        if current and sentence[1] - current[0][0] > max_chars:
            groups.append(current)
            current = current[-overlap:] if overlap > 0 else []
            while current and sentence[1] - current[0][0] > max_chars:
                current = current[1:]
        current.append(sentence)
    if current:
        groups.append(current)
    return groups


def chunk_id(document: str, start: int, end: int, text: str) -> str:
    """A short content hash: the same passage of the same document keeps its id across rebuilds."""
    return hashlib.sha1(f"{document}\x00{start}:{end}\x00{text}".encode()).hexdigest()[:16]


def _runs(sentences: list[Span], exclude: Sequence[Span]) -> Iterator[list[Span]]:
    """Split a section's sentences wherever excluded text lies, dropping the excluded sentences."""
    run: list[Span] = []
    previous_end = None
    for start, end in sentences:
        gap_start = start if previous_end is None else previous_end
        if _overlaps(gap_start, end, exclude):
            if run:
                yield run
            run = []
        if not _overlaps(start, end, exclude):
            run.append((start, end))
        previous_end = end
    if run:
        yield run


def _overlaps(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _line_sentences(line: str) -> list[Span]:
    """Sentence spans within one line, stripped of surrounding whitespace."""
    if not _MAYBE_SEVERAL.search(line):
        pieces = [(0, len(line))]
    else:
        pieces = [(piece.start, piece.end) for piece in _segmenter().segment(line)]
    spans = []
    for start, end in pieces:
        piece = line[start:end]
        stripped = piece.strip()
        if stripped:
            offset = start + (len(piece) - len(piece.lstrip()))
            spans.append((offset, offset + len(stripped)))
    return spans


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    # clean=False keeps the text untouched, so char spans index the line exactly.
    return pysbd.Segmenter(language="en", clean=False, char_span=True)
