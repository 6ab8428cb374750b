"""The conversation's context in the chat: what the next question inherits, shown on the chip and edited from it.

The chip must always show exactly what the next question will use, so the rules that decide the context live here,
as pure functions over the engine's records: a refusal or an answer that named nothing the tables hold leaves the
context as it was, and an edit from the chip builds the same `Query` the engine would have kept. A context is a
performance-table `Query` or, after a police.uk street-level answer, the `StreetAsk` the engine kept: both are
passed back to `Assistant.ask` as they are, and the chip names either in words.
"""

from __future__ import annotations

from typing import Any

from assistant.ingest.catalogue import Catalogue
from assistant.ingest.measures import BASE_MEASURES, OFFENCES, PERCENT_CHANGE
from assistant.records import Answer
from assistant.shells.ui import MEASURE_LABELS, period_short
from assistant.understand.months import month_words
from assistant.understand.query import Query
from assistant.understand.street import COMPARE, RANK_PLACES, RANK_TYPES, StreetAsk

ANY = "(any)"  # the chip editor's "leave this out" choice


def holds_context(query: Any) -> bool:
    """Whether a turn's query names something a follow-up can lean on: an area, a crime type or a measure of
    the tables, or the months, crime types, area or outcome of a police.uk question."""
    if isinstance(query, StreetAsk):
        return bool(query.months or query.crime_types or query.area or query.outcome or query.all_types)
    return isinstance(query, Query) and bool(query.areas or query.crime_types or query.measure or
                                              query.unknown_places)


def next_context(previous: Query | StreetAsk | None, kind: str, answer: Answer) -> Query | StreetAsk | None:
    """The context after one turn. Only a question answered from the tables replaces it: a refusal would make
    the next follow-up repeat the refusal, a passage answer would wipe the area and crime type the user is
    still asking about, and a claim check is not part of the question thread."""
    from_tables = any(citation.table is not None for citation in answer.citations)
    if kind != "question" or not answer.answerable or not from_tables or not holds_context(answer.context):
        return previous
    return answer.context


def context_label(query: Any, forces: tuple[str, ...] = ()) -> str:
    """What a follow-up inherits, in words: "Robbery · Harlow · solved rate · 12 months to Oct 2024 · change".
    `forces` are the areas that stand for a whole force, shown as "Essex (force-wide)". Every slot the
    follow-up inherits is named, including a ranking or a change, so nothing is kept silently."""
    if not holds_context(query):
        return ""
    if isinstance(query, StreetAsk):
        return street_label(query)
    parts = []
    if query.crime_types:
        parts.append(", ".join(query.crime_types))
    places = tuple(f"{a} (force-wide)" if a in forces else a for a in query.areas) + tuple(query.unknown_places)
    if places:
        parts.append(", ".join(places))
    if query.measure:
        parts.append(MEASURE_LABELS.get(query.measure, query.measure))
    periods = query.periods
    if len(periods) == 2 and periods[0].rsplit(" ", 1)[0] == periods[1].rsplit(" ", 1)[0]:
        parts.append(f"{period_short(periods[0])} and {periods[1].rsplit(' ', 1)[-1]}")
    elif periods:
        parts.append(" and ".join(period_short(p) for p in periods))
    if query.rank is not None and query.rank.keep:
        limit = f" {query.rank.limit:g}" if query.rank.limit is not None else ""
        parts.append({"rise": "those that rose", "fall": "those that fell"}.get(query.rank.keep,
                                                                                  f"those {query.rank.keep}{limit}"))
    elif query.rank is not None:
        most = "most" if query.rank.direction == "highest" else "fewest"
        by = {"change": " by change", "% change": " by % change"}.get(query.rank.by, "")
        parts.append(f"ranked: {most}{by}")
    elif query.change:
        parts.append("change")
    return " · ".join(parts)


def street_label(ask: StreetAsk) -> str:
    """A police.uk context in words: "police.uk · Bicycle theft · force-wide · March 2017 · change from March
    2016". Every slot `understand.street.inherit` hands to a follow-up is named."""
    types = ", ".join(ask.crime_types) or ("all crimes and incidents" if ask.all_types else "all crimes")
    place = (f"{ask.area} (neighbourhood)" if ask.lsoa else ask.area) if ask.area else "force-wide"
    parts = ["police.uk", types, place]
    if ask.months:
        parts.append(month_words(ask.months))
    if ask.outcome:
        parts.append(f"outcome: {ask.outcome}")
    if ask.intent == COMPARE and ask.base:
        parts.append(f"change from {month_words(ask.base)}")
    elif ask.intent in (RANK_TYPES, RANK_PLACES):
        what = "crime types" if ask.intent == RANK_TYPES else "neighbourhoods" if ask.lsoa else "areas"
        parts.append(f"ranked: {what}" + (" by change" if ask.base else ""))
    if ask.edition:
        parts.append(f"download {ask.edition}")
    return " · ".join(parts)


# ---------------------------------------------------------------- the chip editor


def choices(catalogue: Catalogue) -> dict[str, list[str]]:
    """What the chip editor offers, all learned from the index: areas, crime-type labels in printed order,
    measures, and each edition's periods plus its change between them."""
    periods: list[str] = []
    for edition in sorted(catalogue.editions, key=lambda e: (e.period_ends[1], e.date), reverse=True):
        periods += [edition.periods[1], edition.periods[0], _change_choice(edition.periods)]
    measures = [m for m in BASE_MEASURES if m in catalogue.measures] or list(BASE_MEASURES)
    return {"area": [ANY] + [a.name for a in catalogue.areas],
            "crime_type": [ANY] + [c.label for c in sorted(catalogue.crime_types, key=lambda c: c.order)],
            "measure": measures,
            "period": [ANY] + list(dict.fromkeys(periods))}


def _change_choice(periods: tuple[str, str]) -> str:
    return f"change: {periods[0]} to {periods[1].rsplit(' ', 1)[-1]}"


def current_choices(query: Query | None, catalogue: Catalogue) -> dict[str, str]:
    """The editor's starting values: the context as it stands (a slot with several values shows the first); a
    police.uk context is not one the editor builds, so it starts afresh."""
    if not isinstance(query, Query):
        return {"area": ANY, "crime_type": ANY, "measure": OFFENCES, "period": ANY}
    period = ANY
    if len(query.periods) == 2 and query.change:
        period = _change_choice(tuple(query.periods))
    elif query.periods:
        period = query.periods[-1]
    return {"area": (query.areas or (ANY,))[0], "crime_type": (query.crime_types or (ANY,))[0],
            "measure": query.measure or OFFENCES, "period": period}


def edited_context(previous: Query | None, picked: dict[str, str], catalogue: Catalogue) -> Query | None:
    """The context the editor's choices stand for, or None when neither an area nor a crime type is picked.

    A ranking is dropped (the user has picked one area), and a change choice sets both periods and the change;
    anything else the previous context held (notes, what the previous question said) is not carried."""
    area, crime = picked.get("area", ANY), picked.get("crime_type", ANY)
    if area == ANY and crime == ANY:
        return None
    period, periods, change = picked.get("period", ANY), (), False
    for edition in catalogue.editions:
        if period == _change_choice(edition.periods):
            periods, change = tuple(edition.periods), True
    if not change and period != ANY:
        periods = (period,)
    text = previous.text if previous is not None else ""
    return Query(text=text, areas=() if area == ANY else (area,), crime_types=() if crime == ANY else (crime,),
                 measure=picked.get("measure") or OFFENCES, periods=periods, change=change,
                 intent="change" if change else "lookup")


# ---------------------------------------------------------------- suggested follow-ups


def follow_ups(query: Query | None, catalogue: Catalogue, limit: int = 3) -> list[str]:
    """Follow-up questions worth offering under an answer, built from what the catalogue holds: the same
    figure in the next district, another measure, the change between the edition's years, or a ranking.
    Each leans on the context, so it is answered in the thread the chip shows."""
    if not isinstance(query, Query) or not holds_context(query) or not query.crime_types:
        return []
    crime = query.crime_types[0]
    suggestions = []
    districts = catalogue.districts()
    area = query.areas[0] if query.areas else None
    if area in districts and len(districts) > 1:
        suggestions.append(f"And in {districts[(districts.index(area) + 1) % len(districts)]}?")
    if query.measure != "solved rate %":
        suggestions.append("What about the solved rate?")
    elif area is not None:
        suggestions.append("How many were recorded?")
    if not query.change and query.rank is None and area is not None:
        suggestions.append("How did that change from the year before?")
    if query.rank is None:
        suggestions.append(f"Which district had the most {crime.lower()} offences?")
    return suggestions[:limit]


# ---------------------------------------------------------------- examples on the welcome screen


def examples(catalogue: Catalogue, frame) -> dict[str, list[str]]:
    """Example questions and claims built from what this index holds (its latest edition, its first districts,
    the crime types recorded most there), so the welcome screen never names what another corpus lacks. The
    claims state figures the tables print: one as printed (supported), one overstated (contradicted)."""
    edition = catalogue.latest()
    total = catalogue.total_row(edition) if edition is not None else None
    districts = catalogue.districts(edition.force) if edition is not None else ()
    if edition is None or total is None or len(districts) < 2:
        return {"question": [], "claim": []}
    first, second = districts[:2]
    latest, earlier = edition.periods[1], edition.periods[0]
    rows = frame[(frame["edition"] == edition.id) & (frame["measure"] == OFFENCES) & (frame["period"] == latest)]
    leaves = [c.label for c in catalogue.crime_types if not catalogue.children(c.label)
              and total in catalogue.ancestors(c.label) and c.label in edition.labels]
    ranked = rows[(rows["area"] == first) & rows["crime_type"].isin(leaves)].sort_values("value", ascending=False)
    top = [str(label) for label in ranked["crime_type"].head(2)]
    if len(top) < 2:
        return {"question": [], "claim": []}
    one, two = (label.lower() for label in top)
    questions = [f"How many {one} offences were recorded in {first} in the {latest}?",
                 f"Which district had the most {two} offences in the {latest}?",
                 f"How did {one} in {second} change between the {earlier} and the {latest}?",
                 f"What was the solved rate for {two} in {second}?"]
    change = frame[(frame["edition"] == edition.id) & (frame["area"] == first) & (frame["crime_type"] == total)
                   & (frame["measure"] == PERCENT_CHANGE[OFFENCES])]
    claims = []
    if not change.empty and change.iloc[0]["value"] == change.iloc[0]["value"]:  # not NaN ("-" printed)
        value = float(change.iloc[0]["value"])
        moved = "rose" if value > 0 else "fell"
        claims += [f"Recorded crime in {first} {moved} by {abs(value):g}% in the {latest}.",
                   f"Recorded crime in {first} {moved} by {abs(value) * 3:g}% in the {latest}."]
    return {"question": questions, "claim": claims}
