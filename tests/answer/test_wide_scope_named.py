"""A wide area asked for by its name ("the whole of Fenmoor county") when the indexed tables' top area is only a
part of it: a line naming the force as an organisation ("Fenmoor Constabulary's summary ... across the Eastwick
policing area") gives the part's figure, and a line naming the wide area itself may answer."""

from __future__ import annotations

import pytest

from assistant.answer.nearmiss import Window, narrower_than_asked


def _window(text: str, label: str = "") -> Window:
    return Window(text, "", label, frozenset())


@pytest.mark.parametrize("county, part", [("Fenmoor", "Eastwick"), ("Holloway", "Brayford"), ("Tarn", "Mossley")])
def test_a_part_s_count_is_no_answer_for_the_whole_county_named(county, part):
    question = f"How many burglaries were recorded across the whole of {county} county in the year to June 2026?"
    line = f"{county} Constabulary's performance summary records 412 burglaries across the {part} policing area."
    assert narrower_than_asked(question, (part,), _window(line), scope=f"{part} District Council")


@pytest.mark.parametrize("county, part", [("Fenmoor", "Eastwick"), ("Holloway", "Brayford")])
def test_a_line_about_the_whole_county_by_name_may_answer(county, part):
    question = f"How much did burglary rise across the whole of {county} county?"
    line = f"Across {county} as a whole, burglary rose by 14 per cent over the same period."
    assert narrower_than_asked(question, (part,), _window(line), scope=f"{part} District Council") == ""


def test_the_indexed_force_asked_as_a_whole_keeps_the_documents_scope():
    question = "How many burglaries across the whole of Eastwick in 2025?"
    line = "Burglary fell to 412 offences."
    assert narrower_than_asked(question, ("Eastwick",), _window(line), scope="Eastwick Police annual report") == ""
