"""What a question asks of the performance tables, once understood. Built by `understand`, run by `lookup`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from assistant.ingest.measures import (BASE_MEASURES, CHANGE, DA_SHARE, OFFENCES, PER_HEAD,  # noqa: F401
                                       PERCENT_CHANGE, SOLVED, SOLVED_RATE)


@dataclass(frozen=True)
class RankSpec:
    """"Which district had the most ...", "which crime rose most in Harlow": direction, how many, by what, and
    whether areas or the crime types within one area are ranked."""

    direction: str = "highest"  # "highest" | "lowest"
    n: int = 1
    by: str = "value"  # "value" | "change" | "% change"
    over: str = "areas"  # "areas" (which district ...) | "crime types" (which crime ... in one area)
    size: bool = False  # a change ranked by its size, whichever way ("the biggest change", "changed least")
    # A condition instead of a top n (`understand.filters`): keep the rows that "rise" or "fall" (by at least
    # `limit`, when given) or are "above" or "below" `limit`; asked as "which", "any", "every" or "count".
    keep: str = ""
    limit: float | None = None
    quantifier: str = ""
    polar: bool = False  # "Is Basildon the worst for robbery?": answered yes or no, with where the area stands


@dataclass(frozen=True)
class Reason:
    """Why the tables cannot answer a question: `message` is the text the user reads; `kind` says which scope rule
    gave it: "period" (a year, month or financial year the tables do not cover, or a forecast), "fraud",
    "population", "money", "officers", "other forces", "stop and search", "wards", "arrests", "unsolved", "not
    recorded" (no row counts it: fly-tipping, speeding, a crime type no table here prints), "share" (a row not
    counted within the other), "counted" (the thing counted is no offence: gangs, people) or "place" (words for a
    council's area, "the borough", that no printed area answers to)."""

    kind: str
    message: str

    @property
    def is_period(self) -> bool:
        """A period reason: a follow-up that names a covered period drops it."""
        return self.kind == "period"

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Query:
    """The slots of a table question. Empty slots are filled from the conversation or from defaults."""

    text: str
    areas: tuple[str, ...] = ()  # canonical area names: "Essex" (Force table), "Chelmsford", "Tendring", ...
    crime_types: tuple[str, ...] = ()  # canonical row labels without "- ": "Shoplifting", "Burglary", ...
    measure: str | None = None  # one of BASE_MEASURES
    periods: tuple[str, ...] = ()  # printed periods in words ("12 months to October 2024"), from the catalogue
    change: bool = False  # asks how the figure changed between the two periods
    intent: str = "lookup"  # "lookup" | "change" | "rank" | "compare" | "share"
    rank: RankSpec | None = None
    share_of: str | None = None  # "what share of theft was shoplifting": the whole (a parent row)
    notes: tuple[str, ...] = ()  # how vague words were read, shown to the user
    unknown_places: tuple[str, ...] = ()  # places named that have no table (Cambridge, Northampton)
    out_of_scope: tuple[Reason, ...] = ()  # why the tables cannot answer (a year they do not cover, fraud, ...)
    passage_cues: tuple[str, ...] = ()  # words that point at a document instead ("according to the PFCC")
    outside_topic: bool = False  # words no table cell explains ("newsletter subscribers"): try the documents first
    is_followup: bool = False
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def has_table_signal(self) -> bool:
        """True when the question names something the tables hold: a crime type, a measure with an area or a
        ranking ("which district has the best solved rate" ranks all crime), or the solved rate on its own, which
        only the tables measure ("what is the solved rate?" is the force's rate for all crime)."""
        return bool(self.crime_types) or self.measure == SOLVED_RATE or \
            (self.measure is not None and (bool(self.areas) or self.rank is not None))

    def with_(self, **changes) -> "Query":
        return replace(self, **changes)
