"""Cut documents into retrieval passages along section and sentence boundaries.

A chunk is always an exact slice of its document's cleaned text, so a citation can quote it and be
checked against the source; it never straddles two sections (save a document's opening lines that readers
took for headings with nothing under them: its name, date and venue, one passage), and it never covers an
excluded span (the performance tables, which are answered from the data frame instead).
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
# A table cell that carries its column's name ("Owner: Revd Andrew Coulson"), as `assemble.labelled_table` prints
# every cell of a row after the first.
_LABELLED_CELL = re.compile(r"[^\t:]{1,60}: ")


def chunk_document(doc: Document, settings: ChunkSettings = ChunkSettings(),
                   exclude: Sequence[Span] = ()) -> list[Chunk]:
    """Chunks of whole sentences, at most `settings.max_chars` long (a longer sentence stands alone),
    each repeating the last `settings.overlap_sentences` sentences of the chunk before it in the same run.

    A run is a stretch of one section with no excluded text in it; chunks never leave their run.
    """
    chunks = []
    previous_end, opening, particulars = 0, True, []
    sections = [*doc.sections, None]  # None: the end, where particulars still gathered are emitted
    for section in sections:
        spans = sentence_spans(doc.text, section.start, section.end) if section is not None else []
        bare = section is not None and not any(doc.text[a:b].strip(" \t-•*#|") for a, b in spans)
        if opening and bare:  # a document's particulars are one passage: its name, date and venue read together
            particulars += _bare_heading(doc, section, previous_end)
            previous_end = max(previous_end, section.end)
            continue
        if opening and particulars:
            chunks += _chunks(doc, particulars, doc.sections[0].path[:1], settings, exclude)
        opening = False
        if section is None:
            break
        previous_end = max(previous_end, section.end)
        chunks += _chunks(doc, spans, section.path, settings, exclude)
    return chunks


def _chunks(doc: Document, spans: list[Span], path: tuple[str, ...], settings: ChunkSettings,
            exclude: Sequence[Span]) -> list[Chunk]:
    chunks = []
    for run in _runs(spans, exclude):
        for group in pack_sentences(run, settings.max_chars, settings.overlap_sentences):
            start, end = group[0][0], group[-1][1]
            text = doc.text[start:end]
            if any(char.isalpha() for char in text):
                chunks.append(Chunk(id=chunk_id(doc.id, start, end, text), document=doc.id, section_path=path,
                                    start=start, end=end, text=text, sentences=tuple(group)))
    return chunks


def _bare_heading(doc: Document, section, floor: int) -> list[Span]:
    """The lines a document opens with, read as headings with nothing under them, are its particulars, not
    titles: the date and the venue under a meeting's name ("15 May 2012", "LG Room 5, 102 Petty France"). Each
    one's text, found between the section before and this one, is its section's one sentence."""
    if not section.path:
        return []
    title = section.path[-1].strip()
    found = doc.text.rfind(title, floor, section.start + 1) if title else -1
    return [(found, found + len(title))] if found >= 0 else []


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
    """Sentence spans within one line, stripped of surrounding whitespace. A table row whose cells carry their
    column's name is one sentence, whatever its cells hold ("4. Serious violence<TAB>Lead: Dr B. Achterberg" is one
    row, not two sentences); other lines with tabs may be prose spaced with tabs, and are split like any other."""
    if not _MAYBE_SEVERAL.search(line) or _is_labelled_row(line):
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


def _is_labelled_row(line: str) -> bool:
    """A table row as `assemble.labelled_table` prints it: every filled cell after the first opens with its
    column's name."""
    cells = [cell for cell in line.split("\t") if cell.strip()]
    return len(cells) > 1 and all(_LABELLED_CELL.match(cell) for cell in cells[1:])


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    # clean=False keeps the text untouched, so char spans index the line exactly.
    return pysbd.Segmenter(language="en", clean=False, char_span=True)
