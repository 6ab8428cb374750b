"""Turn a reader's blocks into a `Document`: clean text, heading sections, and where each line was printed.

Every format ends up as the same kind of text the Markdown reader gives: headings as their own lines,
paragraphs separated by blank lines, list items as bullet lines and table rows as tab-separated lines with
no blank line between them (so the one table finder reads tables from every format). Each block's place in
the source (page, sheet cells, CSV row) is kept as a `Location` over its span of the text, so a citation can
say "page 12" or "Braintree!D14".
"""

from __future__ import annotations

from assistant.ingest.readers import HEADING, LIST_ITEM, TABLE_ROW, Block
from assistant.records import Location, Section


def assemble(blocks: tuple[Block, ...]) -> tuple[str, tuple[Section, ...], tuple[Location, ...]]:
    """(text, sections, locations) for a reader's blocks, in reading order."""
    lines: list[str] = []
    locations: list[Location] = []
    headings: list[tuple[int, int, tuple[str, ...]]] = []  # (heading line start, content start, path)
    stack: list[tuple[int, str]] = []
    offset = 0
    previous = None
    for block in blocks:
        text = _one_line(block)
        if not text.strip():
            continue
        if previous is not None and not (block.kind == TABLE_ROW and previous == TABLE_ROW):
            lines.append("")
            offset += 1
        start = offset
        if block.kind == HEADING:
            level = max(block.level, 1)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, text))
            headings.append((start, start + len(text) + 1, tuple(title for _, title in stack)))
        lines.append(text)
        offset += len(text) + 1
        if block.where or block.cells:
            locations.append(Location(start, start + len(text), block.where, tuple(block.cells)))
        previous = block.kind
    full = "\n".join(lines)
    return full, _sections(full, headings), tuple(locations)


def _one_line(block: Block) -> str:
    """A block as one line of text: tables keep their tabs, everything else its words on one line."""
    if block.kind == TABLE_ROW:
        return "\t".join(" ".join(cell.split()) for cell in block.text.split("\t"))
    words = " ".join(block.text.split())
    return f"• {words}" if block.kind == LIST_ITEM and words else words


def _sections(text: str, headings: list[tuple[int, int, tuple[str, ...]]]) -> tuple[Section, ...]:
    sections = []
    first = headings[0][0] if headings else len(text)
    if text[:first].strip():
        sections.append(Section((), 0, first))
    for i, (_, start, path) in enumerate(headings):
        end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        sections.append(Section(path, min(start, end), end))
    return tuple(sections)
