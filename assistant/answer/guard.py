"""The last line of defence: an answer may state no number that its citations do not show.

A share or a difference the table path works out is accepted only if two cited numbers really give it, so a
computed figure cannot smuggle in a number from nowhere.
"""

from __future__ import annotations

from assistant.answer.computed import COMPUTED_MEASURES, TOTAL_OF
from assistant.records import Answer
from assistant.text.numbers import numbers_in, numbers_with_units


def uncited_numbers(answer: Answer, allowed_text: str = "") -> list[float]:
    """Numbers the answer states that appear in none of its citations (nor in the question it echoes).

    A share or a difference the table path works out is accepted only if two cited numbers really
    give it, so a computed figure cannot smuggle in a number from nowhere.
    """
    cited: set[float] = set()
    for citation in answer.citations:
        for text in (citation.quote, citation.locator, citation.title, citation.date):
            cited.update(numbers_in(text))
    read = [f.value for f in answer.figures if f.measure not in COMPUTED_MEASURES]
    # A rate a sheet prints as a fraction (0.213) is stated as the percentage it is (21.3%).
    cited.update(value for value in read if any(abs(number * 100 - value) < 1e-6 for number in cited))
    computed = [abs(f.value) for f in answer.figures
                if f.measure in COMPUTED_MEASURES and (_derivable(f.value, cited) or _is_total(f, read))]
    cited.update(computed)
    cited.update(numbers_in(allowed_text))
    return [n for n in numbers_in(answer.text) if n not in cited]


def _is_total(figure, read: list[float]) -> bool:
    """A total is accepted only as the sum of every figure the answer read from its citations."""
    return figure.measure == TOTAL_OF and len(read) > 1 and abs(figure.value - sum(read)) < 1e-6


def _derivable(value: float, cited: set[float]) -> bool:
    """True when `value` is the difference of, or a one-decimal percentage share between, two cited numbers."""
    target = abs(value)
    for a in cited:
        for b in cited:
            if abs(abs(a - b) - target) < 1e-6:
                return True
            if b and abs(round(a / b * 100, 1) - target) < 1e-6:
                return True
    return False


def misread_units(answer: Answer, allowed_text: str = "") -> list[str]:
    """Prose figures stated in another unit than the cited sentence prints them ("9.2%" quoted from a sentence
    that says "£9.2m"): each (number, unit) of a passage answer's text must be one its citations print.
    Table answers are checked cell by cell instead (`answer.tables.verify`)."""
    if any(citation.table is not None for citation in answer.citations) or answer.verdict is not None:
        return []
    printed = set(numbers_with_units(allowed_text))
    for citation in answer.citations:
        for text in (citation.quote, citation.locator, citation.title, citation.date):
            printed |= numbers_with_units(text)
    values = {value for value, _ in printed}
    return [f"{value:g}{unit}" for value, unit in sorted(numbers_with_units(answer.text))
            if value in values and (value, unit) not in printed and unit]
