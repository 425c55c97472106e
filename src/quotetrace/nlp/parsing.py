"""What gets parsed: the parse units of an article (direct-quote contents masked), coarse POS from fine
tags, and the proper-noun windows NER runs on."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from quotetrace.nlp.marks import MarkPair, find_pairs
from quotetrace.nlp.quotes import classify, sentence_at
from quotetrace.nlp.sentences import Sentence, parse_units, split_sentences
from quotetrace.records import Article


@dataclass
class Prepared:
    """An article scanned for marks and sentences, with the ranges worth parsing."""

    article: Article
    pairs: list[MarkPair]
    sentences: list[Sentence]
    ranges: list[tuple[int, int]]
    masks: list[tuple[int, int]] = field(default_factory=list)  # direct-quote contents the parser skips

    def unit_texts(self) -> Iterator[str]:
        """The text of each parse unit, long direct-quote contents masked to one token of equal length
        (offsets unchanged): the parser needs the attribution around a quote, not the quote itself. A
        dateline ("ROME, 18 May (Agenzia Italica) -") is left out of its unit: it is no sentence's subject."""
        text = self.article.text
        starts = [m[0] for m in self.masks]
        for a, b in self.ranges:
            k = bisect.bisect_left(starts, a)
            if k >= len(self.masks) or self.masks[k][0] >= b:
                yield text[a:b]
                continue
            pieces, pos = [], a
            while k < len(self.masks) and self.masks[k][1] <= b:
                s, e = self.masks[k]
                pieces.append(text[pos:s])
                pieces.append("x" * (e - s))
                pos = e
                k += 1
            pieces.append(text[pos:b])
            yield "".join(pieces)


def _masks(text: str, pairs: list[MarkPair], sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Contents of top-level direct quotes with no quote nested inside (never needed by the parser)."""
    has_child = {p.parent for p in pairs if p.parent is not None}
    starts = [s.start for s in sentences]
    out = []
    for i, pair in enumerate(pairs):
        if pair.parent is not None or i in has_child or len(text[pair.start: pair.end].split()) < 4:
            continue
        sent = sentence_at(sentences, starts, pair.open)
        if sent is None or classify(text, pair, sent.start) != "direct":
            continue
        end = pair.end
        while end > pair.start + 1 and text[end - 1] in ",.!?;:…":
            end -= 1  # keep the final punctuation: it tells the parser how the sentence goes on
        out.append((pair.start, end))
    return out


# "BUENOS AIRES, 14 March (Agencia Austral) - ", "WIERZBNO GÓRNE, Poland — ": a place in capitals opening a paragraph
_DATELINE = re.compile(r"^[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ.’'-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ.’'-]+){0,3}(?:,[ \t]+[^\n—–()]{1,40}?)?"
                       r"(?:[ \t]*\([^()\n]{1,60}\))?[ \t]+[—–-]{1,2}[ \t]+", re.MULTILINE)


_QA_LABEL = re.compile(r"^[ \t]*(?:[QA][.:]|\*\*[^*\n]{1,40}\*\*:?)[ \t]+", re.MULTILINE)
_CAPS_WORD = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ.’']+")


def _after_datelines(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parse units that open on a dateline start after it."""
    ends = {m.start(): m.end() for m in _DATELINE.finditer(text) if sum(c.isalpha() for c in m.group(0).split(",")[0]) >= 3
            and (len(_CAPS_WORD.findall(m.group(0).split(",")[0].split("(")[0])) > 1 or "," in m.group(0) or "(" in m.group(0))}
    ends.update((m.start(), m.end()) for m in _QA_LABEL.finditer(text))  # "Q. ", "A. ", "**The Review:** " too
    # (one word in capitals needs a date or an agency: "ROME, 18 May (Agenzia Italica) -", never "NATO - the alliance")
    return [(ends[a], b) if a in ends and ends[a] < b else (a, b) for a, b in ranges] if ends else ranges


def prepare(article: Article) -> Prepared:
    text = article.text
    pairs = find_pairs(text)
    sentences = split_sentences(text, pairs)
    ranges = _after_datelines(text, parse_units(text, sentences, pairs))
    return Prepared(article, pairs, sentences, ranges, _masks(text, pairs, sentences))


def tag_to_pos(nlp: Language) -> dict[int, int]:
    """The fine-tag → coarse-POS table inside the pipeline's attribute ruler (empty if it has none)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return {}
    table: dict[int, int] = {}
    for entry in nlp.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
        pattern = entry["patterns"]
        if len(pattern) == 1 and len(pattern[0]) == 1 and set(pattern[0][0]) == {"TAG"} and "POS" in entry["attrs"]:
            table[nlp.vocab.strings.add(pattern[0][0]["TAG"])] = nlp.vocab.strings.add(entry["attrs"]["POS"])
    return table


def set_pos(doc: Doc, table: dict[int, int]) -> None:
    """Coarse POS from fine tags; auxiliaries by their dependency label, as the attribute ruler does."""
    if not len(doc):
        return
    strings = doc.vocab.strings
    aux, aux_deps = strings["AUX"], {strings["aux"], strings["auxpass"]}
    rows = doc.to_array([TAG, DEP])
    pos = numpy.array([[aux if dep in aux_deps else table.get(tag, 0)] for tag, dep in rows], dtype="uint64")
    doc.from_array([POS], pos)  # type: ignore[arg-type]


def _is_mask(word: str) -> bool:
    """A masked direct quote (``Prepared.unit_texts``): one long run of x's."""
    return len(word) >= 7 and word.count("x") == len(word)


def proper_noun_windows(doc: Doc, margin: int = 2) -> list[tuple[int, int]]:
    """Token windows around each run of proper nouns (with a little context for the NER model)."""
    out: list[tuple[int, int]] = []
    n = len(doc)
    proper = [t.pos_ == "PROPN" and not _is_mask(t.text) for t in doc]
    i = 0
    while i < n:
        if not proper[i]:
            i += 1
            continue
        j = i
        while j < n and (proper[j] or (doc[j].text == "-" and j + 1 < n and proper[j + 1])):
            j += 1
        lo, hi = max(0, i - margin), min(n, j + margin)
        while _is_mask(doc[lo].text):
            lo += 1
        while _is_mask(doc[hi - 1].text):
            hi -= 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
        i = j
    return out
