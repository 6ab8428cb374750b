"""Calendar months in the words of a police.uk question, and back into words for an answer.

police.uk files are monthly, so a period named in a question ("March 2017", "2017-03", "2016", "the first half
of 2017", "January to June 2017", "Q1 2017", "the 12 months to March 2017", "2016/17") is read as the calendar
months it spans. The words are read by `text.periods`, the one period reader, which questions about the
performance tables and claims read too; `month_words` puts a run of months back into words.
"""

from __future__ import annotations

from assistant.text.dates import MONTHS
from assistant.text.periods import SINCE, mentions


def months_in(text: str) -> tuple[list[tuple[int, tuple[str, ...]]], str]:
    """The periods a text names, as (position, months "YYYY-MM") in order, and the text with them blanked."""
    found = []
    for mention in mentions(text):
        if mention.months:
            # "compared with 2016": only the year is a period; the words before it say it is the base
            start = mention.end - len(str(mention.year)) if mention.kind == SINCE else mention.start
            found.append((start, tuple(f"{year}-{month:02d}" for year, month in mention.months)))
            text = text[:start] + " " * (mention.end - start) + text[mention.end:]
    return found, text


def blank_periods(text: str) -> str:
    """`text` as written with every period it names blanked (same length), so a claim parser reading its
    figures does not take "the first half of 2017" for a share of one half."""
    return months_in(text)[1]


def month_words(months: tuple[str, ...]) -> str:
    """("2017-03",) → "March 2017"; a whole year → "2016"; a run → "January to June 2017"."""
    if not months:
        return ""
    first, last = months[0], months[-1]
    name = lambda m: MONTHS[int(m[5:]) - 1]  # noqa: E731
    if len(months) == 1:
        return f"{name(first)} {first[:4]}"
    if len(months) == 12 and first.endswith("-01") and last[:4] == first[:4]:
        return first[:4]
    if first[:4] == last[:4]:
        return f"{name(first)} to {name(last)} {first[:4]}"
    return f"{name(first)} {first[:4]} to {name(last)} {last[:4]}"
