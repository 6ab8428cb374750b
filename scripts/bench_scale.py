"""How search and the whole passage path scale, on passages synthesised from the corpus's real sentences.

Run: .venv/bin/python scripts/bench_scale.py [--sizes 10000,100000,1000000] [--pipeline 10000]
(or `make bench-scale`; not in CI: the 1M step needs ~6 GB of memory and, for HNSW's build, half an hour).

1. Vector search at each size, for the index the build would choose (`store.vectors`) and for exact flat
   search: build time, search p50/p99 on one thread, recall@10 against exact, bytes per vector, peak memory.
   A synthetic passage is 2-6 random real sentences (of the repo's corpus and of the public documents in
   ../shared/real/docs); its vector is the normalised sum of those sentences' real vectors (encoding a million
   texts would take this machine a day). The queries are the repo's passage questions, encoded.
2. BM25 (bm25s) at the same sizes on the passages' texts: index time, search p50.
3. The whole pipeline at `--pipeline` passages: a corpus of Markdown documents made of real sentences is
   indexed by the real build (real encoder), then a new process loads it and answers the passage questions:
   build time beside the bare encode of the texts the build keeps, peak memory, memory per passage beside
   its text (of a process warmed as the chat warms it and answering passage questions, then with the claims'
   prose index read too, as the first claim check reads it), warm passage p50 beside the same figure on the
   repo's corpus, in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import PROJECT_ROOT, corpus_dir  # noqa: E402
from assistant.ingest import chunking, corpus as corpus_reader  # noqa: E402
from assistant.store import embedding  # noqa: E402
from assistant.store.build import build_index  # noqa: E402
from assistant.store.load import load_index  # noqa: E402
from assistant.store.vectors import K, Rescored, build_vector_index  # noqa: E402
from assistant.text.tokens import bm25_tokens  # noqa: E402

PASSAGES_PER_DOCUMENT = 24
FLOOR_SAMPLE = 0.1  # share of the 10k build's kept texts encoded bare for its floor (see `pipeline_step`)
REAL_DOCS = PROJECT_ROOT.parent / "shared" / "real" / "docs"  # public minutes and guidance, read as the build would
# A new process: load an index, warm it as the chat does at start (`Assistant.warm`: the frames' look-ups, the model,
# every sentence's terms and context), answer every passage question three times, report p50 and memory; then read
# the claims' prose index (which only a claim check reads: `Assistant.prose`) and report memory again.
WARM = """
import json, re, statistics, sys, time
from pathlib import Path
from assistant.engine import Assistant
engine = Assistant.load(Path(sys.argv[1]))
questions = json.loads(sys.argv[2])
engine.warm()
engine.ask(questions[0])
rss = lambda key: int(re.search(key + r":\\s+(\\d+)", open("/proc/self/status").read()).group(1)) * 1024
times, errors = [], set()
for _ in range(3):
    for question in questions:
        started = time.perf_counter()
        try:
            engine.ask(question)
        except Exception as error:  # counted and shown: a crash is a finding, not the end of the measurement
            errors.add(f"{type(error).__name__}: {error}")
        times.append((time.perf_counter() - started) * 1000)
passage_rss, anon, file = rss("VmRSS"), rss("RssAnon"), rss("RssFile")
_ = engine.prose
print(json.dumps({"p50": statistics.median(times), "errors": sorted(errors), "rss": passage_rss,
                  "anon": anon, "file": file, "prose_rss": rss("VmRSS"), "passages": len(engine.index.chunks),
                  "text": sum(len(d.text.encode()) for d in engine.index.documents.values()),
                  "held_text": sum(sys.getsizeof(d.text) for d in engine.index.documents.values())}))
"""
# A new process: what each part of a loaded index holds, in bytes the Python allocator traced (numpy's arrays
# included) and, for the FAISS indexes, their serialised size. Slower than WARM (tracing), so a run of its own.
PARTS = """
import json, sys, tracemalloc
from pathlib import Path
import faiss
from assistant.engine import Assistant
from assistant.store.load import load_index
from assistant.answer.facts import facts_for
tracemalloc.start()
held, parts = tracemalloc.get_traced_memory()[0], {}
def mark(name):
    global held
    now = tracemalloc.get_traced_memory()[0]
    parts[name], held = now - held, now
index = load_index(Path(sys.argv[1])); mark("loaded records, BM25 and saved facts")
text = sum(len(d.text.encode()) for d in index.documents.values())
parts["loaded records, BM25 and saved facts"] -= text
engine = Assistant(index); facts_for(index).prepare(); mark("passage facts")
_ = engine.prose; mark("claims' prose index")
search = index.sentence_search.search
from assistant.store.vectors import Rescored  # 8-bit codes ranked by exact vectors; a flat index is searched as is
passages = index.faiss_index.codes if isinstance(index.faiss_index, Rescored) else index.faiss_index
parts["FAISS passage index"] = faiss.serialize_index(passages).nbytes
parts["sentence search (PQ)"] = faiss.serialize_index(search).nbytes if search is not None else 0
print(json.dumps({"passages": len(index.chunks), "parts": parts}))
"""
BUILD = """
import json, re, sys, time
from pathlib import Path
from assistant.store import build
from assistant.store.build import build_index
if len(sys.argv) > 3:  # a development cache of text vectors: see `cached_encode`
    sys.path.insert(0, "scripts")
    from bench_scale import cached_encode
    build.encode = cached_encode(Path(sys.argv[3]), build.encode)
started, cpu, stages = time.perf_counter(), time.process_time(), {}
def progress(message, fraction):  # when each stage began: "Embedding 1,280/9,000 texts" counts as "Embedding"
    stages.setdefault(message.split()[0] if message.startswith("Embedding") else message, time.perf_counter() - started)
report = build_index(Path(sys.argv[1]), Path(sys.argv[2]), force=True, progress=progress)
peak = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)) * 1024
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "peak": peak,
                  "passages": report.chunks, "embedded": report.embedded, "stages": stages}))
"""


def cached_encode(folder: Path, encode):
    """`encode`, reading the vector of every text it has seen before from `folder` and adding the rest there.

    For development only (`--keep`): rebuilding a 10k-passage index after a change of index format then skips
    the encoding (most of an hour on this machine). The product never uses it; a build made with it measures
    nothing about build time."""
    import atexit
    import hashlib

    folder.mkdir(parents=True, exist_ok=True)
    keys_file, vectors_file = folder / "keys.json", folder / "vectors.npy"
    keys = json.loads(keys_file.read_text()) if keys_file.is_file() else []
    known = list(np.load(vectors_file)) if vectors_file.is_file() else []
    row_of = {key: row for row, key in enumerate(keys)}
    stored = len(keys)

    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def save() -> None:
        if len(keys) > stored:
            np.save(vectors_file, np.stack(known))
            keys_file.write_text(json.dumps(keys))

    atexit.register(save)

    def encode_cached(texts: list[str], *args, **kwargs) -> np.ndarray:
        wanted = [key(t) for t in texts]
        new = [i for i, k in enumerate(wanted) if k not in row_of]
        if new:
            for i, vector in zip(new, encode([texts[i] for i in new], *args, **kwargs)):
                if wanted[i] not in row_of:
                    row_of[wanted[i]] = len(keys)
                    keys.append(wanted[i])
                    known.append(vector)
        return np.stack([known[row_of[k]] for k in wanted]) if texts else encode(texts)

    return encode_cached


def passage_questions() -> list[str]:
    items = [json.loads(line) for line in (ROOT / "questions" / "questions.jsonl").read_text().splitlines()]
    return [i["question"] for i in items if i.get("kind") == "passage"]


def real_sentences(folder: Path = REAL_DOCS) -> list[str]:
    """Every sentence of the public documents in `folder` (when it is there), split as the build splits them."""
    if not folder.is_dir():
        return []
    found = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        for doc in corpus_reader.load_corpus(sub).documents:
            spans = {span for chunk in chunking.chunk_document(doc) for span in chunk.sentences}
            found += [doc.text[start:end].strip() for start, end in sorted(spans)]
    return [text for text in found if text]


def rss_bytes(key: str = "VmRSS") -> int:
    return int(re.search(key + r":\s+(\d+)", Path("/proc/self/status").read_text()).group(1)) * 1024


def reset_peak() -> None:
    """Reset this process's VmHWM to its current RSS (Linux: clear_refs 5), so each step's peak is its own."""
    Path("/proc/self/clear_refs").write_text("5")


def synthetic(sentences: list[str], vectors: np.ndarray, n: int, rng) -> tuple[np.ndarray, list[list[int]]]:
    """n passages of 2-6 random real sentences: their members, and the normalised sum of the members' vectors."""
    members = [rng.choice(len(sentences), rng.integers(2, 7), replace=False).tolist() for _ in range(n)]
    out = np.empty((n, vectors.shape[1]), dtype="float32")
    for start in range(0, n, 50_000):
        block = members[start:start + 50_000]
        for row, chosen in enumerate(block):
            out[start + row] = vectors[chosen].sum(axis=0)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out, members


def timed_searches(index, queries: np.ndarray, k: int = 40) -> tuple[float, float, np.ndarray]:
    times, found = [], []
    for query in queries:
        started = time.perf_counter()
        _, ids = index.search(query.reshape(1, -1), k)
        times.append((time.perf_counter() - started) * 1000)
        found.append(ids[0][:K])
    return statistics.median(times), float(np.percentile(times, 99)), np.array(found)


def vector_step(n: int, pool: np.ndarray, sentences: list[str], queries: np.ndarray, rng) -> list[int]:
    import faiss

    faiss.omp_set_num_threads(1)
    vectors, members = synthetic(sentences, pool, n, rng)
    exact_index = None
    rows = {}
    for label, flat_limit in (("chosen", None), ("flat", n)):
        reset_peak()
        before = rss_bytes()
        started = time.perf_counter()
        index, info = build_vector_index(vectors, **({} if flat_limit is None else {"flat_limit": flat_limit,
                                                                                     "half_limit": flat_limit}))
        seconds = time.perf_counter() - started
        peak = rss_bytes("VmHWM") - before
        size = faiss.serialize_index(index).nbytes
        if "fetch" in info:  # 8-bit codes: searched as a loaded index searches them, the shortlist rescored
            index = Rescored(index, vectors, info["fetch"])
        p50, p99, found = timed_searches(index, queries)
        if label == "flat":
            exact_index, exact = index, found
        rows[label] = (info, seconds, p50, p99, found, size, peak)
    for label, (info, seconds, p50, p99, found, size, peak) in rows.items():
        recall = np.mean([len(set(a) & set(b)) / K for a, b in zip(found, exact)])
        print(f"  {n:>9,} {label:<6} {info['type']:<14} build {seconds:7.1f} s  search p50 {p50:7.2f} ms "
              f"p99 {p99:7.2f} ms  recall@10 {recall:.3f}  {size / n:6.0f} B/vector  peak +{peak / 2**20:6.0f} MB"
              + (f"  (nprobe {info['nprobe']}, build-time recall {info['recall_at_10']})" if "nprobe" in info else ""),
              flush=True)
    del exact_index
    return members


def bm25_step(n: int, members: list[list[int]], sentences: list[str], questions: list[str]) -> None:
    import bm25s

    texts = [" ".join(sentences[i] for i in chosen) for chosen in members]
    started = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(bm25_tokens(texts), show_progress=False)
    index_seconds = time.perf_counter() - started
    times = []
    for question in questions:
        started = time.perf_counter()
        words = [w for w in bm25_tokens([question], as_ids=False)[0] if w in retriever.vocab_dict]
        if words:
            retriever.retrieve([words], k=40, show_progress=False)
        times.append((time.perf_counter() - started) * 1000)
    print(f"  {n:>9,} bm25s  index {index_seconds:7.1f} s  search p50 {statistics.median(times):7.2f} ms", flush=True)


def write_corpus(folder: Path, sentences: list[str], passages: int, rng) -> None:
    """Markdown documents of real sentences under headings, about PASSAGES_PER_DOCUMENT passages each."""
    folder.mkdir(parents=True)
    for number in range(max(1, passages // PASSAGES_PER_DOCUMENT)):
        parts = [f"# Community safety report {number + 1}\n"]
        for section in range(PASSAGES_PER_DOCUMENT // 2):
            parts.append(f"## Section {section + 1}\n")
            for _ in range(2):
                chosen = rng.choice(len(sentences), rng.integers(4, 8), replace=False)
                parts.append(" ".join(sentences[i] for i in chosen) + "\n")
        (folder / f"report-{number + 1:05d}.md").write_text("\n".join(parts))


def run_json(script: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT)
    if result.returncode:
        raise SystemExit(f"A benchmark step failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def pipeline_step(passages: int, sentences: list[str], questions: list[str], small_index: Path, rng,
                  keep: Path | None = None) -> None:
    """The real build and engine on a synthetic corpus of `passages` passages, and on one a tenth of its size
    (memory per passage is the difference between the two, so what any index holds whatever its size, such
    as the model and the libraries, cancels out). Each figure is printed as soon as it is known.

    The build's floor is the bare encode of a random FLOOR_SAMPLE of the distinct texts it keeps (a text repeated
    across documents is encoded once), scaled up: encoding all of them a second time would double a run that
    takes most of an hour on this machine.

    With `keep`, the corpora, indexes and a cache of their text vectors stay in that folder: a later run loads
    the indexes it finds there (measuring only loads and answers), and rebuilds one this version cannot read
    from the cached vectors (its build time then measures nothing, and is not printed)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or Path(scratch)
        big_index = _pipeline_index(folder / "big", passages, sentences, rng, keep)
        big = run_json(WARM, str(big_index), json.dumps(questions))
        today = run_json(WARM, str(small_index), json.dumps(questions))
        print(f"  warm passage p50 {big['p50']:.1f} ms  vs {today['p50']:.1f} ms on the repo's corpus  "
              f"ratio {big['p50'] / today['p50']:.2f}", flush=True)
        tenth_index = _pipeline_index(folder / "tenth", max(PASSAGES_PER_DOCUMENT, passages // 10), sentences, rng,
                                      keep, measure=False)
        tenth = run_json(WARM, str(tenth_index), json.dumps(questions))
        big_parts, tenth_parts = run_json(PARTS, str(big_index)), run_json(PARTS, str(tenth_index))
    passages = big["passages"] - tenth["passages"]
    per_passage = (big["rss"] - tenth["rss"] - (big["text"] - tenth["text"])) / passages
    print(f"  loaded, after answering passage questions: {big['rss'] / 2**20:.0f} MB ({tenth['rss'] / 2**20:.0f} MB "
          f"at {tenth['passages']:,} passages): {per_passage / 1024:.1f} KB per passage beside its text", flush=True)
    # Python holds a text of any character past Latin-1 (a curly quote, a dash) at 2 bytes a character: the same
    # figure beside the texts as held, so what the index adds is not confused with how Python stores its text.
    held = (big["rss"] - tenth["rss"] - (big["held_text"] - tenth["held_text"])) / passages
    held_text, utf8 = (big["held_text"] - tenth["held_text"]) / passages, (big["text"] - tenth["text"]) / passages
    print(f"  the same beside its text as Python holds it ({held_text / 1024:.1f} KB a passage, against "
          f"{utf8 / 1024:.1f} KB of UTF-8): "
          f"{held / 1024:.1f} KB per passage", flush=True)
    with_prose = (big["prose_rss"] - tenth["prose_rss"] - (big["text"] - tenth["text"])) / passages
    print(f"  with the claims' prose index read too (the first claim check): {with_prose / 1024:.1f} KB per passage",
          flush=True)
    # Of which: the process's own memory, and the pages of memory-mapped files it read (the vectors' disk
    # copies: shared with the page cache, dropped by the system first when memory is short).
    anon = (big["anon"] - tenth["anon"] - (big["text"] - tenth["text"])) / passages
    print(f"  of which its own memory {anon / 1024:.1f} KB per passage, pages of mapped files "
          f"{(big['file'] - tenth['file']) / passages / 1024:.1f} KB", flush=True)
    print("  by part (bytes traced, beside the text): " + ", ".join(
        f"{name} {(big_parts['parts'][name] - tenth_parts['parts'][name]) / passages / 1024:.2f} KB"
        for name in big_parts["parts"]) + " per passage", flush=True)
    for error in sorted({*big["errors"], *tenth["errors"], *today["errors"]}):
        print(f"  error while answering: {error}")


def _pipeline_index(folder: Path, passages: int, sentences: list[str], rng, keep: Path | None,
                    measure: bool = True) -> Path:
    """The index of a synthetic corpus of `passages` passages in `folder`, built unless `keep` holds a readable
    one; with `measure`, a fresh build's time is printed beside its floor."""
    from assistant.errors import AssistantError
    from assistant.store.build import kept_texts

    corpus, index_dir = folder / "corpus", folder / "index"
    if not corpus.is_dir():
        write_corpus(corpus, sentences, passages, rng)
    if keep is not None:
        try:
            load_index(index_dir)
            print(f"  (kept index {index_dir}: not rebuilt)", flush=True)
            return index_dir
        except AssistantError:
            pass
    cache = [str(keep / "text-vectors")] if keep is not None else []
    reused = keep is not None and (keep / "text-vectors" / "keys.json").is_file()
    built = run_json(BUILD, str(corpus), str(index_dir), *cache)
    if not measure:
        return index_dir
    if reused:
        print(f"  {built['passages']:,} passages, rebuilt from cached vectors in {built['seconds']:.1f} s "
              f"(peak {built['peak'] / 2**20:.0f} MB; no build figure)", flush=True)
        return index_dir
    kept = kept_texts(load_index(index_dir))
    texts = list(dict.fromkeys(kept))  # the build encodes a text repeated across documents once
    sample = [texts[i] for i in rng.choice(len(texts), max(1, int(len(texts) * FLOOR_SAMPLE)), replace=False)]
    started, cpu = time.perf_counter(), time.process_time()
    embedding.encode(sample)
    scale = len(texts) / len(sample)
    encode_seconds, encode_cpu = (time.perf_counter() - started) * scale, (time.process_time() - cpu) * scale
    print(f"  {built['passages']:,} passages ({len(kept):,} texts kept, {len(texts):,} distinct)")
    print(f"  build {built['seconds']:.1f} s  floor {encode_seconds:.1f} s (bare encode of the kept texts, from "
          f"a {FLOOR_SAMPLE:.0%} sample)  ratio {built['seconds'] / encode_seconds:.2f}; in CPU time "
          f"{built['cpu']:.1f} s vs {encode_cpu:.1f} s, ratio {built['cpu'] / encode_cpu:.2f}; build peak "
          f"memory {built['peak'] / 2**20:.0f} MB")
    print("  build stages: " + ", ".join(f"{name} from {at:.1f} s" for name, at in built["stages"].items()),
          flush=True)
    return index_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="passage counts for search and BM25")
    parser.add_argument("--pipeline", type=int, default=10_000, help="passages for the whole pipeline (0: skip)")
    parser.add_argument("--keep", type=Path, help="keep the pipeline's corpora, indexes and a development cache "
                                                  "of their text vectors here, and reuse them (see pipeline_step)")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    embedding.ensure_model(verify=True)
    with tempfile.TemporaryDirectory() as scratch:
        small_index = Path(scratch)
        build_index(corpus_dir(), small_index, force=True)
        index = load_index(small_index)
        sentences = [index.documents[s.document].text[s.start:s.end].strip() for s in index.sentences]
        public = real_sentences()
        pool = np.vstack([np.asarray(index.sentence_vectors, dtype="float32"), embedding.encode(public)])
        sentences += public
        questions = passage_questions()
        queries = embedding.encode(questions)
        print(f"Vector search ({len(sentences):,} real sentences recombined, {len(public):,} of them from "
              f"{REAL_DOCS.name}/; {len(queries)} real questions):")
        memberships = {}
        for n in (int(size) for size in args.sizes.split(",") if size):
            memberships[n] = vector_step(n, pool, sentences, queries, rng)
        print("BM25 (bm25s):")
        for n, members in memberships.items():
            bm25_step(n, members, sentences, questions)
        memberships.clear()
        if args.pipeline:
            print(f"Whole pipeline at {args.pipeline:,} passages (real build, real encoder):")
            pipeline_step(args.pipeline, sentences, questions, small_index, rng, args.keep)


if __name__ == "__main__":
    main()
