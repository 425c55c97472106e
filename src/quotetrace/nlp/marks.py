"""Find quotation-mark pairs in raw text, fast and without a parser.

Handles curly, straight, guillemet and low-9 marks, closing marks used as openers in scraped text
(``its ”special operation.”``), apostrophes (don't, Kyiv’s, the '90s), nested quotes and the
journalistic multi-paragraph convention (an opening mark per paragraph, one closing mark at the end).
Unbalanced marks never swallow more than their paragraph.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

DOUBLE_OPENERS = frozenset("“„‟«")
DOUBLE_CLOSERS = frozenset("”»")
DOUBLE_AMBIGUOUS = frozenset('"＂')
SINGLE_OPENERS = frozenset("‘‚‹")
SINGLE_CLOSERS = frozenset("’›")
SINGLE_AMBIGUOUS = frozenset("'`")
ALL_MARKS = DOUBLE_OPENERS | DOUBLE_CLOSERS | DOUBLE_AMBIGUOUS | SINGLE_OPENERS | SINGLE_CLOSERS | SINGLE_AMBIGUOUS
_DOUBLE = DOUBLE_OPENERS | DOUBLE_CLOSERS | DOUBLE_AMBIGUOUS

# a quote longer than this is treated as a stray mark (bounds the work and the damage)
MAX_QUOTE_CHARS = 6000
MAX_DEPTH = 6
_OPEN_LEFT = frozenset(" \t\n\r([{—–-/:;,\u00a0\u2009\u202f") | ALL_MARKS
_CLOSE_RIGHT = frozenset(" \t\n\r)]}.,;:!?—–-/…\u00a0\u2009\u202f") | ALL_MARKS


@dataclass(frozen=True)
class MarkPair:
    """One quoted span: ``open``/``close`` are the mark offsets, ``start``/``end`` the trimmed content."""

    open: int
    close: int  # offset of the closing mark, or the paragraph end when ``closed`` is False
    start: int
    end: int
    double: bool
    closed: bool = True
    continues_previous: bool = False  # a later paragraph of a multi-paragraph quote
    continued: bool = False  # runs on into the next paragraph
    parent: int | None = None  # index (in the returned list) of the enclosing pair


def _is_double(ch: str) -> bool:
    return ch in _DOUBLE


def _roles(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(can_open, can_close) for the mark at ``text[i]`` within the paragraph ``[lo, hi)``."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left_bound = prev in _OPEN_LEFT
    right_bound = nxt in _CLOSE_RIGHT
    if ch in SINGLE_OPENERS | SINGLE_CLOSERS | SINGLE_AMBIGUOUS:
        if prev.isalnum() and nxt.isalnum():
            return False, False  # apostrophe inside a word: don't, Kyiv’s
        if nxt.isdigit() and ch not in SINGLE_OPENERS:
            return False, False  # the '90s, ’22
    if ch == "»" and prev.isspace() and (right_bound or not nxt.isalnum()):
        return False, True  # French spacing « … », a space before the closing mark (and "» ," or "».")
    if ch == "«" and nxt.isspace() and left_bound:
        return True, False
    if ch == "«" and prev.isalnum() and not nxt.isalnum():
        return False, True  # German »…«: the mark after the words closes
    can_open = left_bound and not nxt.isspace()
    can_close = right_bound and not prev.isspace()
    if ch in DOUBLE_AMBIGUOUS and prev.isspace() and nxt.isspace():
        return False, True  # a stray space inside the closing mark: `ourselves? " she wrote`
    if ch in DOUBLE_OPENERS or ch in SINGLE_OPENERS:
        # “ closes only in „…“ style, which the caller handles via a matching opener on the stack
        return can_open or not can_close, can_close and ch == "“"
    if ch in DOUBLE_CLOSERS or ch in SINGLE_CLOSERS:
        # scraped text uses ” to open: `its ”special operation.”`
        return can_open and not can_close, can_close or not can_open
    return can_open, can_close


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    lo = 0
    n = len(text)
    while lo <= n:
        hi = text.find("\n", lo)
        if hi < 0:
            hi = n
        bounds.append((lo, hi))
        lo = hi + 1
    return bounds


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _starts_with(text: str, lo: int, hi: int, mark: str) -> bool:
    """The paragraph's first non-space character is ``mark``."""
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i < hi and text[i] == mark


def _starts_with_opener(text: str, lo: int, hi: int) -> bool:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i < hi and _is_double(text[i]) and text[i] not in DOUBLE_CLOSERS - {"”"}


def find_pairs(text: str) -> list[MarkPair]:
    """All quoted spans of ``text`` in document order (outer before inner), parents set."""
    raw: list[MarkPair] = []
    paragraphs = _paragraph_bounds(text)
    carry_open = False  # the previous paragraph ended inside a multi-paragraph quote
    for p_index, (lo, hi) in enumerate(paragraphs):
        if not text[lo:hi].strip():
            continue  # blank lines between paragraphs neither open nor end a multi-paragraph quote
        nxt = next(((a, b) for a, b in paragraphs[p_index + 1:] if text[a:b].strip()), None)
        first_mark = _first_mark(text, lo, hi)
        # a single-mark multi-paragraph quote: ‘ opens this paragraph and the next, with no closer here
        single_run = (first_mark < hi and text[first_mark] in SINGLE_OPENERS | SINGLE_AMBIGUOUS
                      and nxt is not None and _starts_with(text, nxt[0], nxt[1], text[first_mark]))
        stack: list[tuple[int, bool]] = []  # (offset, double)
        first_in_para = True
        closers: list[int] | None = None

        def closers_of(lo: int = lo, hi: int = hi) -> list[int]:
            nonlocal closers
            if closers is None:
                closers = _single_closer_offsets(text, lo, hi)
            return closers

        i = lo
        while i < hi:
            ch = text[i]
            if ch not in ALL_MARKS:
                i += 1
                continue
            can_open, can_close = _roles(text, i, lo, hi)
            double = _is_double(ch)
            match = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == double), None)
            if can_close and match is not None and i - stack[match][0] <= MAX_QUOTE_CHARS:
                start_mark = stack[match][0]
                del stack[match:]
                s, e = _trim(text, start_mark + 1, i)
                if e > s:
                    cont = carry_open and first_in_para and start_mark == _first_mark(text, lo, hi)
                    raw.append(MarkPair(start_mark, i, s, e, double, True, continues_previous=cont))
                first_in_para = False
            elif can_open and (double or _single_can_open(closers_of(), i) or (single_run and i == first_mark)):
                stack.append((i, double))
                if len(stack) > MAX_DEPTH:
                    del stack[0]  # deeper nesting is noise: keeps the scan linear
            elif can_close and match is not None:
                del stack[match:]  # too long: drop the stray opener
            i += 1
        carry_next = False
        doubles = [off for off, dbl in stack if dbl] or [off for off, dbl in stack if off == first_mark]
        if doubles:
            start_mark = doubles[0]
            carry_next = nxt is not None and (_starts_with(text, nxt[0], nxt[1], text[start_mark])
                                              if start_mark == first_mark and not _is_double(text[start_mark])
                                              else _starts_with_opener(text, nxt[0], nxt[1]))
            s, e = _trim(text, start_mark + 1, hi)
            stray = not carry_next and any(pair.open > start_mark for pair in raw[-8:])
            # (“Glasgow (“No Place Like Home”). “It grabbed me …,” he said.: an opener that never closes, with
            # whole quotes after it and no quote in the next paragraph, is a typo, not a quote to the paragraph's end)
            if e > s and e - s <= MAX_QUOTE_CHARS and not stray:
                cont = carry_open and start_mark == _first_mark(text, lo, hi)
                raw.append(MarkPair(start_mark, hi, s, e, _is_double(text[start_mark]), closed=False,
                                    continues_previous=cont, continued=carry_next))
        carry_open = carry_next
    return _with_parents(raw)


def _first_mark(text: str, lo: int, hi: int) -> int:
    i = lo
    while i < hi and text[i].isspace():
        i += 1
    return i


def _single_closer_offsets(text: str, lo: int, hi: int) -> list[int]:
    """Offsets in ``[lo, hi)`` of single marks that could close a quote (one pass per paragraph)."""
    found = []
    for j in range(lo + 1, hi):
        ch = text[j]
        if ch in SINGLE_CLOSERS or ch in SINGLE_AMBIGUOUS:
            prev = text[j - 1]
            nxt = text[j + 1] if j + 1 < hi else " "
            if not prev.isspace() and not (prev.isalnum() and nxt.isalnum()) and nxt in _CLOSE_RIGHT:
                found.append(j)
    return found


def _single_can_open(closers: list[int], i: int) -> bool:
    """A single mark opens only when a possible closer follows nearby (else it is an apostrophe)."""
    k = bisect.bisect_right(closers, i)
    return k < len(closers) and closers[k] - i <= MAX_QUOTE_CHARS


def _with_parents(pairs: list[MarkPair]) -> list[MarkPair]:
    """Sort by position and set each pair's enclosing pair (linear sweep with a stack)."""
    ordered = sorted(pairs, key=lambda p: (p.open, -p.close))
    out: list[MarkPair] = []
    stack: list[int] = []
    for pair in ordered:
        while stack and out[stack[-1]].close <= pair.open:
            stack.pop()
        parent = stack[-1] if stack and out[stack[-1]].close >= pair.close else None
        out.append(MarkPair(pair.open, pair.close, pair.start, pair.end, pair.double, pair.closed,
                            pair.continues_previous, pair.continued, parent))
        stack.append(len(out) - 1)
    return out
