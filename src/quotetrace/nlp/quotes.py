"""Direct and partial quotes: which quoted spans are speech, and which cue attributes each one."""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from quotetrace.nlp.attribution import CueHit, ParsedUnit
from quotetrace.nlp.cues import cue_lemma, reporting_forms
from quotetrace.nlp.marks import MarkPair
from quotetrace.nlp.sentences import Sentence

LOGGER = logging.getLogger(__name__)

# words before a quoted span that make it a title or a name, not speech
_TITLE_CUES = re.compile(
    r"\b(?:titled|entitled|dubbed|named|nicknamed|codenamed|code-named|headline|hashtag|slogan|motto|"
    r"so-called|term|word|phrase|label|brand)\s*$",
    re.IGNORECASE,
)
# "known to regulars as “the Rye Guy”", "what they call “humanitarian windows”": a name or a term, nobody's words
# ("what she called “a two-line brush-off”" is her words; "what it called a “turning point”" a term)
_NAMED_AS = re.compile(r"\bwhat\s+(?:[\w’'-]+\s+){1,3}call(?:s|ed)?\s+(?:an?|the|its|their|his|her)\s*$"
                       r"|\b[Kk]nown\s+(?:[\w’'-]+\s+){0,5}?as(?:\s+(?:an?|the))?\s*$")
# a work or a named thing right before the marks: a title only when the quoted words are capitalised
# ("the film “Salt and Iron”", but "called the book “a long apology.”" is someone's words)
_WORK_CUES = re.compile(
    r"\b(?:film|book|novel|show|series|song|album|documentary|movie|play|poem|operation|programme|program|"
    r"campaign|magazine|newspaper|podcast|episode|exhibition|app)\s*$",
    re.IGNORECASE,
)
# a work noun set off by a comma before the quoted span: "the judge's memoir, “…”"
_WORK_APPOSITION = re.compile(
    r"\b(?:memoir|book|novel|film|movie|report|study|leaflet|pamphlet|brochure|booklet|album|song|single|play|"
    r"poem|documentary|series|show|guide|manual|essay|column|editorial|painting|exhibition|opera|musical|"
    r"biography|autobiography|collection|anthology|title|headline)s?,\s*$",
    re.IGNORECASE,
)
# the end of an earlier quoted span and its attribution: “A,” she said, [who …,] “B.” continues a split quote
_SPLIT_ATTRIBUTION = re.compile(r"[,!?…]\s*[”\"’']\s+(?P<attr>[^“”\"]{2,160}),\s*$")


@dataclass
class QuoteDraft:
    """A quoted span judged to be speech, before records are built."""

    pair: int
    start: int
    end: int
    kind: str
    cue: CueHit | None = None
    parent: int | None = None  # index into the drafts list
    continues: int | None = None  # index into the drafts list
    confidence: float = 1.0
    source_line: int | None = None  # offset of the "Source:" line naming the speaker
    gender: str | None = None  # "m" / "f" of an attribution pronoun no one could be found for


def sentence_at(sentences: list[Sentence], starts: list[int], pos: int) -> Sentence | None:
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and sentences[k].start <= pos < max(sentences[k].end, sentences[k].start + 1):
        return sentences[k]
    return None


def classify(text: str, pair: MarkPair, lo: int) -> str | None:
    """"direct", "partial", or None (a title or a name), from the words around the quoted span.

    ``lo`` is where the enclosing sentence (or the enclosing quote's content) begins."""
    content = text[pair.start: pair.end]
    words = content.split()
    prefix = text[max(lo, pair.open - 300): pair.open].strip()  # a bounded look-back keeps long inputs linear
    if not prefix.strip("•·‣◦▪▸►*–—-"):
        prefix = ""  # a list item's bullet: the quote opens its line
    if _TITLE_CUES.search(prefix) or (_WORK_CUES.search(prefix) and not content[:1].islower()) \
            or _NAMED_AS.search(prefix):
        return None
    if _WORK_APPOSITION.search(prefix) and content[:1].isupper() and content.rstrip()[-1:] not in {".", "!", "?"}:
        return None  # the title of a work in apposition, not speech
    if 1 <= len(words) <= 2 and content[:1].isupper() and prefix and prefix[-1:].isalnum() \
            and content.rstrip()[-1:] not in {".", "!", "?", ","}:
        return None  # a capitalised label or brand mid-sentence ("its 'Premium' tier"), not speech
    split = _SPLIT_ATTRIBUTION.search(prefix)
    if split and any(w.strip(".,;").lower() in reporting_forms() for w in split.group("attr").split()):
        return "direct"  # the second part of a split quote is as direct as the first
    if len(words) >= 2 and all(w[:1].isupper() or not w[:1].isalpha() for w in words) and prefix \
            and not prefix.endswith((":", ",")):
        return None  # Title Case inside a sentence: a work or an event name
    if len(words) <= 5 and re.search(r"\b(?:operation|programme|program|doctrine)\W*$",
                                     content, re.IGNORECASE) and not prefix.endswith(":"):
        return None  # a named operation or policy, not speech
    ends_clause = content.rstrip()[-1:] in {".", ",", "!", "?", "…", ";"}
    if not prefix or prefix.endswith(("“", '"', "‘", ".", "!", "?")):
        return "direct" if len(words) >= 3 or ends_clause else "partial"
    if prefix.endswith(":"):
        return "direct" if len(words) >= 2 else "partial"
    upper = content[:1].isupper() or content[:1] in "“\"‘'"
    last_word = re.sub(r"[^\w]", "", prefix.split()[-1].lower()) if prefix.split() else ""
    if prefix.endswith(",") and upper and (len(words) >= 3 or ends_clause):
        return "direct"
    if last_word in reporting_forms() and upper and len(words) >= 3:
        return "direct"
    return "partial"


def _usable(cues: list[CueHit], level: int | None) -> list[CueHit]:
    return [c for c in cues if c.quote_level == level and c.speaker is not None]


def attribute_direct(text: str, pairs: list[MarkPair], index: int, cues_between: Callable[[int, int], list[CueHit]],
                     zone: tuple[int, int], siblings: list[int], level: int | None) -> CueHit | None:
    """The cue attributing direct quote ``pairs[index]``: same sentence first (after, then before the
    quote), then elsewhere in its paragraph; cues inside sibling quotes are never used.

    ``siblings`` are the quotes sharing the zone (sorted); ``cues_between(lo, hi)`` the cues there."""
    pair = pairs[index]
    pos = bisect.bisect_left([pairs[j].open for j in siblings], pair.open) if len(siblings) > 8 else siblings.index(index)
    before_lo = pairs[siblings[pos - 1]].close + 1 if pos > 0 else zone[0]
    after_hi = pairs[siblings[pos + 1]].open if pos + 1 < len(siblings) else zone[1]
    after = _usable(cues_between(pair.close + 1, after_hi), level)
    if pos + 1 < len(siblings):  # “…,” York said. “…” Smith agreed: “…”: the cue before a colon opens the next quote
        after = [c for c in after if text[c.end: after_hi].strip() not in (":", ",:")]
    before = _usable(cues_between(before_lo, pair.open), level)
    # “... fix it.” The captain said ...: a full stop inside the marks and a capital after them end the sentence
    ended = text[pair.start: pair.end].rstrip()[-1:] == "." and text[pair.close + 1: pair.close + 3].strip()[:1].isupper()
    tight = next((c for c in reversed(before) if text[c.end: pair.open].strip() in ("", ",", ":")), None)
    for cue in after:
        if tight is not None and re.search(r"[^\W\d_]", text[pair.close + 1: min(cue.start, cue.speaker.start)]):
            return tight  # “Vogel came in and said, ‘Congratulations,’ and I thought he was joking”: Vogel's
        if not re.search(r"[.!?]\s", text[pair.close + 1: cue.start]) and not (ended and (
                cue.content is not None or not _opens_sentence(text, cue, pair.close + 1))):
            return cue  # but “… a will.” Although he had written one, …: a clause of its own, no attribution
    for cue in reversed(before):
        if not re.search(r"[.!?]\s", text[cue.end: pair.open]) or text[cue.end: pair.open].rstrip().endswith(":"):
            return cue
    if after and (after[0].content is None or not before) and _opens_sentence(text, after[0], pair.close + 1):
        return after[0]  # a later sentence's cue with its own reported clause speaks for that clause only
    if before:
        return before[-1]
    return None


def _opens_sentence(text: str, cue: CueHit, lo: int) -> bool:
    """Whether the cue's sentence (from ``lo``) is its own attribution, not a subordinate clause opening a new
    statement ("Although he had written a will, …", "When his editors asked, he …")."""
    return _SUBORDINATE_OPENING.match(text, max(lo, cue.sent_start)) is None


_SUBORDINATE_OPENING = re.compile(r"[\s“”\"‘’']*(?:Although|Though|When|Whenever|While|Whilst|If|Unless|Because|Since|"
                                  r"After|Before|Once|Until|As\s+soon\s+as|Even\s+though|Even\s+if)\b")


_SPEECH_CUES = frozenset("say tell write add quote ask reply".split())


def _outer_speech(hit: CueHit, unit: ParsedUnit, cues_by_token: dict[tuple[int, int], CueHit], u_index: int) -> CueHit:
    """"Pompeo said that Washington had concluded X was “not inconsistent …”": marked words inside someone's
    reported clause are that someone's, when the verb nearer the words reports no speech of its own."""
    if hit.lemma in _SPEECH_CUES:
        return hit
    for token in unit.doc[hit.token_i].sent:
        outer = cues_by_token.get((u_index, token.i))
        if outer is not None and outer is not hit and outer.lemma in _SPEECH_CUES and outer.speaker is not None \
                and outer.content is not None and outer.content[0] <= hit.start < outer.content[1]:
            return outer
    return hit


def _fragment_root(unit: ParsedUnit, start: int, end: int) -> Token | None:
    span = unit.doc.char_span(start - unit.start, end - unit.start, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def attribute_partial(unit: ParsedUnit, pair: MarkPair, cues_by_token: dict[tuple[int, int], CueHit],
                      u_index: int) -> CueHit | None:
    """The cue whose clause holds the quoted fragment (walking up the parse from the fragment)."""
    root = _fragment_root(unit, pair.start, pair.end)
    if root is None:
        return None
    first = unit.doc.char_span(pair.start - unit.start, pair.start - unit.start + 1, alignment_mode="expand")
    if first is not None and len(first) and root.sent.start > first[0].sent.start:
        # a fragment holding a full stop ("“… I like. If they don't, that's it.”") spans two parsed sentences:
        # it belongs to the sentence it opens in
        root = first[0]
    token = root
    for _ in range(10):
        if token.i != root.i or token.head.i == token.i:
            hit = cues_by_token.get((u_index, token.i))
            if hit is not None and hit.speaker is not None and not hit.extra.get("weak_subject"):
                return _outer_speech(hit, unit, cues_by_token, u_index)
        if token.head.i == token.i:
            break
        token = token.head
    hit = cues_by_token.get((u_index, token.i))
    if hit is not None and hit.speaker is not None:
        return hit
    # "The “X” between A and B, he stressed": the fragment's sentence root may be the cue itself
    sent_root = root.sent.root
    hit = cues_by_token.get((u_index, sent_root.i))
    if hit is not None and hit.speaker is not None and cue_lemma(sent_root.text):
        return hit
    # a cue whose reported clause holds the fragment though the parse hangs it elsewhere ("a warning from X
    # that ... “…”")
    for token in root.sent:  # only the fragment's own sentence: linear in the text
        hit = cues_by_token.get((u_index, token.i))
        if hit is not None and hit.speaker is not None and hit.content is not None \
                and hit.content[0] <= pair.open < hit.content[1]:  # it may run past a clause cut at its full stop
            return hit
    return None
