"""Pure helpers for the chat UI: escaping, citation formatting, table-row grids, warnings, export.

Nothing here imports Streamlit or touches disk, so every rule the page follows can be tested on plain data.
Its neighbours: `ui_context` (the follow-up context and its chip), `ui_claims` (a claim check's layout),
`ui_chart` (charts and the cells behind them), `ui_page` (the page's CSS and scripts), `ui_feedback`,
`ui_rebuild`; `ui_render` and `ui_sidebar` draw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from assistant.text.dates import MONTHS as _MONTHS
from assistant.text.dates import nice_date
from assistant.records import Answer, Citation

# ---------------------------------------------------------------- conversation


@dataclass(frozen=True)
class Turn:
    """One exchange: a question or a claim, and what the engine said. `view` keeps what drawing it worked out
    (a chart's spec, the data behind it), so a rerun of the page redraws an old turn without redoing it."""

    kind: str  # "question" | "claim"
    prompt: str
    answer: Answer
    view: dict = field(default_factory=dict, compare=False, repr=False)


MEASURE_LABELS = {
    "offences": "offences",
    "solved outcomes": "solved outcomes",
    "solved rate %": "solved rate",
    "% domestic-abuse related": "domestic-abuse share",
}

VERDICTS = {  # verdict -> (badge label, badge colour, icon)
    "supported": ("Supported", "green", ":material/check_circle:"),
    "contradicted": ("Contradicted", "red", ":material/cancel:"),
    "mixed": ("Mixed: the sources disagree", "orange", ":material/rule:"),
    "not found": ("Not found in the documents", "gray", ":material/search_off:"),
}


def verdict_badge(verdict: str | None) -> tuple[str, str, str]:
    """(label, colour, icon) for a claim verdict; an unknown verdict is shown as it is, in grey."""
    key = (verdict or "not found").lower()
    return VERDICTS.get(key, (key.capitalize(), "gray", ":material/help:"))


# ---------------------------------------------------------------- answer text

_ASSUMED = re.compile(r"\s+(Assumed: .*)$", re.DOTALL)
_MARKER = re.compile(r"\[(\d{1,3})\]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~$:@])")
# Bare "www." starts a link in GitHub-flavoured markdown (Streamlit's too); an escaped dot does not.
_WWW = re.compile(r"(?i)\b(www)\.")
# Streamlit links "http://x", "www.x" and "a@b.c" in the text it renders, escaped or not (checked in a real
# Chromium: tests/shells/test_browser.py). An invisible word joiner (U+2060) inside each breaks the pattern.
_JOIN = "\u2060"
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|file|xmpp)(\\?:)")
_AT = re.compile(r"\\?@")
_WWW_ESCAPED = re.compile(r"(?i)\b(www)(\\?\.)")


# For messages and file names: everything that can start a link, image, HTML, LaTeX, a colour or icon
# directive or emphasis, but not the hyphens and brackets of ordinary prose ("not UTF-8", "(draft)").
_MESSAGE_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~$:@])")
_LINE_START = re.compile(r"(?m)^(\s*)([#+\-=]|\d+\.)")
# The export: brackets, HTML, emphasis and bare links neutralised; [n] citation markers kept as they are.
_EXPORT_SPECIAL = re.compile(r"([\\`*_\[\]<>~$])")


def split_assumptions(text: str) -> tuple[str, str]:
    """The answer proper, and the trailing "Assumed: ..." sentence (shown smaller), if any."""
    match = _ASSUMED.search(text)
    if not match:
        return text, ""
    return text[:match.start()], match.group(1)


def _no_autolinks(escaped: str) -> str:
    escaped = _SCHEME.sub(lambda m: m.group(1) + _JOIN + m.group(2), escaped)
    escaped = _WWW_ESCAPED.sub(lambda m: m.group(1) + _JOIN + m.group(2), escaped)
    return _AT.sub(lambda m: _JOIN + m.group(0), escaped)


def md_escape(text: str) -> str:
    """Text that Streamlit's markdown shows literally: no emphasis, links, LaTeX, colour directives or lists."""
    escaped = _no_autolinks(_WWW.sub(r"\1\\.", _MD_SPECIAL.sub(r"\\\1", text)))
    return re.sub(r"(?m)^(\s*\d+)\.", r"\1\\.", escaped)  # "4. Hub" at a line start is not a list item


def md_message(text: object) -> str:
    """A message or file name for st.error / st.warning / st.success / st.caption: shown literally (no link,
    image, HTML, LaTeX, directive, emphasis or list), with ordinary hyphens and brackets left readable."""
    escaped = _no_autolinks(_WWW.sub(r"\1\\.", _MESSAGE_SPECIAL.sub(r"\\\1", str(text))))
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match) -> str:
    """"# x" -> "\\# x"; "12. x" -> "12\\. x" (a backslash before a digit would show)."""
    lead, marker = match.group(1), match.group(2)
    return lead + (marker[:-1] + "\\." if marker[0].isdigit() else "\\" + marker)


def export_escape(text: object) -> str:
    """Document or user text for the Markdown export: read as plain text by any Markdown viewer (no link,
    image, HTML or emphasis), with its [n] citation markers kept."""
    escaped = _EXPORT_SPECIAL.sub(r"\\\1", str(text))
    escaped = re.sub(r"\\\[(\d{1,3})\\\](?![(\[:\\])", r"[\1]", escaped)  # not "[1](url)" or "[1]: url"
    escaped = re.sub(r"(?i)\b(https?|ftp|mailto|javascript|data):", r"\1\\:", escaped)
    escaped = _WWW.sub(r"\1\\.", escaped).replace("@", "\\@")
    return re.sub(r"(?m)^(\s*)([#+=]|\d+\.)", _escape_line_start, escaped)


def answer_markdown(text: str, turn: int = 0) -> str:
    """Escaped answer text with each [n] marker a link to source card n of this turn (`#src-TURN-N`): a link,
    so it can be reached with the keyboard; the page's script opens and focuses the card."""
    escaped = md_escape(text)
    return re.sub(r"\\\[(\d{1,3})\\\]", lambda m: f"[\\[{m.group(1)}\\]](#src-{turn}-{m.group(1)})", escaped)


def markers_in(text: str) -> list[int]:
    return [int(n) for n in _MARKER.findall(text)]


def without_markers(text: str) -> str:
    """Text fit to paste into a press release: the [n] citation markers taken out."""
    return re.sub(r"\s*\[\d{1,3}\]", "", text).strip()


def highlight_quote(context: str, quote: str) -> str:
    """The surrounding passage as escaped markdown, with the quoted sentence in bold (line by line)."""
    if not context:
        return md_escape(quote)
    at = context.find(quote) if quote else -1
    if at < 0:
        return md_escape(context).replace("\n", "  \n")
    before, after = context[:at], context[at + len(quote):]
    # The passage is a window cut from the document: mark the cut ends so a clipped word reads as clipped.
    before = ("…" if before[:1].islower() else "") + before
    after = after + ("…" if after.strip() and after.rstrip()[-1:] not in ".!?:”\"" else "")
    bold = "\n".join(f"**{md_escape(line.strip())}**" if line.strip() else "" for line in quote.split("\n"))
    return (md_escape(before) + bold + md_escape(after)).replace("\n", "  \n")


def source_line(citation: Citation) -> str:
    """Publisher · date · kind, each only if known."""
    date = nice_date(citation.date.split(" (")[0]) if citation.date else ""
    kind = citation.kind.split(" (")[0] if citation.kind else ""
    return " · ".join(p for p in (citation.publisher, date, kind) if p and p != "unknown")


def section_path(citation: Citation) -> str:
    """The locator without the document title it starts with (the title is shown on its own)."""
    prefix = citation.title + " › "
    return citation.locator[len(prefix):] if citation.locator.startswith(prefix) else citation.locator


def group_by_document(citations: tuple[Citation, ...]) -> list[tuple[Citation, list[Citation]]]:
    """Citations grouped under their document, in first-cited order: (first citation, all of them)."""
    groups: dict[str, list[Citation]] = {}
    for citation in citations:
        groups.setdefault(citation.document, []).append(citation)
    return [(items[0], items) for items in groups.values()]


# ---------------------------------------------------------------- warnings


def _year(date: str) -> int | None:
    match = re.match(r"\s*(\d{4})", date or "")
    return int(match.group(1)) if match else None


def answer_warnings(answer: Answer) -> list[str]:
    """Everything a reader must weigh before quoting: the engine's caveats, figures from a period other
    than the one asked about, sources that disagree, and sources older than the tables' first period."""
    warnings = list(answer.caveats)
    asked = tuple(getattr(answer.context, "periods", ()) or ())
    a_change = bool(getattr(answer.context, "change", False))
    if asked and not a_change and answer.verdict is None:  # a change spans both years; claims judge periods
        for figure in answer.figures:
            if " compared with " not in figure.period and figure.period not in asked:
                warnings.append(f"This figure is for the {figure.period}, not the period asked about "
                                f"({' and '.join(asked)}).")
                break
    if answer.verdict == "mixed":
        warnings.append("The sources differ: each is for its own date or period. "
                        "Check which one fits before quoting it.")
    periods = [figure.period for figure in answer.figures if " compared with " not in figure.period]
    oldest = min((_year(period.rsplit(" ", 1)[-1]) for period in periods), default=None)
    seen = set()
    for citation in answer.citations:
        year = _year(citation.date)
        if citation.table is None and year and oldest and year < oldest and citation.document not in seen:
            seen.add(citation.document)
            warnings.append(f"Source [{citation.n}] dates from {nice_date(citation.date)}; its figures are older than "
                            f"the performance tables, so they may be out of date.")
    return list(dict.fromkeys(warnings))


# ---------------------------------------------------------------- table rows

_PERIOD = re.compile(r"12 months to (\w+) (\d{4})")


def period_short(period: str) -> str:
    """"12 months to October 2024" -> "12 months to Oct 2024"."""
    for month in _MONTHS:
        period = period.replace(month, month[:3])
    return period


def period_in_words(period: str) -> str:
    """A period as a phrase: "in the 12 months to October 2024 (November 2023 to October 2024)", or for a
    printed difference "between the 12 months to October 2023 and the 12 months to October 2024"."""
    found = _PERIOD.findall(period)
    if len(found) == 2:
        earlier, later = sorted(found, key=lambda month_year: int(month_year[1]))
        return f"between the 12 months to {' '.join(earlier)} and the 12 months to {' '.join(later)}"
    if len(found) == 1 and found[0][0] in _MONTHS:
        month, year = found[0][0], int(found[0][1])
        start = _MONTHS[(_MONTHS.index(month) + 1) % 12]
        start_year = year - 1 if month != "December" else year
        return f"in the 12 months to {month} {year} ({start} {start_year} to {month} {year})"
    return period


def _grid_place(measure: str, period: str) -> tuple[str, str]:
    """(row, column) of a printed value in the compact grid: one row per measure, one column per period/change."""
    for suffix, column in ((" % change", "% change"), (" change (% points)", "Change"), (" change", "Change")):
        if measure.endswith(suffix):
            return _measure_title(measure[:-len(suffix)]), column
    return _measure_title(measure), period_short(period)


def _measure_title(measure: str) -> str:
    titles = {"offences": "Offences", "solved outcomes": "Solved outcomes", "solved rate %": "Solved rate %",
              "solved rate": "Solved rate %", "% domestic-abuse related": "% domestic-abuse related"}
    return titles.get(measure, measure[:1].upper() + measure[1:])


def row_grid(row: pd.DataFrame, used_column: str | None = None) -> tuple[pd.DataFrame, tuple[str, str] | None]:
    """A table row (from `answer.table_row`) as a small grid of printed values, and the cell that was used.

    Rows: offences, solved outcomes, solved rate, domestic-abuse share. Columns: each year, then the
    printed differences (for the solved rate the change is in percentage points). Values are the strings
    exactly as printed, so they can be checked against the document by eye.
    """
    cells: dict[tuple[str, str], str] = {}
    used = None
    for record in row.to_dict("records"):
        place = _grid_place(str(record["measure"]), str(record["period"]))
        cells[place] = readable(record["printed"])
        if record["column_label"] == used_column:
            used = place
    known = ["Offences", "Solved outcomes", "Solved rate %", "% domestic-abuse related"]
    rows = sorted(dict.fromkeys(r for r, _ in cells), key=lambda r: known.index(r) if r in known else len(known))
    years = sorted({str(r["period"]) for r in row.to_dict("records") if " compared with " not in str(r["period"])},
                   key=lambda period: period.rsplit(" ", 1)[-1])
    order = [period_short(period) for period in years] + ["Change", "% change"]
    columns = [c for c in order if any(col == c for _, col in cells)]
    columns += [c for c in dict.fromkeys(col for _, col in cells) if c not in columns]
    grid = pd.DataFrame([[cells.get((r, c), "") for c in columns] for r in rows], index=rows, columns=columns)
    return grid, used


_MEASURE_PHRASES = {
    "offences": "offences recorded",
    "offences change": "change in offences",
    "offences % change": "percentage change in offences",
    "solved outcomes": "solved outcomes",
    "solved outcomes change": "change in solved outcomes",
    "solved outcomes % change": "percentage change in solved outcomes",
    "solved rate %": "solved rate (%)",
    "solved rate change (% points)": "change in the solved rate (percentage points)",
    "% domestic-abuse related": "share of offences related to domestic abuse (%)",
}


def used_cell_caption(row: pd.DataFrame, table: dict) -> str:
    """What the highlighted cell is, with its period in words."""
    used = row[row["column_label"] == table.get("column")]
    crime, area = table.get("crime_type", ""), table.get("area", "")
    where = f"{crime.lower() if crime.istitle() or crime.isupper() else crime} in {area}"
    if used.empty:
        return f"Table row: {md_message(where)}."
    record = used.iloc[0]
    measure = _MEASURE_PHRASES.get(str(record["measure"]), str(record["measure"]))
    return (f"Highlighted: **{md_message(readable(record['printed']))}**, {md_message(measure)} for "
            f"{md_message(where)} {md_message(period_in_words(str(record['period'])))}.")


def readable(printed: object) -> str:
    """A printed whole number with thousands separators ("1465" -> "1,465"); anything else as printed."""
    text = str(printed)
    return f"{int(text):,}" if re.fullmatch(r"-?\d{4,}", text) else text


# ---------------------------------------------------------------- export


def export_markdown(turns: list[Turn], exported_at: str = "") -> str:
    """The conversation as Markdown: questions, answers, verdicts, caveats and each citation with its quote."""
    lines = ["# Crime and community safety assistant: conversation", ""]
    if exported_at:
        lines += [f"Exported {exported_at}.", ""]
    for number, turn in enumerate(turns, start=1):
        answer = turn.answer
        label = "Claim" if turn.kind == "claim" else "Question"
        lines += [f"## {number}. {label}: {export_escape(' '.join(turn.prompt.split()))}", ""]
        if turn.kind == "claim" or answer.verdict is not None:
            lines += [f"**Verdict:** {verdict_badge(answer.verdict)[0]}", ""]
        lines += [f"**Answer:** {export_escape(answer.text)}", ""]
        for warning in answer_warnings(answer):
            lines += [f"> **Caveat:** {export_escape(warning)}", ""]
        if answer.suggestion:
            lines += ["**Suggested wording:**", "", f"> {export_escape(without_markers(answer.suggestion))}", ""]
        if answer.citations:
            lines += ["**Sources**", ""]
            for c in answer.citations:
                meta = source_line(c)
                lines.append(f"{c.n}. *{export_escape(c.title)}*" + (f" ({export_escape(meta)})" if meta else "")
                             + f". {export_escape(section_path(c))}.")
                quote = " | ".join(part.strip() for part in c.quote.split("\t")) if c.table else c.quote
                lines.append(f"   > {export_escape(' '.join(quote.split()))}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"

