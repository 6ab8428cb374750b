"""Cleaning text documents: HTML and inline markdown to plain text, site chrome dropped, heading sections found.

Pure functions of text, so tests need no files: `clean_text` turns a Markdown, text or HTML file's contents
(of a web page, only its main content: `web_page`) into plain text with "#" heading lines, and `find_sections` strips those marks and returns the heading path
of every span. Tabs are kept exactly, because tables are found by their tab-separated rows; a Markdown pipe table
("| Element | Cost |") becomes such rows too, and every table's rows carry their header (`assemble.labelled_table`).
Only tabs that an export left inside running text to justify it become spaces: that line is prose, not a row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt
from markdown_it.token import Token

from assistant.ingest.assemble import labelled_table
from assistant.ingest.web_page import WEB_PAGE_SUFFIXES, read_web_page
from assistant.records import Section

# Website chrome that scrapers keep above the article: cookie banners, "quick exit" links, beta notices.
_CHROME = re.compile(
    r"we use (some )?(essential |necessary )?cookies|cookie (settings|preferences|policy|notice)"
    r"|(accept|reject|customi[sz]e|manage) (all |additional )?cookies|quickly exit this site|leave this site"
    r"|there was a technical problem|this site is a beta|skip to (main )?content|enable javascript",
    re.IGNORECASE,
)
# Newspaper cross-links to other stories, which would otherwise read as part of the article.
_READ_MORE = re.compile(r"^\s*read more\s*(>>|»)", re.IGNORECASE)
# Real HTML tags only, so markdown autolinks such as <https://...> are left to the markdown step.
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|br|cite|code|del|div|em|font|h[1-6]|hr|i|img|ins|li|mark|ol|p|pre|"
    r"s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)\b[^<>]*>",
    re.IGNORECASE,
)
_BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "tr", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
# Characters that can start inline markdown; lines without any are already plain text.
_MARKDOWN_CHARS = re.compile(r"[*_\[\]`\\&<]")
# Tabs a PDF or Word export left inside running text to justify it ("Janet \tHughes asked that ... be publicly
# \treleased"): each follows a space, and the sentence carries on after one in lower case. Such a line is prose,
# not a table row.
_TAB_RUN = re.compile(r"[ \t]*\t[ \t]*")
# Non-breaking and other fixed-width spaces that pasted web text carries.
_ODD_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


def has_html(text: str) -> bool:
    """True when the text holds real HTML tags (markdown autolinks such as <https://...> do not count)."""
    return _HTML_TAG.search(text) is not None


def clean_text(raw: str, suffix: str) -> str:
    """Plain text with markdown headings kept as ATX lines ("## Heading"), ready for `find_sections`.

    HTML fragments and inline markdown become their visible text; tabs are kept exactly, because
    the table reader finds the performance tables by their tab-separated rows.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").translate(_ODD_SPACES)
    if suffix.lower() in WEB_PAGE_SUFFIXES:
        text = read_web_page(text).markdown
    lines = _pipe_tables(_drop_site_chrome(text.split("\n")))
    cleaned: list[str] = []
    for line in lines:
        pieces = _html_fragment_lines(line) if _HTML_TAG.search(line) else [line]
        for piece in pieces:
            piece = _markdown_inline_text(_without_spacing_tabs(piece)).rstrip(" ")
            cleaned.append(piece if piece.strip() else "")
    return "\n".join(_labelled_tables(_collapse_blank_lines(cleaned))).strip("\n")


def find_sections(markdown: str) -> tuple[str, tuple[Section, ...]]:
    """Strip the '#' markers from ATX headings and return (text, sections) in that text's coordinates.

    A section spans the lines after its heading up to the next heading; its path is the stack of
    enclosing headings by level. Text before the first heading has the empty path.
    """
    headings = _atx_headings(markdown)
    out: list[str] = []
    marks: list[tuple[int, int, tuple[str, ...]]] = []  # heading line start, content start, path
    stack: list[tuple[int, str]] = []
    offset = 0
    for number, line in enumerate(markdown.split("\n")):
        if number in headings:
            level, line = headings[number]
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, line))
            marks.append((offset, offset + len(line) + 1, tuple(title for _, title in stack)))
        out.append(line)
        offset += len(line) + 1
    text = "\n".join(out)
    sections = []
    first_heading = marks[0][0] if marks else len(text)
    if text[:first_heading].strip():
        sections.append(Section((), 0, first_heading))
    for i, (_, start, path) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        sections.append(Section(path, min(start, end), end))
    return text, tuple(sections)


def _drop_site_chrome(lines: list[str]) -> list[str]:
    """Drop banner lines above the first line of content, and "Read more >>" cross-links anywhere."""
    start = 0
    while start < len(lines) and (not lines[start].strip() or _CHROME.search(lines[start])):
        start += 1
    return [line for line in lines[start:] if not _READ_MORE.match(line)]


def _without_spacing_tabs(line: str) -> str:
    """The line with its tabs as single spaces when they only space out running text (see `_TAB_RUN`)."""
    runs = list(_TAB_RUN.finditer(line))
    if not runs or runs[0].start() == 0:  # a leading tab: a row whose first cell is empty, or an indent
        return line
    spacing = all(run.group().startswith(" ") for run in runs)
    carries_on = any(line[run.end():run.end() + 1].islower() for run in runs)
    return _TAB_RUN.sub(" ", line) if spacing and carries_on else line


def _pipe_tables(lines: list[str]) -> list[str]:
    """Markdown pipe tables as tab-separated rows, the delimiter row ("|---|---|") dropped and the body rows
    labelled by the header row the syntax marks. Cells keep their inline markdown for the line-by-line pass."""
    if not any("|" in line for line in lines):
        return lines
    tokens = _markdown().parse("\n".join(lines))
    out, done = [], 0
    for position, token in enumerate(tokens):
        if token.type != "table_open" or not token.map:
            continue
        start, end = token.map
        rows: list[list[str]] = []
        for inner in tokens[position + 1:]:
            if inner.type == "table_close":
                break
            if inner.type == "tr_open":
                rows.append([])
            elif inner.type == "inline" and rows:
                rows[-1].append(" ".join(inner.content.split()))
        out += lines[done:start] + labelled_table(["\t".join(row) for row in rows], header_marked=True)
        done = end
    return out + lines[done:]


def _labelled_tables(lines: list[str]) -> list[str]:
    """Each run of two or more tab-separated lines (a table typed with tabs) with its rows labelled."""
    out: list[str] = []
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and "\t" in lines[end]:
            end += 1
        if end - start >= 2:
            out += labelled_table(lines[start:end])
        else:
            out += lines[start:max(end, start + 1)]
        start = max(end, start + 1)
    return out


def _html_fragment_lines(line: str) -> list[str]:
    """The visible text of one line holding HTML, split where one block element follows another.

    Only a block after a block breaks the line, so "2.1<TAB><p>The ...</p>" stays one numbered line
    and "<p>Partnership Plan</p><TAB>Met" stays one table row; each <li> always starts a fresh line.
    """
    # Inside <pre> the parser keeps whitespace-only strings, such as the tab between two <b> cells,
    # which it would otherwise squash to one space.
    soup = BeautifulSoup(f"<pre>{line}</pre>", "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        if tag.name == "li" or _follows_block(tag):
            tag.insert_before("\n")
    pieces = [piece.strip(" ") for piece in soup.get_text().split("\n")]
    kept = [piece for piece in pieces if piece.strip()]
    return kept or [""]


def _follows_block(tag: Tag) -> bool:
    for sibling in tag.previous_siblings:
        if isinstance(sibling, Tag):
            return sibling.name in _BLOCK_TAGS
        if sibling.strip():
            return False
    return False


def _markdown_inline_text(line: str) -> str:
    """Visible text of inline markdown: emphasis markers go, links keep their text, escapes resolve."""
    if not _MARKDOWN_CHARS.search(line):
        return line
    return _inline_text(_markdown().parseInline(line)[0].children or [])


def _inline_text(tokens: Sequence[Token]) -> str:
    parts = []
    for token in tokens:
        if token.type in ("text", "code_inline", "image"):  # an image's content is its alt text
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _collapse_blank_lines(lines: list[str]) -> list[str]:
    """At most two blank lines in a row: page-break debris adds nothing."""
    out: list[str] = []
    blanks = 0
    for line in lines:
        blanks = blanks + 1 if not line else 0
        if blanks <= 2:
            out.append(line)
    return out


def _atx_headings(markdown: str) -> dict[int, tuple[int, str]]:
    """Line number -> (level, heading text) for '#' headings; setext underlines are ignored,
    because a stray '---' under a line of text is far more often a rule than a heading."""
    tokens = _markdown().parse(markdown)
    headings = {}
    for token, inline in zip(tokens, tokens[1:]):
        if token.type == "heading_open" and token.markup.startswith("#") and token.map:
            text = " ".join(_inline_text(inline.children or []).split())
            if text:
                headings[token.map[0]] = (int(token.tag[1]), text)
    return headings


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # Raw HTML was already turned into text; html=False keeps a literal "<" in prose as text.
    return MarkdownIt("commonmark", {"html": False}).enable("table")
