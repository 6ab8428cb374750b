"""Write questions/ons.jsonl: questions on the ONS/Home Office statistics for Trafford with answers worked out here.

The expected figures are computed with plain pandas straight from the CSV files (read afresh, filtered by column
name), never by the assistant's own ingest or look-up code, so the question set can catch it being wrong.

    .venv/bin/python scripts/make_ons_questions.py [DATA_DIR] [OUT]
    (defaults: ../shared/real/data/ons_csp_trafford and questions/ons.jsonl)

The rules the expected answers follow (the product's, stated independently): a figure is shown to three
significant figures with one to three decimal places; a change is the later figure minus the earlier, and its
percentage is of the earlier, to one decimal place, both from the unrounded values; with no period asked, the
latest financial year ("2018/19" form) is used, and a change compares it with the one before; periods printed in
another form ("2018", "2019") are never in a trend; a cell printed ":" is not published, so a question needing it
is unanswerable, as is a period the file does not hold and an offence group it does not have.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pandas as pd

# How the questions name each file's measure (the words a person would use).
ASKED = {"crime_rate.csv": "crime rate per 1,000", "crime_severity.csv": "crime severity score"}
PLACE = "Trafford"


def shown(value: float) -> str:
    decimals = min(3, max(1, 2 - math.floor(math.log10(abs(value)))))
    return f"{value:,.{decimals}f}"


def signed(value: float) -> str:
    return ("+" if value > 0 else "-" if value < 0 else "") + shown(abs(value))


def main(data: Path, out: Path) -> int:
    items: list[dict] = []

    def add(kind: str, question: str, expected: list[str], source: str = "") -> None:
        item = {"id": f"o{len(items) + 1:03d}", "kind": kind, "question": question, "expected": expected}
        if source:
            item["source"] = source
        items.append(item)

    for name, asked in ASKED.items():
        rows = pd.read_csv(data / name, dtype=str, keep_default_na=False)
        source = f"{data.name}/{name}"
        fiscal = sorted(p for p in rows["period"].unique() if len(p) == 7 and p[4] == "/")
        latest, before = fiscal[-1], fiscal[-2]
        total = rows["group"].iloc[0]  # the files list the total first; the engine learns it by arithmetic

        def value(place: str, group: str, period: str) -> str:
            cell = rows[(rows["area_name"] == place) & (rows["group"] == group) & (rows["period"] == period)]
            return cell["value"].iloc[0]

        for group in rows["group"].unique():
            v = float(value(PLACE, group, latest))
            add("stats-level", f"What was the {asked} for {group.lower()} in {PLACE} in {latest}?",
                [shown(v), latest], source)
        v = float(value("England", total, fiscal[0]))
        add("stats-level", f"What was the {asked} in England in {fiscal[0]}?", [shown(v), fiscal[0]], source)
        a, b = float(value(PLACE, total, before)), float(value(PLACE, total, latest))
        add("stats-change", f"Has the {asked} in {PLACE} gone up?",
            ["Yes" if b > a else "No", shown(a), shown(b), f"{(b - a) / a * 100:+.1f}%"], source)
        violence = "Violence against the person"
        start = "2015/16"
        a, b = float(value(PLACE, violence, start)), float(value(PLACE, violence, latest))
        add("stats-change", f"Has the {asked} for violence in {PLACE} gone up since {start}?",
            [shown(a), shown(b), signed(b - a), f"{(b - a) / a * 100:+.1f}%"], source)
        a, b = float(value(PLACE, "Robbery", fiscal[2])), float(value(PLACE, "Robbery", fiscal[6]))
        add("stats-change", f"How did the {asked} for robbery in {PLACE} change between {fiscal[2]} and "
                            f"{fiscal[6]}?", [shown(a), shown(b), f"{(b - a) / a * 100:+.1f}%"], source)
        groups = rows[(rows["area_name"] == PLACE) & (rows["period"] == latest) & (rows["group"] != total)]
        ranked = groups.assign(v=groups["value"].astype(float)).sort_values("v", ascending=False)
        add("stats-rank", f"Which offence group had the highest {asked} in {PLACE} in {latest}?",
            [ranked["group"].iloc[0].lower(), shown(ranked["v"].iloc[0])], source)
        add("stats-rank", f"Which offence group had the lowest {asked} in {PLACE} in {latest}?",
            [ranked["group"].iloc[-1].lower(), shown(ranked["v"].iloc[-1])], source)
        moved = {g: float(value(PLACE, g, latest)) - float(value(PLACE, g, fiscal[2])) for g in groups["group"]}
        top = max(moved, key=moved.get)
        add("stats-rank", f"Which offence group's {asked} rose most in {PLACE} since {fiscal[2]}?",
            [top.lower(), signed(moved[top])], source)
        trend = [f"{p} {shown(float(value(PLACE, total, p)))}" for p in fiscal]
        add("stats-trend", f"How has the {asked} in {PLACE} changed over time?", trend, source)
        after = f"{int(latest[:4]) + 1}/{int(latest[5:]) + 1:02d}"
        add("stats-unanswerable", f"What was the {asked} in {PLACE} in {after}?", [])
        suppressed = rows[rows["value"] == ":"]
        if len(suppressed):
            row = suppressed.iloc[0]
            add("stats-unanswerable", f"What was the {asked} for {row['group'].lower()} in {row['area_name']} in "
                                      f"{row['period']}?", [])
    add("stats-unanswerable", f"What was the crime rate per 1,000 for burglary in {PLACE} in 2016/17?", [])
    add("stats-unanswerable", f"How many robberies were recorded in {PLACE} in 2016/17?", [])
    out.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    print(f"wrote {len(items)} items to {out}")
    return 0


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "real" / "data" / "ons_csp_trafford"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "questions" / "ons.jsonl"
    sys.exit(main(data, target))
