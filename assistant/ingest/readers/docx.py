"""Read a Word document (.docx) into blocks: headings, paragraphs, list items and table rows, in order.

The body is walked as Word stores it (paragraphs and tables interleaved), so a table stays under the
heading it belongs to. Headings come from the paragraph's style (Title, Heading 1-6, or any style or
paragraph with an outline level), and, because minutes are often typed with bold "Normal" lines instead
of heading styles, from a short paragraph that is bold throughout (one level below the last styled
heading). Table-of-contents entries (TOC 1-9 styles) are skipped: they repeat the headings. Word has no
stable page numbers, so `where` is "": the heading path locates a block. The title is the core
properties' title or, when that is empty, the first level-1 heading.

Table rows keep the table's grid: a cell merged across columns gives its text once followed by empty
cells, and a cell merged down gives its text in its first row only, so every row has one value per column.

The file is a zip: its directory is checked before python-docx inflates anything (a zip bomb renamed
.docx is refused), and an OLE file under a .docx name is reported as password-protected or legacy .doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from assistant.ingest.readers import (
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_ROW,
    Block,
    Extracted,
    ReaderError,
)
from assistant.ingest.readers.cell_text import iso_date
from assistant.ingest.readers.containers import is_ole, ole_stream_names, zip_names

_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^toc \d$", re.IGNORECASE)
_BOLD_HEADING_MAX_CHARS = 100
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: str | Path) -> Extracted:
    """Blocks in document order; title, author and created date from the core properties."""
    path = Path(path)
    _refuse_ole(path)
    if "word/document.xml" not in zip_names(path):
        raise ReaderError(f"{path.name} is a zip archive but not a Word document (it has no word/document.xml)")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors... for damaged parts
        raise ReaderError(f"{path.name} could not be opened as a Word document: it looks damaged ({exc})") from exc
    blocks: list[Block] = []
    last_level = 0
    for item in body_items(document.element.body, document._body):
        if isinstance(item, Table):
            blocks += table_blocks(item)
            continue
        block = paragraph_block(item, last_level)
        if block is not None:
            blocks.append(block)
            if block.kind == HEADING and not _bold_only(item):
                last_level = block.level
    properties = document.core_properties
    title = " ".join((properties.title or "").split())
    if not title:  # many council templates leave it empty: the document's first top heading names it
        title = next((b.text for b in blocks if b.kind == HEADING and b.level == 1), "")
    return Extracted(
        blocks=tuple(blocks),
        title=title,
        publisher=(properties.author or "").strip(),
        date=iso_date(properties.created),
        kind="Word document",
    )


def body_items(element, parent) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables in document order, including those wrapped in content controls (w:sdt),
    which council templates use for their fill-in sections and python-docx's iter_inner_content skips."""
    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            yield Paragraph(child, parent)
        elif child.tag == f"{_W}tbl":
            yield Table(child, parent)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from body_items(content, parent)


def paragraph_block(paragraph: Paragraph, last_level: int = 0) -> Block | None:
    """HEADING, LIST_ITEM or PARAGRAPH for one paragraph; None when it holds no text."""
    text = " ".join(paragraph.text.split())
    if not text or _TOC_STYLE.match(_style_name(paragraph)):
        return None  # a table of contents repeats the headings (with page numbers Word may not have updated)
    level = heading_level(paragraph)
    if level:
        return Block(HEADING, text, level=level)
    depth = list_depth(paragraph)
    if depth:
        return Block(LIST_ITEM, text, level=depth)
    if _bold_only(paragraph) and len(text) <= _BOLD_HEADING_MAX_CHARS and not text.endswith((".", ",", ";")):
        return Block(HEADING, text, level=min(last_level + 1, 6))
    return Block(PARAGRAPH, text)


def heading_level(paragraph: Paragraph) -> int:
    """1-6 for Title / Heading N / an outline level on the paragraph or its style chain; 0 otherwise."""
    style = paragraph.style
    while style is not None:
        name = style.name or ""
        if name.lower() == "title":
            return 1
        match = _HEADING_STYLE.match(name)
        if match:
            return min(int(match.group(1)), 6)
        outline = _outline_level(style.element)
        if outline is not None:
            return outline
        style = style.base_style
    return _outline_level(paragraph._p) or 0  # a direct outline level on the paragraph itself


def _outline_level(element) -> int | None:
    """Word's w:outlineLvl (0 = top; 9 = body text) as a heading level 1-6, or None."""
    found = element.find(f"{_W}pPr/{_W}outlineLvl")
    if found is None:
        return None
    value = int(found.get(f"{_W}val", "9"))
    return min(value + 1, 6) if value < 9 else None


def list_depth(paragraph: Paragraph) -> int:
    """1 + the nesting level for a list paragraph (numbering properties or a List style); 0 otherwise."""
    num_pr = paragraph._p.find(f"{_W}pPr/{_W}numPr")
    if num_pr is not None:
        num_id = num_pr.find(f"{_W}numId")
        if num_id is not None and num_id.get(f"{_W}val") == "0":
            return 0  # numId 0 switches numbering off
        ilvl = num_pr.find(f"{_W}ilvl")
        return int(ilvl.get(f"{_W}val", "0")) + 1 if ilvl is not None else 1
    name = _style_name(paragraph)
    if name.lower().startswith("list"):
        trailing = re.search(r"(\d)$", name)
        return int(trailing.group(1)) if trailing else 1  # "List Bullet 2" is nested once
    return 0


def _style_name(paragraph: Paragraph) -> str:
    return (paragraph.style.name or "") if paragraph.style is not None else ""


def _bold_only(paragraph: Paragraph) -> bool:
    """Every run with text is bold (directly or through its character style)."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold or (run.style is not None and run.style.font.bold) for run in runs)


def table_blocks(table: Table) -> list[Block]:
    """One TABLE_ROW per row with text, one value per grid column (merged cells give their text once)."""
    blocks = []
    for row in table.rows:
        values = [""] * row.grid_cols_before
        for tc in row._tr.tc_lst:  # the row's own cells: python-docx's row.cells repeats merged ones
            span = tc.grid_span
            if tc.vMerge == "continue":
                values += [""] * span
            else:
                values += [" ".join(_Cell(tc, table).text.split())] + [""] * (span - 1)
        values += [""] * row.grid_cols_after
        if any(values):
            blocks.append(Block(TABLE_ROW, "\t".join(values)))
    return blocks


def _refuse_ole(path: Path) -> None:
    """An OLE file named .docx is encrypted (password) or a legacy .doc renamed: say which."""
    if not is_ole(path):
        return
    if "EncryptionInfo" in ole_stream_names(path):
        raise ReaderError(
            f"{path.name} is password-protected (encrypted): remove the password (File › Info › Protect "
            "Document › Encrypt with Password, clear it) and add it again"
        )
    raise ReaderError(f"{path.name} is a legacy Word .doc file: save it as .docx (File › Save As) and add it again")
