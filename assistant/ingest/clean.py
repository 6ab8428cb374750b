"""Cleaning text documents: HTML and inline markdown to plain text, site chrome dropped, heading sections found.

Pure functions of text, so tests need no files: `clean_text` turns a Markdown, text or HTML file's contents
into plain text with "#" heading lines, and `find_sections` strips those marks and returns the heading path
of every span. Tabs are kept exactly, because tables are found by their tab-separated rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bs4 import BeautifulSoup, Tag
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdownify import MarkdownConverter

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
    if suffix.lower() == ".html":
        text = _html_to_markdown(text)
    lines = _drop_site_chrome(text.split("\n"))
    cleaned: list[str] = []
    for line in lines:
        pieces = _html_fragment_lines(line) if _HTML_TAG.search(line) else [line]
        for piece in pieces:
            piece = _markdown_inline_text(piece).rstrip(" ")
            cleaned.append(piece if piece.strip() else "")
    return "\n".join(_collapse_blank_lines(cleaned)).strip("\n")


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


def _html_to_markdown(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["head", "script", "style", "noscript", "template"]):
        tag.decompose()
    return MarkdownConverter(heading_style="ATX", bullets="-").convert_soup(soup)


def _drop_site_chrome(lines: list[str]) -> list[str]:
    """Drop banner lines above the first line of content, and "Read more >>" cross-links anywhere."""
    start = 0
    while start < len(lines) and (not lines[start].strip() or _CHROME.search(lines[start])):
        start += 1
    return [line for line in lines[start:] if not _READ_MORE.match(line)]


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
    return MarkdownIt("commonmark", {"html": False})
