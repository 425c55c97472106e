"""Statements in headlines, which have their own grammar: "X Says Y", "Y – X", "X: Y".

Headlines are title-cased and verb-light, so the parser does badly on them; these patterns are the
standard news-headline attribution forms. Only the article's first line counts as a headline, and
only when it looks like one (short, no final full stop, followed by more text).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from quotetrace.nlp.cues import NO_INDIRECT, reporting_forms

LOGGER = logging.getLogger(__name__)

MAX_HEADLINE_CHARS = 220
MAX_SPEAKER_WORDS = 6
MIN_CONTENT_WORDS = 3
# "Content – speaker": an en or em dash, or a spaced hyphen, before a short speaker phrase at the end
_DASH = re.compile(r"\s+(?:[–—]|-)\s+(?=[^–—]+$)")
_COLON = re.compile(r"^(?P<speaker>[^:]{2,60}):\s+(?P<content>.+)$")
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_READ_TIME = re.compile(r"\s*\d+\s*min(?:ute)?s?\s+read\s*$", re.IGNORECASE)
_NOT_SPEAKERS = frozenset("live watch video analysis opinion explainer update updates breaking exclusive "
                          "review photos interview comment editorial".split())


@dataclass(frozen=True)
class HeadlineClaim:
    """A statement in the headline: content span, speaker phrase span, cue (verb form and lemma) if any."""

    start: int
    end: int
    speaker_start: int
    speaker_end: int
    cue_text: str | None = None
    cue_lemma: str | None = None
    cue_start: int | None = None


def headline_bounds(text: str) -> tuple[int, int] | None:
    """(start, end) of the headline line, or None when the text does not open with one."""
    lo = len(text) - len(text.lstrip())
    hi = text.find("\n", lo)
    if hi < 0 or not text[hi:].strip():
        return None  # a one-line text is a sentence, not a headline over an article
    line = text[lo:hi].rstrip()
    glued = _READ_TIME.search(line)
    if glued:
        line = line[: glued.start()]
    if not line or len(line) > MAX_HEADLINE_CHARS or line.endswith((".", "?”", ".”", '."')):
        return None
    return lo, lo + len(line)


def headline_claims(text: str) -> list[HeadlineClaim]:
    """The attributed statement of the headline, if it has one."""
    bounds = headline_bounds(text)
    if bounds is None:
        return []
    lo, hi = bounds
    line = text[lo:hi]
    claim = _said(line, lo) or _dash(line, lo) or _colon(line, lo)
    return [claim] if claim is not None else []


def _said(line: str, lo: int) -> HeadlineClaim | None:
    """"NATO Chief Says Ukraine Belongs in the Alliance": speaker, reporting verb, content."""
    forms = reporting_forms()
    for match in _WORD.finditer(line):
        lemma = forms.get(match.group(0).lower())
        if lemma is None or lemma in NO_INDIRECT or match.start() == 0:
            continue
        before, after = line[: match.start()].rstrip(), line[match.end():].strip()
        if after.lower().startswith(("to ", "of ", "about ", "on ", "over ", "for ")):
            continue  # "12,000 told to leave", "agency warns of famine": no reported clause
        if ":" in before and _speaker_like(before.split(":")[0]) and not _PAGE_LABEL.search(before.split(":")[0]):
            return None  # "Police: Driver charged …": the label speaks (see ``_colon``)
        if before.endswith(","):  # "Rates must rise again, says the bank's governor"
            speaker, content = after, before[:-1].strip()
        else:  # "In Kyiv, NATO Chief Says ...": after the lead-in ("…: 12,000 told to leave as fire chief says …")
            speaker = re.split(r"[,:;]\s|\s(?:as|while|after)\s", before)[-1].strip()
            content = after[5:] if after.lower().startswith("that ") else after
        if not _speaker_like(speaker) or len(_WORD.findall(content)) < MIN_CONTENT_WORDS:
            return None  # only the first reporting verb counts: later ones belong to the content
        c_start = lo + line.index(content)
        s_start = lo + line.rindex(speaker)
        return HeadlineClaim(c_start, c_start + len(content.rstrip()), s_start, s_start + len(speaker),
                             match.group(0), lemma, lo + match.start())
    return None


def _dash(line: str, lo: int) -> HeadlineClaim | None:
    """"NATO won't send troops – former bloc chief": content, dash, speaker."""
    matches = list(_DASH.finditer(line))
    if not matches:
        return None
    cut = matches[-1]
    content, speaker = line[: cut.start()].strip(), line[cut.end():].strip()
    if not _speaker_like(speaker) or len(_WORD.findall(content)) < MIN_CONTENT_WORDS:
        return None
    c_start = lo + line.index(content)
    s_start = lo + cut.end() + (len(line[cut.end():]) - len(line[cut.end():].lstrip()))
    return HeadlineClaim(c_start, c_start + len(content), s_start, s_start + len(speaker))


_PAGE_LABEL = re.compile(r"\b(?:live|updates|latest|recap|explained)\s*$", re.IGNORECASE)


def _colon(line: str, lo: int) -> HeadlineClaim | None:
    """"Minister: tariffs will stay": speaker, colon, content."""
    match = _COLON.match(line)
    if match is None:
        return None
    speaker, content = match.group("speaker"), match.group("content").strip()
    s_start = lo + match.start("speaker") + (speaker.rfind(";") + 1)  # "Jury deadlocks; Freeman's mother: …"
    speaker = speaker[speaker.rfind(";") + 1:]
    s_start += len(speaker) - len(speaker.lstrip())
    speaker = speaker.strip()
    if not _speaker_like(speaker) or len(_WORD.findall(content)) < MIN_CONTENT_WORDS or _PAGE_LABEL.search(speaker):
        return None  # ("Kettle Ridge Fire live updates: …" labels a page, no speaker)
    c_start = lo + match.start("content")
    return HeadlineClaim(c_start, c_start + len(content), s_start, s_start + len(speaker))


def _speaker_like(phrase: str) -> bool:
    words = _WORD.findall(phrase)
    if not 1 <= len(words) <= MAX_SPEAKER_WORDS or any(ch in phrase for ch in "\"“”‘’«»?!"):
        return False
    if words[0].lower() in _NOT_SPEAKERS:
        return False
    return any(w[:1].isupper() for w in words) or any(w.lower().rstrip("s") in {
        "chief", "minister", "official", "leader", "president", "spokesman", "spokeswoman", "expert",
        "head", "governor", "mayor", "envoy", "ambassador", "secretary", "general", "police"} for w in words)
