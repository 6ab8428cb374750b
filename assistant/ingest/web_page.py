"""A saved web page as a document: its title, date and publisher learned from the page, its main content as
Markdown for the cleaning every text document goes through (`clean.clean_text`).

A council adopting the assistant drops saved pages (press releases, news, bulletins, FAQ pages) into the corpus
with no manifest. What such a page says about itself is in its head and around its content, not in its text:
the headline is its <h1> (or og:title, or its <title> less the site's name), the date is a published-time meta
tag, the page's structured data or the <time> of its dateline, and the publisher is og:site_name, another
publisher tag, or the organisation named in its copyright line ("© 2024 Testshire County Council"). Those
take the place a Markdown file's front matter has (`front_matter.split_front_matter`), so a manifest still
overrides them and the document's printed date and file name still come after them (`dating.document_date`).
The text is only the page's main content (`web_content.main_content`), its tables read row by row with their
header (`web_tables`).

Pages are saved in whatever encoding their site used: bytes that are valid UTF-8 are read as UTF-8; others (a
page that prints "£" and curly quotes in windows-1252) in the encoding the page declares, latin-1 read as
windows-1252 the way browsers read it, and windows-1252, the encoding of most older UK sites, when it declares
none.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from markdownify import MarkdownConverter

from assistant.ingest.dating import printed_date, publisher_from_file
from assistant.ingest.web_content import main_content, word_count
from assistant.ingest.web_tables import is_layout_table, table_lines, unwrap_layout_table

WEB_PAGE_SUFFIXES = (".html",)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096
_BROWSERS_READ_AS_1252 = {"iso8859-1", "ascii", "cp1252"}  # the WHATWG encoding rules
_UTF8_TAIL = 3  # a character cut off at the end of a page leaves at most three of its bytes

# Meta tags and structured-data keys that date a page's publication, most specific first; then its last change.
_PUBLISHED_KEYS = ("article:published_time", "datepublished", "og:published_time", "dc.date.issued",
                   "dcterms.issued", "dcterms.created", "dc.date.created", "dc.date", "dcterms.date", "date",
                   "citation_publication_date", "publication_date", "publish-date", "pubdate")
_UPDATED_KEYS = ("article:modified_time", "datemodified", "og:updated_time", "dcterms.modified", "last-modified")
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title")
_PUBLISHER_KEYS = ("og:site_name", "publisher", "dc.publisher", "dcterms.publisher")
_ISO_START = re.compile(r"\s*((?:19|20)\d\d)-?(0[1-9]|1[0-2])(?:-?([0-3]\d))?(?![\d])")
_TITLE_SEPARATOR = r"\s+(?:[|–—»-]|::)\s+"
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_NOT_ORGANISATION = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b|\b(?:19|20)\d\d\b|\bcrown\b",
                               re.IGNORECASE)
_MAX_ORGANISATION_WORDS = 8
_DATELINE_EXTRA_WORDS = 3  # "Published on", "Posted:" beside a dateline's <time>
# Text that goes on after a <br> without a break in the sentence: a lower-case word, a figure, an amount.
_CARRIES_ON = re.compile(r"^\s*[a-z0-9£$€(]")
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_LINE_WRAP = re.compile(r"[ \t]*[\r\n]\s*")
_SHORT_DEFINITION_WORDS = 12
_BLOCKS = ["p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6"]
_ODD_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u200b": ""})


@dataclass(frozen=True)
class WebPage:
    """What a saved page says about itself, and its main content as Markdown."""

    title: str
    date: str  # ISO date (or year and month) of publication the page gives; "" when it gives none
    updated: str  # when the page says it last changed: a date to fall back on, after the printed one
    publisher: str
    markdown: str

    def front_matter(self) -> dict[str, str]:
        """The fields a manifest entry or front matter would give, as far as the page gives them."""
        fields = {"title": self.title, "date": self.date, "updated": self.updated, "publisher": self.publisher}
        return {key: value for key, value in fields.items() if value}


def decode_web_page(data: bytes) -> str:
    """A page's bytes as text (module docstring): by its byte-order mark; else as UTF-8 when they are UTF-8,
    whatever the page declares (a page re-saved as UTF-8 often keeps its old declaration, and text in a
    single-byte encoding almost never happens to be valid UTF-8); else in the encoding its <meta charset>
    declares, or windows-1252. Bytes the encoding cannot read become U+FFFD rather than stop the page."""
    for mark, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                           (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(mark):
            return data[len(mark):].decode(encoding, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - _UTF8_TAIL and error.reason == "unexpected end of data":
            return data[:error.start].decode("utf-8")  # a page cut off inside its last character
    return data.decode(_declared_encoding(data[:_SNIFF_BYTES]) or "cp1252", "replace")


def read_web_page(html: str) -> WebPage:
    """The page's own title, date and publisher, and its main content as Markdown."""
    soup = BeautifulSoup(html, "lxml")
    tags = _tags(soup)
    linked = _linked_data(soup)
    holder = _copyright_holder(soup)  # taken off the page whether or not a tag names the publisher already
    publisher = _first(tags, _PUBLISHER_KEYS) or linked.get("publisher", "") or holder or \
        publisher_from_file(tags.get("author", ""))
    date = _first_date(tags, linked, _PUBLISHED_KEYS)
    updated = _first_date(tags, linked, _UPDATED_KEYS)
    root = main_content(soup)
    date = date or _dateline(root)
    heading = root.find("h1")
    title = _text(heading) if heading is not None else ""
    title = title or _first(tags, _TITLE_KEYS) or _without_site_name(_text(soup.title) if soup.title else "",
                                                                     publisher)
    return WebPage(title, date, updated, publisher, _markdown(root))


# ------------------------------------------------------------------------------------------------- the text

class _PageMarkdown(MarkdownConverter):
    """markdownify, with tables read row by row under their header (`web_tables`)."""

    def convert_table(self, el, text, parent_tags):
        lines = table_lines(el)
        return "\n\n" + "\n".join(lines) + "\n\n" if lines else ""


def _markdown(root: Tag) -> str:
    for table in reversed(root.find_all("table")):
        if is_layout_table(table):
            unwrap_layout_table(table)
    for term in root.find_all("dt"):
        _term_and_definition(term)
    for term in root.find_all(["dt", "dd"]):
        term.name = "p"
    for summary in root.find_all("summary"):
        summary.name = f"h{min(_level_before(summary) + 1, 6)}"
    for br in root.find_all("br"):
        if _joins_sentence(br):
            br.replace_with(" ")
    for string in root.find_all(string=_LINE_WRAP):
        if string.find_parent(["pre", "code", "textarea"]) is None:  # wrapped source lines, not line breaks
            string.replace_with(_LINE_WRAP.sub(" ", str(string)))
    markdown = _PageMarkdown(heading_style="ATX", bullets="-").convert_soup(root)
    return markdown.translate(_ODD_SPACES)


def _term_and_definition(term: Tag) -> None:
    """A <dt> with a short <dd> after it as one line ("Published: 6 March 2025"), as a label and its value read;
    a long definition (an FAQ's answer) stays a paragraph of its own under its term."""
    definition = term.find_next_sibling(["dt", "dd"])
    if definition is None or definition.name != "dd" or word_count(definition) > _SHORT_DEFINITION_WORDS or \
            definition.find(_BLOCKS) is not None:
        return
    term.string = f"{_text(term).rstrip(':').strip()}: {_text(definition)}"
    definition.decompose()


def _level_before(tag: Tag) -> int:
    """The level of the heading an element follows (2 when none), so a question in an FAQ's <summary> sits
    under it as a section of its own."""
    heading = tag.find_previous(re.compile(r"^h[1-6]$"))
    return int(heading.name[1]) if heading is not None else 2


def _joins_sentence(br: Tag) -> bool:
    """A <br> inside a sentence ("officers were<br>called"), which only wrapped the line, not one ending a line
    of an address or a list typed with breaks."""
    before = br.find_previous(string=True)
    after = br.find_next(string=True)
    if before is None or after is None:
        return False
    return not _SENTENCE_END.search(str(before)) and bool(str(before).strip()) and \
        bool(_CARRIES_ON.match(str(after)))


# --------------------------------------------------------------------------------------- what the page says

def _tags(soup: BeautifulSoup) -> dict[str, str]:
    """Meta tags (and microdata) by lower-cased name, property or itemprop: the first of each name."""
    found: dict[str, str] = {}
    for tag in soup.find_all("meta") + soup.find_all(attrs={"itemprop": True}):
        key = str(tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv") or "")
        value = tag.get("content") or tag.get("datetime") or (_text(tag) if tag.name != "meta" else "")
        if key and value and str(value).strip():
            found.setdefault(key.strip().lower(), " ".join(str(value).split()))
    return found


def _linked_data(soup: BeautifulSoup) -> dict[str, str]:
    """datePublished, dateModified and the publisher's name from the page's JSON-LD, as far as it gives them."""
    found: dict[str, str] = {}
    for script in soup.find_all("script", type=re.compile("ld\\+json", re.IGNORECASE)):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in _items(data):
            for key in ("datePublished", "dateModified"):
                if isinstance(item.get(key), str):
                    found.setdefault(key.lower(), item[key])
            publisher = item.get("publisher")
            name = publisher.get("name") if isinstance(publisher, dict) else publisher
            if isinstance(name, str) and name.strip():
                found.setdefault("publisher", " ".join(name.split()))
    return found


def _items(data) -> list[dict]:
    """The objects of a JSON-LD block: one, a list, or an "@graph" of them."""
    items = data if isinstance(data, list) else [data]
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
            out += [inner for inner in item.get("@graph", []) if isinstance(inner, dict)]
    return out


def _first(tags: dict[str, str], keys: tuple[str, ...]) -> str:
    """The first of these tags the page fills with words (a publisher tag may hold a web address instead)."""
    return next((tags[key] for key in keys if tags.get(key) and "://" not in tags[key]), "")


def _first_date(tags: dict[str, str], linked: dict[str, str], keys: tuple[str, ...]) -> str:
    for key in keys:
        date = _as_date(tags.get(key, "") or linked.get(key, ""))
        if date:
            return date
    return ""


def _as_date(value: str) -> str:
    """ISO date (or year-month) from "2024-10-14T09:00:00+01:00", "20241014", "2024-10" or a printed date."""
    match = _ISO_START.match(value)
    if match:
        year, month, day = match.groups()
        try:
            return dt.date(int(year), int(month), int(day or 1)).isoformat()[:10 if day else 7]
        except ValueError:
            return ""
    return printed_date(value)


def _dateline(root: Tag) -> str:
    """The date of a <time> that stands as the content's dateline ("Published <time>14 October 2024</time>"),
    not one inside a sentence about an event."""
    for time in root.find_all("time"):
        around = time.parent
        if around is not None and word_count(around) - word_count(time) <= _DATELINE_EXTRA_WORDS:
            date = _as_date(str(time.get("datetime") or "")) or _as_date(_text(time))
            if date:
                return date
    return ""


def _copyright_holder(soup: BeautifulSoup) -> str:
    """The organisation a copyright line names ("© 2024 Testshire County Council. All rights reserved."), the
    line taken off the page as the chrome it is; "" when none names one ("© Crown copyright" names no publisher).
    """
    for string in soup.find_all(string=_COPYRIGHT):
        line = string.parent
        if line is None or line.name in ("script", "style", "body", "html", "[document]"):
            continue
        for piece in re.split(r"\s[|•]\s|\.\s", _text(line)):
            if not _COPYRIGHT.search(piece) or re.search(r"\bcrown\b", piece, re.IGNORECASE):
                continue
            name = " ".join(_NOT_ORGANISATION.sub(" ", piece).split()).strip(" .,;:-–—")
            if name and name[0].isupper() and len(name.split()) <= _MAX_ORGANISATION_WORDS:
                line.decompose()
                return name
    return ""


def _without_site_name(title: str, publisher: str) -> str:
    """A <title> without the site's name at either end ("Knife arrests | Testshire Police" -> "Knife arrests");
    with no publisher known, what comes before the first " | "."""
    if not publisher:
        return title.split(" | ")[0].strip()
    if title.strip().casefold() == publisher.casefold():
        return ""
    name = re.escape(publisher)
    return re.sub(rf"^\s*{name}{_TITLE_SEPARATOR}|{_TITLE_SEPARATOR}{name}\s*$", "", title,
                  flags=re.IGNORECASE).strip()


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _declared_encoding(head: bytes) -> str:
    """The Python codec a page's <meta charset> names, as browsers read it; "" when none or unknown."""
    match = _DECLARED_CHARSET.search(head)
    if match is None:
        return ""
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return ""
    if name.startswith("utf"):  # declared UTF-8 (or UTF-16, which a page with no byte-order mark is not), but not
        return ""  # valid as such: the bytes are in the encoding most older UK sites saved in
    return "cp1252" if name in _BROWSERS_READ_AS_1252 else name
