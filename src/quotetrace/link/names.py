"""Name normalisation: accent stripping, honorific removal and transliteration keys.

Zelensky / Zelenskyy / Zelenskiy / Zelenskij and Mikhailenko / Mykhailenko all map to one key,
so spelling variants of a speaker's name meet in the same block before any fuzzy comparison.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

# Words in front of a name that are not part of it ("President Vladimir Putin" -> "Vladimir Putin").
HONORIFICS = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president prime minister secretary general
    secretary-general chancellor senator sen rep representative gov governor gen general
    col colonel maj major capt captain lt sgt adm admiral minister foreign defence defense
    chief judge justice mayor king queen prince princess pope rev father sheikh
    ambassador commissioner spokesman spokeswoman spokesperson the former deputy vice""".split()
)
# Name particles kept in the surname ("de Gaulle", "van der Leyen").
PARTICLES = frozenset("de da di del della der den van von le la al el bin ibn ter".split())
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


def strip_accents(text: str) -> str:
    """Remove combining marks: "Zelenskýj" -> "Zelenskyj"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 18)
def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a personal name without honorifics, possessives or suffixes."""
    words = _TOKEN.findall(strip_accents(name))
    words = [re.sub(r"['’]s$", "", w) for w in words]
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in SUFFIXES:
        words = words[:-1]
    return tuple(words)


@lru_cache(maxsize=1 << 18)
def translit_key(word: str) -> str:
    """A phonetic/transliteration key for one name word (lower case, ASCII)."""
    key = strip_accents(word).lower()
    key = re.sub(r"[^a-z]", "", key)
    # Romanisations of Cyrillic differ mostly in these letters; fold them together.
    key = key.replace("kh", "h").replace("zh", "z").replace("ck", "k")
    key = key.replace("j", "y").replace("w", "v").replace("y", "i")
    key = re.sub(r"(.)\1+", r"\1", key)  # double letters: Zelenskii -> Zelenski
    return key


@lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """A key for a whole name: transliteration keys of its words joined by spaces."""
    return " ".join(k for k in (translit_key(w) for w in name_tokens(name)) if k)


def org_key(name: str) -> str:
    """A key for an organisation or body: lower case, no accents, no leading article."""
    words = [w.lower() for w in _TOKEN.findall(strip_accents(name))]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class PersonName:
    """A personal name split into given names and surname, with keys for matching."""

    given: tuple[str, ...]
    surname: str

    @property
    def surname_key(self) -> str:
        return translit_key(self.surname)

    @property
    def given_key(self) -> str:
        return translit_key(self.given[0]) if self.given else ""

    @property
    def is_full(self) -> bool:
        return bool(self.given)


@lru_cache(maxsize=1 << 18)
def parse_person(name: str) -> PersonName | None:
    """Split a personal name; None when nothing name-like is left."""
    words = name_tokens(name)
    if not words:
        return None
    # Particles belong to the surname: "Ursula von der Leyen" -> surname "von der Leyen".
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower() in PARTICLES:
        cut -= 1
    if cut == 0:
        return PersonName((), " ".join(words))
    return PersonName(tuple(words[:cut]), " ".join(words[cut:]))


def _given_form(key: str) -> str:
    # Russian and Ukrainian forms of one given name: Vladimir / Volodymyr, Vladyslav / Volodyslav.
    return "volod" + key[4:] if key.startswith("vlad") else key


def given_compatible(a: str, b: str) -> bool:
    """Same first name, allowing initials ("J." ~ "Jens") and spelling variants."""
    ka, kb = _given_form(translit_key(a)), _given_form(translit_key(b))
    if not ka or not kb:
        return True
    if ka == kb:
        return True
    if len(ka) == 1 or len(kb) == 1:
        return ka[0] == kb[0]
    return ka[0] == kb[0] and fuzz.ratio(ka, kb) >= 85


def surname_similar(a: str, b: str, threshold: float = 88.0) -> bool:
    """Surname keys equal or close (rapidfuzz ratio) with the same first letter."""
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb:
        return True
    if not ka or not kb or ka[0] != kb[0] or min(len(ka), len(kb)) < 5:
        return False
    return fuzz.ratio(ka, kb) >= threshold
