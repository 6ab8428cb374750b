"""The one object the CLI, the evaluator and the chat UI talk to: load once, answer many."""

from __future__ import annotations

import re
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant import config, hygiene, vocab
from assistant.answer import (asking, compose, crossing, naming, passages, pointing, routing, thread, thread_people,
                              turns)
from assistant.answer.facts import facts_for
from assistant.answer.guard import misread_units, uncited_numbers
from assistant.answer.invariants import broken_invariants
from assistant.answer.lists import with_context
from assistant.answer.retrieve import Retriever
from assistant.errors import IndexCorruptError, IndexMissingError
from assistant.records import Answer
from assistant.store.embedding import encode, load_in_background
from assistant.store.load import LoadedIndex, load_index
from assistant.store.manifest import stale_files
from assistant.understand import cues
from assistant.understand import question as understand
from assistant.understand.followup import AREA_ASSUMED
from assistant.understand.places import COUNCIL_AREA
from assistant.understand.query import OFFENCES, Query
from assistant.vocab import saved as saved_vocabulary

if TYPE_CHECKING:  # imported where used: a question in a new process needs neither the build, the claims' prose,
    import pandas as pd  # the frames (see `Assistant.tables`) nor the police.uk and statistics readers

    from assistant.answer.stats import StatsAnswers
    from assistant.answer.tables import TableIndex
    from assistant.answer.street import StreetAnswers
    from assistant.claims.prose import ProseIndex
    from assistant.store.build import BuildReport
    from assistant.understand.street import StreetAsk


def validate_question(text: object) -> str:
    """Clean what came in (NFC, no surrogates or control characters) and refuse what cannot be a question
    (empty, too long, no letters or digits), with a message that says what to do instead. The one door:
    the CLI, the chat and the evaluator all come through `ask`, `check` and `ask_turns`, which call this."""
    return hygiene.validate_question(text)


class Assistant:
    """Answers questions from one loaded index. Thread-safe for reading: nothing here changes after load but
    what `_once` makes, once, under a lock."""

    def __init__(self, index: LoadedIndex):
        self.index = index
        # The words people use, laid over what this index's tables print: in force around every call below. The
        # data files as the build read them (`vocab.saved`), or read afresh when they changed since.
        words = saved_vocabulary.load(index.directory) or vocab.load()
        self.vocabulary = vocab.for_catalogue(words, index.catalogue)
        self.retriever = Retriever(index)
        naming.read_saved(index)  # the names the documents print, as the build found them (store.names)
        # What only some questions need is made on first use (see `_once`): the look-ups over the frames and the
        # claims' prose. A passage answer in a new process then reads no frame (store.load.Frames).
        self._made: dict[str, object] = {}
        self._locks = {name: threading.Lock() for name in ("tables", "street", "stats", "prose")}

    def _once(self, name: str, make):
        """`make()`, run the first time `name` is needed and kept; threads asking at once wait for the one run.
        One lock per name, so a table question never waits for the claims' prose being read on another thread."""
        if name not in self._made:
            with self._locks[name]:
                if name not in self._made:
                    self._made[name] = make()
        return self._made[name]

    @property
    def tables(self) -> TableIndex:
        """The performance tables' look-ups, made from the frame on the first table question."""
        from assistant.answer.tables import TableIndex

        return self._once("tables", lambda: TableIndex(self.index.frame, self.index.catalogue))

    @property
    def street(self) -> StreetAnswers | None:
        """police.uk street rows, when the corpus held any: exact counts, tried before the tables (see `_street`)."""
        def make():
            if self.index.street is None:
                return None
            from assistant.answer.street import StreetAnswers
            from assistant.vocab import street_words

            return StreetAnswers(self.index.street, self.index.street_catalogue, street_words.load())
        return self._once("street", make)

    @property
    def stats(self) -> StatsAnswers | None:
        """Tidy statistics rows (rates per head, scores), when the corpus held any: tried first (see `_stats`)."""
        def make():
            if not self.index.stats:
                return None
            from assistant.answer.stats import StatsAnswers
            from assistant.vocab import stats_words, street_words

            return StatsAnswers(*self.index.stats, stats_words.load(), street_words.load())
        return self._once("stats", make)

    @property
    def prose(self) -> ProseIndex:
        """The documents' prose read for claim checking, built on the first claim check (about half a second on the
        repo's corpus), never by a passage or table answer nor by `warm`."""
        def make():
            from assistant.claims.prose import ProseIndex

            with vocab.using(self.vocabulary):
                return ProseIndex(self.index)
        return self._once("prose", make)

    @property
    def forces(self) -> tuple[str, ...]:
        """The forces whose summaries are indexed, by the area name their force-wide table answers to."""
        return self.index.catalogue.forces()

    @property
    def editions(self) -> tuple:
        """The performance summaries indexed, newest first (for the chat's sidebar)."""
        return tuple(table.edition for table in self.tables.editions)

    def warm(self) -> None:
        """Do now what a first question would otherwise wait for: the frames and their look-ups, the embedding
        model, every sentence's terms and context (at ten thousand passages the terms alone take seconds). Safe on
        a thread beside questions: the chat runs it on one, so its first frame and table answers do not wait for
        the model. The claims' prose index is left to the first claim check (`prose`): it holds about as much
        again per passage as everything a passage answer needs, for a check most visitors never ask for."""
        _ = self.tables, self.street, self.stats
        if self.index.chunks:
            encode(["warm up"])
        facts_for(self.index).prepare()

    def table_row(self, area: str, crime_type: str) -> pd.DataFrame:
        """Every printed value of one table row, for showing the row beside an answer."""
        return compose.table_row(self.index.frame, area, crime_type)

    @staticmethod
    def build(corpus_dir: Path | None = None, index_dir: Path | None = None, force: bool = False,
              progress=None) -> BuildReport:
        """Build (or bring up to date) the index from the corpus folder."""
        from assistant.store.build import build_index

        return build_index(corpus_dir or config.corpus_dir(), index_dir or config.index_dir(), force=force,
                           progress=progress)

    @staticmethod
    def add_upload(name: str, data: bytes, corpus_dir: Path | None = None,
                   meta: dict[str, str] | None = None) -> tuple[Path | None, str | None]:
        """Check an uploaded file and save it into the corpus folder, with the title, publisher and date the
        uploader gave (`meta`): (path, None), or (None, why not)."""
        from assistant.ingest import uploads  # its checks need modules a question never does

        return uploads.save_upload(name, data, corpus_dir or config.corpus_dir(), meta)

    @classmethod
    def load(cls, index_dir: Path | None = None, corpus_dir: Path | None = None,
             build_if_missing: bool = False, progress=None) -> "Assistant":
        """The engine over the live index (built first if it is missing or damaged and `build_if_missing`).

        Once the index is read, the embedding model starts loading on a background thread if there are passages
        to search: the tables and a table answer never wait for it, and a first passage question waits only for
        what is left of the load."""
        index_dir = index_dir or config.index_dir()
        try:
            index = load_index(index_dir)
        except (IndexMissingError, IndexCorruptError):
            if not build_if_missing:
                raise
            from assistant.store.build import build_index

            build_index(corpus_dir or config.corpus_dir(), index_dir, force=True, progress=progress)
            index = load_index(index_dir)
        if index.chunks:
            load_in_background()
        return cls(index)

    def stale_files(self, corpus_dir: Path | None = None) -> tuple[str, ...]:
        return stale_files(self.index.directory.parent, corpus_dir or config.corpus_dir())

    def ask(self, question: str, context: Query | None = None) -> Answer:
        """Answer one question; `context` is the previous turn's resolved query, for follow-ups."""
        started = time.perf_counter()
        text = validate_question(question)
        return _timed(self._ask_clean(text, context), started)

    def _ask_clean(self, text: str, context: Query | StreetAsk | None) -> Answer:
        chat = cues.small_talk(vocab.normalise(text))
        if chat:  # "hello", "thanks": what can be asked, and the conversation's context kept
            return self._released(compose.small_talk(text, chat, self.index, context=context), text)
        stats = self._stats(text)
        if stats is not None:
            return self._released(self._guarded(stats, text) if stats.answerable else stats, text)
        street = self._street(text, context)
        if street is not None:
            return self._released(self._guarded(street, text) if street.answerable else street, text)
        with vocab.using(self.vocabulary):
            query_context = context if isinstance(context, Query) else None
            query = self._sourced(text, thread.carry(understand.parse(text, query_context), query_context))
            return self._released(self._answer(text, query), text)

    def _sourced(self, text: str, query: Query) -> Query:
        """The query with what the question names as its source (`routing`): a document that holds no table is a
        cue for the passages however table-like the rest reads ("... according to the Mercury"); the performance
        summary itself ("according to the Haldshire Constabulary summary") is no cue for them."""
        side = routing.named_side(text, self.index)
        if side == routing.DOCUMENTS:
            return query.with_(passage_cues=(*query.passage_cues, routing.DOCUMENTS))
        if side == routing.TABLES:
            return query.with_(passage_cues=tuple(cue for cue in query.passage_cues if cue != cues.ACCORDING_TO))
        return query

    def _stats(self, text: str) -> Answer | None:
        """An answer from tidy statistics files, when the index holds some and the question is for them: it names
        a place or a measure only they hold, or asks for a rate per head or a score no performance table has."""
        if self.stats is None:
            return None
        ask = self.stats.read(text)
        return self.stats.answer(ask) if ask.routed(has_tables=bool(len(self.index.frame))) else None

    def _street(self, text: str, context: Query | StreetAsk | None) -> Answer | None:
        """A police.uk street-level answer, when the index holds street rows and the question is for them: it
        names a street area, a month the files hold or a download (or follows such a question), or, when no
        performance table is indexed, a street crime type, an outcome, or a count of crimes."""
        if self.street is None:
            return None
        ask = self.street.read(text, context if _street_ask(context) else None)
        if ask.unknown_place and len(self.index.frame):
            return None  # a place the street rows do not hold may be one the performance tables do
        if ask.signal or (ask.weak_signal and not len(self.index.frame)):
            return self.street.answer(ask)
        return None

    def check(self, claim: str) -> Answer:
        """Judge a claim against the tables and the documents' prose (see `claims`)."""
        from assistant.claims.check import check_claim

        started = time.perf_counter()
        text = validate_question(claim)
        street = self._street_claim(text)
        if street is not None and not street.answerable:  # a street refusal names months; it states no figure
            return _timed(self._released(street, text), started)
        with vocab.using(self.vocabulary):
            judged = street or check_claim(self, text)
            guarded = self._released(self._guarded(judged, text), text)
        if guarded is not judged:
            guarded = replace(guarded, claim=text, question="", verdict="not found")
        return _timed(guarded, started)

    def _street_claim(self, claim: str) -> Answer | None:
        """A verdict from the police.uk street rows, for a claim the street data would take as a question."""
        from assistant.claims.street import check_street_claim, read_claim

        if self.street is None:
            return None
        ask = read_claim(self.street, claim)
        if ask.unknown_place and len(self.index.frame):
            return None
        if ask.signal or (ask.weak_signal and not len(self.index.frame)):
            return check_street_claim(self.street, claim, ask)
        return None

    def ask_turns(self, turns: list[str]) -> Answer:
        """Answer the last turn of a conversation in the context of the earlier ones.

        Every turn is cleaned like a question before any is answered; a conversation of more than
        `hygiene.MAX_TURNS` turns is refused."""
        started = time.perf_counter()
        context = None
        result = None
        for turn in hygiene.validate_turns(turns):
            result = self._ask_clean(turn, context)
            context = result.context if isinstance(result.context, Query) or _street_ask(result.context) else context
        return _timed(result, started)

    def _answer(self, text: str, query: Query) -> Answer:
        """Tables for table questions, passages for the rest; a refusal from one lets the other try.

        A question that names a crime type and an area but also words the tables cannot explain
        ("... the death reviews SETDAB carries out") is tried on the passages first and answered from
        the tables only if no passage answers it. A follow-up leaning on a passage answer ("when was that?", "and
        across Essex?") is tried on that answer's thread first, unless it asks what the tables show ("what do the
        figures say for that?"): then it is a table question about what that answer was about. One the thread
        cannot answer goes to the tables when it has a table question's slots and names no document itself.
        """
        found = None
        earlier = thread.thread_of(text, query, self.index)
        if earlier is not None and crossing.asks_tables(text):
            query = crossing.for_tables(query, facts_for(self.index), earlier)
        elif earlier is not None and (query.is_followup or not query.has_table_signal):  # not a new table question
            found = self._from_passages(text, query)
            if found.answerable or not query.has_table_signal or thread.held_to_source(earlier, text, self.index):
                return found
            own = self._sourced(text, understand.parse(text))
            if query.is_followup and not own.passage_cues:
                if not _names_table_slots(own, thread.dated(earlier)):
                    # "and in Chelmsford?" after a passage answer: the crime type and period it keeps are the ones
                    # the passage was asked about, which a table row only stands in for; "and the year before
                    # that?" after one asked of March 2021 is the year to March 2020, not the tables' year before
                    return found
                # "how many the year before?" that the thread's document does not tell: the tables may, the
                # document words of the turn before notwithstanding
                query = query.with_(passage_cues=(), outside_topic=False)
        strong_cues = query.passage_cues  # words that point at a document; an outside topic alone is weaker
        if not query.has_table_signal or strong_cues or not len(self.index.frame):  # no tables: theirs is no refusal
            return found or self._from_passages(text, query)
        if query.outside_topic and found is None:
            found = self._from_passages(text, query)
            if found.answerable and not _kept_crime_unnamed(text, query, found) or not query.crime_types:
                return found  # no crime type named: an all-crime default would answer another question
        from assistant.answer.tables import answer_table, scope_sentence  # a passage answer needs neither

        result = answer_table(query, self.tables)
        if result is not None and result.answerable:
            answer = self._guarded(compose.from_table(text, result, self.index), text)
            # the thread was the passage answer's
            return replace(answer, context=thread.ended(_marked_assumed(answer.context, query)))
        found = found or self._from_passages(text, query)  # never search the passages twice
        if result is None or (found.answerable and not self._unnamed_parts(query, found) and
                              not _kept_crime_unnamed(text, query, found)):
            return found
        if result.rows:  # a nearby figure offered as context (a town's district), cited and said to be no answer
            return self._guarded(compose.from_table(text, result, self.index), text)
        refused = compose.not_found(text, result.text, self.index, context=query,
                                    scope=scope_sentence(self.tables))
        return replace(refused, withheld=result.withheld) if result.withheld else refused

    def _unnamed_parts(self, query: Query, answer: Answer) -> tuple[str, ...]:
        """The parts of the tables' area the question names (a district, a neighbourhood: not the force or the area
        the tables cover as a whole) that no passage the answer quotes names, by the area's name or a word people use
        for it, in the quote or the headings it sits under ("Item 6: Operation Lantern - Harnbury"). After the tables
        refuse a figure for a named part, a passage about the whole area ("the district's solved rate rose to 28.4%")
        would answer with another place's figure: it answers only when it names that part. The sentences around the
        quote are no sign: the next one may name the part for figures of its own. A refusal for something else (a
        place the tables lack, "England and Wales"; a rate per head, which they never print) says nothing of the
        part's own row, and leaves the passages free."""
        if query.unknown_places or query.out_of_scope:  # the refusal was for another place, or for what is asked
            return ()
        wholes = {*self.forces, query.extra.get(COUNCIL_AREA)}
        parts = [area for area in query.areas if area not in wholes]
        if not parts:
            return ()
        quoted = " ".join(vocab.normalise(f"{c.locator} {c.quote}") for c in answer.citations)
        phrases = self.vocabulary.area_phrases
        return tuple(area for area in parts if not any(
            name == area and re.search(rf"\b{re.escape(phrase)}\b", quoted) for phrase, name in phrases.items()))

    def _from_passages(self, text: str, query: Query) -> Answer:
        query = _for_documents(query)
        # a follow-up to a passage answer is searched with its question
        earlier = thread.thread_of(text, query, self.index)
        reasked = ""
        if earlier is not None and not earlier.document:  # the question before found nothing, in no one document
            if thread.unfounded(earlier, text):
                return compose.not_found(text, "the question before it was not answered, so there is nothing for it "
                                               "to point back to", self.index, context=query)
            # "and by April 2026?": the question before, asked of the new date (or place, crime type), on its own
            reasked = earlier.reasked(text)
            query = _for_documents(understand.parse(reasked)) if reasked else query
            earlier = None
        asked = reasked or (crossing.of_table_answer(text, query) if earlier is None else text)  # "... about it?"
        facts = facts_for(self.index)
        # "How many was that?", "who else was there?", "and the February one?": a turn about what was just quoted,
        # the people beside it or another meeting's same line is answered from those lines; otherwise it is
        # searched for, the last answer's document (or the other meeting's) first.
        earlier, found = thread.followed(facts, earlier, text) if earlier is not None else (None, ())
        if not found and earlier is not None and (absent := earlier.unmentioned(text, self.index)):
            # "what's her salary?": nothing says it, and a line about her (her award) is no answer to it
            return compose.not_found(text, f"the documents never mention {asking.listed(absent)}", self.index,
                                     context=query)
        if not found and earlier is not None and thread_people.asks_party(earlier, text):
            # "which party is she?" that no line naming her answers: another member's party is no answer
            return compose.not_found(text, f"no document gives the party of {earlier.names[0]}", self.index,
                                     context=query)
        if found:  # a line that starts mid-thought ("including 120 stop and searches") comes with the one before
            selection = passages.Selection(tuple(dict.fromkeys(
                s for i in found for s in with_context(self.index, self.index.sentences[i]))), 1.0)
        else:
            search = earlier.search_text(text) if earlier is not None else asked
            vector = encode([search])[0]
            hits = self.retriever.search(search, vector)
            asked = earlier.restated(text) if earlier is not None else asked  # "... in the same room?"
            selection = passages.select(asked, query, hits, vector, self.index, earlier)
        if not selection.sentences:  # the thread goes on in the document the question named, if it named one
            return compose.not_found(text, selection.reason, self.index,
                                     context=thread.unanswered(query, reasked or text, self.index))
        quoted = tuple(self.index.sentence_position[(s.document, s.start)] for s in selection.sentences)
        if earlier is not None and not found and (unheld := thread.unheld(facts, earlier, text, quoted)):
            # "and for the metropolitan police area?" answered by the region's line: no answer for that area
            return compose.not_found(text, unheld, self.index, context=query)
        if earlier is not None and thread.asks_who(text):  # "who confirmed that?" and "AS also confirmed ..."
            named = thread.introducing(facts, selection.sentences[0].document, quoted)
            alike = pointing.alike_items(facts, quoted, text)  # "who attended from the Home Office?": each of them
            quoted = tuple(sorted({*quoted, *named, *alike}))
            selection = replace(selection, sentences=tuple(self.index.sentences[i] for i in quoted))
        said = " ".join(facts.text(s) for s in selection.sentences)
        context = thread.threaded(query, reasked or text, selection.sentences[0].document, quoted, earlier, said)
        return self._guarded(compose.from_passages(text, selection, self.index, context=context), text)

    def _guarded(self, answer: Answer, question: str) -> Answer:
        """Last line of defence: an answer stating a number it does not cite is withdrawn, not shown."""
        stray = uncited_numbers(answer, allowed_text=question)
        misread = misread_units(answer, allowed_text=question)
        if misread:
            return replace(compose.not_found(question, "an answer was drafted but it stated figures in another unit "
                                                       "than its sources print them, so it was withheld", self.index,
                                             context=answer.context),
                           withheld=tuple(f"stated {figure}, which its sources print in another unit"
                                          for figure in misread))
        if stray:  # the numbers go to evaluators, never into the refusal: a refusal states no uncited number
            return replace(compose.not_found(question, "an answer was drafted but it stated figures its sources do "
                                                       "not show, so it was withheld", self.index,
                                             context=answer.context),
                           withheld=tuple(f"stated {n:g}, which none of its citations print" for n in stray))
        return answer

    def _released(self, answer: Answer, question: str) -> Answer:
        """Where answers leave the engine: one breaking an invariant (a "[n]" with no citation n, an
        answerable answer citing nothing, text that cannot be written as UTF-8 JSON) is withheld."""
        broken = broken_invariants(answer)
        if not broken:
            return answer
        withheld = replace(compose.not_found(question, "an answer was drafted but " + " and ".join(broken) +
                                             ", so it was withheld", self.index, context=answer.context),
                           withheld=tuple(broken))
        if broken_invariants(withheld):  # never show a refusal that breaks them either
            withheld = Answer(text="Not found. An answer was drafted but it could not be checked, so it was "
                                   "withheld.", answerable=False, question=question, context=answer.context)
        return withheld


def _for_documents(query: Query) -> Query:
    """"Across the borough", read for the tables as the area they print as a borough, is "the borough" in the
    documents: their passages are not asked for the table's name of it."""
    area = query.extra.get(COUNCIL_AREA)
    return query.with_(areas=tuple(a for a in query.areas if a != area)) if area else query


def _marked_assumed(context: object, query: Query) -> object:
    """A table answer's context, marked when the area it answered for was assumed (`followup.AREA_ASSUMED`): the
    question named none, so "and in q3?" names none either, and the summary that prints q3 assumes its own."""
    if not isinstance(context, Query):
        return context
    extra = {k: v for k, v in context.extra.items() if k != AREA_ASSUMED}
    assumed = bool(context.areas) and not (query.areas or query.unknown_places)
    return context.with_(extra={**extra, AREA_ASSUMED: True} if assumed else extra)


def _kept_crime_unnamed(text: str, query: Query, answer: Answer) -> bool:
    """Does a follow-up keep the crime type of a table answer before it ("how many were charged or summonsed?" after
    total recorded crime), naming none of its own, while the passages that answer it name none of the kept ones?
    Their figures (another crime type's row of the same table) would answer another question; the tables are asked.
    A heading may name the quote's crime type ("Table 2a: Shoplifting by area"), but a caption's "recorded crime"
    ("Table 1: Recorded crime by offence group") describes the whole table, not the row quoted under it."""
    if not query.is_followup or not query.crime_types or turns.crimes_in(text):
        return False
    quoted = {hit.name for c in answer.citations for hit in vocab.find_crime_types(vocab.normalise(c.quote))}
    headed = {hit.name for c in answer.citations for hit in vocab.find_crime_types(vocab.normalise(c.locator))
              if hit.name != vocab.ALL_CRIME}
    return not (quoted | headed) & set(query.crime_types)


def _names_table_slots(own: Query, dated: bool = False) -> bool:
    """Does a turn, read on its own, name a crime type, a period or a measure besides a count? A follow-up that names
    only a place ("and in Chelmsford?") keeps every other slot from the turn before. When the turn before was dated
    (`dated`), a period told from it ("the year before that", "the previous year") is told from its date, which the
    tables' reading of the words (the year before their latest) is not."""
    relative = set(own.extra.get("period_kinds", ())) <= {"previous", "latest"}
    periods = own.periods and not (dated and relative)
    return bool(own.crime_types or periods or own.measure not in (None, OFFENCES) or own.rank or own.change)


def _street_ask(context: object) -> bool:
    """Is `context` a street question's slots (`understand.street.StreetAsk`)? Asked without importing the street
    reader and the police.uk modules it imports, which a question on tables or documents never needs (a tenth of
    the engine's imports): until that module is imported, no context can be one."""
    street = sys.modules.get("assistant.understand.street")
    return street is not None and isinstance(context, street.StreetAsk)


def _timed(answer: Answer, started: float) -> Answer:
    return replace(answer, latency_ms=(time.perf_counter() - started) * 1000)
