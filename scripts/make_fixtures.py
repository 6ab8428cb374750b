"""Generate test documents the assistant has never seen, with their answers.

Why: the product must learn periods, areas, crime-type labels and editions from the documents, not from
code written around the one real agenda pack. These fixtures are new documents in the same family: the
board's next quarterly pack (Essex, 12 months to January 2025), the next annual summary (to October 2025,
reprinting October 2024 with revisions), another force's summary (Kent, to September 2024) with different labels, look-alike tables that must not parse, the same content as PDF, Word, Excel and
CSV, broken files (no text layer, truncated, encrypted), and JSON Lines of questions whose expected answers
are computed from the generator's own numbers.

Everything is deterministic: seeded `random.Random` per table cell, no clock, no network. Markdown, CSV and
JSON Lines come out byte for byte the same on every run.

    .venv/bin/python scripts/make_fixtures.py OUT_DIR [--corpus corpus/]

From tests: put `scripts/` on `sys.path`, `import make_fixtures`, call `make_all(corpus_dir, out_dir)`,
and check answers against `figures(corpus_dir)` (one row per printed cell of every edition).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from fixtures import documents, editions, expected, formats

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"

NEXT_EDITION = "essex-performance-2025-01.md"
OTHER_FORCE = "kent-performance-2024-09.md"
REVISED_EDITION = "essex-performance-2025-10.md"
BROKEN = "broken-performance-table.md"
RUNNING_HEADER = "One Chelmsford Partnership Strategic Board - 7 March 2025 - Appendix 1: Performance Summary"
FORMAT_FILES = {
    "pdf": "essex-performance-2025-01.pdf",
    "docx": "essex-performance-2025-01.docx",
    "xlsx": "essex-performance-2025-01.xlsx",
    "csv": "essex-performance-2025-01-braintree.csv",
    "original_xlsx": "one-chelmsford-board-2024-12-05-performance.xlsx",
    "original_docx": "one-chelmsford-board-2024-12-05-minutes.docx",
    "original_pdf": "one-chelmsford-board-2024-12-05-minutes.pdf",
    "scanned_pdf": "scanned-no-text-layer.pdf",
    "corrupt_pdf": "corrupt-truncated.pdf",
    "encrypted_pdf": "encrypted-password.pdf",
    "corrupt_xlsx": "corrupt-truncated.xlsx",
}
BAD_FILES = ("scanned_pdf", "corrupt_pdf", "encrypted_pdf", "corrupt_xlsx")
EXPECTED_FILES = {"next_edition": "expected-essex-2025-01.jsonl", "other_force": "expected-kent-2024-09.jsonl"}

PACK_DATE = formats.fixed_date(2025, 3, 7).replace(tzinfo=None)
ORIGINAL_DATE = formats.fixed_date(2024, 12, 5).replace(tzinfo=None)
KENT_DATE = formats.fixed_date(2024, 10, 15).replace(tzinfo=None)
COUNCIL = "Chelmsford City Council"


def _out(out_dir: str | Path) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return out


def _write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def make_next_edition(corpus_dir: str | Path, out_dir: str | Path) -> Path:
    """The board's March 2025 pack with 'Essex Police: Performance Summary To January 2025'."""
    doc = documents.next_edition_doc(editions.essex_january(Path(corpus_dir)))
    return _write_text(_out(out_dir) / NEXT_EDITION, documents.to_markdown(doc))


def make_revised_edition(corpus_dir: str | Path, out_dir: str | Path) -> Path:
    """'Essex Police: Performance Summary To October 2025', which reprints the 12 months to October 2024 with
    some rows revised: two editions printing different figures for the same period."""
    doc = documents.revised_edition_doc(editions.essex_october_2025(Path(corpus_dir)))
    return _write_text(_out(out_dir) / REVISED_EDITION, documents.to_markdown(doc))


def make_other_force(out_dir: str | Path, corpus_dir: str | Path = DEFAULT_CORPUS) -> Path:
    """'Kent Police: Performance Summary To September 2024': the Force and seven districts."""
    doc = documents.other_force_doc(editions.kent_september(Path(corpus_dir)))
    return _write_text(_out(out_dir) / OTHER_FORCE, documents.to_markdown(doc))


def make_broken_tables(out_dir: str | Path, corpus_dir: str | Path = DEFAULT_CORPUS) -> Path:
    """A draft whose tables look like performance tables but must not parse, between ordinary prose."""
    doc = documents.broken_doc(editions.essex_july_draft(Path(corpus_dir)))
    return _write_text(_out(out_dir) / BROKEN, documents.to_markdown(doc))


def make_formats(corpus_dir: str | Path, out_dir: str | Path) -> dict[str, Path]:
    """PDF, DOCX, XLSX and CSV of the next edition; XLSX of the real tables and DOCX/PDF of the real pack's
    agenda and minutes; and the bad inputs (no text layer, truncated PDF and XLSX, encrypted PDF)."""
    corpus, out = Path(corpus_dir), _out(out_dir)
    new, october = editions.essex_january(corpus), editions.essex_october(corpus)
    doc, opening = documents.next_edition_doc(new), documents.opening_sections(corpus)
    paths = {name: out / file for name, file in FORMAT_FILES.items()}
    formats.write_pdf(doc, paths["pdf"], RUNNING_HEADER, PACK_DATE)
    formats.write_docx(doc, paths["docx"], COUNCIL, PACK_DATE)
    formats.write_xlsx(new, paths["xlsx"], PACK_DATE)
    formats.write_csv(new, "Braintree", paths["csv"])
    formats.write_xlsx(october, paths["original_xlsx"], ORIGINAL_DATE)
    formats.write_docx(opening, paths["original_docx"], COUNCIL, ORIGINAL_DATE)
    formats.write_pdf(opening, paths["original_pdf"], "One Chelmsford Partnership Strategic Board - 5 December 2024",
                      ORIGINAL_DATE)
    formats.write_scanned_pdf(paths["scanned_pdf"], new, PACK_DATE)
    formats.write_truncated(paths["pdf"], paths["corrupt_pdf"])
    formats.write_encrypted_pdf(paths["encrypted_pdf"], PACK_DATE)
    formats.write_truncated(paths["xlsx"], paths["corrupt_xlsx"])
    return paths


def expected_items(corpus_dir: str | Path = DEFAULT_CORPUS) -> dict[str, list[dict]]:
    corpus = Path(corpus_dir)
    return {"next_edition": expected.essex_items(editions.essex_january(corpus), editions.essex_october(corpus)),
            "other_force": expected.kent_items(editions.kent_september(corpus))}


def make_expected(corpus_dir: str | Path, out_dir: str | Path) -> dict[str, Path]:
    """JSON Lines of evaluation items for the next edition (ne###) and the other force (ke###)."""
    out = _out(out_dir)
    paths = {}
    for name, items in expected_items(corpus_dir).items():
        lines = "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)
        paths[name] = _write_text(out / EXPECTED_FILES[name], lines)
    return paths


def manifest_entries() -> list[dict]:
    """corpus/manifest.json entries for the generated documents (the bad inputs are not documents)."""
    pack = {"title": "One Chelmsford Partnership Strategic Board, 7 March 2025: agenda pack",
            "publisher": COUNCIL, "kind": "board agenda pack (minutes, reports, appendices)", "date": "2025-03-07",
            "notes": "Generated fixture. Appendix 1 'Essex Police: Performance Summary To January 2025' = 16 "
                     "performance tables (rolling 12 months to January, 2024 vs 2025)."}
    original = {"publisher": COUNCIL, "date": "2024-12-05",
                "notes": "Generated from the real agenda pack one-chelmsford-board-2024-12-05-agenda-pack.md."}
    return [
        {"file": NEXT_EDITION, **pack},
        *({"file": FORMAT_FILES[name], **pack, "notes": pack["notes"] + f" {name.upper()} copy of {NEXT_EDITION}."}
          for name in ("pdf", "docx", "xlsx")),
        {"file": FORMAT_FILES["csv"], **pack, "title": "Essex Police: Performance Summary To January 2025 - Braintree",
         "kind": "performance table (CSV)"},
        {"file": OTHER_FORCE, "title": "Kent Police: Performance Summary To September 2024", "publisher": "Kent Police",
         "kind": "performance summary", "date": "2024-10-15",
         "notes": "Generated fixture. Force table (all 13 districts) and seven districts; rolling 12 months to "
                  "September, 2023 vs 2024; labels differ from Essex."},
        {"file": REVISED_EDITION, "title": "Essex Police: Performance Summary To October 2025",
         "publisher": "Essex Police", "kind": "performance summary", "date": "2025-11-20",
         "notes": "Generated fixture. Reprints the 12 months to October 2024 with about a fifth of rows revised."},
        {"file": BROKEN, "title": "Essex Police: Performance Summary To July 2024 (draft)", "publisher": "Essex Police",
         "kind": "draft performance summary", "date": "2024-08 (approx; draft to July 2024)",
         "notes": "Generated fixture. Its two tables are damaged and must be reported, not read."},
        {"file": FORMAT_FILES["original_xlsx"], **original, "kind": "performance tables (Excel)",
         "title": "Essex Police: Performance Summary To October 2024"},
        *({"file": FORMAT_FILES[name], **original, "kind": "board agenda and minutes",
           "title": "One Chelmsford Partnership Strategic Board, 5 December 2024: agenda and minutes"}
          for name in ("original_docx", "original_pdf")),
    ]


def make_manifest(out_dir: str | Path) -> Path:
    body = {"about": "Generated fixtures (scripts/make_fixtures.py), in the format of corpus/manifest.json.",
            "documents": manifest_entries()}
    return _write_text(_out(out_dir) / "manifest.json", json.dumps(body, indent=2, ensure_ascii=False) + "\n")


def all_editions(corpus_dir: str | Path = DEFAULT_CORPUS) -> dict[str, editions.Edition]:
    corpus = Path(corpus_dir)
    eds = (editions.essex_october(corpus), editions.essex_january(corpus), editions.kent_september(corpus),
           editions.essex_october_2025(corpus))
    return {ed.key: ed for ed in eds}


def figures(corpus_dir: str | Path = DEFAULT_CORPUS) -> pd.DataFrame:
    """Every printed cell of the real October 2024 edition and the two generated ones, tidy (see
    `editions.FRAME_COLUMNS`: edition, area, crime_type, measure, period, value, printed, ...)."""
    return editions.frame(list(all_editions(corpus_dir).values()))


def make_all(corpus_dir: str | Path, out_dir: str | Path) -> dict[str, Path]:
    """Every fixture, plus manifest.json and figures.parquet (the tidy frame); returns name -> path."""
    paths = {"next_edition": make_next_edition(corpus_dir, out_dir),
             "other_force": make_other_force(out_dir, corpus_dir),
             "broken_tables": make_broken_tables(out_dir, corpus_dir),
             "revised_edition": make_revised_edition(corpus_dir, out_dir)}
    paths |= make_formats(corpus_dir, out_dir)
    paths |= {f"expected_{name}": path for name, path in make_expected(corpus_dir, out_dir).items()}
    paths["manifest"] = make_manifest(out_dir)
    paths["figures"] = _out(out_dir) / "figures.parquet"
    figures(corpus_dir).to_parquet(paths["figures"], index=False)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the fixtures into (created if missing)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding the real agenda pack")
    args = parser.parse_args(argv)
    if not (args.corpus / editions.AGENDA_PACK).exists():
        parser.error(f"{args.corpus} has no {editions.AGENDA_PACK}; pass --corpus pointing at the repo's corpus/")
    for path in make_all(args.corpus, args.out_dir).values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
