"""How answers name crime types: from crime_types.toml where it gives a name, else from what the catalogue learned."""

from __future__ import annotations

from assistant import vocab
from assistant.answer.tables.wording import crime_name, crime_unit, is_incidents
from assistant.ingest.catalogue import INCIDENTS, TOTAL


def test_every_name_and_unit_in_the_data_is_what_answers_say():
    entries = vocab.active().data.crime_types
    named = [label for label, entry in entries.items() if entry.name or entry.unit]
    assert named, "crime_types.toml gives no display names: the property below would check nothing"
    for label in named:
        entry = entries[label]
        if entry.name:
            assert crime_name(label) == entry.name
        if entry.unit:
            assert crime_unit(label) == entry.unit


def test_a_label_the_data_does_not_name_reads_as_its_printed_words():
    entries = vocab.active().data.crime_types
    for crime_type in vocab.CATALOGUE.crime_types:
        entry = entries.get(crime_type.label)
        if crime_type.role or (entry is not None and entry.name):
            continue
        assert crime_name(crime_type.label) == crime_type.label.lower()
        unit = crime_unit(crime_type.label)
        assert unit in (crime_type.label.lower(), f"{crime_type.label.lower()} offences",
                        f"offences of {crime_type.label.lower()}")


def test_roles_learned_by_the_catalogue_decide_total_and_incident_wording():
    roles = {c.label: c.role for c in vocab.CATALOGUE.crime_types}
    assert TOTAL in roles.values() and INCIDENTS in roles.values()
    for label, role in roles.items():
        assert is_incidents(label) == (role == INCIDENTS)
        if role == TOTAL:
            assert "all crime" in crime_unit(label)


def test_a_label_neither_the_data_nor_the_catalogue_knows_reads_as_its_printed_words():
    unknown = "Theft of Pedal Cycles"  # the Kent fixture's label, which neither names
    assert unknown not in vocab.active().data.crime_types and vocab.CATALOGUE.crime_type(unknown) is None
    assert crime_name(unknown) == "theft of pedal cycles"
    assert crime_unit(unknown) == "offences of theft of pedal cycles"
