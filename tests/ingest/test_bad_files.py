"""One bad file never stops the corpus, nothing outside the corpus folder is read, and uploads say what is wrong.

Each bad file is made the way an attacker or a careless user would make it (issue 19): markup nested 5,000
deep, a file name that is not UTF-8, links out of the folder, files too big to embed, a damaged performance
table. Each must become a problem naming the file with a reason a person can act on, while the rest loads.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from assistant.errors import CorpusError
from assistant.ingest import corpus, uploads
from assistant.ingest.corpus import corpus_files, document_id, load_corpus, load_document
from assistant.ingest.performance import read_performance
from assistant.ingest.uploads import remove_upload, safe_name, save_upload, uploaded_files

ROOT = Path(__file__).resolve().parents[2]
GOOD = "# Harlow update\n\nThe Harlow town centre patrol pilot began on 3 March 2025.\n"
DEEP = "<div>" * 5000 + "Buried text." + "</div>" * 5000


def _good(folder: Path, name: str = "good.md") -> Path:
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    return path


def _bytes_name(folder: Path, name: bytes, data: bytes) -> None:
    """A file whose name holds bytes that are not UTF-8 (made the way a zip or a copied disk would)."""
    try:
        handle = os.open(os.path.join(os.fsencode(folder), name), os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError as error:  # some file systems (macOS APFS) refuse such names outright
        pytest.skip(f"this file system refuses non-UTF-8 names ({error})")
    os.write(handle, data)
    os.close(handle)


def _problems(result) -> dict[str, str]:
    return {problem.file: problem.message for problem in result.problems if problem.file != "manifest.json"}


# ---------------------------------------------------------------- per-file isolation


def test_markup_nested_5000_deep_is_a_problem_and_the_rest_loads(tmp_path):
    _good(tmp_path)
    (tmp_path / "deep.html").write_text(DEEP, encoding="utf-8")
    (tmp_path / "deep-in-markdown.md").write_text("# Page\n\n" + DEEP + "\n", encoding="utf-8")
    result = load_corpus(tmp_path)
    assert [doc.id for doc in result.documents] == ["good.md"]
    problems = _problems(result)
    assert set(problems) == {"deep.html", "deep-in-markdown.md"}
    assert "nests its markup 5,000 levels deep" in problems["deep.html"]
    assert "limit is 200" in problems["deep.html"]


def test_nesting_within_the_limit_still_reads(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text("<div>" * 150 + "<p>Burglary fell in Testtown.</p>" + "</div>" * 150, encoding="utf-8")
    assert load_document(path, {}).text == "Burglary fell in Testtown."


def test_a_file_name_that_is_not_utf8_is_a_problem_and_the_rest_loads(tmp_path):
    _good(tmp_path)
    _bytes_name(tmp_path, b"bad\xffname.txt", b"Burglary fell in Testtown.\n")
    result = load_corpus(tmp_path)
    assert [doc.id for doc in result.documents] == ["good.md"]
    (name, message), = _problems(result).items()
    assert name == "bad\ufffdname.txt"
    assert "not valid UTF-8" in message and "rename it" in message
    name.encode("utf-8")  # the problem itself can be written to JSON and shown
    assert [path.name for path in corpus_files(tmp_path)] == ["good.md"]


def test_any_exception_from_a_reader_becomes_a_plain_problem(tmp_path, monkeypatch):
    def explode(path):
        raise ValueError("internal parser state 0x3f")

    monkeypatch.setattr("assistant.ingest.readers.detect.read_any", explode)
    _good(tmp_path)
    (tmp_path / "odd.pdf").write_bytes(b"%PDF-1.7\n")
    with pytest.raises(CorpusError, match=r"odd.pdf could not be read \(ValueError\)"):
        load_document(tmp_path / "odd.pdf", {})
    result = load_corpus(tmp_path)
    assert [doc.id for doc in result.documents] == ["good.md"]
    assert "odd.pdf could not be read" in _problems(result)["odd.pdf"]


def test_a_recursion_error_anywhere_is_reported_as_too_deeply_nested(tmp_path, monkeypatch):
    def recurse(raw, suffix):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("assistant.ingest.clean.clean_text", recurse)
    _good(tmp_path, "x.md")
    with pytest.raises(CorpusError, match="nests its content too deeply"):
        load_document(tmp_path / "x.md", {})


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_skipped_not_read(tmp_path):
    _good(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    result = load_corpus(tmp_path)  # reading it would block for ever
    assert [doc.id for doc in result.documents] == ["good.md"]
    assert "not a regular file" in _problems(result)["pipe.txt"]


def test_damaged_performance_tables_are_reported_and_the_rest_of_the_corpus_reads(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_fixtures

    broken = make_fixtures.make_broken_tables(tmp_path / "fixtures")
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    shutil.copy(broken, folder / broken.name)
    result = load_corpus(folder)
    assert broken.name in {doc.id for doc in result.documents}  # its prose still loads
    read = read_performance(result.documents)
    messages = [message for document, message in read.problems if document == broken.name]
    assert len(messages) == 2, read.problems
    assert any("Colchester" in message for message in messages)
    assert any("Harlow" in message for message in messages)
    real = read.frame[read.frame["source_document"] == "one-chelmsford-board-2024-12-05-agenda-pack.md"]
    assert len(real) > 1000  # the real tables are all read


# ---------------------------------------------------------------- limits


def test_a_text_file_over_the_size_limit_is_refused_with_its_size(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_TEXT_BYTES", 1024)
    _good(tmp_path)
    (tmp_path / "huge.txt").write_text("Burglary fell. " * 200, encoding="utf-8")
    result = load_corpus(tmp_path)
    assert [doc.id for doc in result.documents] == ["good.md"]
    assert "the limit for a .txt file is 0 MB" in _problems(result)["huge.txt"]
    assert "Split it" in _problems(result)["huge.txt"]


def test_the_real_size_limit_refuses_a_50_mb_text_file_at_once(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no need to write 50 MB
    with pytest.raises(CorpusError, match=r"big.txt is 50.0 MB; the limit for a .txt file is 20 MB"):
        load_document(path, {})


def test_a_file_that_would_make_too_many_passages_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(("Burglary rose in a town near here, said the report. " * 3 + "\n") * 30_000, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"would make about [\d,]+ passages; the limit is 5,000 passages"):
        load_document(path, {})


def test_a_file_of_many_short_lines_is_refused_by_its_line_count(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("Theft.\n" * 60_000, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"would make 60,000 lines; the limit is 50,000 lines"):
        load_document(path, {})


def test_the_real_corpus_is_well_inside_every_limit():
    result = load_corpus(ROOT / "corpus")
    assert len(result.documents) == 5 and not _problems(result)


# ---------------------------------------------------------------- links and subfolders


def test_a_link_out_of_the_corpus_is_skipped_with_a_problem(tmp_path):
    folder, outside = tmp_path / "corpus", tmp_path / "elsewhere"
    folder.mkdir(), outside.mkdir()
    _good(folder)
    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "system.txt").symlink_to("/etc/passwd")
    (folder / "dangling.md").symlink_to(outside / "missing.md")
    (folder / "folder-link").symlink_to(outside, target_is_directory=True)
    shutil.copy(secret, outside / "inside-linked-folder.txt")
    result = load_corpus(folder)
    assert [doc.id for doc in result.documents] == ["good.md"]
    assert all("root:x" not in doc.text for doc in result.documents)
    problems = _problems(result)
    for name in ("passwd.txt", "system.txt", "dangling.md"):
        assert f"{name} is a link to a file outside the corpus folder; copy the file into corpus/ instead" \
            in problems[name]
    assert "folder-link is a link to a folder outside the corpus folder" in problems["folder-link"]


def test_a_link_that_stays_inside_the_corpus_is_followed(tmp_path):
    _good(tmp_path)
    (tmp_path / "alias.md").symlink_to(tmp_path / "good.md")
    (tmp_path / "relative.md").symlink_to("good.md")
    result = load_corpus(tmp_path)
    # The link is followed: its document is read. The same bytes under other names are indexed once.
    assert [doc.id for doc in result.documents] == ["alias.md"]
    problems = _problems(result)
    assert set(problems) == {"good.md", "relative.md"}
    assert all("same content as alias.md" in message for message in problems.values())


def test_subfolders_are_read_with_their_relative_path_as_the_id(tmp_path):
    _good(tmp_path)
    month = tmp_path / "2024-10"
    month.mkdir()
    (month / "essex-street.csv").write_text("Crime type,Location\nBurglary,On or near High Street\n",
                                            encoding="utf-8")
    (month / ".." / "top.md").write_text("# Top\n\nShoplifting rose in Testtown.\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    _good(tmp_path / ".git", "ignored.md")
    (tmp_path / "manifest.json").write_text(
        '{"documents": [{"file": "2024-10/essex-street.csv", "title": "Street crime, October 2024",'
        ' "publisher": "police.uk"}]}', encoding="utf-8")
    result = load_corpus(tmp_path)
    ids = [doc.id for doc in result.documents]
    assert ids == ["good.md", "top.md", "2024-10/essex-street.csv"]
    street = result.documents[-1]
    assert (street.title, street.publisher) == ("Street crime, October 2024", "police.uk")
    assert not result.problems
    assert [document_id(path, tmp_path) for path in corpus_files(tmp_path)] == ids


def test_a_problem_in_a_subfolder_names_the_file_by_its_relative_path(tmp_path):
    month = tmp_path / "2024-11"
    month.mkdir()
    (month / "latin1.txt").write_bytes("Café crime figures rose.\n".encode("latin-1"))
    result = load_corpus(tmp_path)
    message = _problems(result)["2024-11/latin1.txt"]
    assert message.startswith("2024-11/latin1.txt is not UTF-8 text")


# ---------------------------------------------------------------- uploads


@pytest.mark.parametrize("name, expected", [
    ("Отчёт о преступности.md", "Отчёт-о-преступности.md"),
    ("犯罪报告.txt", "犯罪报告.txt"),
    ("Café crème.md", "Café-crème.md"),
    ("Cafe\u0301.md", "Café.md"),  # decomposed accents are composed
    ("a/b\\c<d>|e?.md", "c-d-e.md"),
    ("\u202etxt.exe", None),  # right-to-left override cannot disguise the type
    ("报告.exe", None),
])
def test_safe_name_keeps_any_script(name, expected):
    assert safe_name(name) == expected


def test_an_upload_named_in_cyrillic_or_chinese_is_saved_under_that_name(tmp_path):
    path, error = save_upload("Отчёт.md", GOOD.encode(), tmp_path)
    assert error is None and path.name == "Отчёт.md"
    path, error = save_upload("报告.md", (GOOD + "Another line.\n").encode(), tmp_path)
    assert error is None and path.name == "报告.md"
    assert [doc.id for doc in load_corpus(tmp_path).documents] == ["Отчёт.md", "报告.md"]


def test_a_300_character_name_is_shortened_not_an_errno(tmp_path):
    for index, letter in enumerate("aé报"):
        name = letter * 300 + ".md"
        path, error = save_upload(name, (GOOD + f"Line {index}.\n").encode(), tmp_path)
        assert error is None, error
        assert len(path.name.encode("utf-8")) <= 200 and path.suffix == ".md"
        assert path.read_bytes().endswith(f"Line {index}.\n".encode())


def test_the_same_content_twice_is_refused_naming_the_file_that_has_it(tmp_path):
    _, error = save_upload("report.md", GOOD.encode(), tmp_path)
    assert error is None
    again, error = save_upload("copy of report.md", GOOD.encode(), tmp_path)
    assert again is None
    assert "copy of report.md is already in the corpus as report.md" in error
    month = tmp_path / "2024-10"
    month.mkdir()
    (month / "street.txt").write_text("Street crime rose.\n", encoding="utf-8")
    _, error = save_upload("street.txt", b"Street crime rose.\n", tmp_path)
    assert "already in the corpus as 2024-10/street.txt" in error


@pytest.mark.parametrize("name, size, message", [
    ("big.md", 6 * 1024 * 1024, "the limit for a .md file is 5 MB"),
    ("big.csv", 11 * 1024 * 1024, "the limit for a .csv file is 10 MB"),
    ("big.pdf", 26 * 1024 * 1024, "the limit for a .pdf file is 25 MB"),
])
def test_upload_size_limits_depend_on_the_type(tmp_path, name, size, message):
    path, error = save_upload(name, b"x" * size, tmp_path)
    assert path is None and message in error
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, data, message", [
    ("deep.html", DEEP.encode(), "nests its markup 5,000 levels deep"),
    ("long.txt", ("Burglary rose in a town near here, said the report. " * 3 + "\n").encode() * 30_000,
     "passages; the limit is 5,000 passages per file. Split it"),
    ("notes.exe", b"hello", "its type (.exe) cannot be indexed"),
    ("README", b"hello", "its name has no file type"),
])
def test_an_upload_that_would_be_skipped_is_refused_in_plain_words(tmp_path, name, data, message):
    path, error = save_upload(name, data, tmp_path)
    assert path is None and message in error
    assert "Traceback" not in error and "Errno" not in error
    assert list(tmp_path.iterdir()) == []


def test_a_failing_disk_is_reported_in_plain_words(tmp_path, monkeypatch):
    import builtins

    real_open = builtins.open

    def full_disk(file, mode="r", *args, **kwargs):
        if mode == "xb":
            raise OSError(28, "No space left on device")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", full_disk)
    path, error = save_upload("report.md", GOOD.encode(), tmp_path)
    assert path is None and error == "report.md could not be saved in the corpus folder (No space left on device)."


def test_uploaded_files_are_listed_and_can_be_removed(tmp_path):
    _good(tmp_path, "by-hand.md")
    path, error = save_upload("Отчёт.md", (GOOD + "Uploaded.\n").encode(), tmp_path)
    assert error is None
    assert uploaded_files(tmp_path) == ["Отчёт.md"]
    assert [doc.id for doc in load_corpus(tmp_path).documents] == ["by-hand.md", "Отчёт.md"]  # list not read
    assert remove_upload("by-hand.md", tmp_path).startswith("by-hand.md was not added through the chat")
    assert remove_upload("../../etc/passwd", tmp_path).startswith("../../etc/passwd was not added")
    assert remove_upload("Отчёт.md", tmp_path) is None
    assert not path.exists() and uploaded_files(tmp_path) == []
    assert (tmp_path / "by-hand.md").exists()


def test_a_file_deleted_by_hand_drops_out_of_the_upload_list(tmp_path):
    path, _ = save_upload("report.md", GOOD.encode(), tmp_path)
    path.unlink()
    assert uploaded_files(tmp_path) == []
    (tmp_path / uploads.UPLOADS).write_text("{broken", encoding="utf-8")
    assert uploaded_files(tmp_path) == []  # a damaged list hides the control, it never fails the app


# ---------------------------------------------------------------- a whole build with every bad file


@pytest.mark.slow
def test_a_corpus_holding_every_bad_file_indexes_the_real_corpus_fully(tmp_path, corpus_copy, index_dir):
    from assistant.store.build import build_index

    sys.path.insert(0, str(ROOT / "scripts"))
    import make_fixtures

    folder, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(corpus_copy, folder)
    shutil.copytree(index_dir, index)  # its vectors are reused, so only the new text is embedded
    real = sorted(path.name for path in corpus_copy.iterdir() if path.name != "manifest.json")
    (folder / "deep.html").write_text(DEEP, encoding="utf-8")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "long.txt").write_text(("Burglary rose in a town near here, said the report. " * 3 + "\n") * 30_000,
                                     encoding="utf-8")
    broken = make_fixtures.make_broken_tables(tmp_path / "fixtures")
    shutil.copy(broken, folder / broken.name)
    report = build_index(folder, index)
    indexed = {doc["id"] for doc in json.loads((report.directory / "manifest.json").read_text())["documents"]}
    assert set(real) <= indexed and broken.name in indexed
    assert not indexed & {"deep.html", "passwd.txt", "long.txt"}
    problems = {}
    for problem in report.problems:
        problems.setdefault(problem["file"], []).append(problem["message"])
    assert {"deep.html", "passwd.txt", "long.txt", broken.name} <= set(problems)
    assert len(problems[broken.name]) == 2
    assert report.table_values > 1000

