"""The entry point for table answers: which queries the tables can take, the defaults, and the refusals.

`answer_table` decides whether a query is for the tables at all, refuses the places and periods they do not
cover, fills the slots left empty with defaults (force-wide, all crime, the latest period), hands the
resolved query to one kind of answer (`facts` or `rank`), and says in the answer which defaults it took.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from assistant.config import LATEST_PERIOD, PERIOD_2023, PERIOD_2024, PERIOD_CHANGE
from assistant.understand.query import OFFENCES, Query, RankSpec
from assistant.vocab import ALL_CRIME, FORCE

from .facts import answer_change, answer_compare, answer_lookup, answer_share
from .index import YEARS, TableIndex, TableResult
from .rank import answer_rank
from .wording import SCOPE, join_and

_PERIODS = {PERIOD_2023, PERIOD_2024, PERIOD_CHANGE}


def answer_table(query: Query, table: TableIndex | pd.DataFrame) -> TableResult | None:
    """Answer a table question exactly, or None when the query names nothing the tables can be asked about."""
    if not (query.has_table_signal or query.rank is not None or query.share_of or query.intent == "rank"):
        return None
    if query.unknown_places or query.out_of_scope or set(query.periods) - _PERIODS:
        return _refusal(query)
    index = table if isinstance(table, TableIndex) else TableIndex(_relevant(table, query))
    resolved, assumed = _resolve(query)
    if any(crime_type not in index.crime_types for crime_type in resolved.crime_types + _share_of(resolved)):
        return None
    if any(area not in index.areas for area in resolved.areas):
        return None
    if resolved.intent == "rank":
        result = answer_rank(resolved, index)
    elif resolved.intent == "share":
        result = answer_share(resolved, index)
    elif resolved.intent == "compare":
        result = answer_compare(resolved, index)
    elif resolved.change:
        result = answer_change(resolved, index)
    else:
        result = answer_lookup(resolved, index)
    return _with_assumptions(result, assumed, query.notes)


def _relevant(frame: pd.DataFrame, query: Query) -> pd.DataFrame:
    """Only the crime types the query can touch, so indexing a raw frame per call stays cheap."""
    if query.rank is not None and query.rank.over == "crime types":
        return frame
    wanted = set(query.crime_types) | {ALL_CRIME} | ({query.share_of} if query.share_of else set())
    return frame[frame["crime_type"].isin(wanted)]


def _share_of(query: Query) -> tuple[str, ...]:
    return (query.share_of,) if query.intent == "share" and query.share_of else ()


def _resolve(query: Query) -> tuple[Query, tuple[str, ...]]:
    """Fill the empty slots with defaults and say, in words, which defaults were taken."""
    intent = query.intent
    if query.rank is not None or intent == "rank":
        intent = "rank"
    elif query.share_of and query.crime_types:
        intent = "share"
    elif intent == "compare" or len(query.areas) > 1 or len(query.crime_types) > 1:
        intent = "compare"
    elif intent == "share":
        intent = "lookup"
    years = tuple(period for period in YEARS if period in query.periods)
    rank = None
    if intent == "rank":
        rank = query.rank or RankSpec()
        if query.change and rank.by == "value":
            rank = replace(rank, by="change")
        change = rank.by != "value"
    else:
        change = query.change or intent == "change" or PERIOD_CHANGE in query.periods or len(years) == 2
    assumed = []
    areas = query.areas
    over_types = rank is not None and rank.over == "crime types"
    if intent == "rank" and not over_types:
        areas = () if set(areas) <= {FORCE} else areas
    elif not areas:
        areas = (FORCE,)
        assumed.append("force-wide figures for Essex, as no area was named")
    crime_types = query.crime_types or (() if over_types else (ALL_CRIME,))
    if not query.crime_types and not over_types:
        assumed.append("all crime, as no crime type was named")
    if change:
        periods = YEARS
    elif years:
        periods = years
    else:
        periods = (LATEST_PERIOD,)
        assumed.append("the latest period, as none was named")
    resolved = query.with_(areas=areas, crime_types=crime_types, measure=query.measure or OFFENCES,
                           periods=periods, change=change, intent=intent, rank=rank)
    return resolved, tuple(assumed)


def _with_assumptions(result: TableResult, assumed: tuple[str, ...], notes: tuple[str, ...]) -> TableResult:
    said = tuple(assumed) + tuple(note.rstrip(".") for note in notes)
    if not said:
        return result
    return replace(result, text=f"{result.text} Assumed: {'; '.join(said)}.")


def _refusal(query: Query) -> TableResult:
    if query.unknown_places:
        reason = f"The Essex Police performance tables have no figures for {join_and(query.unknown_places)}."
    else:
        why = tuple(map(str, query.out_of_scope)) or tuple(f"they do not cover the {p}" for p in query.periods
                                                        if p not in _PERIODS)
        reason = f"The performance tables cannot answer this ({'; '.join(why)})."
    return TableResult(f"{reason} {SCOPE}", answerable=False, context=query)
