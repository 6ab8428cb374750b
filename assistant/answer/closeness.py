"""Is a candidate line close enough to the question to be quoted? What the gate sees of a line, and its rules.

The gate sees (`Closeness`): how close the line's meaning is to the question's, how much of the question's topic
(by rarity) its passage and the line itself hold and the weightiest topic word it lacks, how high retrieval
ranked its passage, whether a number is asked for, whether it prints the name or nearly all of the topic itself
(names and short lines embed poorly), whether the question has a word no document uses, and whether it has a
topic at all. It refuses a line far in meaning that names nothing, a line whose passage holds too little of the
topic, and a line matched only loosely to a question with a word no document uses.

Those thresholds were checked against a calibrated decision: scripts/fit_closeness.py logs what the gate sees
for every candidate of the question sets, fits a logistic model (signs kept so more evidence never counts
against a line) on half the sets, picks its threshold there with a wrong answer costing four refusals, and
checks it on the other half. Neither the model in their place nor the model allowed to pass lines they refuse
did better on the held-out half: each answer it won back cost about one more wrong answer, because a line an
answerable question's words describe in other words looks, to all of these measures, like a near miss. So the
thresholds stay, and the script is there to refit when the gate sees more.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_DENSE = 0.30
MIN_DENSE_UNKNOWN = 0.7  # for a question with a word no document uses
MIN_TOPIC_COVERAGE = 0.55


@dataclass(frozen=True)
class Closeness:
    """What the closeness gate sees of one candidate line; every field is a number in [0, 1]."""

    similarity: float  # of the line's meaning to the question's
    coverage: float  # share of the topic's weight its passage holds (with headings, the line before, the source)
    own_coverage: float  # share its own words hold, with its headings and its list's lead line
    named: float  # 1 when the line itself prints nearly all of the topic, the role asked or the item's number
    names_it: float  # 1 when the line prints the name that is most of the topic ("Operation Kestrel")
    missing: float  # the weight of the weightiest topic word its passage lacks: a near miss lacks the key one
    retrieved: float  # how high retrieval ranked its passage (1 the first, 0 not retrieved: found by meaning alone)
    figure: float  # 1 when a number is asked for: a wrong one is the worst failure
    unknown: float  # 1 when the question has a word no document uses, matched by meaning alone
    topical: float  # 1 when the question has a topic to hold at all ("when is the next one?" has none)

    def broken(self) -> tuple[bool, bool, bool]:
        """The rules the line breaks: far in meaning and naming nothing; off the topic (unless very close in
        meaning and printing the name that is most of it); a word no document uses matched only loosely."""
        far = self.similarity < MIN_DENSE and not self.named
        off_topic = self.topical and self.coverage < MIN_TOPIC_COVERAGE and \
            not (self.similarity >= MIN_DENSE_UNKNOWN and self.names_it)
        loosely = self.unknown and self.similarity < MIN_DENSE_UNKNOWN
        return bool(far), bool(off_topic), bool(loosely)


def close_enough(seen: Closeness) -> bool:
    return not any(seen.broken())
