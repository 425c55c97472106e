"""Reported (indirect) speech: "X said that ...", "according to X, ...", "..., X has said"."""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterator

from quotetrace.nlp.attribution import CueHit

LOGGER = logging.getLogger(__name__)

MIN_WORDS = 3
# ", her voice breaking", "his voice catching": how the words were said, not what was said
_ABSOLUTE = re.compile(r"(?:his|her|their)\s+(?:voice|voices|eyes|hands?)\s+(?:\w+ing)(?:\s+\w+){0,2}", re.IGNORECASE)
_ANONYMITY = re.compile(r"(?:not\s+to\s+be\s+(?:named|identified|quoted|cited)|(?:to\s+be\s+)?identified\s+only\b|for\s+anonymity|that\s+(?:his|her|their)\s+names?\s+(?:not\s+be|be\s+withheld))\b")
_RELAY_TAIL = re.compile(r",?\s+(?:as\s+)?(?:reported|cited|quoted|relayed)\s+by\b|,\s+according\s+to\b|,\s+citing\s+")
# "the witness testifying Tuesday who listened in …": a relative clause describes the subject, it reports nothing
_RELATIVE_START = re.compile(r"(?:who|whom|whose|which)\s+(?!(?:he|she|it|they|we|I|the\s+\w+)\s+)")
_WHEN_HEAD = re.compile(r"(?:late\s+|early\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                        r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?=(?:that\s+)?[\w“\"‘'])")
# "…, the RIA news agency reported." / "…, the ministry said in a statement": who relays the words, at their end
_SAID_TAIL = re.compile(r",\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,4}?(?:reported|said|says|wrote|added)"
                       r"(?=\s*(?:[.;]|$|,|\s(?:on|in|late|early|citing|last|this|Monday|Tuesday|Wednesday|"
                       r"Thursday|Friday|Saturday|Sunday)\b))")


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


def _overlapping(spans: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans (sorted, non-nested) that overlap ``[lo, hi)``."""
    k = max(0, bisect.bisect_left(starts, lo) - 1)
    out = []
    while k < len(spans) and spans[k][0] < hi:
        if spans[k][1] > lo:
            out.append(spans[k])
        k += 1
    return out


def indirect_spans(text: str, cues: list[CueHit],
                   direct_spans: list[tuple[int, int]]) -> Iterator[tuple[CueHit, tuple[int, int]]]:
    """(cue, content span) for every reported statement outside quotes, direct quotes cut away.

    A clause wholly in marks after "that" is still a reported clause (the partial quote inside it is
    reported as well); a cue inside another cue's reported clause ("X said he denied ...") is part of
    that statement."""
    directs = sorted(direct_spans)
    direct_starts = [s for s, _ in directs]
    _split_coordinated(text, cues)
    chosen: dict[int, list[tuple[CueHit, tuple[int, int]]]] = {}
    for cue in cues:
        if cue.quote_level is not None or cue.content is None or cue.entity is None:
            continue
        if _ANONYMITY.match(text, *cue.content) or _RELATIVE_START.match(text, *cue.content) \
                or _ABSOLUTE.fullmatch(text[cue.content[0]: cue.content[1]].rstrip(".,; ")):
            continue  # "who asked not to be named": the terms of anonymity; ", her voice breaking": how, not what
        for start, end in [piece for part in cue.extra.get("parts") or [cue.content]  # type: ignore[union-attr]
                           for piece in _that_clauses(text, *part)]:
            tail = _RELAY_TAIL.search(text, start, end) or next(
                (m for m in _SAID_TAIL.finditer(text, start, end)
                 if len(text[m.end(): end].split()) <= 8 and " that " not in text[m.end(): end]), None)
            if tail:
                end = tail.start()  # ", as reported by X", "…, the RIA news agency reported" are context
            when = _WHEN_HEAD.match(text, start, end)
            if when:
                start = when.end()  # "said on Monday the talks had stalled": when it was said, not what
            span = _subtract(text, start, end, _overlapping(directs, direct_starts, start, end))
            if span is None:
                continue
            chosen.setdefault(cue.sent_start, []).append((cue, span))
    for group in chosen.values():
        spans = [span for _, span in group]  # one entry per (cue, part)
        added: set[int] = set()
        for n, (cue, span) in enumerate(group):
            outer = next((m for m, (o, s) in enumerate(group) if o is not cue and s[0] < cue.start < s[1]), None)
            if outer is not None and _ADDING.match(text, _back_to_comma(text, cue.start), cue.end):
                # "X said A, adding that B": two statements by X, the first ending at the comma
                spans[outer] = (spans[outer][0], _back_to_comma(text, cue.start))
                cue.entity, cue.speaker = group[outer][0].entity, group[outer][0].speaker
                added.add(id(cue))
        relays = {id(o) for o, _ in group for c, _ in group if c is not o and _opens(text, o, c)}
        # "According to the affidavit, Hargis told the deputy he had been clocked …": the affidavit's statement,
        # and inside it Hargis's words
        sourced = {id(c) for c, _ in group if c.lemma in _TOLD and c.entity is not None and c.entity.kind != "anonymous"
                   and any(o.lemma == "according to" and o.content is not None and o.content[0] <= c.start < o.content[1]
                           for o, _ in group)}
        for n, (cue, span) in enumerate(group):
            if id(cue) in added:
                yield cue, span
                continue
            if id(cue) in relays or id(cue) not in sourced and any(
                    other is not cue and id(other) not in relays and other.content is not None
                    and other.content[0] <= cue.start < other.content[1] for other, _ in group):
                continue
            yield cue, spans[n]


def _that_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"A and that B", "A, but that B": two reported clauses (never "A and that was all", a demonstrative),
    each a statement of its own."""
    pieces, lo = [], start
    for match in _AND_THAT.finditer(text, start, end):
        if len(text[lo: match.start()].split()) >= MIN_WORDS and len(text[match.end(): end].split()) >= MIN_WORDS:
            pieces.append((lo, match.start()))
            lo = match.end()
    return [*pieces, (lo, end)]


_AND_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+(?!(?:is|was|were|are|has|had|have|would|will|could|can|may|might|"
                       r"should|must|did|does|do|made|makes|means|meant|seems|seemed|’s|'s)\b)")


def _split_coordinated(text: str, cues: list[CueHit]) -> None:
    """"X said A and warned that B", "X said A but denied B": a reporting verb right after "and"/"but" inside
    another cue's clause is the same speaker's second statement (the parser tends to hang it on A's verb and
    give it A's subject). The first clause is cut at the conjunction; the second gets the outer speaker."""
    ordered = sorted(cues, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    for outer in cues:
        if outer.content is None or outer.entity is None or outer.quote_level is not None or outer.extra.get("parts") \
                or outer.content[0] < outer.start:  # ("A and said B, the office said": A's subject says B)
            continue
        lo, hi = outer.content
        for inner in ordered[bisect.bisect_right(starts, lo): bisect.bisect_left(starts, hi)]:  # the cues inside it
            if inner is outer or not lo < inner.start < hi or inner.quote_level is not None:
                continue
            conj = _COORDINATION.search(text, max(lo, inner.start - 30), inner.start)
            if conj is None or len(text[lo: conj.start()].split()) < MIN_WORDS:
                continue
            content = inner.content or ((inner.end, hi) if inner.lemma in _OBJECT_REPORTS else None)
            if content is None or content[0] < inner.end:
                continue
            inner.content = (content[0], min(content[1], hi))
            if outer.lemma != "according to" or inner.entity is None:
                # (but "According to the affidavit, Hargis shined a torch and told the deputy …": Hargis told)
                inner.entity, inner.speaker = outer.entity, outer.speaker
            outer.content = lo, hi = lo, conj.start()


# "…, and warned", "… but insisted": a second reporting verb sharing the first one's subject
_COORDINATION = re.compile(r",?\s+(?:and|but)\s+(?:also\s+|later\s+|then\s+|further\s+)?$")
_OBJECT_REPORTS = frozenset("deny admit acknowledge confirm".split())


def _opens(text: str, outer: CueHit, inner: CueHit) -> bool:
    """Whether ``inner``'s attribution opens the words ``outer`` attributes after them ("Lavrov said A, the
    ministry said"): the outer speaker only relays the inner one's statement ("The mayor said Orm claimed A"
    is the mayor's)."""
    if outer.content is None or inner.speaker is None or inner.content is None or inner.entity is None \
            or inner.entity.kind == "anonymous":
        return False
    lo = outer.content[0]
    if text.startswith("that ", lo):
        lo += 5
    return lo == inner.speaker.start and inner.content[0] > inner.start and outer.content[1] <= outer.start


_TOLD = frozenset("say tell write admit claim state".split())
_ADDING = re.compile(r",\s*(?:and\s+)?(?:adding|saying|noting|stressing|insisting|warning|arguing|claiming)\b")


def _back_to_comma(text: str, pos: int) -> int:
    """Offset of the comma just before ``pos`` (white space between), else ``pos``."""
    k = pos
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k >= 4 and text[k - 4: k] == " and":
        k -= 3
        while k > 0 and text[k - 1].isspace():
            k -= 1
    return k - 1 if k > 0 and text[k - 1] == "," else pos
