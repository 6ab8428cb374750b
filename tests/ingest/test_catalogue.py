"""Properties of the learned catalogue, over the real corpus and over corpora holding generated editions.

Every expectation comes from the documents or from the fixture generator's own model of what it printed
(`scripts/make_fixtures.py`: its layouts, parent column and cells), never from a list typed here, so the same
properties hold for the real October 2024 summary, its successor to January 2025, a Kent summary with other
labels, and a corpus holding Essex and Kent side by side.

The catalogues are learned the way `build_index` learns them (load the folder, read the tables, apply the
vocabulary's area names, build the catalogue), without embedding anything, so this module is quick.
"""

from __future__ import annotations

import json
import math
import sys
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from assistant import vocab
from assistant.config import PROJECT_ROOT
from assistant.ingest.catalogue import DISTRICT, FORCE, INCIDENTS, POLICING_AREA, TOTAL, Catalogue, build_catalogue
from assistant.ingest.corpus import load_corpus
from assistant.ingest.measures import OFFENCES
from assistant.ingest.performance import FORCE_TITLE, read_performance
from assistant.store.build import with_area_names
from assistant.text.normalise import normalise

CORPUS = PROJECT_ROOT / "corpus"
sys.path.insert(0, str(PROJECT_ROOT / "scripts"))

import make_fixtures
from generated_corpora import corpus_with
from fixtures.tables import label_key

# Each case: the generated files laid beside (or instead of) the real corpus.
CASES = {
    "october": (True, ()),
    "october+january": (True, (make_fixtures.NEXT_EDITION,)),
    "kent": (False, (make_fixtures.OTHER_FORCE,)),
    "essex+kent": (True, (make_fixtures.OTHER_FORCE,)),
}

MIXED_LABELS = ("In a corpus holding Essex and Kent, each phrase maps to ONE printed label for the whole corpus "
                "(assistant/vocab/phrases.py phrase_table: 'the first name listed keeps a phrase two names share', "
                "and Vocabulary._compile builds one crime_phrases table over both forces' labels): an Essex alias "
                "that is also a printed Kent label (or the reverse) is won by whichever force's rows come first")
MIXED_HIERARCHY = ("The catalogue holds one parent per label for the whole corpus (catalogue._crime_types: "
                   "parent.setdefault(label, ...) over editions in frame order), so labels both forces print "
                   "('Victim Based Crime', 'State Based Crime', 'Theft from a Vehicle', 'Arson', ...) keep the "
                   "parent learned from the first force read, which in the other force is a row it does not print")

def _xfail_for(cases: dict[str, str]):
    return [pytest.param(name, marks=pytest.mark.xfail(reason=cases[name], strict=True)) if name in cases
            else name for name in CASES]


# --- the catalogues -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    make_fixtures.make_next_edition(CORPUS, out)
    make_fixtures.make_other_force(out, CORPUS)
    return out


@pytest.fixture(scope="module")
def learned(tmp_path_factory, generated):
    """name -> (catalogue, frame, vocabulary), learned from a corpus folder the way an index build does."""
    @cache
    def learn(name: str):
        with_real, files = CASES[name]
        folder = corpus_with(tmp_path_factory.mktemp(name.replace("+", "-")), generated, files, with_real)
        loaded = load_corpus(folder)
        assert loaded.problems == ()
        words = vocab.load()
        read = read_performance(loaded.documents)
        assert read.problems == ()
        frame = with_area_names(read.frame, words)
        catalogue = build_catalogue(frame, {d.id: d for d in loaded.documents}, words.area_kinds)
        return catalogue, frame, vocab.for_catalogue(words, catalogue)

    return learn


@pytest.fixture(scope="module")
def editions():
    """The generator's editions by their printed title (the catalogue's edition id)."""
    return {edition.title: edition for edition in make_fixtures.all_editions(CORPUS).values()}


@pytest.fixture(scope="module")
def figures():
    return make_fixtures.figures(CORPUS)


def generator_parents(edition) -> dict[str, str | None]:
    parents = edition.layout.parent_of()
    return {key: parents.get(key) for key in edition.layout.row_keys()}


def printed_parents(edition) -> dict[str, str | None]:
    """What the "- " marks say: a marked row sits under the last unmarked row above it in its part."""
    out = {}
    for _, labels in edition.layout.parts:
        head = None
        for label in labels:
            if label.startswith("- "):
                out[label_key(label)] = head
            else:
                out[label], head = None, label
    return out


# --- the catalogue describes what was printed -----------------------------------------------------------------

@pytest.mark.parametrize("name", CASES)
def test_editions_are_the_printed_summaries_with_their_periods(learned, editions, name):
    catalogue, frame, _ = learned(name)
    assert sorted(e.id for e in catalogue.editions) == sorted(frame["edition"].unique())
    with_real, files = CASES[name]
    assert len(catalogue.editions) == len(files) + int(with_real)
    for edition in catalogue.editions:
        made = editions[edition.id]
        old, new = made.years
        month = made.period_end[-2:]
        assert edition.document == made.file
        assert edition.force == made.name(FORCE_TITLE)
        assert edition.period_ends == (f"{old}-{month}", f"{new}-{month}")
        assert edition.periods == (made.period(old), made.period(new))
        assert edition.change_period == f"{made.period(new)} compared with the {made.period(old)}"


@pytest.mark.parametrize("name", CASES)
def test_areas_are_the_printed_tables_with_their_kind_and_force(learned, editions, name):
    catalogue, _, _ = learned(name)
    want = {}
    for edition in catalogue.editions:
        made = editions[edition.id]
        for heading in made.rows:
            kind = FORCE if heading == FORCE_TITLE else POLICING_AREA if heading in made.not_districts else DISTRICT
            want[made.name(heading)] = (heading, kind, made.name(FORCE_TITLE))
    assert {a.name: (a.printed, a.kind, a.force) for a in catalogue.areas} == want
    assert set(catalogue.forces()) == {editions[e.id].name(FORCE_TITLE) for e in catalogue.editions}
    for force in catalogue.forces():
        made = [editions[e.id] for e in catalogue.editions if e.force == force]
        assert set(catalogue.districts(force)) == {m.name(area) for m in made for area in m.districts()}


@pytest.mark.parametrize("name", CASES)
def test_crime_types_are_every_printed_label_in_printed_order(learned, editions, name):
    catalogue, frame, _ = learned(name)
    assert {c.label for c in catalogue.crime_types} == set(frame["crime_type"])
    by_order = [c.label for c in sorted(catalogue.crime_types, key=lambda c: c.order)]
    first = editions[catalogue.editions[0].id]  # the first edition read sets the order of its labels
    assert [label for label in by_order if label in first.layout.row_keys()] == first.layout.row_keys()
    assert by_order[:len(first.layout.row_keys())] == first.layout.row_keys()


@pytest.mark.parametrize("name", _xfail_for({"essex+kent": MIXED_HIERARCHY.replace("one parent", "one printed "
                                                                                      "parent")}))
def test_printed_parent_is_the_row_the_mark_puts_it_under(learned, editions, name):
    catalogue, _, _ = learned(name)
    for edition in catalogue.editions:
        made = editions[edition.id]
        marks = printed_parents(made)
        for label in made.layout.row_keys():
            assert catalogue.crime_type(label).printed_parent == marks[label], (edition.id, label)


@pytest.mark.parametrize("name", CASES)
def test_incident_rows_are_marked_as_incidents(learned, editions, name):
    catalogue, _, _ = learned(name)
    for edition in catalogue.editions:
        layout = editions[edition.id].layout
        for label in layout.row_keys():
            if label in layout.incidents:
                assert catalogue.crime_type(label).role == INCIDENTS, label
            elif label != layout.total:
                assert catalogue.crime_type(label).role != TOTAL, label


@pytest.mark.parametrize("name", _xfail_for({}))
def test_total_row_is_the_all_crime_row(learned, editions, name):
    catalogue, _, _ = learned(name)
    totals = {editions[e.id].layout.total for e in catalogue.editions}
    assert catalogue.total_row() in totals
    if len(totals) == 1:
        assert catalogue.total_row() == totals.pop()
    # every force's all-crime row is known as such, not only one of them
    for edition in catalogue.editions:
        assert catalogue.crime_type(editions[edition.id].layout.total).role == TOTAL, edition.id


@pytest.mark.parametrize("name", _xfail_for({"essex+kent": MIXED_HIERARCHY}))
def test_learned_hierarchy_equals_the_generators_parent_column(learned, figures, editions, name):
    catalogue, _, _ = learned(name)
    keys = {title: made.key for title, made in editions.items()}
    wrong = []
    for edition in catalogue.editions:
        rows = figures[figures["edition"] == keys[edition.id]].drop_duplicates("crime_type")
        parent = {row.crime_type: None if pd.isna(row.parent) else row.parent for row in rows.itertuples()}
        assert parent == generator_parents(editions[edition.id])  # the figures' column is the layout's tree
        for label, expected in parent.items():
            chain, up = [], parent.get(label)
            while up is not None:
                chain.append(up)
                up = parent.get(up)
            learned_type = catalogue.crime_type(label)
            if learned_type.parent != expected:
                wrong.append((edition.id, label, learned_type.parent, expected))
            elif catalogue.ancestors(label) != tuple(chain):
                wrong.append((edition.id, label, catalogue.ancestors(label), tuple(chain)))
            if set(catalogue.children(label)) & set(parent) != {k for k, p in parent.items() if p == label}:
                wrong.append((edition.id, label, catalogue.children(label)))
    assert wrong == []


@pytest.mark.parametrize("name", CASES)
def test_children_add_up_to_their_parent_in_every_area_and_period(learned, name):
    catalogue, frame, _ = learned(name)
    offences = frame[frame["measure"] == OFFENCES]
    value = {(e, a, p, c): v for e, a, p, c, v in zip(offences["edition"], offences["area"], offences["period_end"],
                                                       offences["crime_type"], offences["value"])}
    places = offences[["edition", "area", "period_end"]].drop_duplicates().itertuples(index=False)
    checked, wrong = 0, []
    for edition, area, end in places:
        for parent in {c.parent for c in catalogue.crime_types if c.parent is not None}:
            total = value.get((edition, area, end, parent))
            children = [value[(edition, area, end, kid)] for kid in catalogue.children(parent)
                        if (edition, area, end, kid) in value]
            if total is None or not children:
                continue
            checked += 1
            if not math.isclose(sum(children), total, abs_tol=0.5):
                wrong.append((edition, area, end, parent, total, sum(children)))
    assert wrong == []
    assert checked >= len(offences[["edition", "area", "period_end"]].drop_duplicates())


@pytest.mark.parametrize("name", CASES)
def test_latest_edition_is_the_one_with_the_latest_period_end(learned, editions, name):
    catalogue, frame, _ = learned(name)
    latest_end = max(frame["period_end"])
    assert catalogue.latest().period_ends[1] == latest_end
    newest = max((m for m in editions.values() if m.title in {e.id for e in catalogue.editions}),
                 key=lambda m: m.period_end)
    assert catalogue.latest().id == newest.title
    for force in catalogue.forces():
        ends = frame[frame["edition"].isin([e.id for e in catalogue.editions if e.force == force])]["period_end"]
        assert catalogue.latest(force).force == force
        assert catalogue.latest(force).period_ends[1] == max(ends)


# --- the vocabulary in force for the catalogue ----------------------------------------------------------------

@pytest.mark.parametrize("name", _xfail_for({"essex+kent": MIXED_LABELS}))
def test_every_printed_crime_type_label_resolves_to_itself(learned, name):
    catalogue, _, words = learned(name)
    with vocab.using(words):
        found = {c.label: [hit.name for hit in vocab.find_crime_types(normalise(c.label))]
                 for c in catalogue.crime_types}
    assert {label: names for label, names in found.items() if label not in names} == {}


@pytest.mark.parametrize("name", CASES)
def test_every_printed_area_resolves_to_itself(learned, name):
    catalogue, _, words = learned(name)
    wrong = {}
    with vocab.using(words):
        for area in catalogue.areas:
            # the force's table is headed "Force": the heading is no place name, the force's name is
            for said in {area.name} | ({area.printed} if area.printed != FORCE_TITLE else set()):
                names = [(kind, hit.name) for kind, hit in vocab.find_places(normalise(said))]
                if ("area", area.name) not in names:
                    wrong[said] = names
    assert wrong == {}


@pytest.mark.parametrize("name", _xfail_for({
    "kent": "crime_types.toml lists 'knife crime' as an alias of 'Possession of Weapons'; Kent prints its own "
            "'Knife Crime' row, which takes the phrase, yet Vocabulary still lists the alias under "
            "v.crime_types['Possession of Weapons'] (and unprinted_entries reports nothing): an alias that can "
            "never resolve to its label",
    "essex+kent": MIXED_LABELS}))
def test_every_alias_resolves_to_its_label_or_a_descendant(learned, name):
    catalogue, _, words = learned(name)
    wrong = []
    with vocab.using(words):
        assert set(words.crime_types) == {c.label for c in catalogue.crime_types}
        assert sum(len(aliases) for aliases in words.crime_types.values()) > 0
        for label, aliases in words.crime_types.items():
            for alias in aliases:
                names = [hit.name for hit in vocab.find_crime_types(normalise(alias))]
                if not any(n == label or label in catalogue.ancestors(n) for n in names):
                    wrong.append((label, alias, names))
    assert wrong == []


@pytest.mark.parametrize("name", CASES)
def test_scope_reads_years_and_months_only_as_printed_periods(learned, name):
    catalogue, frame, words = learned(name)
    printed = dict(zip(frame[frame["measure"] == OFFENCES]["period_end"], frame[frame["measure"] == OFFENCES]["period"]))
    scope = words.scope
    assert dict(scope.values) == printed
    latest = catalogue.latest()
    assert (scope.previous, scope.latest) == latest.periods
    years = sorted({int(end[:4]) for end in printed})
    answered = 0
    for year in range(years[0] - 3, years[-1] + 3):
        period = scope.for_year(year)
        if period is not None:
            answered += 1
            assert period in printed.values(), (year, period)
            end = next(end for end, words_ in printed.items() if words_ == period)
            end_year, end_month = int(end[:4]), int(end[5:])
            # a 12-month period ending in end_month of end_year covers part of `year`
            assert end_year == year or (end_year == year + 1 and end_month < 12), (year, period)
        for month in range(1, 13):
            end = f"{year}-{month:02d}"
            assert scope.for_month(year, month) == printed.get(end), end
    assert answered >= len(years)
    for end, period in printed.items():
        assert period.rsplit(" ", 2)[-2] in scope.covered and end[:4] in scope.covered


@pytest.mark.parametrize("name", CASES)
def test_catalogue_survives_to_dict_and_from_dict(learned, name):
    catalogue, _, _ = learned(name)
    assert catalogue.editions and catalogue.areas and catalogue.crime_types
    data = json.loads(json.dumps(catalogue.to_dict()))  # as catalogue.json stores it
    again = Catalogue.from_dict(data)
    assert again == catalogue
    assert again.problems == catalogue.problems
    assert again.to_dict() == catalogue.to_dict()
    assert (again.latest(), again.total_row(), again.forces()) == (catalogue.latest(), catalogue.total_row(),
                                                                   catalogue.forces())


@pytest.mark.parametrize("name", ["kent"])
def test_the_words_for_a_row_follow_it_to_another_forces_wording(learned, name):
    """Property over the vocabulary data: an entry whose label this force does not print, but whose row it
    prints in other words ("Burglary Business & Community" / "Business & Community Burglary", "Vehicle Offences
    (incl. Interference)" / "Vehicle Offences"), has its everyday words read as that printed row."""
    from assistant.vocab.catalogued import row_key

    catalogue, _, words = learned(name)
    printed = [c.label for c in catalogue.crime_types]
    data = vocab.load()
    moved = 0
    with vocab.using(words):
        for label, entry in data.crime_types.items():
            twins = [p for p in printed if row_key(p) == row_key(label)]
            if label in printed or len(twins) != 1:
                continue
            moved += 1
            for alias in entry.aliases:
                names = [hit.name for hit in vocab.find_crime_types(normalise(alias))]
                assert twins[0] in names or any(twins[0] in catalogue.ancestors(n) for n in names), (alias, names)
    assert moved >= 3  # the generated Kent summary words several rows its own way
