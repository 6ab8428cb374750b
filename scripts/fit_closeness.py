"""Fit a calibrated closeness gate from the repo's question sets and test it against the hand-set thresholds.

    python scripts/fit_closeness.py log FEATURES.jsonl [--indexes DIR] [--sets ...]  # what the gate sees, labelled
    python scripts/fit_closeness.py fit FEATURES.jsonl [--cost 4] [--out MODEL.toml]  # weights + threshold
    python scripts/fit_closeness.py check [--model MODEL.toml [--keep-rules]] [--sets ...]  # refusals, wrong answers

`log` answers every single question of the sets with the gate as it is (`assistant.answer.closeness`) and
records, for every candidate line the gate is asked about, its `Closeness`, whether the gate passes it, the
reason any other rule refuses it, and a label: 1 when the question is answerable and the line (with the lines
beside it and its headings) holds every expected string, 0 when the question is unanswerable, none when the
question is answerable and the line lacks the answer (a wrong answer if quoted).

`fit` fits a logistic regression (each weight kept to a sign: more evidence never counts against a line) on the
TRAIN sets' labelled lines that no other rule refuses (split by set, never by item), and picks on the same lines
the threshold at which the model passes a line the rules refuse, a wrong answer costing COST refusals.
`check` runs whole sets through the engine and lists false refusals and wrong answers: with the rules, with the
model in their place (--model), or with the model passing only lines the rules refuse (--keep-rules); run it on
the VALIDATE sets, which the fit never saw.

Indexes are built once under --indexes (default .closeness-indexes) from corpus/ or questions/unseen_<name>/.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tomllib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answer import closeness, judge as judge_module  # noqa: E402
from assistant.answer.closeness import Closeness  # noqa: E402

FIELDS = tuple(f.name for f in dataclasses.fields(Closeness))
# The fields, then each rule of the gate broken as a feature of its own, weighed against the rest.
FEATURES = FIELDS + ("far", "off_topic", "loosely_unknown")


def vector(seen: Closeness) -> tuple[float, ...]:
    return dataclasses.astuple(seen) + tuple(map(float, seen.broken()))


@dataclasses.dataclass(frozen=True)
class Model:
    """Logistic weights per feature, an intercept, and the chance at or over which a line is close enough;
    with `keep_rules`, a line within the gate's rules is close enough whatever the chance."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float
    keep_rules: bool = True

    def chance(self, seen: Closeness) -> float:
        return float(1 / (1 + np.exp(-(self.intercept + np.dot(self.weights, vector(seen))))))

    def close_enough(self, seen: Closeness) -> bool:
        return self.keep_rules and not any(seen.broken()) or self.chance(seen) >= self.threshold


def read_model(path: Path, keep_rules: bool) -> Model:
    data = tomllib.loads(path.read_text())
    return Model(tuple(float(data["weights"].get(f, 0.0)) for f in FEATURES), float(data["intercept"]),
                 float(data["threshold"]), keep_rules)
from assistant.answer.facts import neighbours  # noqa: E402
from assistant.text.normalise import comparable  # noqa: E402

# Split by set: the two halves each hold sets over the repo's corpus and over unseen corpora.
TRAIN = ("questions", "heldout_passages", "heldout_passages_c", "heldout_passages_e", "passages_blind_g",
         "passages_blind_i", "passages_blind_k", "unseen_council_blind", "unseen_shire_blind", "unseen_vale_blind",
         "unseen_force_blind")
VALIDATE = ("heldout", "heldout_passages_b", "heldout_passages_d", "passages_blind_f", "passages_blind_h",
            "passages_blind_j", "passages_blind_l", "unseen_city_blind", "unseen_port_blind", "unseen_wold_blind")


def corpus_of(name: str) -> Path:
    unseen = name.removesuffix("_blind")
    return ROOT / "questions" / unseen if name.startswith("unseen_") else ROOT / "corpus"


def engine_for(name: str, indexes: Path):
    from assistant.engine import Assistant

    corpus = corpus_of(name)
    return Assistant.load(indexes / corpus.name, corpus, build_if_missing=True)


def items(name: str) -> list[dict]:
    return [json.loads(line) for line in (ROOT / "questions" / f"{name}.jsonl").read_text().splitlines() if line.strip()]


def holds(facts, index, i: int, expected: list[str]) -> bool:
    """Does line i, read with the lines beside it and its headings, hold every expected string?"""
    sentence = index.sentences[i]
    text = comparable(" ".join([facts.label(i), *(facts.text(s) for s in neighbours(index, sentence))]))
    return all(comparable(str(e)) in text for e in expected)


def log(out: Path, indexes: Path, sets: tuple[str, ...]) -> None:
    """Record the Closeness of every candidate the gate is asked about, labelled (see the module docstring)."""
    rules = closeness.close_enough  # the gate as it is decides; what it sees is recorded
    original = judge_module.Judge.objection
    current: dict = {}

    def recording(self, i: int, similarity: float) -> str:
        reason = original(self, i, similarity)
        key = (current["id"], i)
        if key in current["seen"] or similarity >= 1.0:  # 1.0: a follow-up's own line, not a measured one
            return reason
        current["seen"].add(key)
        expected = current["expected"]
        # None: a line of an answerable question that does not hold the answer, a wrong answer if quoted
        label = 0 if not expected else 1 if holds(self.facts, self.index, i, expected) else None
        seen = self.closeness_of(i, similarity)
        closeness.close_enough = lambda seen: True  # what the other rules say of it
        other = original(self, i, similarity)
        closeness.close_enough = rules
        sink.write(json.dumps({"set": current["set"], "id": current["id"], "line": i, "label": label,
                               "hand": rules(seen), "other": other,
                               **dataclasses.asdict(seen)}) + "\n")
        return reason

    judge_module.Judge.objection = recording
    with out.open("w") as sink:
        for name in sets:
            engine = engine_for(name, indexes)
            for item in items(name):
                if "question" not in item or "expected" not in item or "claim" in item:
                    continue
                current.update(set=name, id=item["id"], expected=[str(e) for e in item["expected"]], seen=set())
                engine.ask(item["question"])


def fit(features: Path, cost: float, out: Path) -> None:
    """Logistic regression on the TRAIN sets' lines, the threshold chosen on them; written to `out`."""
    rows = [json.loads(line) for line in features.read_text().splitlines()]
    # Only lines no other rule refuses are decided by the gate: the model is fitted to those.
    free = [r for r in rows if r["set"] in TRAIN and not r["other"]]
    train = [r for r in free if r["label"] is not None]
    weights, intercept = _logistic(_vectors(train), np.array([r["label"] for r in train], dtype=float))
    # The threshold weighs every free line: one of an answerable question that lacks the answer is a wrong
    # answer when quoted, as much as one of an unanswerable question.
    chance = 1 / (1 + np.exp(-(_vectors(free) @ weights + intercept)))
    holding = np.array([r["label"] == 1 for r in free])
    hand = np.array([r["hand"] for r in free])
    best = None
    for threshold in np.round(np.arange(0.05, 0.96, 0.01), 2):
        passed = hand | (chance >= threshold)  # as `closeness.Model.close_enough`
        refused_answers = int(np.sum(holding & ~passed))
        wrong = int(np.sum(~holding & passed))
        loss = refused_answers + cost * wrong
        if best is None or loss <= best[0]:  # a tie goes to the higher threshold: to refusing
            best = (loss, float(threshold), refused_answers, wrong)
    loss, threshold, refused, wrong = best
    print(f"train lines {len(free)} (answer-holding {int(holding.sum())}); chosen threshold {threshold}: "
          f"refuses {refused} answer-holding, passes {wrong} others; hand gate: refuses "
          f"{int(np.sum(holding & ~hand))}, passes {int(np.sum(~holding & hand))}")
    rules_loss = int(np.sum(holding & ~hand)) + cost * int(np.sum(~holding & hand))
    print("the model beats the rules on these sets" if loss < rules_loss else
          "the model does not beat the rules on these sets: keep them")
    lines = ["# Fitted by scripts/fit_closeness.py on the TRAIN question sets; see its docstring.",
             f"# cost of a wrong answer: {cost:g} refusals", f"intercept = {intercept:.4f}",
             f"threshold = {threshold:.2f}", "", "[weights]"] + [f"{f} = {w:.4f}" for f, w in zip(FEATURES, weights)]
    out.write_text("\n".join(lines) + "\n")
    print(out.read_text())


def _vectors(rows: list[dict]) -> np.ndarray:
    return np.array([vector(Closeness(**{f: r[f] for f in FIELDS})) for r in rows]).reshape(len(rows), len(FEATURES))


# The sign each weight must keep, so that more evidence never makes a line less close: nearer meaning, more of
# the topic held, a name printed, a higher retrieval rank count for it; a key word lacking, a word no document
# uses, and each old hand rule broken count against it. Whether a number is asked and whether there is a topic
# at all may go either way.
SIGNS = {"similarity": 1, "coverage": 1, "own_coverage": 1, "named": 1, "names_it": 1, "retrieved": 1,
         "missing": -1, "unknown": -1, "far": -1, "off_topic": -1, "loosely_unknown": -1}


def _logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 20000) -> tuple[np.ndarray, float]:
    """Projected gradient descent on the log-loss (each weight kept to its sign in `SIGNS`), classes weighted to
    balance, a little L2 for stability."""
    signs = np.array([SIGNS.get(f, 0) for f in FEATURES])
    balance = np.where(y == 1, 0.5 / max(y.mean(), 1e-9), 0.5 / max(1 - y.mean(), 1e-9))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * balance / len(y)
        w -= 1.0 * (x.T @ g + l2 * w)
        w = np.where(signs > 0, np.maximum(w, 0.0), np.where(signs < 0, np.minimum(w, 0.0), w))
        b -= 1.0 * g.sum()
    return w, float(b)


def check(indexes: Path, sets: tuple[str, ...], model: Model | None) -> None:
    """False refusals and wrong answers per set, with the gate's rules or a fitted model."""
    from assistant.shells.evaluate import answer_item, score

    if model is not None:
        closeness.close_enough = model.close_enough
    for name in sets:
        engine = engine_for(name, indexes)
        outcomes = {}
        for item in items(name):
            if "expected" not in item:
                continue
            outcome, _ = score(item, answer_item(engine, item))
            outcomes[item["id"]] = "refused" if outcome == "abstained" else outcome
        print(json.dumps({"set": name, "false_refusals": sorted(k for k, v in outcomes.items() if v == "refused"),
                          "wrong": sorted(k for k, v in outcomes.items() if v == "wrong")}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("log", "fit", "check"))
    parser.add_argument("features", nargs="?", type=Path)
    parser.add_argument("--indexes", type=Path, default=ROOT / ".closeness-indexes")
    parser.add_argument("--sets", nargs="*", default=TRAIN + VALIDATE)
    parser.add_argument("--cost", type=float, default=4.0)
    parser.add_argument("--model", type=Path)
    parser.add_argument("--keep-rules", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("closeness.toml"))
    args = parser.parse_args()
    if args.mode == "log":
        log(args.features, args.indexes, tuple(args.sets))
    elif args.mode == "fit":
        fit(args.features, args.cost, args.out)
    else:
        check(args.indexes, tuple(args.sets), read_model(args.model, args.keep_rules) if args.model else None)


if __name__ == "__main__":
    main()
