"""A PDF page as lines of text with their position and style, minus running headers, footers and page numbers.

pdfplumber gives characters; the PDF reader needs lines it can classify (is this a heading? where does a
paragraph end?), so each line carries its box, its dominant font size and whether it is bold throughout.
Text inside a table's box is left out here: the table reader emits it once, as rows.

Running headers and footers ("OFFICIAL", "Community Safety Partnership – March 2024", the author line) are
found by repetition: a line in the top or bottom band of the page whose text (its page number aside) recurs at
the same height on more than half the pages. Page numbers ("Page 3 of 12", "- 3 -", a bare "3") in those
bands are dropped on any page. Without this, every chunk of a board pack would start with its letterhead.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass

MARGIN_BAND = 0.12  # the top and bottom 12% of the page hold headers, footers and page numbers
_SAME_HEIGHT = 3.0  # points of tolerance for "the same position" on different pages
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$|^\d{1,4}\s*\|\s*page$", re.IGNORECASE
)
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One line of text on a page, top-down coordinates in points."""

    page: int  # 1-based
    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float  # the font size most of its characters use, to 0.5 pt
    bold: bool  # nearly all its characters are in a bold face
    page_height: float

    @property
    def band(self) -> str:
        """"top" or "bottom" when the line sits in a page margin band, else ""."""
        if self.top < self.page_height * MARGIN_BAND:
            return "top"
        if self.bottom > self.page_height * (1 - MARGIN_BAND):
            return "bottom"
        return ""


def page_lines(page, number: int, skip_boxes: list[tuple[float, float, float, float]]) -> list[Line]:
    """The page's lines top to bottom, leaving out characters whose centre lies in one of `skip_boxes`."""

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in skip_boxes)

    view = page.filter(outside) if skip_boxes else page
    lines = []
    for raw in view.extract_text_lines(return_chars=True, strip=True):
        text = " ".join(raw["text"].split())
        chars = [c for c in raw["chars"] if c["text"].strip()]
        if not text or not chars:
            continue
        sizes = [round(c["size"] * 2) / 2 for c in chars]
        bold = sum(bool(_BOLD_FONT.search(c.get("fontname", ""))) for c in chars) >= 0.9 * len(chars)
        lines.append(Line(number, text, raw["top"], raw["bottom"], raw["x0"], raw["x1"],
                          statistics.mode(sizes), bold, float(page.height)))
    return lines


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """The same pages without running headers/footers and page numbers (see the module docstring)."""
    running = _running_heights(pages)

    def is_running(line: Line) -> bool:
        if not line.band:
            return False
        if _PAGE_NUMBER.match(line.text):
            return True
        heights = [running.get((line.band, shape)) for shape in _shapes(line)]
        return any(height is not None and abs(_height(line) - height) <= _SAME_HEIGHT for height in heights)

    return [[line for line in lines if not is_running(line)] for lines in pages]


def _shapes(line: Line) -> set[str]:
    """The line's text as is, and with its own page number folded, so "Board pack - 3" and "Board pack - 4"
    match, and so does a header that happens to hold the page's number elsewhere ("7 March 2025" on page 7).
    Other numbers must repeat exactly: "Annex 1" and "Annex 2" at the top of two pages are content."""
    text = line.text.casefold()
    return {text, re.sub(rf"(?<!\d){line.page}(?!\d)", "#", text)}


def _height(line: Line) -> float:
    """Distance from the page edge the line's band is on: footers line up from the bottom edge."""
    return line.top if line.band == "top" else line.page_height - line.bottom


def _running_heights(pages: list[list[Line]]) -> dict[tuple[str, str], float]:
    """{(band, shape): height} for lines repeated at one height on more than half the pages (at least 2)."""
    if len(pages) < 2:
        return {}
    seen: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for lines in pages:
        for line in lines:
            if line.band:
                for shape in _shapes(line):
                    seen[(line.band, shape)].append((line.page, _height(line)))
    running = {}
    for key, places in seen.items():
        height = statistics.median(h for _, h in places)
        pages_there = {page for page, h in places if abs(h - height) <= _SAME_HEIGHT}
        if len(pages_there) >= 2 and len(pages_there) > len(pages) / 2:
            running[key] = height
    return running
