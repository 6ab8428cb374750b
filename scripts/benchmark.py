"""Speed, memory and retrieval quality, printed as figures (a benchmark, not a test).

Run: .venv/bin/python scripts/benchmark.py   (or `make bench`)

Prints: index build time from scratch; cold start to a first table and a first passage answer (fresh
processes) with their peak memory; warm latency p50/p95 of `ask` for table and passage questions; and
retrieval hit rate @1/@3/@5 of the hybrid search beside the BM25-only and dense-only baselines,
measured in the same run on the same questions.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import corpus_dir  # noqa: E402
from assistant.store.embedding import encode  # noqa: E402
from assistant.engine import Assistant  # noqa: E402
from assistant.ingest import chunking, corpus, performance  # noqa: E402
from assistant.store.build import build_index  # noqa: E402

QUESTION_FILES = [ROOT / "questions" / name for name in ("sample.jsonl", "questions.jsonl", "heldout.jsonl")]
# A fresh process: load the index, answer one question (a passage question also loads the model).
# Peak memory is read from VmHWM: ru_maxrss would carry over the parent's peak across exec on Linux.
COLD_START = """
import re, sys, time
started = time.perf_counter()
from assistant.engine import Assistant
engine = Assistant.load()
engine.ask(sys.argv[1])
peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
print(time.perf_counter() - started, peak_kb / 1024)
"""
COLD_QUESTIONS = {"table": "How many shoplifting offences were recorded in Chelmsford in 2024?",
                  "passage": "When is the next Operation Dial night of action in Chelmsford city centre?"}


def load_items() -> list[dict]:
    items, seen = [], set()
    for path in QUESTION_FILES:
        if path.exists():
            for line in path.read_text().splitlines():
                item = json.loads(line)
                key = item.get("question") or item.get("claim")
                if key and key not in seen:
                    seen.add(key)
                    items.append(item)
    return items


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def timed_asks(engine: Assistant, questions: list[str], repeats: int = 3) -> list[float]:
    latencies = []
    for _ in range(repeats):
        for question in questions:
            started = time.perf_counter()
            engine.ask(question)
            latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def hit_rate(engine: Assistant, items: list[dict], mode: str, k: int) -> float:
    """Share of passage questions whose top-k chunks include one containing every expected string."""
    hits = 0
    for item in items:
        vector = encode([item["question"]])[0]
        found = engine.retriever.search(item["question"], vector, k=k, mode=mode)
        texts = [engine.index.chunks[h.chunk].text for h in found]
        hits += any(all(str(e) in t for e in item["expected"]) for t in texts)
    return hits / len(items)


def ingestion_seconds() -> tuple[float, float]:
    """Seconds to read the performance tables and to chunk every document, on the repo's corpus."""
    documents = corpus.load_corpus(corpus_dir()).documents
    started = time.perf_counter()
    performance.performance_frame(documents)
    parse = time.perf_counter() - started
    started = time.perf_counter()
    for doc in documents:
        chunking.chunk_document(doc)
    return parse, time.perf_counter() - started


def format_seconds() -> tuple[float, float]:
    """Seconds to read one PDF page and 1,000 spreadsheet rows, on the generated next edition of the summary."""
    import openpyxl
    import pdfplumber

    sys.path.insert(0, str(ROOT / "scripts"))
    from make_fixtures import make_formats

    with tempfile.TemporaryDirectory() as scratch:
        made = make_formats(corpus_dir(), Path(scratch))
        with pdfplumber.open(made["pdf"]) as pdf:
            pages = len(pdf.pages)
        rows = sum(sheet.max_row for sheet in openpyxl.load_workbook(made["xlsx"], read_only=True).worksheets)
        started = time.perf_counter()
        corpus.load_document(made["pdf"], {})
        per_page = (time.perf_counter() - started) / pages
        started = time.perf_counter()
        corpus.load_document(made["xlsx"], {})
        per_thousand_rows = (time.perf_counter() - started) / rows * 1000
    return per_page, per_thousand_rows


def timed_checks(engine: Assistant, claims: list[str], repeats: int = 3) -> list[float]:
    latencies = []
    for _ in range(repeats):
        for claim in claims:
            started = time.perf_counter()
            engine.check(claim)
            latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        report = build_index(corpus_dir(), Path(scratch), force=True)
        build_seconds = time.perf_counter() - started
    cold = {}
    for kind, question in COLD_QUESTIONS.items():
        run = subprocess.run([sys.executable, "-c", COLD_START, question], capture_output=True, text=True,
                             cwd=ROOT, check=True)
        cold[kind] = tuple(map(float, run.stdout.split()))

    engine = Assistant.load()
    items = load_items()
    table = [i["question"] for i in items if i.get("kind", "").startswith("table")]
    passage_items = [i for i in items if i.get("kind") == "passage" and i.get("expected")]
    passage = [i["question"] for i in passage_items]
    claims = [i["claim"] for i in items if i.get("claim")]
    engine.ask(table[0])  # warm caches before timing
    engine.warm()
    table_ms, passage_ms = timed_asks(engine, table), timed_asks(engine, passage)
    claim_ms = timed_checks(engine, claims)
    parse_seconds, chunk_seconds = ingestion_seconds()
    per_page, per_thousand_rows = format_seconds()

    print(f"Index build from scratch: {build_seconds:.1f} s "
          f"({report.documents} documents, {report.chunks} passages, {report.embedded} vectors)")
    for kind, (seconds, peak_mb) in cold.items():
        print(f"Cold start to a first {kind} answer (new process): {seconds:.2f} s, peak memory {peak_mb:.0f} MB")
    print(f"Warm table answers   ({len(table)} questions x3): p50 {percentile(table_ms, 50):.1f} ms, "
          f"p95 {percentile(table_ms, 95):.1f} ms")
    print(f"Warm passage answers ({len(passage)} questions x3): p50 {percentile(passage_ms, 50):.1f} ms, "
          f"p95 {percentile(passage_ms, 95):.1f} ms")
    print(f"Warm claim checks    ({len(claims)} claims x3): p50 {percentile(claim_ms, 50):.1f} ms, "
          f"p95 {percentile(claim_ms, 95):.1f} ms")
    print(f"Reading the performance tables: {parse_seconds * 1000:.0f} ms; chunking every document: "
          f"{chunk_seconds * 1000:.0f} ms")
    print(f"Reading formats: {per_page * 1000:.0f} ms per PDF page, {per_thousand_rows * 1000:.0f} ms per 1,000 "
          f"spreadsheet rows")
    print(f"Retrieval hit rate on {len(passage_items)} passage questions (a top-k passage holds the answer):")
    print("          @1      @3      @5")
    for mode in ("hybrid", "bm25", "dense"):
        rates = [hit_rate(engine, passage_items, mode, k) for k in (1, 3, 5)]
        print(f"  {mode:<6} " + "  ".join(f"{rate:6.1%}" for rate in rates))


if __name__ == "__main__":
    main()
