"""The gender a person's name, honorific or title gives away, so that "she said" never resolves to a
man (and "he said" to a woman). Unknown stays None: agreement is only enforced where the text is clear."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "dame": "f",
               "lord": "m", "madam": "f", "madame": "f", "mme": "f", "herr": "m", "frau": "f"}
# title words that carry gender ("spokeswoman", "Queen", "the actress", "his wife")
_TITLE_WORDS = {
    **dict.fromkeys("spokeswoman chairwoman congresswoman councilwoman businesswoman sportswoman anchorwoman "
                    "policewoman actress waitress queen princess duchess baroness countess empress mother "
                    "wife daughter sister grandmother aunt niece widow woman girl girlfriend mum mom "
                    "stepmother granddaughter lady".split(), "f"),
    **dict.fromkeys("spokesman chairman congressman councilman businessman sportsman anchorman policeman "
                    "king prince duke baron emperor father husband son brother grandfather uncle nephew "
                    "widower man boy boyfriend dad stepfather grandson gentleman actor".split(), "m"),
}
_WORD = re.compile(r"[^\W\d_]+")  # letters, accented ones too ("Siân", "Renée")


def _key(word: str) -> str:
    """A given name as the lists hold it: lower case, accents dropped ("Renée" → "renee")."""
    return unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode("ascii")


@cache
def _first_names() -> dict[str, str]:
    """Given name (lower case) → "m" / "f", from ``data/first_names.txt``."""
    out: dict[str, str] = {}
    both: set[str] = set()
    data = resources.files("quotetrace.nlp").joinpath("data")
    for line in data.joinpath("first_names_us.txt").read_text("utf-8").splitlines():
        if line[:2] in ("m:", "f:"):  # the long list from US birth records, overridden by ours below
            out.update(dict.fromkeys((_key(n) for n in line[2:].split()), line[0]))
    for line in data.joinpath("first_names.txt").read_text("utf-8").splitlines():
        if line[:2] in ("m:", "f:"):
            out.update(dict.fromkeys((_key(n) for n in line[2:].split()), line[0]))
        elif line.startswith("both:"):
            both.update(_key(n) for n in line[5:].split())
    for name in both:  # used for men and women across the world's news: no guess
        out.pop(name, None)
    _UNISEX.update(both)
    return out


_UNISEX: set[str] = set()  # given names of no one gender ("Sam", "Alex"), filled with the list above


def noun_gender(word: str) -> str | None:
    """"f" / "m" for a noun that can only name a woman or a man ("the woman", "the widower"), else None."""
    return _TITLE_WORDS.get(word.lower())


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a common given name ("Ana", "Oliver", "Sam"), not a surname written first ("Liu")."""
    return _key(word) in _first_names() or _key(word) in _UNISEX


def gender_of(name: str, titles: Iterable[str] = ()) -> str | None:
    """"m", "f" or None for a person called ``name`` with ``titles``; None when the signs disagree."""
    signs = set()
    words = _WORD.findall(name)
    if words and words[0].lower() in _HONORIFICS:
        signs.add(_HONORIFICS[words[0].lower()])
    elif len(words) >= 2 and _key(words[0]) in _first_names():
        signs.add(_first_names()[_key(words[0])])
    for title in titles:  # the head noun only: "the man's lawyer" says nothing of the lawyer
        title_words = [w.lower() for w in _WORD.findall(title or "")]
        if title_words and title_words[-1] in _TITLE_WORDS:
            signs.add(_TITLE_WORDS[title_words[-1]])
        elif title_words and title_words[0] in _HONORIFICS:
            signs.add(_HONORIFICS[title_words[0]])
    return signs.pop() if len(signs) == 1 else None


_TOKEN = re.compile(r"\w+")


class MentionIndex:
    """Where each word of a text starts, built in one pass: a name's mentions are then found without scanning
    the whole text once per name (which made gender evidence quadratic on texts naming thousands of people)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: dict[str, list[int]] = {}
        for match in _TOKEN.finditer(text):
            self._at.setdefault(match.group(), []).append(match.start())

    def spans(self, name: str) -> list[tuple[int, int]]:
        """(start, end) of every mention of ``name`` as whole words: what ``re.finditer(r"\\bNAME\\b")`` finds."""
        first = _TOKEN.match(name)
        if first is None:
            return [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(name) + r"\b", self.text)]
        text, out = self.text, []
        for start in self._at.get(first.group(), ()):
            end = start + len(name)
            if text.startswith(name, start) and (end == len(text) or _TOKEN.match(text[end - 1]) is None
                                                 or _TOKEN.match(text[end]) is None):
                out.append((start, end))
        return out


def _spans(text: str, name: str, index: MentionIndex | None) -> list[tuple[int, int]]:
    if index is not None:
        return index.spans(name)
    return [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]


_NOUN_BEFORE = re.compile(r"\b([A-Za-z]+),\s+$")
_NOUN_AFTER = re.compile(r",\s+(?:his|her|their|the|a|an)\s+(?:[\w-]+\s+){0,2}?([A-Za-z]+)\b")
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\.?\s+(?:[A-Z][\w'’-]*\s+)?$")


def appositive_gender(text: str, name: str, index: MentionIndex | None = None) -> str | None:
    """The gender of a gendered noun set beside the full name: "His mother, Randi Eide," / "Randi Eide,
    his mother,"; None when there is none or they disagree."""
    found = set()
    for start, end in _spans(text, name, index):
        for m in (_NOUN_BEFORE.search(text, max(0, start - 60), start), _NOUN_AFTER.match(text, end)):
            if m is not None and m.group(1).lower() in _TITLE_WORDS:
                found.add(_TITLE_WORDS[m.group(1).lower()])
    return found.pop() if len(found) == 1 else None


def honorific_gender(text: str, surname: str, index: MentionIndex | None = None) -> str | None:
    """The gender of "Mr. Surname" / "Ms Surname" when the text uses only one of them."""
    found = {_HONORIFICS[m.group(1).lower()] for start, _ in _spans(text, surname, index)
             if (m := _HONORIFIC_BEFORE.search(text, max(0, start - 60), start)) is not None}
    return found.pop() if len(found) == 1 else None


_PRONOUN_GENDER = {"he": "m", "himself": "m", "she": "f", "herself": "f"}
# pronouns that co-refer with the name before them: a reflexive in its clause ("Harper blamed himself"),
# or the subject right after a verb of saying or thinking ("Brun said she", "Harper believes that he")
_REFLEXIVE = re.compile(r"[^.!?;:\n\"“”‘’«»]{0,100}?\b(himself|herself)\b", re.IGNORECASE)
_SAID_PRONOUN = re.compile(r"(?:[’']s?)?\s+(?:\w+\s+){0,2}?(?:said|says|added|adds|told\s+\w+|insisted|insists|argued|"
                           r"argues|stated|explained|noted|believes|believed|thinks|thought|knew|felt|feels|hoped|"
                           r"hopes|claimed|claims|admitted|admits|recalled|recalls|wrote|writes)\s+(?:that\s+)?(he|she)\b",
                           re.IGNORECASE)


_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_OWN_PRONOUN = re.compile(r"(?:(?!\b(?:said|says|told|tells|whose|who|while|whom)\b)[^.!?;:\n\"“”‘’«»]){0,100}?"
                          r"\b(his|her)\b")


_NOT_GIVEN = frozenset("the a an and but or when then as at in on of for with by dr prof president senator governor "
                       "minister judge coach captain general mayor".split())


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` opens a sentence or a paragraph (maybe after its first name)."""
    before = text[max(0, pos - 40): pos]
    before = re.sub(r"(?:[A-Z][\w'’-]*\s+){0,2}$", "", before)
    return not before.strip() or bool(re.search(r"(?:[.!?][\"”’]?\s+|\n\s*)$", before))


def pronoun_gender(text: str, surname: str, index: MentionIndex | None = None) -> str | None:
    """The gender of the pronouns that co-refer with ``surname`` ("Brun said she", "Harper blamed
    himself"); None unless one gender clearly dominates."""
    votes = {"m": 0, "f": 0}
    owned_votes = {"m": 0, "f": 0}  # the weakest evidence, enough alone only when nothing else speaks
    mentions = _spans(text, surname, index)
    given = {w.group(1) for start, _ in mentions if (w := _WORD_BEFORE.search(text, max(0, start - 40), start))
             and w.group(1).lower() not in _HONORIFICS and w.group(1).lower() not in _NOT_GIVEN}
    family = len(given) > 1  # "Olav Brekkestad" and "Silje Brekkestad": whose "his"?
    for start, end in mentions:
        reflexive = _REFLEXIVE.match(text, end)
        said = _SAID_PRONOUN.match(text, end)
        if reflexive is not None:  # binds inside its clause: two votes
            votes[_PRONOUN_GENDER[reflexive.group(1).lower()]] += 2
        elif said is not None:  # "Kemp said she was exaggerating" may mean someone else: one vote
            votes[_PRONOUN_GENDER[said.group(1).lower()]] += 1
        elif not family and _opens_sentence(text, start):
            # "Swift got support after accusing them of stopping her": a sentence's subject and the
            # possessive or object pronoun later in that sentence usually co-refer: one vote
            owned = _OWN_PRONOUN.match(text, end)
            if owned is not None:
                votes["m" if owned.group(1).lower() == "his" else "f"] += 1
                owned_votes["m" if owned.group(1).lower() == "his" else "f"] += 1
    for gender, other in (("m", "f"), ("f", "m")):
        if (votes[gender] >= 2 or owned_votes[gender] == votes[gender] >= 1) and votes[gender] > 2 * votes[other]:
            return gender
    return None
