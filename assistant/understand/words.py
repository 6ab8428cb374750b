"""The words a question about the table figures is made of, to find the words no table cell explains.

Exists for one decision: a content word outside these, the slot readers' own words and the vocabulary
("subscribers", "reviews", "suspects") is a topic no table holds, so the question goes to the documents first.
The kinds of crime no row counts are judged here too, from the same words: "wildlife crimes" (a word before a bare
crime word) and "domestic abuse offences" where the vocabulary knows the row but no table of the index prints it.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.understand import filters, followup, measures, periods, ranking
from assistant.understand.common import unique
from assistant.understand.query import Reason
from assistant.vocab.catalogued import row_key
from assistant.vocab.phrases import matcher, phrase_table

# The words a question about the table figures is made of, besides places and crime types: function words,
# asking, counting, comparing and period words. A content word outside these and `vocab.VOCABULARY_WORDS`
# ("suspects", "subscribers", "reviews") is a topic no table cell holds, so the question goes to the passages.
_QUESTION_WORDS = frozenset("""
a about above across actual actually after again against ago all almost also am among amount an and annual any
anything are area areas around as ask asked at average back bad based be been before being below best better
between big bigger biggest both bottom breakdown broken but by calculate can case cases change changed changes
changing checked clear cleared climb climbed come comes compare compared comparison compares comparing
count counted counting counts county current currently data decline declined decrease decreased did
difference different district districts do does doing done down drop dropped dropping during each earlier
either else equal every exactly excluding falling fall fallen falls fell few fewer fewest figure figures find
for force from gave get gets getting give given go goes going gone good got great greater greatest grew grow
growing grown growth had half halved has have having hardest help here high higher highest hit how however
including increase increased increases increasing incident incidents into is it its just know large larger
largest last latest least less let level levels like list logged look lot lots low lower lowest made make
many may me mean measured more most much my name named near need needs new next no not now number numbers of
off offence offences often ok okay on once one only or order other our out over overall part past per
percent percentage percentages period periods place places please point points portion previous prior
proportion proportions quick quickly rank ranked ranking rate rates rather reach reached recent recently
record recorded recording records reduce reduced reduction relative report reported reporting reports right
rise risen rises rising rolled rolling rose roughly row same saw say see seen share shares show shown
significant similar since so solve solved solves solving some stand stats statistics stay stayed steepest
sharpest still sum such tally tell terms than that the their them then there these they thing things this
those three through to top total totals town towns trend trends twelve two under up us value values
versus very vs was way we well went were what whats when where whether which while who whole why wide will
with within worse worst would year years yes you your
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec month months
detected detection detections outcome outcomes clearance clearup resolved resolution positive charged
borough boroughs region locally local table tables performance measure measures
neighbourhood neighbourhoods neighborhood neighborhoods
domestic abuse related flagged linked involve involved involving involves victim victims
rather instead versus compared highest
people persons person someone anyone happen happened happening occur occurred committed experienced suffered
usual typical normal real really actual official officially approximately approx precisely exact sure fine
thanks thank cheers hello hey hi mate wondering curious interested remind check confirm correct think guess
half halves third thirds quarter quarters fifth fifths tenth tenths twice times double triple nearly almost
circa barely slightly marginally sharply significantly dramatically substantially considerably steadily
modestly massively hugely just around roughly exceed exceeded exceeds except without plus minus true false
claim claimed state stated accurate correctly right wrong compared respectively
deal dealt handle handled investigated safest safer safe effective effectively successful successfully
type types kind kinds sort sorts category categories categorised moment
problem problems issue issues picture situation prevalent prevalence common authority authorities council
councils breakdown split
pls plz please thx kindly could should might must shall able chance possible ballpark rough idea estimate
estimated bot assistant journalist reporter writer editor researcher student piece story writing working
research readers want wanted love keen wonder info information stat details summary overview update quote
know knew whats hows wheres moving moved move movement shift shifted swing swung hiya morning afternoon
evening advance asap urgent urgently fare faring take control wave
""".split())
# One word of rise-and-fall or ranking vocabulary, for `unexplained` ("soared", "plummeting", "doubled").
_MOVE_WORD = re.compile(r"(?:ris|f[ae]ll|increas|decreas|drop|reduc|declin|grow|grew|jump|climb|doubl|halv|tripl|"
                        r"soar|plummet|surg|spik|improv|worsen|deteriorat|chang|trend|compar|rank|mov|swing|"
                        r"swung|shift|spiral)\w*")

# Every word the slot patterns read is a table-question word too ("fraction", "steepest", "versus"), whether the
# pattern spells it out or builds it from parts ("summar(?:ise|ize)" reads "summarise").
_SLOT_PATTERNS = (*measures.WORD_PATTERNS, *periods.WORD_PATTERNS, *ranking.WORD_PATTERNS, *filters.WORD_PATTERNS,
                  *followup.WORD_PATTERNS)
_SLOT_WORDS = frozenset(word for pattern in _SLOT_PATTERNS
                        for word in re.findall(r"[a-z]{3,}", re.sub(r"\\[a-zA-Z]", " ", pattern.pattern)))


def unexplained(unused: str) -> tuple[str, ...]:
    """Content words no slot, place, crime type or question word accounts for ("subscribers")."""
    return unique(word for word in re.findall(r"[a-z]{3,}", unused) if not _known_word(word))


_SUFFIXES = ("s", "es", "d", "ed", "ing", "ly", "al", "ally", "ion", "ions", "ional", "er", "est", "ness")


def _known_word(word: str) -> bool:
    """A question word, slot word or vocabulary word, or one of them with an ending ("proportional")."""
    if _MOVE_WORD.fullmatch(word):
        return True
    area_words = vocab.active().compiled("understand.area_header_words", _area_header_words)
    return any(stem in _QUESTION_WORDS or stem in _SLOT_WORDS or stem in vocab.VOCABULARY_WORDS or stem in area_words
               for stem in _stems(word)) or any(pattern.fullmatch(word) for pattern in _SLOT_PATTERNS)


def _area_header_words(words) -> frozenset[str]:
    """The words of the headers the tables print over their smaller areas ("Ward area"): a question asking by
    them ("which ward had ...") asks about the areas the tables hold."""
    headers = words.catalogue.area_headers if words.catalogue is not None else ()
    return frozenset(stem for header in headers for word in re.findall(r"[a-z]{3,}", vocab.normalise(header))
                     for stem in _stems(word))


def _stems(word: str) -> list[str]:
    """The word and the word without each ending it has ("proportional" -> "proportion", "proportio"...)."""
    return [word] + [word[:-len(end)] for end in _SUFFIXES if word.endswith(end) and len(word) - len(end) >= 3]


_COUNTED = re.compile(r"\b(?:how many|number of|count of)\s+([a-z]+)")


def counts_something_else(rest: str) -> bool:
    """'How many fire stations ...': the first word counted, once crime words are blanked from `rest`, is a content
    word, not a question word ("how many more", "how many were recorded"), so the question counts something no
    table row holds, and the documents are asked first (`counted` says whether the tables may answer at all)."""
    counted = _COUNTED.search(rest)
    if counted is None:
        return False
    return not any(stem in _QUESTION_WORDS or stem in _SLOT_WORDS for stem in _stems(counted.group(1)))


def names_no_thing(word: str) -> bool:
    """A question or slot word ("more", "times", "districts", "offences"): counted, it names offences or the
    tables' own rows, not a thing no table counts (`counted`)."""
    singulars = (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "")
    return any(form in _QUESTION_WORDS or form in _SLOT_WORDS for form in singulars if form)


# Words that may stand before "crime" without naming a kind of it: who records it ("police recorded crime").
_NOT_A_KIND = frozenset({"police", "notifiable", "headline", "known", "actual", "general", "ordinary"})


def unheld_kind(work: str, crimes, raw: str) -> Reason | None:
    """"Hate crimes", "wildlife offences": a bare crime word right after a word no row, slot or question word
    explains names a kind of crime the tables print no row for. All crime would answer another question, so the
    tables refuse it, saying why, and the documents may still state it. `crimes` are the crime-type hits in
    `work` (places already blanked); "how many crimes" names no kind and stays all crime. A word that ends a
    capitalised name ("Witham Marsh crime", "Marsh's crime") is part of a name, which the place readers judge."""
    if not crimes or any(hit.alias not in vocab.GENERIC_CRIME_WORDS for hit in crimes):
        return None
    for hit in crimes:
        before = re.search(r"\b([a-z]{3,}) $", work[:hit.start])
        word = before.group(1) if before else ""
        if word and word not in _NOT_A_KIND and not _known_word(word) and not _ends_a_name(word, raw):
            return Reason("not recorded", f"the tables hold no figures for {word} {hit.alias}: no row they print "
                                          "counts that type of crime")
    return None


def _ends_a_name(word: str, raw: str) -> bool:
    """"Witham Marsh crime", "Marsh's crime": the word is capitalised after another capitalised word, or owns."""
    name = word.capitalize()
    return bool(re.search(rf"\b[A-Z]\w*\s+{name}\b|\b{name}'s\b", raw))


def unprinted_kind(*texts: str) -> Reason | None:
    """"Domestic abuse offences" where no table here prints a domestic abuse row: a crime type the vocabulary's
    data knows, named in one of `texts` (the question normalised, as read and as typed: a spelling correction
    towards a printed word must not hide the phrase), that this index's tables print no row for. A bare "offences"
    beside it must not make all crime the answer, so the tables refuse, saying why, and the documents may still
    state it."""
    phrases, found = vocab.active().compiled("understand.unprinted_crime_types", _unprinted_phrases)
    if not phrases:  # the tables print every row the data knows (the usual case): nothing to look for
        return None
    hit = next((hit for text in texts for hit in found.finditer(vocab.blank(text, [
        named for named in vocab.find_crime_types(text) if named.alias not in vocab.GENERIC_CRIME_WORDS]))), None)
    if hit is None:
        return None
    return Reason("not recorded", f"the tables here print no row for {hit.group()}, so they hold no figures for it")


def _unprinted_phrases(words) -> tuple[dict[str, str], object]:
    """The phrases (and their matcher) of the crime types the data names that no table of this index prints,
    less any phrase a printed row or a bare crime word also answers to. A data label that is a printed row's twin
    but for a count noun ("Anti-Social Behaviour (incidents)" beside "Anti-social behaviour incidents", which the
    data has no entry for) names that row, not a missing one."""
    printed_keys = {row_key(label) for label in words.crime_types if label not in words.data.crime_types}
    unprinted = {label: (label, *entry.aliases) for label, entry in words.data.crime_types.items()
                 if label not in words.crime_types and label != words.data.all_crime
                 and row_key(label) not in printed_keys}
    taken = set(words.crime_phrases) | set(words.generic_crime_words)
    phrases = {phrase: label for phrase, label in phrase_table(unprinted, plurals=True).items() if phrase not in taken}
    return phrases, matcher(phrases)


def crime_word(word: str) -> bool:
    """A word of any crime type's name or alias the data knows, printed here or not ("thefts", "arson"): counted,
    it is a count of offences of some kind, which `unprinted_kind` or the crime types judge."""
    return word in vocab.active().compiled("understand.crime_words", _crime_words)


def _crime_words(words) -> frozenset[str]:
    return frozenset(word for phrase in phrase_table(
        {label: (label, *entry.aliases) for label, entry in words.data.crime_types.items()}, plurals=True)
        for word in phrase.split())
