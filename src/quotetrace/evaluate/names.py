"""Speaker comparison for evaluation: is a predicted speaker the same person as the gold speaker?

Names are compared after normalising case, accents, punctuation, possessives, leading articles and
honorifics/titles. A shorter name equals a longer one when all its words appear in the longer one and
the last words (surnames) agree, so "Ruiz" = "Ana Ruiz" but "Juan Ruiz" ≠ "Ana Ruiz". An initial
("A. Ruiz") stands for any word starting with that letter; generational suffixes (Jr., III) and a
company's legal form (Inc., plc, SA) or a firm's tail (Partners, Capital) are dropped; a single word that is not a common given name also equals the first word of a two-word name
whose surname comes first ("Liu" = "Liu Xiaming", but "Ana" ≠ "Ana Ruiz"); an acronym equals the name it spells ("EU").
"""

from __future__ import annotations

import logging
import re
import unicodedata

from quotetrace.nlp.gender import is_given_name

LOGGER = logging.getLogger(__name__)

# Words that describe a role rather than name the person; dropped before comparing.
HONORIFICS = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister
president vice prime premier minister secretary general sec gen lt col maj capt sgt adm cmdr
chancellor governor gov senator sen rep representative mayor judge justice chief deputy councillor cllr cr
comrade alhaji alhaja haji hajiya barrister engr hon shri smt mzee nana
ambassador spokesman spokeswoman spokesperson director chair chairman chairwoman ceo
king queen prince princess sheikh rabbi imam pope cardinal bishop archbishop
""".split())

_ARTICLES = frozenset({"the", "a", "an"})
# generational suffixes, a company's legal form and the word its short name leaves off ("Crestline Energy
# Inc." is Crestline Energy, "Alden Capital" is Alden)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"}) | frozenset(
    "inc corp co ltd llc llp plc sa ag nv gmbh spa bv pty partners capital ventures holdings".split())
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def name_tokens(name: str | None) -> tuple[str, ...]:
    """Normalised words of a name: lower case, no accents, no punctuation, no possessive, no titles."""
    if not name:
        return ()
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"['’]s\b", "", folded)
    words = [w for w in _WORD.findall(folded) if w not in _ARTICLES]
    kept = tuple(w for w in words if w not in HONORIFICS)
    while len(kept) > 1 and kept[-1] in _SUFFIXES:
        kept = kept[:-1]
    return kept or tuple(words)  # a bare title ("the minister") still compares as itself


_LINKS = frozenset({"of", "for", "and", "on", "de", "del", "la", "von", "van"})


def _content_words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for w in words if w not in _LINKS)


def _word_matches(short: str, long: str) -> bool:
    return short == long or (len(short) == 1 and long.startswith(short))


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """True when ``predicted`` names the gold speaker (``None`` equals only ``None``)."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    a, b = name_tokens(predicted), name_tokens(gold)
    if not a or not b:
        return a == b
    if a == b or _content_words(a) == _content_words(b):  # "Ministry of Finance" = "Finance Ministry"
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1 and len(long) >= 2 and short[0] == "".join(w[0] for w in long if w not in _LINKS):
        return True  # "EU" = "European Union"
    if len(short) == 1 and len(long) == 2 and len(short[0]) > 1 and short[0] == long[0] \
            and not is_given_name(short[0]):
        return True  # "Liu" = "Liu Xiaming": a surname written first
    if not _word_matches(short[-1], long[-1]):
        return False
    rest = list(long[:-1])
    for word in short[:-1]:
        hit = next((k for k, w in enumerate(rest) if _word_matches(word, w)), None)
        if hit is None:
            return False  # a first name or initial that contradicts
        del rest[: hit + 1]  # keep word order
    return True
