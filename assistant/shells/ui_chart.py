"""Charts in the chat, and the printed cells behind their bars.

A chart draws every area or crime type of a ranking, while the answer's text names (and cites with [n]) only
the top few: citing every bar would break the rule that each citation has a marker in the text. So a chart has
its own citations: each bar of `answer.chart` carries the cell it was read from (document, table, row and
column as printed; see `answer/tables/facts.chart_bar`), and the chat lists them under the chart as "the data
behind this chart", each bar's printed value beside where it is printed, linked to its source card when the
text cites that row too. Nothing here imports Streamlit, so the rules are tested on plain data.
"""

from __future__ import annotations

import pandas as pd

from assistant.records import Answer
from assistant.shells.ui import MEASURE_LABELS, md_escape, period_short, readable

HIGHLIGHT, MUTED, INK = "#1d4ed8", "#cbd5e1", "#334155"
_CELL = ("document", "table", "row", "column", "printed")


def chart_spec(answer: Answer):
    """An Altair bar chart for a ranking (area, value, highlight) or a comparison (label, period, value),
    or None when a picture would not beat the sentence (no chart, or a single bar)."""
    import altair as alt

    frame = answer.chart
    if frame is None or len(frame) < 2:
        return None
    measure = MEASURE_LABELS.get(getattr(answer.context, "measure", None) or "", "value")
    axis = measure[:1].upper() + measure[1:]
    value = alt.Tooltip("value:Q", title=axis, format=",")
    where = [alt.Tooltip("cell:N", title="Printed in")] if has_cells(frame) else []
    drawn = frame.assign(cell=[where_printed(bar) for bar in frame.to_dict("records")]) if where else frame
    drawn = drawn[[c for c in drawn.columns if c not in (*_CELL, "edition", "start", "end")]]
    name = next((c for c in ("area", "crime_type") if c in frame.columns), None)
    if name is not None and {"value", "highlight"} <= set(frame.columns):
        # Bars in the engine's order (most first, or fewest first for "fewest"); the named bars in colour.
        base = alt.Chart(drawn).encode(y=alt.Y(f"{name}:N", sort=list(frame[name]), title=None),
                                       x=alt.X("value:Q", title=axis),
                                       tooltip=[alt.Tooltip(f"{name}:N", title="Area" if name == "area"
                                                            else "Crime type"), value, *where])
        colour = alt.condition("datum.highlight", alt.value(HIGHLIGHT), alt.value(MUTED))
        step = 24
    elif {"label", "period", "value"} <= set(frame.columns):
        several, years = frame["label"].nunique() > 1, frame["period"].nunique()
        base = alt.Chart(drawn).encode(
            y=alt.Y("label:N" if several else "period:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("value:Q", title=axis),
            tooltip=[alt.Tooltip("label:N", title="Area"), alt.Tooltip("period:N", title="Period"), value, *where])
        if several:
            base = base.encode(yOffset=alt.YOffset("period:N", sort="ascending"))
        colour = alt.Color("period:N", title=None, sort="ascending",
                           scale=alt.Scale(range=[MUTED, HIGHLIGHT] if years > 1 else [HIGHLIGHT]),
                           legend=alt.Legend(orient="bottom") if several and years > 1 else None)
        step = 18 if several else 30
    else:
        return None
    bars = base.mark_bar(cornerRadiusEnd=3).encode(color=colour)
    labels = base.mark_text(align="left", dx=4, fontSize=11, color=INK).encode(text=alt.Text("value:Q", format=","))
    # Height per bar, not a fixed total: Streamlit squashes a fixed-height chart with few bars. The description
    # is what a screen reader announces for the chart (instead of "Vega visualization").
    return (bars + labels).properties(height=alt.Step(step), description=chart_description(frame, axis))


def chart_description(frame: pd.DataFrame, axis: str) -> str:
    """The chart in words: "Bar chart of offences: Basildon 1,073; Chelmsford 759; ..."."""
    names = [bar_name(bar, frame) for bar in frame.to_dict("records")]
    bars = "; ".join(f"{name} {value:,.{0 if float(value).is_integer() else 1}f}"
                     for name, value in zip(names, frame["value"]))
    return f"Bar chart of {axis.lower()}: {bars}."


def has_cells(frame: pd.DataFrame | None) -> bool:
    """Whether every bar of a chart says which printed cell it was read from."""
    return frame is not None and set(_CELL) <= set(frame.columns) and bool(frame["document"].astype(bool).all())


def bar_name(bar: dict, frame: pd.DataFrame) -> str:
    """What a bar stands for: its area or crime type, or its label with its period when there are several."""
    if bar.get("area") or bar.get("crime_type"):
        return str(bar.get("area") or bar.get("crime_type"))
    several = "period" in frame.columns and frame["period"].nunique() > 1
    return f"{bar['label']} {period_short(str(bar['period']))}" if several else str(bar["label"])


def where_printed(bar: dict) -> str:
    """Table › row › column, as the document prints them (the row label without its list dash)."""
    return " › ".join(str(part).lstrip("- ").strip() for part in (bar["table"], bar["row"], bar["column"]) if part)


def chart_data_markdown(answer: Answer, turn: int, titles: dict[str, str]) -> str:
    """The data behind a chart as a markdown table: each bar, its value as printed, where it is printed and,
    when the answer's text cites that row too, a link to its source card. `titles`: document id -> title,
    given as a column only when the bars come from more than one document."""
    frame = answer.chart
    if not has_cells(frame):
        return ""
    cited = {(c.document, c.start): c.n for c in answer.citations if c.table is not None}
    several = frame["document"].nunique() > 1
    head = ["Bar", "Value as printed", "Printed in"] + (["Document"] if several else []) + ["Source"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for bar in frame.to_dict("records"):
        n = cited.get((bar["document"], int(bar["start"])))
        cells = [md_escape(bar_name(bar, frame)), md_escape(readable(bar["printed"])), md_escape(where_printed(bar))]
        if several:
            cells.append(md_escape(titles.get(bar["document"], bar["document"])))
        cells.append(f"[\\[{n}\\]](#src-{turn}-{n})" if n else "")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def chart_spans(answer: Answer) -> dict[str, list[tuple[int, int]]]:
    """Document id -> the printed rows the bars were read from (character spans), in bar order, each once."""
    spans: dict[str, list[tuple[int, int]]] = {}
    if has_cells(answer.chart):
        for bar in answer.chart.to_dict("records"):
            span = (int(bar["start"]), int(bar["end"]))
            if span not in spans.setdefault(bar["document"], []):
                spans[bar["document"]].append(span)
    return spans
