"""Input hygiene at the one door every question, claim and conversation comes through (the engine).

What the CLI, the chat and the evaluator hand over may be anything a terminal, a web form or a JSON file can
carry: unpaired surrogates ("\\ud800"), control characters, decomposed accents, a lone "?". Here it becomes
clean NFC text a person could have typed, or a `QuestionError` that says what to do instead. Nothing below
this module ever sees a surrogate or a control character.
"""

from __future__ import annotations

import re
import unicodedata

from assistant import config
from assistant.errors import QuestionError

MAX_TURNS = 20  # a conversation longer than this is refused, not silently truncated

REPLACEMENT = "\ufffd"
_WHITESPACE = re.compile(r"\s+")
# No place or period in it: the same words must serve every council's index.
EXAMPLE = "e.g. \"How many burglaries were recorded?\""


def clean_text(text: object, what: str = "question") -> str:
    """`text` as NFC Unicode with surrogates and control characters gone and whitespace collapsed.

    Paired surrogates (an emoji that came through JSON as two escapes) are joined into the character they
    encode; an unpaired one cannot be any character, so it is dropped, as are control characters (a tab or a
    newline becomes a space). Raises `QuestionError` for what is not text at all.
    """
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise QuestionError(f"The {what} must be text, not {type(text).__name__} - type a question, {EXAMPLE}")
    text = _join_surrogates(text)
    text = unicodedata.normalize("NFC", text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch.isspace():
            kept.append(" ")
        elif category == "Cc" or category == "Cs" or ch == REPLACEMENT:
            kept.append(" ")
        elif category == "Cf" and ch not in "\u200d":  # zero-width and bidi marks; keep the emoji joiner
            continue
        else:
            kept.append(ch)
    return _WHITESPACE.sub(" ", "".join(kept)).strip()


def validate_question(text: object, what: str = "question") -> str:
    """Clean `text` and refuse what cannot be a question, with a message that says what to do instead."""
    raw_had_content = isinstance(text, str) and bool(text.strip())
    cleaned = clean_text(text, what)
    if not cleaned:
        if raw_had_content:
            raise QuestionError(f"The {what} holds only characters that cannot be read (control codes or broken "
                                f"Unicode) - retype it in plain text, {EXAMPLE}")
        raise QuestionError(f"The {what} is empty - type a question, {EXAMPLE}")
    if len(cleaned) > config.MAX_QUESTION_CHARS:
        raise QuestionError(f"The {what} is {len(cleaned):,} characters long; the limit is "
                            f"{config.MAX_QUESTION_CHARS:,}. Ask one thing at a time, in a sentence or two.")
    if not any(ch.isalnum() for ch in cleaned):
        raise QuestionError(f"The {what} \"{cleaned[:40]}\" has no words or numbers in it - ask in words, {EXAMPLE}")
    return cleaned


def validate_turns(turns: object) -> list[str]:
    """A conversation: a non-empty list of at most `MAX_TURNS` questions, each cleaned like a question."""
    if isinstance(turns, str) or not isinstance(turns, (list, tuple)):
        raise QuestionError("A conversation must be a list of questions, e.g. [\"How many burglaries were "
                            "recorded?\", \"And robberies?\"]")
    if not turns:
        raise QuestionError("The conversation has no turns - give at least one question")
    if len(turns) > MAX_TURNS:
        raise QuestionError(f"The conversation has {len(turns)} turns; the limit is {MAX_TURNS}. Start a new "
                            f"conversation, or ask the last question on its own with the place and crime named.")
    cleaned = []
    for number, turn in enumerate(turns, start=1):
        try:
            cleaned.append(validate_question(turn))
        except QuestionError as error:
            raise QuestionError(f"Turn {number} of the conversation: {error}") from None
    return cleaned


def _join_surrogates(text: str) -> str:
    """Join each high+low surrogate pair into its character; leave unpaired ones for `clean_text` to drop."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
