"""The one text normaliser every matcher compares on: lower case, plain words, numbers whole.

Vocabulary look-ups, question reading and claim reading all match phrases against `normalise(text)`, so
"Anti-social", "anti social" and "ANTI-SOCIAL" are the same two words everywhere.
"""

from __future__ import annotations

import re
import unicodedata

# "Per cent" and the headline "pc" ("up 20pc", "what pc change"); a bare "PC" is a police constable.
_PC_AFTER_NUMBER = re.compile(r"\b(\d+) ?pc\b")
_PER_CENT = re.compile(r"\bper cent\b|\bpc\b(?= (?:change|rise|fall|increase|decrease|drop|swing|jump|points?|"
                       r"terms|difference)\b)|(?<=\bwhat )pc\b|(?<=\bmany )pc\b")


def normalise(text: str) -> str:
    """Lower case, '&' as 'and', '%' and 'per cent' as 'percent', digits kept whole ('1,465' -> '1465'), other
    punctuation as spaces, so every matcher compares plain words."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"['’‘`]s\b", "", text)  # possessive: "Chelmsford's" -> "chelmsford"
    text = text.replace("&", " and ").replace("%", " percent ").replace("£", " pounds ")
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())
    return _PER_CENT.sub("percent", _PC_AFTER_NUMBER.sub(r"\1 percent", text))


def comparable(text: str) -> str:
    """Text folded only as far as a reader would not notice: case, the minus sign, non-breaking spaces.

    For checking that an answer contains an expected string as printed, where `normalise` would go too far
    ("1,465" must not match "1465").
    """
    return text.replace("\u2212", "-").replace("\u00a0", " ").casefold()


def label_words(label: str) -> tuple[str, ...]:
    """A printed label's words without plural endings or punctuation, so two summaries' labels for one row
    compare equal: "Theft of Pedal Cycles" and "theft of pedal cycle" both give ("theft", "of", "pedal", "cycle")."""
    return tuple(re.sub(r"(?<=[a-z]{3})s$", "", word) for word in normalise(label).split())
