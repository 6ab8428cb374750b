"""Batch evaluation: answer a JSONL question set, write the answers, score what carries `expected`.

Scoring is deliberately simple and reproducible: an answer is correct when it is answerable and
contains every expected string (claims must also carry the expected verdict); an unanswerable item
is correct when the answer abstains. Every answer is also checked for numbers its citations lack.
"""

from __future__ import annotations

import json
import re
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
    """Parse JSON Lines; a malformed or invalid line is reported with its number and skipped, a harmless
    oddity is fixed and reported (a number where text is expected, a line not in UTF-8, a lone surrogate).
    Never raises for what is inside the file."""
    items = []
    for number, raw in enumerate(path.read_bytes().split(b"\n"), start=1):
        def note(message: str, number: int = number) -> None:
            warn(f"{path}:{number}: {message}")

        line = _decode(raw, number == 1, note)
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply"
            warn(f"{path}:{number}: skipped, not valid JSON ({reason})")
            continue
        problem = validate_item(item, note)
        if problem:
            warn(f"{path}:{number}: skipped, {problem}")
            continue
        item.setdefault("id", f"line{number}")
        items.append(item)
    return items


def _decode(raw: bytes, first: bool, warn: Callable[[str], None]) -> str:
    """One line as text: UTF-8 (a byte-order mark on the first line is dropped), else Windows-1252."""
    raw = raw.rstrip(b"\r")
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        warn("not UTF-8; read as Windows-1252 (save the file as UTF-8 to be sure of its accents)")
        return raw.decode("cp1252", errors="replace")


_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("id", "kind", "question", "claim", "source", "verdict")


def validate_item(item: object, warn: Callable[[str], None] = lambda message: None) -> str | None:
    """Why an item cannot be run (None when it can). Fixes, in place, what is harmless to fix and reports it:
    a number where text is expected becomes its text, a single expected value becomes a list, lone
    surrogates become U+FFFD, a null optional field is dropped."""
    if not isinstance(item, dict):
        return f"each line must be a JSON object, not {_json_type(item)}"
    asked = [key for key in ("question", "turns", "claim") if item.get(key) is not None]
    if not asked:
        return "needs one of question, turns or claim (with a value)"
    if len(asked) > 1:
        used = "claim" if "claim" in asked else "turns"
        warn(f"has more than one of question, turns and claim ({', '.join(asked)}); the {used} is used")
    for key in [key for key, value in item.items() if value is None]:
        del item[key]
    for key in _TEXT_FIELDS:
        if key not in item:
            continue
        value = item[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return f"'{key}' must be text, not {_json_type(value)}"
        if not isinstance(value, str):
            warn(f"'{key}' is a number ({value}); read as text")
            item[key] = str(value)
    if "turns" in item:
        turns = item["turns"]
        if isinstance(turns, str):
            warn("'turns' is a single string; read as a one-turn conversation")
            turns = [turns]
        if not isinstance(turns, list):
            return f"'turns' must be a list of questions, not {_json_type(turns)}"
        if not turns:
            return "'turns' is an empty list"
        if not all(isinstance(turn, str) for turn in turns):
            return "every entry of 'turns' must be text"
        item["turns"] = turns
    if "expected" in item:
        expected = item["expected"]
        if not isinstance(expected, list):
            expected = [expected]
            warn(f"'expected' is not a list; read as [{_short(expected[0])}]")
        if not all(isinstance(e, (str, int, float)) and not isinstance(e, bool) for e in expected):
            return "'expected' must be a list of texts or numbers"
        item["expected"] = [e if isinstance(e, str) else _number_text(e) for e in expected]
    cleaned = _without_surrogates(item)
    if cleaned != item:
        warn("held a lone surrogate (a broken character escape); replaced with \ufffd")
        item.clear()
        item.update(cleaned)
    return None


def _number_text(number: int | float) -> str:
    return str(int(number)) if isinstance(number, float) and number.is_integer() else str(number)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null",
             int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _without_surrogates(value):
    """The value with every lone surrogate (which cannot be written as UTF-8) replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


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
    """Answer and score every item; an item that fails in any way is an "error" result, never the run's end."""
    tally = Tally()
    with out.open("w", encoding="utf-8", errors="replace") as sink:
        for item in items:
            ident, kind = str(item.get("id", "")), kind_of(item)
            try:
                answer = answer_item(engine, item)
                outcome, detail = score(item, answer)
                source = item.get("source")
                cited = any(c.document == source for c in answer.citations) if source else None
                asked = " ".join([str(item.get("question", "")), str(item.get("claim", "")),
                                  *map(str, item.get("turns", []))])
                stray = uncited_numbers(answer, allowed_text=asked) if answer.answerable else []
                record = json.dumps({"id": ident, **answer.to_dict()}, ensure_ascii=False, default=str)
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as error:  # one item's failure is reported with it; the run goes on
                message = str(error) if isinstance(error, AssistantError) else f"{type(error).__name__}: {error}"
                tally.results.append(ItemResult(ident, kind, "error", None, [], 0.0, message))
                sink.write(json.dumps({"id": ident, "error": message}, ensure_ascii=False) + "\n")
                continue
            tally.results.append(ItemResult(ident, kind, outcome, cited, stray, answer.latency_ms, detail))
            sink.write(record + "\n")
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


def report(tally: Tally, questions: Path, notes: list[str] = ()) -> str:
    misses = [r for r in tally.results if r.outcome in ("wrong", "abstained", "error") or r.uncited]
    lines = [f"# Evaluation of {questions.name}", "", summarise(tally), "", "## Items not answered correctly", ""]
    lines += [f"- `{r.id}` ({r.kind}): {r.outcome}. {r.detail}"
              + (f" Uncited numbers: {r.uncited}" if r.uncited else "") for r in misses] or ["None."]
    if notes:
        lines += ["", "## Lines skipped or read with a fix", "", *(f"- {note}" for note in notes)]
    return "\n".join(lines) + "\n"


def run_eval(engine, questions: Path, out: Path, report_path: Path,
             warn: Callable[[str], None] = lambda message: None) -> tuple[str, int]:
    """Answer, write, score; returns the printed summary and how many items raised an error."""
    notes: list[str] = []

    def note(message: str) -> None:
        notes.append(message)
        warn(message)

    items = read_items(questions, note)
    tally = evaluate_items(engine, items, out)
    report_path.write_text(report(tally, questions, notes), encoding="utf-8", errors="replace")
    errors = sum(r.outcome == "error" for r in tally.results)
    return summarise(tally) + f"\n\nAnswers: {out}\nReport: {report_path}", errors
