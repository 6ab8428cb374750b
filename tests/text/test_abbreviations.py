"""The long names and short forms in `assistant/text/data/abbreviations.toml` fold into one term, however the
long name is printed."""

import tomllib

import pytest

from assistant.text.terms import ABBREVIATIONS, content_terms

ENTRIES = tomllib.loads(ABBREVIATIONS.read_text(encoding="utf-8"))["abbreviation"]


def _printings(long: str) -> set[str]:
    """The ways a long name turns up in documents: as listed, capitalised, its hyphens as spaces or gone."""
    return {long, long.title(), long.upper(), long.replace("-", " "), long.replace("-", ""),
            long.replace(" and ", " & ")}


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["short"] for e in ENTRIES])
def test_every_printing_of_a_long_name_is_its_short_form(entry):
    for long in entry["long"]:
        for printed in _printings(long):
            assert content_terms(f"the {printed} met") == content_terms(f"the {entry['short']} met"), printed


def test_short_forms_are_single_lower_case_words_and_unique():
    shorts = [e["short"] for e in ENTRIES]
    assert len(shorts) == len(set(shorts))
    assert all(s.isalnum() and s == s.lower() for s in shorts)


def test_a_name_that_only_shares_words_is_not_folded():
    assert "asb" not in content_terms("anti-fraud social services and behaviour support")
