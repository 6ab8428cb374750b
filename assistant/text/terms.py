"""Content terms: the stemmed words that carry a text's topic, with spelling variants folded together.

Passage selection compares a question's terms with a sentence's, and claim reading does the same with a
claim's, so both fold "anti-social behaviour" into "asb" and "rose" into "increase" the same way, and the
everyday words the data file says mean the same ("the maximum fine" and "fined up to £1,000") into one term.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from assistant.text.dates import MONTH_WORDS
from assistant.text.tokens import bm25_tokens

ABBREVIATIONS = Path(__file__).parent / "data" / "abbreviations.toml"
SAME_WORDS = Path(__file__).parent / "data" / "same_words.toml"
FRAME_WORDS = Path(__file__).parent / "data" / "frame_words.toml"


def _phrase_pattern(phrase: str) -> str:
    """A long name as printed in any of its usual ways: "anti-social", "antisocial", "anti social"; "Police, Fire
    and Crime Commissioner"; "&" for "and"."""
    words = [r"(?:and|&)" if word == "and" else re.escape(word) for word in re.split(r"[\s-]+", phrase.strip())]
    return r"\b" + r"[\s,-]*".join(words) + r"\b"


def _abbreviations() -> list[tuple[str, str]]:
    """(pattern, short form) for each long name the data file lists: the names are a council's and a force's
    own, so they live in data, not here."""
    with ABBREVIATIONS.open("rb") as file:
        entries = tomllib.load(file)["abbreviation"]
    return [(_phrase_pattern(long), entry["short"]) for entry in entries for long in entry["long"]]


def _same_words() -> list[tuple[str, str]]:
    """(pattern, replacement) for each group of everyday words the data file says mean the same ("maximum" and
    "up to" a figure, "helped" and "supported"), and the irregular forms of a verb: without them a question's own
    word, which no document prints, reads as a topic the documents never mention. A group marked `keep` adds its
    term after the words, which stay (a name's words that other readers look for: "236 fixed penalty notices")."""
    with SAME_WORDS.open("rb") as file:
        entries = tomllib.load(file)["same"]
    return [(rf"{_phrase_pattern(word)}(?={entry['followed_by']})" if "followed_by" in entry else
             _phrase_pattern(word), rf"\g<0> {entry['term']} " if entry.get("keep") else f" {entry['term']} ")
            for entry in entries for word in entry["words"]]


# Spelled-out and abbreviated forms of the same thing, so "anti-social behaviour" finds "ASB", and the
# English forms a stemmer leaves apart.
SAME_THING = tuple((re.compile(p, re.I), short) for p, short in (
    *_abbreviations(),
    *_same_words(),
    (r"\bset up\b|\bfounded\b|\bcreated\b", "established"),
    (r"\b(press|news) release\b", "newsrelease"),
    # A drop-in session, before "drop" is read as a fall ("a drop in burglary" stays a fall).
    (r"\bdrop-ins?\b|\bdrop ins\b|\bdrop in (?=sessions?\b|centres?\b|clinics?\b)", "dropin "),
    (r"\b(won|wins|winning)\b", "win"),  # irregular forms the stemmer leaves apart
    (r"\bproduction\b", "produced"),  # "Production date" answers "when was it produced?"
    (r"\battendees?\b", "attended"),  # "Attendees" answers "who attended?"
    (r"\b(most|highest|largest|biggest|greatest)\b", "most"),
    (r"\b(least|lowest|fewest|smallest)\b", "least"),
    (r"\b(died|deaths?|fatalit(y|ies)|killed)\b", "death"),
    (r"%|\bper ?cent(age)?s?\b|\bproportions?\b", " percent "),  # "what proportion backed it?" and "64%"
    # "nov23 to jun24": a month with its year's last digits, as a table's header prints it, says when
    (r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*['’]?\d{2}(?:\d{2})?\b", r"\1"),
    (r"\b(risen|rise[sn]?|rose|rising|increase[sd]?|increasing|grew|grow(n|th|ing)?|went up|gone up|up by)\b",
     "increase"),
    (r"\b(f[ae]ll(en|ing|s)?(?! (?:under|within|into|outside)\b)|drop(ped|s|ping)?|decrease[sd]?|decreasing|reduction|reduced|down by|went down|"
     r"gone down|cut)\b", "decrease"),
))

GENERIC = set(bm25_tokens(["many much what which when where who how number figure figures total amount "
                           "according say said says give given tell told did does do was were is are than "
                           "there their recorded record happen happened latest carry carried out get got up down has have had be been "
                           "being will would can could quick quickly"],
                          as_ids=False)[0])


def _frame_words() -> set[str]:
    """The stems of the words the data file says only frame a question's ask ("who should I contact?",
    "approximately how many", "couldn't"): a line need not print them to answer it, so they are no topic."""
    with FRAME_WORDS.open("rb") as file:
        groups = tomllib.load(file)["frame"]
    return set(bm25_tokens([" ".join(word for group in groups for word in group["words"])], as_ids=False)[0])


GENERIC |= _frame_words()
# Words that say when, not what: months, spans, and a deadline (a date to be met)
TIME_WORDS = set(bm25_tokens([" ".join(MONTH_WORDS) + " year years month months week weeks last previous next "
                              "recent ago deadline deadlines"],
                             as_ids=False)[0])


def content_terms(text: str) -> set[str]:
    """The stemmed topic words of a text, variants folded, question and filler words removed. A new set each
    call (callers add to it); the work is done once per distinct text (see `_content_terms`)."""
    return set(_content_terms(text))


@lru_cache(maxsize=8192)
def _content_terms(text: str) -> frozenset[str]:
    """Why kept: passage selection asks for the same few thousand texts' terms (the question's words, the
    same lines' labels, the empty string) some seventy times per question; the folding patterns and the
    stemmer were a tenth of a warm answer's time."""
    for pattern, short in SAME_THING:
        text = pattern.sub(short, text)
    return frozenset(bm25_tokens([text], as_ids=False)[0]) - GENERIC


def content_terms_of(texts: list[str]) -> list[frozenset[str]]:
    """`content_terms` of many texts in one tokenizer call (reading a whole index's sentences is dominated by it)."""
    for pattern, short in SAME_THING:
        texts = [pattern.sub(short, text) for text in texts]
    return [frozenset(tokens) - GENERIC for tokens in bm25_tokens(texts, as_ids=False)] if texts else []
