"""Speed of police.uk street-level look-ups, beside a plain pandas group-by doing the same counts.

    .venv/bin/python scripts/bench_street.py [DATA_DIR]      (default ../shared/real/data)

`bench(data_dir)` returns the figures as lines, so `scripts/benchmark.py` can print them with the rest. It
measures reading the files (what `assistant index` adds for them), and answering the question set
`questions/policeuk.jsonl` on the real rows and on the rows repeated to a large force's year (~300,000), each
question being read, counted, worded and cited; the baseline is `DataFrame.groupby(...).size()` over the raw
CSV columns, then one `.loc` per question's counts. The outcomes and stop-and-search questions of the set are
timed apart, on their files' rows as read and repeated to the same size.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
LARGE_ROWS = 300_000


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def _timed(calls, repeat: int = 3) -> list[float]:
    out = []
    for _ in range(repeat):
        for call in calls:
            started = time.perf_counter()
            call()
            out.append((time.perf_counter() - started) * 1000)
    return out


def bench(data_dir: Path) -> list[str]:
    from assistant.answer.street import StreetAnswers
    from assistant.ingest.street import PoliceFrames, learn, read_street, tidy
    from assistant.vocab import street_words

    started = time.perf_counter()
    load = read_street(data_dir)
    read_s = time.perf_counter() - started
    questions = [json.loads(line) for line in (ROOT / "questions" / "policeuk.jsonl").open(encoding="utf-8")]
    texts = [q["question"] for q in questions if "question" in q and q["kind"].startswith("street")]
    event_texts = [q["question"] for q in questions if "question" in q and not q["kind"].startswith("street")]
    lines = [f"Reading police.uk files: {read_s:.2f} s ({len(load.frame):,} street rows, "
             + ", ".join(f"{len(f):,} {kind} rows" for kind, f in load.events.items()) + ")"]

    copies = max(1, LARGE_ROWS // max(len(load.frame), 1))
    large = tidy(pd.concat([load.frame.astype(object)] * copies, ignore_index=True))
    for label, frame in (("real rows", load.frame), (f"{len(large):,} rows", large)):
        catalogue = learn(frame) if frame is large else load.catalogue
        answers = StreetAnswers(PoliceFrames(frame), catalogue, street_words.load())
        ours = _timed([lambda text=text: answers.answer(answers.read(text)) for text in texts])
        raw = frame.astype({"month": str, "crime_type": str, "edition": str})
        started = time.perf_counter()
        cube = raw.groupby(["edition", "month", "crime_type"]).size()
        group_ms = (time.perf_counter() - started) * 1000
        months = sorted(raw["month"].unique())
        plain = _timed([lambda m=m: int(cube.loc[(slice(None), m, slice(None))].sum()) for m in months])
        lines.append(f"Street answers ({label}, {len(texts)} questions x3): p50 {statistics.median(ours):.1f} ms, "
                     f"p95 {_p(ours, 95):.1f} ms; plain pandas group-by {group_ms:.1f} ms once, then "
                     f"p50 {statistics.median(plain):.2f} ms per month's count")
    if event_texts:
        lines += _bench_events(load, event_texts)
    return lines


def _bench_events(load, texts: list[str]) -> list[str]:
    """Outcomes and stop-and-search answers, on the rows read and on each kind repeated to ~LARGE_ROWS."""
    from assistant.answer.street import StreetAnswers
    from assistant.ingest.street import PoliceFrames
    from assistant.vocab import street_words

    lines = []
    large = {kind: pd.concat([f] * max(1, LARGE_ROWS // max(len(f), 1)), ignore_index=True)
             for kind, f in load.events.items()}
    for label, events in (("real rows", load.events), ("~{:,} rows per kind".format(LARGE_ROWS), large)):
        answers = StreetAnswers(PoliceFrames(load.frame, events), load.catalogue, street_words.load())
        ours = _timed([lambda text=text: answers.answer(answers.read(text)) for text in texts])
        lines.append(f"Outcomes and stop-and-search answers ({label}, {len(texts)} questions x3): "
                     f"p50 {statistics.median(ours):.1f} ms, p95 {_p(ours, 95):.1f} ms")
    return lines


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "real" / "data"
    for line in bench(folder):
        print(line)
