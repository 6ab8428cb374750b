"""Write questions/policeuk.jsonl: questions on police.uk street-level files with answers worked out here.

The expected figures are computed with plain pandas straight from the CSV files (read afresh, filtered by
hand), never by the assistant's own ingest or look-up code, so the question set can catch it being wrong.
Questions are made from what the files hold (every crime type, the months held, the boroughs, the gaps),
not typed in by hand, so a new download gives a new set.

    .venv/bin/python scripts/make_policeuk_questions.py [DATA_DIR] [OUT]
    (defaults: ../shared/real/data and questions/policeuk.jsonl)

The rules the expected answers follow (the product's, stated independently): a "crime" count leaves out
anti-social behaviour (its rows have no outcome: incidents, not crimes); a count comes from the latest download
(the one whose newest month is latest) that holds every month asked; a month with no file, or with no incident
rows when incidents are asked, makes the question unanswerable; an area is the LSOA name without its code.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


def load(data: Path) -> dict[str, pd.DataFrame]:
    """Download folder -> its street rows (files whose header has "Crime type" and "Last outcome category")."""
    out: dict[str, list[pd.DataFrame]] = {}
    for path in sorted(data.rglob("*.csv")):
        head = path.open(encoding="utf-8-sig").readline()
        if "Crime type" in head and "Last outcome category" in head:
            folder = path.relative_to(data).parts[0]
            rows = pd.read_csv(path, dtype=str).assign(File=path.relative_to(data).as_posix())
            out.setdefault(folder, []).append(rows)
    return {k: pd.concat(v, ignore_index=True) for k, v in out.items()}


def words(months: list[str]) -> str:
    if len(months) == 1:
        return f"{MONTH_NAMES[int(months[0][5:]) - 1]} {months[0][:4]}"
    if len(months) == 12 and months[0].endswith("-01"):
        return months[0][:4]
    return f"{MONTH_NAMES[int(months[0][5:]) - 1]} to {MONTH_NAMES[int(months[-1][5:]) - 1]} {months[0][:4]}"


def n(value: int) -> str:
    return f"{value:,}"


def main(data: Path, out: Path) -> int:
    editions = load(data)
    newest_first = sorted(editions, key=lambda e: editions[e]["Month"].max(), reverse=True)
    asb = {e: set(df.loc[df["Last outcome category"].isna(), "Crime type"]) for e, df in editions.items()}
    incident = set.intersection(*asb.values()) - set.union(*[set(df.loc[df["Last outcome category"].notna(),
                                                                         "Crime type"]) for df in editions.values()])
    (asb_type,) = incident

    def latest(months: list[str]) -> str | None:
        return next((e for e in newest_first if set(months) <= set(editions[e]["Month"])), None)

    def rows(edition: str, months: list[str], types=None, crimes=True, area=None) -> pd.DataFrame:
        df = editions[edition]
        df = df[df["Month"].isin(months)]
        if types:
            df = df[df["Crime type"].isin(types)]
        elif crimes:
            df = df[df["Crime type"] != asb_type]
        if area:
            df = df[df["LSOA name"].fillna("").str.startswith(area + " ")]
        return df

    items: list[dict] = []

    def first_file(edition: str, months: list[str]) -> str:
        """The file a correct answer cites first: the one holding the first month asked, in the download used."""
        return sorted(editions[edition].loc[editions[edition]["Month"] == min(months), "File"].unique())[0]

    def add(kind: str, expected: list[str], question=None, turns=None, source: str = "") -> None:
        item = {"id": f"p{len(items) + 1:03d}", "kind": kind}
        item.update({"question": question} if question else {"turns": turns})
        item["expected"] = expected
        if source:
            item["source"] = source
        items.append(item)

    top = newest_first[0]
    months_top = sorted(editions[top]["Month"].unique())
    # Every crime type, each in the month of the latest download where it is commonest.
    types = editions[top]["Crime type"].value_counts().index.tolist()
    for crime in types:
        month = rows(top, months_top, [crime])["Month"].value_counts().sort_index().idxmax()
        if crime == asb_type:
            add("street-count", [n(len(rows(top, [month], [crime]))), "incidents"],
                f"How many {crime.lower()} incidents were recorded in {words([month])}?",
                source=first_file(top, [month]))
        else:
            add("street-count", [n(len(rows(top, [month], [crime]))), top],
                f"How many {crime.lower()}{'' if crime.endswith('offences') else ' offences'} were there in "
                f"{words([month])}?", source=first_file(top, [month]))
    # Everyday words for types.
    for phrase, crime, month in (("bike thefts", "Bicycle theft", "2017-03"),
                                 ("car crimes", "Vehicle crime", "2017-07"),
                                 ("break-ins", "Burglary", "2017-08"), ("pickpocketing offences",
                                                                         "Theft from the person", "2017-04"),
                                 ("ASB incidents", asb_type, "2017-06")):
        edition = latest([month])
        add("street-words", [n(len(rows(edition, [month], [crime])))],
            f"How many {phrase} were there in {words([month])}?", source=first_file(edition, [month]))
    # Whole years and half years: crimes exclude incidents, and the answer says how many were left out.
    for year in sorted({m[:4] for e in editions.values() for m in e["Month"]}):
        months = [f"{year}-{m:02d}" for m in range(1, 13)]
        edition = latest(months)
        if edition:
            add("street-count", [n(len(rows(edition, months))), n(len(rows(edition, months, [asb_type]))),
                                 "not crimes"], f"How many crimes were recorded in {year}?")
        else:
            add("street-gap", [], f"How many crimes were recorded in {year}?")
    # Comparisons of the first half of the latest full year pair, for the three commonest crime types.
    h1 = {y: [f"{y}-{m:02d}" for m in range(1, 7)] for y in ("2016", "2017")}
    edition = latest(h1["2016"] + h1["2017"])
    for crime in [t for t in types if t != asb_type][:3]:
        a, b = len(rows(edition, h1["2017"], [crime])), len(rows(edition, h1["2016"], [crime]))
        add("street-compare", [n(b), n(a), f"{(a - b) / b * 100:+.1f}%"],
            f"{crime} in the first half of 2017 compared with the first half of 2016")
    changes = {t: len(rows(edition, h1["2017"], [t])) - len(rows(edition, h1["2016"], [t]))
               for t in types if t != asb_type}
    rose = max(sorted(changes), key=lambda t: changes[t])
    fell = min(sorted(changes), key=lambda t: changes[t])
    for word, crime in (("rose", rose), ("fell", fell)):
        add("street-rank", [crime], f"Which crime type {word} most in the first half of 2017 compared with the "
                                    "first half of 2016?")
    year16 = h1["2016"] + [f"2016-{m:02d}" for m in range(7, 13)]
    e16 = latest(year16)
    common = rows(e16, year16)["Crime type"].value_counts()
    add("street-rank", [common.index[0], n(int(common.iloc[0]))], "What was the most common crime type in 2016?")
    lsoa = rows(e16, year16)["LSOA name"].value_counts()
    add("street-rank", [lsoa.index[0], n(int(lsoa.iloc[0]))], "Which LSOA had the most crimes in 2016?")
    # Boroughs: the force's own (most rows) and the others, which the answer must call outside the force's area.
    boroughs = rows(e16, year16)["LSOA name"].dropna().str.replace(r"\s+\d{3}[A-Z]$", "", regex=True).value_counts()
    home = boroughs.index[0]
    add("street-area", [n(len(rows(e16, year16, area=home)))], f"How many crimes were recorded in {home} in 2016?",
        source=first_file(e16, year16))
    for borough in boroughs.index[1:4]:
        add("street-area", [n(len(rows(e16, year16, area=borough))), "outside"],
            f"How many crimes were recorded in {borough} in 2016?")
    no_lsoa = rows(e16, year16)
    add("street-no-location", [n(int(no_lsoa["LSOA name"].isna().sum())), n(len(no_lsoa))],
        "How many crimes in 2016 had no location?")
    # Outcomes: the latest download by default, an earlier one when asked; the two differ.
    march = ["2017-03"]
    for edition in newest_first:
        df = rows(edition, march)
        still = int((df["Last outcome category"] == "Under investigation").sum())
        if edition == latest(march):
            others = [int((rows(e, march)["Last outcome category"] == "Under investigation").sum())
                      for e in newest_first if e != edition and set(march) <= set(editions[e]["Month"])]
            add("street-outcome", [n(still), n(len(df)), *map(n, others)],
                "How many crimes in March 2017 are still under investigation?")
        else:
            stamp = edition.rsplit("_", 1)[-1]
            add("street-outcome", [n(still)], f"In the {words([stamp])} download, how many crimes in March 2017 "
                                              "were under investigation?")
    df = rows(e16, year16)
    no_suspect = int((df["Last outcome category"] == "Investigation complete; no suspect identified").sum())
    add("street-outcome", [n(no_suspect)],
        "How many crimes in 2016 ended with no suspect identified?")
    # Gaps: months with no file in any download, incident months with no incident rows, a range over a gap.
    held = sorted({m for e in editions.values() for m in e["Month"]})
    all_months = pd.period_range(held[0], held[-1], freq="M").strftime("%Y-%m").tolist()
    for month in [m for m in all_months if m not in held]:
        add("street-gap", [], f"How many crimes were there in {words([month])}?")
    for month in [m for m in months_top if not len(rows(top, [m], [asb_type]))]:
        add("street-gap", [], f"How many anti-social behaviour incidents were there in {words([month])}?")
    add("street-gap", [], "How many bicycle thefts were there in March 2015?")
    gap = [m for m in all_months if m not in held]
    if gap:
        prev = all_months[all_months.index(gap[0]) - 1]
        nxt = all_months[all_months.index(gap[-1]) + 1]
        add("street-gap", [], f"How many crimes between {words([prev]).split()[0]} and {words([nxt])}?")
    # Follow-ups.
    m1, m2 = "2017-03", "2017-04"
    add("street-followup", [n(len(rows(latest([m2]), [m2], ["Bicycle theft"])))],
        turns=[f"How many bike thefts in {words([m1])}?", f"And in {words([m2])}?"])
    add("street-followup", [n(len(rows(e16, year16, ["Shoplifting"], area=home)))],
        turns=[f"How many crimes in {home} in 2016?", "What about shoplifting?"])
    add("street-followup", [n(len(rows(latest(h1["2017"]), h1["2017"], ["Robbery"])))],
        turns=["How many robberies were there in 2016?", "And in the first half of 2017?"])
    # Claims, judged against the same counts under the claim tolerance rules.
    def claim(text: str, verdict: str, expected: list[str]) -> None:
        items.append({"id": f"p{len(items) + 1:03d}", "kind": "street-claim", "claim": text, "verdict": verdict,
                      "expected": expected})

    e_h1 = latest(h1["2016"] + h1["2017"])
    a, b = len(rows(e_h1, h1["2017"], [rose])), len(rows(e_h1, h1["2016"], [rose]))
    claim(f"{rose} rose by {round((a - b) / b * 100)}% in the first half of 2017 compared with the first half of "
          "2016", "supported", [n(b), n(a)])
    claim(f"{rose} fell in the first half of 2017 compared with the first half of 2016", "contradicted", [n(b), n(a)])
    bikes = len(rows(latest(["2017-03"]), ["2017-03"], ["Bicycle theft"]))
    claim(f"There were {bikes} bicycle thefts in March 2017", "supported", [n(bikes)])
    claim(f"There were {bikes + 10} bicycle thefts in March 2017", "contradicted", [n(bikes)])
    total = len(rows(e16, year16))
    claim(f"About {round(total, -2):,} crimes were recorded in 2016", "supported", [n(total)])
    claim(f"Crime fell in {words([gap[0]])}", "not found", [])
    no_asb = sorted(set(held) - {m for e in editions for m in rows(e, held, [asb_type])["Month"]})
    claim(f"Anti-social behaviour rose in {words([no_asb[0]])}", "not found", [])
    out.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    print(f"wrote {len(items)} items to {out}")
    return 0


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "real" / "data"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "questions" / "policeuk.jsonl"
    sys.exit(main(data, target))
