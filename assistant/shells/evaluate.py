"""Batch evaluation: answer a JSONL question set, write the answers, score what carries `expected`.

Scoring is deliberately simple and reproducible: an answer is correct when it is answerable and
contains every expected string (claims must also carry the expected verdict); an unanswerable item
is correct when the answer abstains. Every answer is also checked for numbers its citations lack.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from assistant.answer.guard import uncited_numbers
from assistant.errors import AssistantError
from assistant.text.normalise import comparable
from assistant.records import Answer


@dataclass
class ItemResult:
    id: str
    kind: str
    outcome: str  # "correct" | "abstained" | "wrong" | "unscored" | "error"
    cited_source: bool | None
    uncited: list[float]
    latency_ms: float
    detail: str = ""


@dataclass
class Tally:
    results: list[ItemResult] = field(default_factory=list)

    def by_kind(self) -> dict[str, list[ItemResult]]:
        groups: dict[str, list[ItemResult]] = defaultdict(list)
        for result in self.results:
            groups[result.kind].append(result)
        return dict(sorted(groups.items()))


def read_items(path: Path, warn: Callable[[str], None]) -> list[dict]:
    """Parse JSON Lines; a malformed line is reported with its number and skipped."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            warn(f"{path}:{number}: skipped, not valid JSON ({error.msg})")
            continue
        if not isinstance(item, dict) or not any(k in item for k in ("question", "turns", "claim")):
            warn(f"{path}:{number}: skipped, needs one of question, turns or claim")
            continue
        item.setdefault("id", f"line{number}")
        items.append(item)
    return items


def kind_of(item: dict) -> str:
    if item.get("kind"):
        return str(item["kind"])
    return "claim" if "claim" in item else "followup" if "turns" in item else "question"


def answer_item(engine, item: dict) -> Answer:
    if "claim" in item:
        return engine.check(str(item["claim"]))
    if "turns" in item:
        return engine.ask_turns([str(t) for t in item["turns"]])
    return engine.ask(str(item["question"]))


def score(item: dict, answer: Answer) -> tuple[str, str]:
    """The outcome of one answered item and, when it is not correct, why."""
    if "expected" not in item:
        return "unscored", ""
    expected = [str(e) for e in item["expected"]]
    if "claim" in item and item.get("verdict"):
        if answer.verdict != item["verdict"]:
            return "wrong", f"verdict {answer.verdict!r}, expected {item['verdict']!r}"
        missing = [e for e in expected if comparable(e) not in comparable(answer.text)]
        return ("wrong", f"missing {missing}") if missing else ("correct", "")
    if not expected:
        return ("correct", "") if not answer.answerable else ("wrong", "answered an unanswerable question")
    if not answer.answerable:
        return "abstained", "said not found"
    missing = [e for e in expected if comparable(e) not in comparable(answer.text)]
    return ("wrong", f"missing {missing}") if missing else ("correct", "")


def evaluate_items(engine, items: list[dict], out: Path) -> Tally:
    tally = Tally()
    with out.open("w", encoding="utf-8") as sink:
        for item in items:
            kind = kind_of(item)
            try:
                answer = answer_item(engine, item)
            except AssistantError as error:
                tally.results.append(ItemResult(item["id"], kind, "error", None, [], 0.0, str(error)))
                sink.write(json.dumps({"id": item["id"], "error": str(error)}, ensure_ascii=False) + "\n")
                continue
            outcome, detail = score(item, answer)
            source = item.get("source")
            cited = any(c.document == source for c in answer.citations) if source else None
            asked = " ".join([str(item.get("question", "")), str(item.get("claim", "")),
                              *map(str, item.get("turns", []))])
            stray = uncited_numbers(answer, allowed_text=asked) if answer.answerable else []
            tally.results.append(ItemResult(item["id"], kind, outcome, cited, stray, answer.latency_ms, detail))
            sink.write(json.dumps({"id": item["id"], **answer.to_dict()}, ensure_ascii=False) + "\n")
    return tally


def _p(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def summarise(tally: Tally) -> str:
    """A Markdown table by kind and overall: correct, abstained, wrong, errors, source cited, latency."""
    header = ("| kind | n | correct | abstained | wrong | errors | cites source | uncited numbers | p50 ms | p95 ms |\n"
              "|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    groups = tally.by_kind()
    for kind, results in [*groups.items(), ("overall", tally.results)]:
        count = {o: sum(r.outcome == o for r in results) for o in ("correct", "abstained", "wrong", "error")}
        sourced = [r.cited_source for r in results if r.cited_source is not None]
        latencies = [r.latency_ms for r in results if r.outcome != "error"]
        scored = sum(r.outcome != "unscored" for r in results)
        accuracy = f"{count['correct']} ({count['correct'] / scored:.0%})" if scored else "-"
        rows.append(f"| {kind} | {len(results)} | {accuracy} | {count['abstained']} | {count['wrong']} | "
                    f"{count['error']} | {sum(sourced)}/{len(sourced)} | {sum(bool(r.uncited) for r in results)} | "
                    f"{_p(latencies, 50):.1f} | {_p(latencies, 95):.1f} |")
    return "\n".join([header, *rows])


def report(tally: Tally, questions: Path) -> str:
    misses = [r for r in tally.results if r.outcome in ("wrong", "abstained", "error") or r.uncited]
    lines = [f"# Evaluation of {questions.name}", "", summarise(tally), "", "## Items not answered correctly", ""]
    lines += [f"- `{r.id}` ({r.kind}): {r.outcome}. {r.detail}"
              + (f" Uncited numbers: {r.uncited}" if r.uncited else "") for r in misses] or ["None."]
    return "\n".join(lines) + "\n"


def run_eval(engine, questions: Path, out: Path, report_path: Path,
             warn: Callable[[str], None] = lambda message: None) -> tuple[str, int]:
    """Answer, write, score; returns the printed summary and how many items raised an error."""
    items = read_items(questions, warn)
    tally = evaluate_items(engine, items, out)
    report_path.write_text(report(tally, questions), encoding="utf-8")
    errors = sum(r.outcome == "error" for r in tally.results)
    return summarise(tally) + f"\n\nAnswers: {out}\nReport: {report_path}", errors
