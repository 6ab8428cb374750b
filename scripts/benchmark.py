"""Speed, memory and retrieval quality, each figure printed beside its floor and the ratio (a benchmark, not a test).

Run: .venv/bin/python scripts/benchmark.py   (or `make bench`)

Everything is measured in one run on an index built from scratch into a scratch folder. A floor is the
least the work could cost with the same parts on this machine at this moment (the machine is shared, so a
floor measured in another run would not compare):
- build                    vs encoding the texts the build keeps, bare (the same encoder, same batches);
- cold start (new process) vs loading the ONNX model alone in a new process and encoding one question;
- warm passage answer p50  vs encoding the question + the FAISS search, bare (the two taking turns, question by
                             question; in CPU time too);
then the table and claim p50s, throughput with 1, 2 and 4 threads on one shared `Assistant`, 1 vs 2 threads for
one query's encode and FAISS search, ingestion and format reading, and retrieval hit rate @1/@3/@5 of the
hybrid search beside the BM25-only and dense-only baselines.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import corpus_dir  # noqa: E402
from assistant.engine import Assistant  # noqa: E402
from assistant.ingest import chunking, corpus, performance  # noqa: E402
from assistant.store import embedding  # noqa: E402
from assistant.store.build import build_index, kept_texts  # noqa: E402
from assistant.store.load import LoadedIndex  # noqa: E402

QUESTION_FILES = [ROOT / "questions" / name for name in ("sample.jsonl", "questions.jsonl", "heldout.jsonl")]
# A fresh process: load the index, answer one question (a passage question also loads the model); also how
# long importing the engine took and whether pandas was imported (a passage answer should need no frame).
# Peak memory is read from VmHWM: ru_maxrss would carry over the parent's peak across exec on Linux. CPU time
# is the whole process's (interpreter start included, every thread): on a shared machine it swings far less
# with other users' load than the wall clock does.
COLD_START = """
import os, re, sys, time
started = time.perf_counter()
from assistant.engine import Assistant
imported = time.perf_counter() - started
engine = Assistant.load()
engine.ask(sys.argv[1])
peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
times = os.times()
print(time.perf_counter() - started, peak_kb / 1024, times.user + times.system, imported, int("pandas" in sys.modules))
"""
# The floor of a passage answer's cold start: the ONNX model alone, loaded and asked one question.
BARE_LOAD = """
import os, re, sys, time
started = time.perf_counter()
from assistant.store.embedding import Encoder, ensure_model
Encoder(ensure_model()).encode([sys.argv[1]])
peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
times = os.times()
print(time.perf_counter() - started, peak_kb / 1024, times.user + times.system)
"""
COLD_QUESTIONS = {"table": "How many shoplifting offences were recorded in Chelmsford in 2024?",
                  "passage": "When is the next Operation Dial night of action in Chelmsford city centre?"}
COLD_RUNS = 5  # the median of five fresh processes: one alone is at the mercy of the other users


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


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(work, items, repeats: int = 3) -> list[float]:
    """Milliseconds of `work(item)` for every item, `repeats` times over."""
    latencies = []
    for _ in range(repeats):
        for item in items:
            started = time.perf_counter()
            work(item)
            latencies.append(ms(time.perf_counter() - started))
    return latencies


def alternating(work, floor, items, repeats: int = 3) -> tuple[list[float], list[float], float, float]:
    """Milliseconds of `work(item)` and of `floor(item)`, taking turns item by item so both meet the same
    moment's load on a shared machine, and the CPU seconds each took in all (steadier than the wall clock)."""
    work_ms, floor_ms, work_cpu, floor_cpu = [], [], 0.0, 0.0
    for _ in range(repeats):
        for item in items:
            for run, latencies in ((work, work_ms), (floor, floor_ms)):
                started, cpu = time.perf_counter(), time.process_time()
                run(item)
                latencies.append(ms(time.perf_counter() - started))
                if run is work:
                    work_cpu += time.process_time() - cpu
                else:
                    floor_cpu += time.process_time() - cpu
    return work_ms, floor_ms, work_cpu, floor_cpu


def fresh_processes(scripts: dict[str, tuple[str, str]], index: Path) -> dict[str, tuple[float, ...]]:
    """Each script's figures (seconds, peak MB, CPU seconds, ...), the median of each over COLD_RUNS new
    processes on the benchmark's index. The scripts take turns (a, b, a, b, ...) so that a figure and its floor
    are measured under the same minutes' load."""
    runs: dict[str, list[tuple[float, ...]]] = {name: [] for name in scripts}
    for _ in range(COLD_RUNS):
        for name, (script, argument) in scripts.items():
            run = subprocess.run([sys.executable, "-c", script, argument], capture_output=True, text=True,
                                 cwd=ROOT, check=True, env=dict(os.environ, ASSISTANT_INDEX=str(index)))
            runs[name].append(tuple(map(float, run.stdout.split())))
    return {name: tuple(statistics.median(column) for column in zip(*figures)) for name, figures in runs.items()}


def bare_query(index: LoadedIndex, question: str) -> None:
    """The floor of a passage answer: the question encoded and the passages searched, nothing else."""
    vector = embedding.encode([question])
    index.faiss_index.search(vector, min(40, index.faiss_index.ntotal))


def throughput(work, items: list, threads: int, seconds: float = 4.0) -> float:
    """Items answered per second by `threads` threads sharing one engine, over at least `seconds`."""
    rounds, done, started = 0, 0, time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        while time.perf_counter() - started < seconds or rounds == 0:
            done += sum(1 for _ in pool.map(work, items))
            rounds += 1
    return done / (time.perf_counter() - started)


def hit_rate(engine: Assistant, items: list[dict], mode: str, k: int) -> float:
    """Share of passage questions whose top-k chunks include one containing every expected string."""
    hits = 0
    for item in items:
        vector = embedding.encode([item["question"]])[0]
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


def beside(label: str, value: float, floor: float, unit: str, floor_label: str) -> str:
    """One figure, its floor and their ratio on one line."""
    return (f"{label:<44} {value:9.2f} {unit:<3}  floor {floor:9.2f} {unit:<3} ({floor_label})  "
            f"ratio {value / floor:.2f}")


def thread_choice(index: LoadedIndex, questions: list[str]) -> list[str]:
    """p50 of one question's encode and FAISS search on 1 and 2 threads (the shipped settings use 1)."""
    import faiss

    lines = []
    for threads in (1, 2):
        encoder = embedding.Encoder(embedding.ensure_model(), threads=threads)
        encode_ms = timed(lambda q: encoder.encode([q]), questions)
        vectors = encoder.encode(questions)
        faiss.omp_set_num_threads(threads)
        search_ms = timed(lambda v: index.faiss_index.search(v.reshape(1, -1), min(40, index.faiss_index.ntotal)),
                          list(vectors))
        lines.append(f"  {threads} thread{'s' if threads > 1 else ' '}: encode p50 {percentile(encode_ms, 50):.1f} ms, "
                     f"FAISS search p50 {percentile(search_ms, 50) * 1000:.0f} µs")
    faiss.omp_set_num_threads(1)
    return lines


def main() -> None:
    embedding.ensure_model(verify=True)  # an export (first run on a machine) is not part of the build's figure
    with tempfile.TemporaryDirectory() as scratch:
        index_dir = Path(scratch)
        started, cpu = time.perf_counter(), time.process_time()
        report = build_index(corpus_dir(), index_dir, force=True)
        build_seconds, build_cpu = time.perf_counter() - started, time.process_time() - cpu
        engine = Assistant.load(index_dir)
        texts = kept_texts(engine.index)
        started, cpu = time.perf_counter(), time.process_time()
        embedding.encode(texts)
        encode_seconds, encode_cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"Index: {report.documents} documents, {report.chunks} passages, {report.embedded} texts embedded "
              f"({len(texts)} kept)", flush=True)
        print(beside("Index build from scratch", build_seconds, encode_seconds, "s", "bare encode of the kept texts"))
        # CPU time too: on a shared machine the wall-clock ratio swings with other users' load
        print(beside("  the same in CPU time", build_cpu, encode_cpu, "s", "bare encode, CPU time"))

        cold = fresh_processes({"bare": (BARE_LOAD, COLD_QUESTIONS["passage"]),
                                **{kind: (COLD_START, question) for kind, question in COLD_QUESTIONS.items()}},
                               index_dir)
        bare_cold = cold["bare"]
        print(beside("Cold start to a first passage answer", cold["passage"][0], bare_cold[0], "s",
                     "bare ONNX load + 1 encode"))
        print(beside("  the same in CPU time", cold["passage"][2], bare_cold[2], "s", "bare load + encode, CPU"))
        print(f"  peak memory: passage {cold['passage'][1]:.0f} MB, bare model {bare_cold[1]:.0f} MB")
        print(f"  importing the engine {cold['passage'][3]:.2f} s; pandas imported: "
              f"{'yes' if cold['passage'][4] else 'no'}")
        print(f"Cold start to a first table answer (new process): {cold['table'][0]:.2f} s, "
              f"peak memory {cold['table'][1]:.0f} MB", flush=True)

        items = load_items()
        table = [i["question"] for i in items if i.get("kind", "").startswith("table")]
        passage_items = [i for i in items if i.get("kind") == "passage" and i.get("expected")]
        passage = [i["question"] for i in passage_items]
        claims = [i["claim"] for i in items if i.get("claim")]
        engine.ask(table[0])  # warm caches before timing
        engine.warm()
        table_ms = timed(engine.ask, table)
        passage_ms, floor_ms, passage_cpu, floor_cpu = alternating(
            engine.ask, lambda q: bare_query(engine.index, q), passage)
        print(beside(f"Warm passage answers p50 ({len(passage)} x3)", percentile(passage_ms, 50),
                     percentile(floor_ms, 50), "ms", "bare encode + FAISS search"))
        print(beside("  the same in CPU time, mean", ms(passage_cpu) / len(passage_ms), ms(floor_cpu) / len(floor_ms),
                     "ms", "bare encode + search, CPU"))
        print(f"  p95 {percentile(passage_ms, 95):.1f} ms (floor p95 {percentile(floor_ms, 95):.1f} ms)")
        print(f"Warm table answers   ({len(table)} questions x3): p50 {percentile(table_ms, 50):.1f} ms, "
              f"p95 {percentile(table_ms, 95):.1f} ms")
        claim_ms = timed(engine.check, claims)
        print(f"Warm claim checks    ({len(claims)} claims x3): p50 {percentile(claim_ms, 50):.1f} ms, "
              f"p95 {percentile(claim_ms, 95):.1f} ms", flush=True)

        print("Throughput on one shared Assistant (questions/s):")
        for kind, questions in (("table", table), ("passage", passage)):
            rates = [throughput(engine.ask, questions, n) for n in (1, 2, 4)]
            print(f"  {kind:<8}" + "".join(f"  {n} thread{'s' if n > 1 else ' '}: {rate:7.1f}"
                                           for n, rate in zip((1, 2, 4), rates)), flush=True)
        print("One question's encode and search by thread count:")
        print("\n".join(thread_choice(engine.index, passage)), flush=True)

        parse_seconds, chunk_seconds = ingestion_seconds()
        per_page, per_thousand_rows = format_seconds()
        print(f"Reading the performance tables: {ms(parse_seconds):.0f} ms; chunking every document: "
              f"{ms(chunk_seconds):.0f} ms")
        print(f"Reading formats: {ms(per_page):.0f} ms per PDF page, {ms(per_thousand_rows):.0f} ms per 1,000 "
              f"spreadsheet rows")
        print(f"Retrieval hit rate on {len(passage_items)} passage questions (a top-k passage holds the answer):")
        print("          @1      @3      @5")
        for mode in ("hybrid", "bm25", "dense"):
            print(f"  {mode:<6} " + "  ".join(f"{hit_rate(engine, passage_items, mode, k):6.1%}" for k in (1, 3, 5)))
    street_data = Path(__file__).resolve().parent.parent.parent / "shared" / "real" / "data"
    if street_data.is_dir():  # police.uk look-ups beside a plain pandas group-by (scripts/bench_street.py)
        from bench_street import bench as bench_street

        for line in bench_street(street_data):
            print(line, flush=True)


if __name__ == "__main__":
    main()
