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
Outcomes and stop-and-search files (`event_items`) are counted by their own rows: an outcome's crime type is
the street row's with the same Crime ID in the same download; a share is a count over a stated base, printed
to one decimal place.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]


def load(data: Path, needed: tuple[str, ...] = ("Crime type", "Last outcome category")) -> dict[str, pd.DataFrame]:
    """Download folder -> the rows of its files whose header has every column `needed` (street files by
    default); stop-and-search rows get a "Month" from their "Date"."""
    out: dict[str, list[pd.DataFrame]] = {}
    for path in sorted(data.rglob("*.csv")):
        head = path.open(encoding="utf-8-sig").readline()
        if all(column in head for column in needed):
            folder = path.relative_to(data).parts[0]
            rows = pd.read_csv(path, dtype=str).assign(File=path.relative_to(data).as_posix())
            if "Month" not in rows:
                rows["Month"] = rows["Date"].str[:7]
            out.setdefault(folder, []).append(rows)
    return {k: pd.concat(v, ignore_index=True) for k, v in out.items()}


def pct(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%"


def event_items(data: Path, streets: dict[str, pd.DataFrame], add, claim) -> None:
    """Questions on the outcomes and stop-and-search files (each held by one download here)."""
    ((s_folder, searches),) = load(data, ("Object of search",)).items()
    s_months = sorted(searches["Month"].unique())
    q = words(s_months)
    for month in s_months:
        rows = searches[searches["Month"] == month]
        add("search-count", [n(len(rows)), s_folder], f"How many stop and searches were there in {words([month])}?",
            source=rows["File"].iloc[0])
    for label, count in searches["Object of search"].value_counts().items():
        add("search-label", [n(count), pct(count, len(searches))],
            f"How many stop and searches for {label.lower()} were there in {q}?")
    arrests = int((searches["Outcome"] == "Suspect arrested").sum())
    add("search-share", [n(len(searches)), n(arrests), pct(arrests, len(searches))],
        f"What share of stop and searches in {q} ended in arrest?")
    drugs = searches[searches["Object of search"] == "Controlled drugs"]
    nothing = int((drugs["Outcome"] == "Nothing found - no further action").sum())
    add("search-share", [n(len(drugs)), n(nothing), pct(nothing, len(drugs))],
        f"What share of searches for drugs in {q} found nothing?")
    ethnicity = searches["Officer-defined ethnicity"].value_counts()
    add("search-breakdown", [f"“{label}” {n(c)} ({pct(c, len(searches))})" for label, c in ethnicity.items()],
        f"Stop and searches in {q} by ethnicity")
    for month in s_months:
        top = searches[searches["Month"] == month]["Object of search"].value_counts()
        add("search-breakdown", [top.index[0], n(int(top.iloc[0]))],
            f"What was the most common object of search in {words([month])}?")
    women = int((searches["Gender"] == "Female").sum())
    add("search-label", [n(women)], f"How many women were stopped and searched in {q}?")
    children = int((searches["Age range"] == "10-17").sum())
    add("search-label", [n(children)], f"How many children were stopped and searched in {q}?")
    act = int(searches["Legislation"].str.startswith("Misuse of Drugs Act").sum())
    add("search-label", [n(act)], f"How many searches under the Misuse of Drugs Act in {q}?")
    black = int(searches["Self-defined ethnicity"].fillna("").str.startswith("Black").sum())
    add("search-label", [n(black)], f"How many stop and searches in {q} of people whose self-defined ethnicity "
                                     "was Black?")
    per_month = searches["Month"].value_counts()
    add("search-breakdown", [f"{words([m])} {n(int(per_month[m]))}" for m in s_months],
        f"Stop and searches in {q} by month")
    a, b = int(per_month[s_months[1]]), int(per_month[s_months[0]])
    add("search-compare", [n(b), n(a), f"{(a - b) / b * 100:+.1f}%"],
        f"Stop and searches in {words(s_months[1:2])} compared with {words(s_months[:1])}")
    after = f"{s_months[-1][:4]}-{int(s_months[-1][5:]) + 1:02d}"
    add("search-gap", [], f"How many stop and searches were there in {words([after])}?")
    add("search-gap", [], f"How many stop and searches were there in {int(s_months[0][:4]) - 1}?")
    second = int(((searches["Month"] == s_months[1]) & (searches["Object of search"] == "Controlled drugs")).sum())
    add("search-followup", [n(second)], turns=[f"How many searches for drugs in {words(s_months[:1])}?",
                                               f"And in {words(s_months[1:2])}?"])
    first = len(searches[searches["Month"] == s_months[0]])
    claim(f"There were {first} stop and searches in {words(s_months[:1])}", "supported", [n(first)], "search-claim")
    claim(f"There were {first + 40} stop and searches in {words(s_months[:1])}", "contradicted", [n(first)],
          "search-claim")
    share = round(arrests / len(searches) * 100)
    claim(f"{share}% of stop and searches in {q} ended in arrest", "supported", [pct(arrests, len(searches))],
          "search-claim")
    claim(f"{share + 15}% of stop and searches in {q} ended in arrest", "contradicted",
          [pct(arrests, len(searches))], "search-claim")

    ((o_folder, outcomes),) = load(data, ("Outcome type",)).items()
    o_months = sorted(outcomes["Month"].unique())
    for month in o_months:
        rows = outcomes[outcomes["Month"] == month]
        add("outcome-count", [n(len(rows)), "outcomes files"], f"How many outcomes were recorded in {words([month])}?",
            source=rows["File"].iloc[0])
    charged = outcomes[(outcomes["Month"] == o_months[-1]) & (outcomes["Outcome type"] == "Suspect charged")]
    add("outcome-count", [n(len(charged))], f"How many crimes were charged in {words(o_months[-1:])}?")
    joined = outcomes.merge(streets[o_folder][["Crime ID", "Crime type"]].dropna(), on="Crime ID", how="left")
    half = words(o_months)
    for crime in ("Burglary", "Theft from the person"):
        base = joined[joined["Crime type"] == crime]
        none = int((base["Outcome type"] == "Investigation complete; no suspect identified").sum())
        add("outcome-share", [n(len(base)), n(none), pct(none, len(base))],
            f"What share of outcomes recorded for {crime.lower()} in {half} were no suspect identified?")
    bikes = joined[(joined["Month"] == o_months[3]) & (joined["Crime type"] == "Bicycle theft")]
    add("outcome-count", [n(len(bikes))], f"How many outcomes for bike theft were recorded in {words(o_months[3:4])}?")
    kinds = outcomes["Outcome type"].value_counts()
    add("outcome-breakdown", [kinds.index[0], n(int(kinds.iloc[0])), pct(int(kinds.iloc[0]), len(outcomes))],
        f"What was the most common outcome type recorded in {half}?")
    monthly = outcomes["Month"].value_counts()
    add("outcome-breakdown", [f"{words([m])} {n(int(monthly[m]))}" for m in o_months],
        f"How many outcomes were recorded each month in {half}?")
    after = f"{o_months[-1][:4]}-{int(o_months[-1][5:]) + 1:02d}"
    add("outcome-gap", [], f"How many outcomes were recorded in {words([after])}?")


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
    def claim(text: str, verdict: str, expected: list[str], kind: str = "street-claim") -> None:
        items.append({"id": f"p{len(items) + 1:03d}", "kind": kind, "claim": text, "verdict": verdict,
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
    event_items(data, editions, add, claim)
    out.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    print(f"wrote {len(items)} items to {out}")
    return 0


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared" / "real" / "data"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "questions" / "policeuk.jsonl"
    sys.exit(main(data, target))
