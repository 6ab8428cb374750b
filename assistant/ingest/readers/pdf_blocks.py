"""From a PDF's styled lines to blocks: which lines are headings, and where paragraphs begin and end.

A PDF stores lines, not paragraphs or headings, so both are inferred from how the page looks:

- Headings: the body size is the font size most of the text uses. A line clearly larger than that, or
  bold throughout at about body size, is a heading; consecutive heading lines of one style are one
  heading (a title that wraps). Levels rank the heading styles: the largest size is level 1, then the
  next, with bold body-size headings last. A bold run longer than three lines is emphasis, not a heading.
  When the PDF has an outline (bookmarks) that matches its printed lines, the outline decides instead: the
  lines that spell out an outline title on that title's page are a heading at the outline's depth, and
  nothing else is (mixing the two would give two incompatible sets of levels).
- Paragraphs: lines join while they are close together, the same size, and the line before reached the
  right margin or did not end a sentence before a capital; a bullet ("•", "●", "-") or "1." starts a
  list item, and "2.1 " starts a new paragraph. A list item takes the indented lines under it, and the line
  under it at its own indent when it ran to the right margin (an item typeset without a hanging indent wraps
  there, and its tail, "June", means nothing as a paragraph of its own).
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.ingest.readers import HEADING, LIST_ITEM, PARAGRAPH, Block
from assistant.ingest.readers.pdf_lines import Line

LARGER = 1.5  # points above the body size that make a line "clearly larger"
_MAX_HEADING_LINES = 3
# A dash or star is a bullet only when a space follows: "-25% burglary" is a negative number, not a list item.
_BULLET = re.compile(r"^(?:[•●▪■◦‣○\uf0b7\uf0a7\uf076\uf0d8]\s*|[-–*]\s+)")
_NUMBERED_ITEM = re.compile(r"^(\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\([ivx]+\))\s+")
_NUMBERED_PARAGRAPH = re.compile(r"^\d+(\.\d+)+\.?\s")
_LABELLED = re.compile(r"^[A-Za-z][\w /&'’-]{0,30}:\s+\S")

Outline = dict[int, list[tuple[str, int]]]  # page -> [(normalised title, level)]


def body_size(lines: list[Line]) -> float:
    """The font size that most characters of the document use."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def heading_levels(lines: list[Line], body: float) -> dict[tuple[float, bool], int]:
    """{(size, bold): level} for the styles that make headings, ranked largest first."""
    styles = {(line.size, line.bold) for line in lines if _heading_style(line, body)}
    ranked = sorted(styles, key=lambda style: (-style[0], not style[1]))
    return {style: min(rank + 1, 6) for rank, style in enumerate(ranked)}


def _heading_style(line: Line, body: float) -> bool:
    return line.size >= body + LARGER or (line.bold and line.size >= body - 0.5)


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def page_blocks(lines: list[Line], levels: dict[tuple[float, bool], int], body: float,
                outline: Outline | None) -> list[tuple[float, Block]]:
    """(top of its first line, block) for one page's lines: headings, paragraphs, list items. The top lets
    the caller slot the page's tables in between."""
    kinds = outline_headings(lines, outline) if outline else _style_headings(lines, levels, body)
    right = max((line.x1 for line in lines if len(line.text) > 30), default=0.0)
    blocks: list[tuple[float, Block]] = []
    current: list[Line] = []
    kind, level = PARAGRAPH, 0

    def flush() -> None:
        if current:
            text = _join(current)
            if kind == LIST_ITEM:
                text = _BULLET.sub("", text, count=1)
            if text:
                blocks.append((current[0].top, Block(kind, text, level=level, where=f"page {current[0].page}")))
        current.clear()

    for index, line in enumerate(lines):
        line_kind, line_level = kinds[index]
        previous = current[-1] if current else None
        if line_kind == HEADING:
            if not (kind == HEADING and level == line_level and previous is not None and _close(previous, line)):
                flush()
            kind, level = HEADING, line_level
        elif _BULLET.match(line.text) or _NUMBERED_ITEM.match(line.text):
            flush()
            kind, level = LIST_ITEM, 1  # nesting is not recoverable from a PDF: every item is top-level
        elif previous is None or kind == HEADING or not _continues(previous, line, kind, current[0], right):
            flush()
            kind, level = PARAGRAPH, 0
        current.append(line)
    flush()
    return blocks


def _style_headings(lines: list[Line], levels: dict[tuple[float, bool], int], body: float) -> list[tuple[str, int]]:
    """(kind, level) per line from font styles. A run of more than three heading-style lines is emphasis,
    and so is a bold body-size line that starts with a label ("Action: KO to write to ..."): minutes
    print their actions in bold, and they are sentences, not section titles."""
    kinds = [(HEADING, levels[(l.size, l.bold)]) if (l.size, l.bold) in levels else (PARAGRAPH, 0) for l in lines]
    start = 0
    while start < len(lines):
        end = start
        while end + 1 < len(lines) and kinds[end + 1] == kinds[start] and _close(lines[end], lines[end + 1]):
            end += 1
        labelled = _LABELLED.match(lines[start].text) and not lines[start].size > body + LARGER / 2
        if kinds[start][0] == HEADING and (end - start + 1 > _MAX_HEADING_LINES or labelled):
            kinds[start : end + 1] = [(PARAGRAPH, 0)] * (end - start + 1)
        start = end + 1
    return kinds


def outline_headings(lines: list[Line], outline: Outline) -> list[tuple[str, int]]:
    """(kind, level) per line: lines that spell out an outline title of their page are headings."""
    kinds = [(PARAGRAPH, 0)] * len(lines)
    for index, line in enumerate(lines):
        for title, level in outline.get(line.page, []):
            text = normalise(line.text)
            if not text or not title.startswith(text):
                continue
            end = index
            while text != title and end + 1 < len(lines) and title.startswith(f"{text} {normalise(lines[end + 1].text)}"):
                end += 1
                text = f"{text} {normalise(lines[end].text)}"
            if text == title:
                kinds[index : end + 1] = [(HEADING, level)] * (end - index + 1)
                break
    return kinds


def _close(above: Line, below: Line) -> bool:
    """No blank line between the two (the gap is under half a line of the lower one's size)."""
    return 0 <= below.top - above.bottom < 0.5 * max(below.size, 1.0) + 2


def _continues(previous: Line, line: Line, kind: str, first: Line, right: float) -> bool:
    """Whether `line` carries on the paragraph or list item whose last line is `previous`."""
    if not _close(previous, line) or abs(previous.size - line.size) >= 1 or _NUMBERED_PARAGRAPH.match(line.text):
        return False
    short = right and previous.x1 < right - max(0.15 * (right - first.x0), 40)
    if kind == LIST_ITEM:  # a hanging indent under the bullet, or a line the item wrapped onto at the margin
        return line.x0 > first.x0 + 2 or (not short and abs(line.x0 - first.x0) <= 2)
    ended = previous.text.endswith((".", ":", ";", "!", "?")) or line.text[:1].isupper() or line.text[:1].isdigit()
    return not (short and ended)  # a short line that ends a sentence (or precedes a capital) ends the paragraph


def _join(lines: list[Line]) -> str:
    """Lines of one block as one string; a line ending in a hyphen joins the next without a space."""
    text = ""
    for line in lines:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line.text[:1].islower():
            text += line.text
        else:
            text = f"{text} {line.text}" if text else line.text
    return text
