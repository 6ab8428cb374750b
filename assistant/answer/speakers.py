"""Who said something, when a question asks what someone said ("What did the Home Secretary say about ...?"): the
speaker the question names, and whether a line's words are theirs (quoted after "Mr Harrington said:", reported
in minutes whose passage names them, or the words of the document they publish)."""

from __future__ import annotations

import re

from assistant.answer import asking
from assistant.answer.facts import IndexFacts, same_document
from assistant.answer.wants import ROLE
from assistant.store.load import LoadedIndex
from assistant.text.terms import content_terms

NAME_REACH = 4  # lines before a sentence that may name who or what it speaks of
SAYS_ASKED = re.compile(r"\bwhat (?:did|does|has|have|had) (.+?) (?:say|said|tell|told|announce|comment|add|state|write|"
                        r"pledge|promise)\w*\b", re.I)
SPEECH = re.compile(r"\b(said|says|told|tells|added|adds|stated|states|commented|explained|announced|wrote|writes|"
                    r"pledged|promised)\b", re.I)
REPORTED = re.compile(SPEECH.pattern[:-3] + r"|reported|advised|informed|noted|highlighted|mentioned|explained|"
                      r"confirmed|updated|observed)\b", re.I)
DOCUMENT_WORDS = {"briefing", "report", "paper", "update", "presentation", "slide", "slides", "plan", "strategy",
                  "summary", "minutes", "agenda", "article", "release", "statement", "letter", "document", "guidance",
                  "review", "survey", "data", "figures", "table", "section", "page", "website", "manifesto", "pack",
                  "piece", "story", "news", "bulletin", "newsletter", "piece"}
# "What did he say ...?" after an answer naming him: the conversation names the speaker, whose words the topic carries.
PRONOUN = re.compile(r"he|she|they|him|her|them|it", re.I)
QUOTE_MARKS = ("“", '"', "‘", "'")
QUOTE_REACH = 12  # lines back to the one that opens a quotation


def asked(question: str, index: LoadedIndex) -> str:
    """The speaker a "what did X say?" question names; empty when it names none. A document or a part of one is no
    speaker ("what did the May 2012 minutes say?", "the Essex Police release", "the Prevent briefing"): its words
    pick the source."""
    kinds = {w for d in index.documents.values() for w in re.findall(r"[a-z]+", f"{d.kind} {d.publisher}".casefold())}
    match = SAYS_ASKED.search(question)
    if match is None or PRONOUN.fullmatch(match.group(1).strip()):
        return ""
    # "According to the Courier, what did the Police and Crime Commissioner say?": a source is named elsewhere, so
    # the post is whoever that source quotes, not a second source to read
    elsewhere = asking.named_sources(question[:match.start(1)] + " " + question[match.end(1):], index)
    if elsewhere and ROLE.search(match.group(1)) and asking.named_sources(match.group(1), index) != elsewhere and \
            match.group(1).split()[-1].casefold() not in DOCUMENT_WORDS:
        return match.group(1)
    if asking.read_terms(match.group(1), index).source_terms or \
            asking.named_sources(match.group(1), index) or match.group(1).split()[-1].casefold() in kinds | DOCUMENT_WORDS:
        return ""
    return match.group(1)


def spoken_by(facts: IndexFacts, i: int, speaker: str, run_terms: frozenset[str]) -> bool:
    """Are sentence i's words the speaker's? The line that says who speaks is the sentence itself ("..., said
    Mr Hirst") or, inside a quotation, the line that opens it ("Mr Harrington said:"); it names the speaker as
    asked ("the Chief Constable added:") or by a surname the document puts next to those words ("Chief
    Constable Ben-Julian Harrington"). `run_terms` are the words of the few lines before sentence i."""
    index = facts.index
    sentence = index.sentences[i]
    text = facts.text(sentence)
    line = text if SPEECH.search(text) and not text.lstrip().startswith(QUOTE_MARKS) else ""
    for j in range(i - 1, max(i - QUOTE_REACH, -1), -1):
        if line or not same_document(index, j, sentence):
            break
        if (lead := facts.text(index.sentences[j]).rstrip()).endswith(":") and SPEECH.search(lead):
            line = lead
    words = re.sub(r"^(the|a|an)\s+", "", speaker.strip(), flags=re.I)
    document = index.documents[sentence.document]
    if content_terms(words) <= content_terms(document.publisher):
        return True  # "what did the police say?": a police release speaks for the police, quotes and all
    if not line:  # no one is quoted: the document speaks for its author ("As your Commissioner, I ..."), or
        # minutes report a speaker their passage names ("Paul Ballard, Chief Inspector, gave an update ... It
        # was reported that ...")
        run = facts.passage_terms(sentence.chunk) | run_terms | facts.label_terms(i)
        reported = " ".join(facts.text(index.sentences[j]) for j in range(max(i - NAME_REACH, 0), i + 1)
                            if same_document(index, j, sentence))
        return content_terms(words) <= run and bool(REPORTED.search(reported))
    if content_terms(words) <= content_terms(line):
        return True
    names = re.findall(r"\b([A-Z][\w'’-]+)(?=\W+(?:said|says|added|adds|told|stated|commented|explained)\b)", line) + \
        re.findall(r"\b(?:said|added|stated)\s+(?:[A-Z][\w'’-]+\s+)*([A-Z][\w'’-]+)", line)
    return any(re.search(rf"{re.escape(words)}\W+(?:[\w'’.-]+\s+){{0,3}}{re.escape(name)}\b", document.text,
                         re.I) for name in names)


# "What does the Prevent briefing say about the manosphere?": the source the question reads, and after "about" what
# it asks about (without "about", as in "what does the briefing say is the main threat?", the kind word may be all
# that tells the briefing's lines from others, and stays).
SOURCE_FRAME = re.compile(r"\bwhat (?:does|did|do|has|have) (?:the |this |that )?((?:[\w'’-]+ ){0,5}?[\w'’-]+) "
                          r"(?:say|said|show|report|state|mention|tell|claim|suggest)\w*\s+(?:about|on|regarding)\b", re.I)


def source_kind_terms(question: str) -> set[str]:
    """The terms of the words that say what kind of document the question reads ("briefing" in "what does the
    Prevent briefing say about ..."): the document may call that part of itself something else, so they are no
    topic a line must hold. The other words ("Prevent") still say which part it is."""
    frame = SOURCE_FRAME.search(question)
    if frame is None:
        return set()
    kinds = [w for w in frame.group(1).split() if re.sub(r"s$", "", w.casefold()) in DOCUMENT_WORDS
             or w.casefold() in DOCUMENT_WORDS]
    return content_terms(" ".join(kinds))


def titled_sources(question: str, index: LoadedIndex) -> set[str]:
    """Documents the question names by their own title's words: "according to the Tattersby Standard", "what does
    the press release say ...?" (a title "Press release: ..."). The words naming the source, less those that only
    say what kind of document it is ("piece", "article"), must all be in one document's title or publisher; empty
    when the question names no source so."""
    phrases = [m.group(1) for m in ACCORDING.finditer(question)] + [m.group(1) for m in SAYS_ASKED.finditer(question)]
    chosen: set[str] = set()
    for phrase in phrases:
        words = content_terms(" ".join(w for w in phrase.split() if w.casefold() not in DOCUMENT_WORDS))
        whole = content_terms(phrase)
        if not words:
            continue
        chosen |= {d.id for d in index.documents.values()
                   if words <= (titled := content_terms(f"{d.title} {d.publisher}")) and len(whole & titled) >= 2}
    return chosen


ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?((?:[\w'’-]+\s*){1,5}?)(?=[?.!,]|$)", re.I)
