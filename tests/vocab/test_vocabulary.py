"""Properties of the vocabulary data and of `Vocabulary`, checked over every entry in the data files rather
than over hand-typed examples, so a new alias, town or label is tested the moment it is written down."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant import vocab
from assistant.vocab import VocabDataError, Vocabulary, load, normalise
from assistant.vocab.phrases import sentence_pattern, with_plurals

V = vocab.DEFAULT
DATA = load()
PACKAGE = Path(vocab.__file__).parent


def names(hits) -> list[str]:
    return [hit.name for hit in hits]


def places(vocabulary: Vocabulary, text: str) -> list[tuple[str, str]]:
    return [(kind, hit.name) for kind, hit in vocabulary.find_places(normalise(text))]


# ---------------------------------------------------------------- printed labels and their aliases


@pytest.mark.parametrize("label", list(V.crime_types))
def test_every_printed_crime_type_reads_as_itself(label):
    assert names(V.find_crime_types(normalise(label))) == [label]


@pytest.mark.parametrize("label", list(V.areas))
def test_every_printed_area_reads_as_itself(label):
    assert places(V, label) == [("area", label)]


@pytest.mark.parametrize("label", list(V.crime_types))
def test_every_alias_and_its_plurals_read_as_its_row_or_a_documented_narrower_one(label):
    """An alias may be read as a more specific row only when hierarchy.toml puts that row under this one and a
    note tells the user about the reading."""
    for alias in sorted(with_plurals((label, *V.crime_types[label]))):
        found = names(V.find_crime_types(alias))
        narrower = (len(found) == 1 and label in V.ancestors(found[0]) and V.note_for(alias) is not None)
        assert found == [label] or narrower, (alias, found)


def test_plurals_are_added_to_the_last_word_and_to_x_of_y():
    assert names(V.find_crime_types("robberies")) == ["Robbery"]
    assert names(V.find_crime_types("break ins")) == ["Burglary"]
    assert names(V.find_crime_types("thefts of a vehicle")) == ["Theft of a Vehicle"]


@pytest.mark.parametrize("area", list(DATA.areas))
def test_every_area_alias_and_town_reads_as_its_area(area):
    for alias in DATA.areas[area].aliases:
        assert places(V, alias) == [("area", area)], alias
    for town in DATA.areas[area].towns:
        assert places(V, town) == [("town", area)], town


def test_every_place_not_covered_reads_as_itself_not_as_an_area():
    for name, aliases in DATA.not_covered.items():
        for alias in aliases:
            assert places(V, alias) == [("other", name)], alias


@pytest.mark.parametrize("label", list(V.subtype_words))
def test_every_qualifier_picks_its_row_among_its_siblings_unless_a_sibling_shares_it(label):
    parent = V.parent[label]
    siblings = [child for child in V.children[parent] if child != label]
    for word in V.subtype_words[label]:
        shared = any(normalise(word) in map(normalise, V.subtype_words.get(s, ())) for s in siblings)
        assert names(V.find_subtypes(normalise(word), [parent])) == ([] if shared else [label]), word


@pytest.mark.parametrize("sentence", DATA.sentences, ids=lambda s: f"{s.crime_type}: {s.things[0]}")
def test_every_sentence_shape_reads_as_its_crime_type(sentence):
    if sentence.then:
        examples = [f"{thing} were {verb}" for thing in sentence.things for verb in sentence.then]
        examples += [f"{thing} {verb}" for thing in sentence.things for verb in sentence.then]
    else:
        examples = [f"{word} {join} {extra}{thing}" for word in sentence.words for join in sentence.joined_by
                    for extra in ("", *(f"{o} " for o in sentence.optional)) for thing in sentence.things]
    for text in examples:
        assert sentence_pattern(sentence).fullmatch(normalise(text)), text
        assert names(V.find_crime_types(normalise(text))) == [sentence.crime_type], text


def test_every_note_shows_for_its_alias_and_the_alias_plural():
    for alias, (name, note) in V.alias_notes.items():
        assert V.note_for(alias) == V.note_for(alias, name) == note.replace("{all_crime}", V.all_crime)
        assert "{" not in V.note_for(alias)
    assert V.note_for("house burglaries") == V.note_for("house burglary") is not None


def test_every_stand_in_reads_as_its_row_and_is_said_to_stand_in_only_for_that_row():
    assert V.stand_ins
    for alias, label in V.stand_ins.items():
        assert label in names(V.find_crime_types(alias)), alias
        assert V.stands_in(alias, label) and V.stands_in(alias + "s", label)
        assert not V.stands_in(alias, f"not {label}")
    for label, aliases in V.crime_types.items():  # the row's own words are no stand-ins
        assert not V.stands_in(normalise(label), label)


def test_a_note_is_not_told_when_its_alias_resolved_to_another_name():
    """A force printing its own row for an alias ('Knife Crime') takes the phrase; the note that reads it as
    another row would then be false."""
    for alias, (name, _) in V.alias_notes.items():
        if name is not None:
            assert V.note_for(alias, f"not {name}") is None


def test_the_hierarchy_covers_exactly_the_printed_rows_and_has_the_bare_crime_row():
    assert set(V.parent) == set(V.crime_types) == set(DATA.hierarchy)
    assert set(V.parent.values()) - {None} <= set(V.crime_types)
    assert V.all_crime in V.crime_types and V.parent[V.all_crime] is None


def test_the_shipped_data_checks_clean_against_its_own_labels():
    assert V.check(V.table_areas, V.crime_types) == []


# ---------------------------------------------------------------- labels the data does not know


EXTRA_AREA, EXTRA_CRIME = "Little Snoring", "Wildlife Crime"


@pytest.fixture(scope="module")
def extended() -> Vocabulary:
    """The vocabulary over the shipped labels plus one made-up area and one made-up row with no entries."""
    return Vocabulary.build(DATA, areas=(*V.table_areas, EXTRA_AREA), crime_types=(*V.crime_types, EXTRA_CRIME))


def test_a_label_with_no_alias_entry_still_matches_by_its_printed_name(extended):
    assert names(extended.find_crime_types(normalise("Wildlife Crime in Little Snoring"))) == [EXTRA_CRIME]
    assert names(extended.find_crime_types("wildlife crimes")) == [EXTRA_CRIME]
    assert places(extended, "Wildlife Crime in Little Snoring") == [("area", EXTRA_AREA)]
    assert extended.crime_types[EXTRA_CRIME] == () and extended.areas[EXTRA_AREA] == ()
    assert extended.parent[EXTRA_CRIME] is None and extended.ancestors(EXTRA_CRIME) == ()
    assert EXTRA_AREA in extended.district_areas


def test_a_new_label_leaves_the_old_ones_alone(extended):
    for label in V.crime_types:
        assert names(extended.find_crime_types(normalise(label))) == [label]
    assert {k: v for k, v in extended.parent.items() if k != EXTRA_CRIME} == V.parent
    assert names(V.find_crime_types("wildlife crime")) == [V.all_crime]  # the default does not know it


def test_a_misspelt_word_of_a_new_label_is_corrected(extended):
    assert extended.correct_word("wildlfe") == "wildlife" and V.correct_word("wildlfe") is None
    assert extended.correct_word("snorring") == "snoring"
    corrected, fixes = extended.correct_spelling("wildlfe crime in little snorring")
    assert fixes == (("wildlfe", "wildlife"), ("snorring", "snoring"))
    assert names(extended.find_crime_types(corrected)) == [EXTRA_CRIME]


def test_a_misspelt_word_of_a_printed_label_is_corrected():
    """Two letters swapped in any spelling target taken from a printed label: read back as that word."""
    words = {w for label in (*V.areas, *V.crime_types) for w in normalise(label).split() if w in V.fuzzy_targets}
    assert len(words) > 30
    for word in words:
        if word[2] != word[3]:
            assert V.correct_word(word[:2] + word[3] + word[2] + word[4:]) == word, word


def test_an_entry_for_a_label_no_table_prints_is_left_out_and_reported():
    printed_areas = [a for a in V.table_areas if a != "Harlow"]
    printed_crimes = [c for c in V.crime_types if c != "Shoplifting"]
    narrower = Vocabulary.build(DATA, areas=printed_areas, crime_types=printed_crimes)
    assert names(narrower.find_crime_types("shoplifting")) == []
    assert places(narrower, "harlow") == []
    problems = narrower.check(printed_areas, printed_crimes)
    assert any('"Harlow"' in p and p.startswith("places.toml") for p in problems), problems
    assert any('"Shoplifting"' in p and p.startswith("crime_types.toml") for p in problems), problems
    assert any(p.startswith("crime_words.toml") and "Shoplifting" in p for p in problems), problems  # a sentence
    assert any(p.startswith("hierarchy.toml") and "Shoplifting" in p for p in problems), problems


# ---------------------------------------------------------------- the loader


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A copy of the shipped data files to break."""
    shutil.copytree(PACKAGE / "data", tmp_path / "data")
    return tmp_path / "data"


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + "\n" + text + "\n")


def test_check_reports_an_alias_keyed_to_a_label_no_table_prints(data_dir):
    _append(data_dir / "crime_types.toml", '["Fly Tipping"]\naliases = ["fly tipping", "dumping rubbish"]')
    problems = Vocabulary.build(load(data_dir)).check(V.table_areas, V.crime_types)
    assert len(problems) == 1 and problems[0].startswith("crime_types.toml")
    assert '"Fly Tipping"' in problems[0] and "no table prints" in problems[0]


@pytest.mark.parametrize("file, text, words", [
    ("places.toml", "[areas.Harlow", ["places.toml", "not valid TOML"]),
    ("crime_types.toml", '["Fly Tipping"]\naliases = "fly tipping"', ["crime_types.toml", "\"Fly Tipping\".aliases"]),
    ("crime_types.toml", '["Fly Tipping"]\nalaises = ["fly tipping"]', ["crime_types.toml", "alaises", "unknown"]),
    ("crime_types.toml", '["Fly Tipping"]\naliases = ["shoplifting"]', ["crime_types.toml", "shoplifting"]),
    ("crime_types.toml", '["Fly Tipping"]\naliases = ["fly tipping"]\nnotes = { tipping = "x" }',
     ["crime_types.toml", "\"Fly Tipping\".notes.tipping"]),
    ("crime_types.toml", '["Fly Tipping"]\naliases = ["fly tipping"]\nstand_in = ["dumping"]',
     ["crime_types.toml", "\"Fly Tipping\".stand_in.dumping", "never be matched"]),
    ("crime_types.toml", '["Fly Tipping"]\naliases = ["fly tipping", "dumping"]\nstand_in = ["dumping"]',
     ["crime_types.toml", "\"Fly Tipping\".stand_in", "'dumping' has no note"]),
    ("places.toml", '[areas.Nowhere]\nkind = "village"', ["places.toml", "areas.Nowhere.kind"]),
    ("places.toml", '[areas.Nowhere]\nkind = "force"', ["places.toml", "force"]),
    ("places.toml", '[areas.Nowhere]\nkind = "district"\ntowns = ["canvey"]', ["places.toml", "canvey"]),
    ("places.toml", '[areas.Nowhere]\nkind = "district"\ntowns = ["Nowhere-on-Sea"]',
     ["places.toml", "areas.Nowhere.towns[0]", "'nowhere on sea'"]),
    ("hierarchy.toml", '"Fly Tipping" = "Nowhere Crime"', ["hierarchy.toml", "Fly Tipping", "Nowhere Crime"]),
    ("spelling.toml", 'extra = ["x"]', ["spelling.toml", "extra"]),
    ("crime_words.toml", '[[sentences]]\ncrime_type = "Theft"\nthings = ["purse"]',
     ["crime_words.toml", "sentences[8]"]),
])
def test_malformed_data_is_rejected_naming_the_file_and_key(data_dir, file, text, words):
    _append(data_dir / file, text)
    with pytest.raises(VocabDataError) as error:
        load(data_dir)
    for word in words:
        assert word in str(error.value)


def test_a_missing_data_file_is_named(data_dir):
    (data_dir / "spelling.toml").unlink()
    with pytest.raises(VocabDataError, match="spelling.toml"):
        load(data_dir)


def test_a_loop_in_the_hierarchy_is_rejected(data_dir):
    path = data_dir / "hierarchy.toml"
    top = f'"{V.all_crime}" = ""'
    assert top in path.read_text()
    path.write_text(path.read_text().replace(top, f'"{V.all_crime}" = "Shoplifting"'))  # Shoplifting is under it
    with pytest.raises(VocabDataError, match="hierarchy.toml.*loop"):
        load(data_dir)


# ---------------------------------------------------------------- the package itself


def test_the_module_level_api_is_the_vocabulary_in_force():
    for name in ("FORCE", "AIRPORT", "ALL_CRIME", "AREAS", "AREA_TOWNS", "TABLE_AREAS", "DISTRICT_AREAS",
                 "KNOWN_OTHER_PLACES", "CRIME_TYPES", "GENERIC_CRIME_WORDS", "ALIAS_NOTES", "PARENT", "CHILDREN",
                 "SUBTYPE_WORDS", "COMMON_NEAR_MISSES", "VOCABULARY_WORDS", "Found", "normalise", "note_for",
                 "ancestors", "blank", "find_places", "find_crime_types", "find_subtypes", "correct_word",
                 "correct_spelling", "_FUZZY_TARGETS", "_KNOWN_WORDS", "_CRIME_PHRASES", "_AREA_PHRASES"):
        assert hasattr(vocab, name), name
    # The module-level names read the vocabulary in force (the tests' session puts the corpus's own in force).
    assert vocab.PARENT is vocab.active().parent and vocab.CRIME_TYPES is vocab.active().crime_types
    with vocab.using(V):
        assert vocab.PARENT is V.parent and vocab.CRIME_TYPES is V.crime_types
    assert vocab.FORCE in vocab.TABLE_AREAS and vocab.FORCE not in vocab.DISTRICT_AREAS


def test_no_module_is_over_400_lines():
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text().splitlines()) <= 400, path.name
