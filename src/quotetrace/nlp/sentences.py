"""Cheap sentence segmentation that never splits inside a quote, and the choice of what to parse."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quotetrace.nlp.cues import has_cue, has_pronoun_cue, has_role_cue
from quotetrace.nlp.marks import MarkPair

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen sen rep gov lt col capt sgt maj prof jr sr vs no jan feb mar apr aug sept sep "
    "oct nov dec inc corp co ltd u.s u.k u.n e.g i.e etc fig approx dept est adm cmdr pres".split()
)
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"“‘'„«(\[]?[A-Z0-9])")
# "KYROVETS, March 9 (Meridian Wire) - " / "VELMAR — ": a dateline is neither speaker nor content
_DATELINE = re.compile(r"[A-Z][A-Z'’.\- ]{2,40}(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2})){0,2}"
                       r"(?:\s*\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+")  # "HALLEN, Norvik (Reuters) — "
# a unit handed to the parser is cut around this many characters (bounds time and memory)
MAX_UNIT_CHARS = 2500


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def _inside(pairs_open: list[int], pairs: list[MarkPair], pos: int) -> bool:
    """Whether ``pos`` falls strictly inside a top-level quoted span."""
    k = bisect.bisect_right(pairs_open, pos) - 1
    while k >= 0:
        pair = pairs[k]
        if pair.open < pos < pair.close:
            return True
        if pair.parent is None:
            return False
        k -= 1
    return False


def split_sentences(text: str, pairs: list[MarkPair]) -> list[Sentence]:
    """Sentences of ``text`` by paragraph (one line = one paragraph), quotes kept whole."""
    top = [p for p in pairs if p.parent is None]
    opens = [p.open for p in top]
    out: list[Sentence] = []
    lo = 0
    para = 0
    n = len(text)
    while lo <= n:
        hi = text.find("\n", lo)
        if hi < 0:
            hi = n
        start = lo
        for match in _BOUNDARY.finditer(text, lo, hi):
            cut = match.end()
            dot = match.start()
            last = match.end() - 1
            while last > dot and text[last].isspace():
                last -= 1
            if _inside(opens, top, last):
                continue
            word = re.search(r"([\w.]+)$", text[max(start, dot - 12):dot])
            if word and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1
                         or _INITIALS.fullmatch(word.group(1))):
                continue  # "Gen.", "J.", "P.J. Fleck": no sentence ends there
            _append(out, text, start, cut, para)
            start = cut
        _append(out, text, start, hi, para)
        lo = hi + 1
        para += 1
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, para))


_AS_BEFORE = re.compile(r"\bas\s$")
# "The agency's former director said ...": a role noun needs the person introduced before it
_ROLE_SUBJECT = re.compile(r"\s*(?:The [a-z0-9]|An? (?:company |agency )?spokes(?:person|man|woman))")


def parse_units(text: str, sentences: list[Sentence], pairs: list[MarkPair]) -> list[tuple[int, int]]:
    """Character ranges worth parsing: sentences with a reporting cue, a quote introduced by a colon or
    by "as" (a characterisation), or a quote holding a nested quote (whose attribution sits inside it),
    merged per paragraph.
    A sentence that is only a quote needs no parse: its attribution is found around it."""
    parents = {p.parent for p in pairs if p.parent is not None}
    needy = sorted(p.open for i, p in enumerate(pairs)
                   if i in parents or text[max(0, p.open - 3): p.open].rstrip().endswith(":")
                   or _AS_BEFORE.search(text, max(0, p.open - 4), p.open))  # "sees its lineup as “…”"
    wanted = [False] * len(sentences)
    for i, sent in enumerate(sentences):
        k = bisect.bisect_left(needy, sent.start)
        if (k < len(needy) and needy[k] < sent.end) or has_cue(text, sent.start, sent.end) \
                or text.startswith(("Source:", "Quote:"), sent.start):
            wanted[i] = True
    opens = {p.open for p in pairs if p.parent is None}
    for i in range(len(sentences) - 1, 0, -1):
        # a pronoun speaker needs its antecedent: parse the sentence before too (names, NER)
        if wanted[i] and not wanted[i - 1] and (has_pronoun_cue(text, sentences[i].start, sentences[i].end)
                                                or _ROLE_SUBJECT.match(text, sentences[i].start)
                                                or has_role_cue(text, sentences[i].start, sentences[i].end)):
            wanted[i - 1] = True
        if wanted[i] and i >= 2 and not (wanted[i - 1] and wanted[i - 2]) \
                and has_role_cue(text, sentences[i].start, sentences[i].end, bodies_only=True):
            wanted[i - 1] = wanted[i - 2] = True  # "the bank said": the bank may be named two sentences back
        # a quote paragraph with no attribution of its own takes its speaker from the sentence before
        sent = sentences[i]
        head = len(text[sent.start: sent.end]) - len(text[sent.start: sent.end].lstrip())
        if not wanted[i - 1] and sentences[i - 1].paragraph != sent.paragraph and (
                (sent.start + head in opens and not wanted[i]) or text.startswith("Quote:", sent.start + head)):
            wanted[i - 1] = True
    units: list[tuple[int, int]] = []
    for i, sent in enumerate(sentences):
        if not wanted[i]:
            continue
        if units and i > 0 and wanted[i - 1] and sentences[i - 1].paragraph == sent.paragraph \
                and sent.end - units[-1][0] <= MAX_UNIT_CHARS:
            units[-1] = (units[-1][0], sent.end)
        else:
            start = sent.start
            dateline = _DATELINE.match(text, start, sent.end)
            if dateline and (start == 0 or text[start - 1] == "\n"):
                start = dateline.end()
            units.extend(_chunks(text, start, sent.end))
    return units


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an overlong sentence at whitespace into pieces the parser handles in linear time."""
    out = []
    while end - start > MAX_UNIT_CHARS:
        cut = text.rfind(" ", start + MAX_UNIT_CHARS // 2, start + MAX_UNIT_CHARS)
        if cut <= start:
            cut = start + MAX_UNIT_CHARS
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out
