"""Reported (indirect) speech: "X said that ...", "according to X, ...", "..., X has said"."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from quotetrace.nlp.attribution import CueHit

LOGGER = logging.getLogger(__name__)

MIN_WORDS = 3
_RELAY_TAIL = re.compile(r",?\s+(?:as\s+)?(?:reported|cited|quoted|relayed)\s+by\b|,\s+according\s+to\b")


def _subtract(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The longest piece of ``[start, end)`` outside the ``blocked`` spans, trimmed of punctuation."""
    pieces = [(start, end)]
    for b_start, b_end in blocked:
        nxt = []
        for s, e in pieces:
            if b_end <= s or b_start >= e:
                nxt.append((s, e))
                continue
            if s < b_start:
                nxt.append((s, b_start))
            if b_end < e:
                nxt.append((b_end, e))
        pieces = nxt
    best = None
    for s, e in pieces:
        while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
            e -= 1
        if len(text[s:e].split()) >= MIN_WORDS and (best is None or e - s > best[1] - best[0]):
            best = (s, e)
    return best


def indirect_spans(text: str, cues: list[CueHit], direct_spans: list[tuple[int, int]],
                   partial_spans: list[tuple[int, int]] = ()) -> Iterator[tuple[CueHit, tuple[int, int]]]:
    """(cue, content span) for every reported statement outside quotes, direct quotes cut away.

    A cue inside another cue's reported clause ("X said he denied ...") is part of that statement."""
    chosen: list[tuple[CueHit, tuple[int, int]]] = []
    for cue in cues:
        if cue.quote_level is not None or cue.content is None or cue.entity is None:
            continue
        start, end = cue.content
        tail = _RELAY_TAIL.search(text, start, end)
        if tail:
            end = tail.start()  # ", as reported by X" is context, not content
        span = _subtract(text, start, end, direct_spans)
        if span is None:
            continue
        covered = sum(max(0, min(e, span[1]) - max(s, span[0])) for s, e in partial_spans)
        if covered >= 0.6 * (span[1] - span[0]):
            continue  # the statement is itself a (partial) quote: report it once
        chosen.append((cue, span))
    for cue, span in chosen:
        if any(other is not cue and other.content is not None and other.content[0] <= cue.start < other.content[1]
               for other, _ in chosen):
            continue
        yield cue, span
