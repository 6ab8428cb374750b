"""Load the corpus folder: read each document, clean it to plain text and find its heading sections.

Only `load_corpus`, `corpus_files` and `load_document` touch disk; cleaning and sectioning are pure functions of text.
A bad file becomes a `CorpusProblem` and the rest still load, so one stray upload never blocks an index build.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import textwrap
from html.parser import HTMLParser
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any


from assistant.errors import CorpusError
from assistant.ingest.assemble import assemble
from assistant.ingest.dating import document_date, publisher_from_file
from assistant.ingest.readers import policeuk
from assistant.records import Document, Section

MANIFEST = "manifest.json"
UPLOADS = ".uploads.json"  # the files added through the chat (written by ingest/uploads.py)
TEXT_SUFFIXES = (".md", ".txt", ".html")
# Binary and tabular formats go through `readers` (chosen by content, not only by name).
READER_SUFFIXES = (".pdf", ".docx", ".xlsx", ".csv", ".doc", ".xls")
SUFFIXES = TEXT_SUFFIXES + READER_SUFFIXES
_KIND_BY_SUFFIX = {".md": "markdown document", ".txt": "text document", ".html": "web page"}
_TITLE_CHARS = 120

# Limits per file, so one huge or pathological file can neither stall a build nor crowd out the rest.
# Readers keep their own limits on top (300 PDF pages, 100 sheets / 100,000 rows, 200,000 CSV rows).
MAX_TEXT_BYTES = 20 * 1024 * 1024  # .md, .txt, .html
MAX_BINARY_BYTES = 200 * 1024 * 1024  # .pdf, .docx, .xlsx, .csv, .doc, .xls (before their readers' own checks)
MAX_NESTING = 200  # levels of nested HTML elements: real pages stay under 60; the HTML converter recurses per level
MAX_PASSAGES = 5_000  # retrieval passages one file may make (about 4.5 MB of prose)
MAX_LINES = 50_000  # non-blank lines (each at least one embedded sentence) one file may hold
# Tags that HTML lets a page leave open, and tags that never close: neither counts towards nesting.
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr "
                       "p li td th tr dt dd option".split())


@dataclass(frozen=True)
class CorpusProblem:
    """A file that could not be used (or a manifest that could not be read), and what to do about it."""

    file: str
    message: str


@dataclass(frozen=True)
class CorpusLoad:
    """The documents that loaded, and the problems met on the way."""

    documents: tuple[Document, ...]
    problems: tuple[CorpusProblem, ...]


def load_corpus(corpus_dir: Path) -> CorpusLoad:
    """Load every readable file under `corpus_dir` (see SUFFIXES, subfolders included), in path order, with
    its manifest metadata. A document's id is its path relative to the folder ("2024-10/street.csv").

    Raises CorpusError only when the folder itself is missing; everything else is recorded as a problem, so
    one bad file never stops the rest from loading. Nothing outside the folder is read: a link that leads out
    of it is reported and skipped.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"Corpus folder {corpus_dir} does not exist; create it or set ASSISTANT_CORPUS.")
    manifest, problems = _read_manifest(corpus_dir / MANIFEST)
    uploaded = set(uploaded_names(corpus_dir))
    files, walk_problems = _walk(corpus_dir)
    problems.extend(walk_problems)
    documents = []
    first_with: dict[str, str] = {}  # content hash -> the first file holding it
    for path in files:
        doc_id = document_id(path, corpus_dir)
        if policeuk.sniff(path):
            continue  # police.uk rows are data, read into the street frame (ingest.street), not passages
        twin = _same_content(path, first_with, doc_id)
        if twin:
            problems.append(CorpusProblem(doc_id, f"{doc_id} has the same content as {twin}, which is indexed; "
                                                  "it was not indexed twice."))
            continue
        try:
            document = load_document(path, manifest.get(doc_id, {}), doc_id=doc_id)
            documents.append(replace(document, uploaded=True) if doc_id in uploaded else document)
        except CorpusError as error:
            problems.append(CorpusProblem(doc_id, str(error)))
        except BaseException as error:  # belt and braces: load_document already turns failures into CorpusError
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            problems.append(CorpusProblem(doc_id, _unexpected(doc_id, error)))
    found = {document_id(path, corpus_dir) for path in files}
    for name in sorted(set(manifest) - found):
        problems.append(CorpusProblem(name, f"{name} is listed in {MANIFEST} but is not in {corpus_dir}."))
    return CorpusLoad(tuple(documents), tuple(problems))


def uploaded_names(corpus_dir: Path) -> list[str]:
    """The files added through the chat, as listed in UPLOADS (a missing or unreadable list holds none)."""
    try:
        names = json.loads((Path(corpus_dir) / UPLOADS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [name for name in names if isinstance(name, str)] if isinstance(names, list) else []


def _same_content(path: Path, first_with: dict[str, str], doc_id: str) -> str | None:
    """The file already read with the same bytes (the same report saved as two names), or None."""
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # load_document reports an unreadable file
    if digest in first_with:
        return first_with[digest]
    first_with[digest] = doc_id
    return None


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The document files `load_corpus` reads, in its order (the manifest is not included): regular files
    with a corpus suffix, in the folder or its subfolders, with UTF-8 names, never through a link that leads
    out of the folder. Each one's id (and manifest key) is `document_id(path, corpus_dir)`."""
    return _walk(Path(corpus_dir))[0]


def document_id(path: Path, corpus_dir: Path) -> str:
    """A file's id: its path relative to the corpus folder, with "/" between folders ("2024-10/street.csv")."""
    try:
        return Path(path).relative_to(corpus_dir).as_posix()
    except ValueError:
        return Path(path).name


def _walk(corpus_dir: Path) -> tuple[list[Path], list[CorpusProblem]]:
    """Files to read under `corpus_dir`, and the entries skipped with a reason (links leading out, names
    that are not UTF-8, links to folders). Hidden files and folders (".git", ".uploads.json") are ignored."""
    root = corpus_dir.resolve()
    files: list[Path] = []
    problems: list[CorpusProblem] = []
    for folder, subfolders, names in os.walk(corpus_dir, followlinks=False):
        here = Path(folder)
        kept = []
        for name in sorted(subfolders):
            if name.startswith("."):
                continue
            path = here / name
            shown = _shown(document_id(path, corpus_dir))
            if not _utf8(name):
                problems.append(CorpusProblem(shown, f"The folder name {shown} is not valid UTF-8; rename it "
                                                     "and rebuild."))
            elif path.is_symlink():
                if not _inside(path, root):
                    problems.append(CorpusProblem(shown, f"{shown} is a link to a folder outside the corpus "
                                                         "folder; copy the files into corpus/ instead."))
                # a link to a folder inside the corpus is skipped quietly: its files are read where they are
            else:
                kept.append(name)
        subfolders[:] = kept
        for name in sorted(names):
            if name.startswith(".") or (here == corpus_dir and name == MANIFEST):
                continue
            path = here / name
            doc_id = document_id(path, corpus_dir)
            shown = _shown(doc_id)
            if Path(name).suffix.lower() not in SUFFIXES:
                continue
            if not _utf8(doc_id):
                problems.append(CorpusProblem(shown, f"The file name {shown} is not valid UTF-8, so it cannot be "
                                                     "indexed or cited; rename it and rebuild."))
                continue
            try:
                if path.is_symlink():
                    if not _inside(path, root):
                        problems.append(CorpusProblem(doc_id, f"{doc_id} is a link to a file outside the corpus "
                                                              "folder; copy the file into corpus/ instead."))
                        continue
                    mode = path.stat().st_mode  # the target's, which lies inside the folder
                else:
                    mode = path.lstat().st_mode
            except OSError as error:
                problems.append(CorpusProblem(doc_id, f"{doc_id} cannot be read ({error.strerror}); check the "
                                                      "file and rebuild."))
                continue
            if not stat.S_ISREG(mode):
                problems.append(CorpusProblem(doc_id, f"{doc_id} is not a regular file (a pipe, device or broken "
                                                      "link); replace it with the document itself."))
                continue
            files.append(path)
    return files, problems


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):  # a broken or looping link leads nowhere readable
        return False


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.fsdecode keeps undecodable bytes as lone surrogates
        return False
    return True


def _shown(name: str) -> str:
    """A name fit for a message: undecodable bytes shown as the replacement character."""
    return os.fsencode(name).decode("utf-8", "replace") if not _utf8(name) else name


def _unexpected(name: str, error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return (f"{name} nests its content too deeply to be read (more than {MAX_NESTING} levels); simplify it "
                "or save it as plain text.")
    if isinstance(error, MemoryError):
        return f"{name} is too large to read into memory; split it into smaller documents."
    return (f"{name} could not be read ({type(error).__name__}); check the file, or save it again from the "
            "program that made it.")


def load_document(path: Path, meta: Mapping[str, Any], doc_id: str | None = None) -> Document:
    """Read, clean and section one file; `meta` is its manifest entry (possibly empty), `doc_id` its id
    (default: its name).

    Raises CorpusError, with a reason a person can act on, for anything that stops the file being indexed:
    unreadable, not UTF-8, no text worth indexing, over a limit (size, nesting, passages), or a reader's
    library failing on it.
    """
    path = Path(path)
    doc_id = doc_id or path.name
    try:
        document = _load(path, meta, doc_id)
    except CorpusError as error:
        if doc_id != path.name:
            raise CorpusError(str(error).replace(path.name, doc_id, 1)) from error
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # a parser's library failing on a malformed file
        raise CorpusError(_unexpected(doc_id, error)) from error
    check_passages(document)
    return document


def check_passages(document: Document) -> None:
    """Refuse a document that would make more than MAX_PASSAGES passages or MAX_LINES lines: embedding it
    would take the build hours, so it should be split (or summarised) first."""
    lines = passages = 0
    filled = 0
    budget = 900  # ChunkSettings().max_chars; an estimate only, so the default is good enough
    for line in document.text.split("\n"):
        size = len(line.strip())
        if not size:
            continue
        lines += 1
        if filled + size > budget:
            passages += 1 + (size - 1) // budget
            filled = size % budget
        else:
            filled += size + 1
    passages = max(passages + bool(filled), sum(1 for section in document.sections if section.end > section.start))
    if passages > MAX_PASSAGES or lines > MAX_LINES:
        what = f"about {passages:,} passages" if passages > MAX_PASSAGES else f"{lines:,} lines"
        limit = f"{MAX_PASSAGES:,} passages" if passages > MAX_PASSAGES else f"{MAX_LINES:,} lines"
        raise CorpusError(f"{document.id} would make {what}; the limit is {limit} per file. Split it into "
                          "smaller documents (for example one per chapter or per month).")


def _load(path: Path, meta: Mapping[str, Any], doc_id: str) -> Document:
    from assistant.ingest.clean import clean_text, find_sections, has_html  # a build's imports, not a question's
    from assistant.ingest.front_matter import split_front_matter
    from assistant.ingest.web_page import WEB_PAGE_SUFFIXES, decode_web_page, read_web_page

    _check_size(path)
    suffix = path.suffix.lower()
    if suffix in READER_SUFFIXES:
        return _load_with_reader(path, meta, doc_id)
    page = suffix in WEB_PAGE_SUFFIXES
    raw = decode_web_page(_read_bytes(path)) if page else _read_text(path)
    if not raw.strip():
        raise CorpusError(f"{path.name} is empty; add its text or remove it from the corpus folder.")
    if page:  # a page's head is its front matter; its main content, as Markdown, its text
        _check_nesting(raw, path.name)
        web_page = read_web_page(raw)
        own, raw, suffix = web_page.front_matter(), web_page.markdown, ".md"
    else:
        own, raw = split_front_matter(raw)
        if has_html(raw):
            _check_nesting(raw, path.name)
    text, sections = find_sections(clean_text(raw, suffix))
    if not text.strip():
        what = ("no text once its menus, banners and footer are set aside (a page whose text a script fills "
                "in saves none); save the page's text instead") if page else \
            "no text left after cleaning (only markup or site chrome); check the file"
        raise CorpusError(f"{path.name} has {what}.")
    return Document(
        id=doc_id,
        title=str(meta.get("title") or "") or own.get("title", "") or _title_from(text, sections),
        publisher=str(meta.get("publisher") or "") or own.get("publisher", "") or "unknown",
        date=str(meta.get("date") or "") or own.get("date", "") or document_date(text, path.name,
                                                                                  own.get("updated", "")),
        kind=str(meta.get("kind") or _KIND_BY_SUFFIX.get(path.suffix.lower(), "document")),
        path=str(path),
        text=text,
        sections=sections,
    )


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise CorpusError(f"{path.name} cannot be read ({error.strerror}); check the file and rebuild.") from error
    limit = MAX_TEXT_BYTES if path.suffix.lower() in TEXT_SUFFIXES else MAX_BINARY_BYTES
    if size > limit:
        raise CorpusError(f"{path.name} is {size / 2**20:.1f} MB; the limit for a {path.suffix.lower()} file is "
                          f"{limit // 2**20} MB. Split it into smaller documents.")


class _Depth(HTMLParser):
    """Counts how deeply elements nest, without building a tree (so it cannot itself recurse)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = self.deepest = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in _VOID_TAGS:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID_TAGS:
            self.depth = max(self.depth - 1, 0)


def _check_nesting(raw: str, name: str) -> None:
    counter = _Depth()
    counter.feed(raw)
    counter.close()
    if counter.deepest > MAX_NESTING:
        raise CorpusError(f"{name} nests its markup {counter.deepest:,} levels deep; the limit is {MAX_NESTING}. "
                          "Save the page as plain text, or simplify it, and add it again.")


def _load_with_reader(path: Path, meta: Mapping[str, Any], doc_id: str) -> Document:
    """A PDF, Word, Excel or CSV file: its reader's blocks assembled into text, sections and locations.
    Metadata comes from the manifest when listed, else from what the document prints and its file's name and
    properties (`dating`)."""
    from assistant.ingest.readers.detect import read_any

    extracted = read_any(path)
    text, sections, locations = assemble(extracted.blocks)
    if not text.strip():
        raise CorpusError(f"{path.name} has no text to index; check the file.")
    return Document(
        id=doc_id,
        title=str(meta.get("title") or "") or extracted.title or _title_from(text, sections) or path.stem,
        publisher=str(meta.get("publisher") or "") or publisher_from_file(extracted.publisher) or "unknown",
        date=str(meta.get("date") or "") or document_date(text, path.name, extracted.date),
        kind=str(meta.get("kind") or "") or extracted.kind or "document",
        path=str(path),
        text=text,
        sections=sections,
        locations=locations,
        format=path.suffix.lower().lstrip("."),
    )


def _read_manifest(path: Path) -> tuple[dict[str, dict[str, Any]], list[CorpusProblem]]:
    """Manifest entries by file name. The manifest is optional (a council's folder of PDFs has none: titles,
    dates and kinds are then read from the documents), so only a broken one is a problem, never a failure."""
    if not path.is_file():
        return {}, []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["documents"] if isinstance(data, dict) else data
        manifest = {str(entry["file"]): dict(entry) for entry in entries}
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        message = (f"{MANIFEST} cannot be read ({error}); it must be UTF-8 JSON with a 'documents' list of "
                   f"objects that each have a 'file'. Titles and dates fall back to defaults.")
        return {}, [CorpusProblem(MANIFEST, message)]
    return manifest, []


def _read_text(path: Path) -> str:
    try:
        return _read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path.name} is not UTF-8 text (bad byte at position {error.start}); "
                          f"save it as UTF-8 and rebuild.") from error


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{path.name} cannot be read ({error.strerror}); check the file and rebuild.") from error


def _title_from(text: str, sections: tuple[Section, ...]) -> str:
    """The first heading, else the first line: what a reader would call the document."""
    heading = next((section.path[-1] for section in sections if section.path), "")
    line = heading or next((line for line in text.split("\n") if line.strip()), "")
    return textwrap.shorten(line, _TITLE_CHARS, placeholder=" …")


