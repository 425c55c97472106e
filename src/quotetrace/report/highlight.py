"""Cut an article's text into plain, quoted and boilerplate pieces at quote offsets.

The pieces stay plain strings: templates escape each one (autoescape), so untrusted article text
never reaches the page as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quotetrace.records import Quote, Span, WordDiff


@dataclass(frozen=True)
class Piece:
    """A run of article text; ``quote_id`` set when inside a quote, ``colour`` when it is shared."""

    text: str
    quote_id: str | None = None
    utterance_id: str | None = None
    colour: int | None = None
    junk: bool = False


def outermost_quotes(quotes: Iterable[Quote], length: int) -> list[Quote]:
    """Quotes not nested in (or overlapping) an earlier, longer one, in text order, within bounds."""
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.start, -q.end, q.id)):
        if not 0 <= quote.start < quote.end <= length:
            continue  # offsets that do not fit this text are never trusted for slicing
        if kept and quote.start < kept[-1].end:
            continue
        kept.append(quote)
    return kept


def article_pieces(text: str, quotes: Iterable[Quote], junk: Iterable[Span] = (),
                   utterance_of: Mapping[str, str] | None = None,
                   colour_of: Mapping[str, int] | None = None) -> list[Piece]:
    """Slice ``text`` at quote and junk boundaries; pieces concatenate back to ``text`` exactly."""
    utterance_of = utterance_of or {}
    colour_of = colour_of or {}
    quotes = list(quotes)
    shared = [q for q in quotes if colour_of.get(utterance_of.get(q.id, "")) is not None]
    # Shared statements win over an unshared quote around them (a quote quoting another speaker).
    marks = outermost_quotes(shared, len(text))
    taken = [(m.start, m.end) for m in marks]
    shared_ids = {q.id for q in shared}
    marks += [q for q in outermost_quotes([q for q in quotes if q.id not in shared_ids], len(text))
              if not any(q.start < end and start < q.end for start, end in taken)]
    marks.sort(key=lambda q: q.start)
    cuts = {0, len(text)}
    for mark in marks:
        cuts.update((mark.start, mark.end))
    spans = [(s.start, s.end) for s in junk if 0 <= s.start < s.end <= len(text)]
    for start, end in spans:
        cuts.update((start, end))
    bounds = sorted(cuts)
    pieces: list[Piece] = []
    qi = 0
    for lo, hi in zip(bounds, bounds[1:]):
        while qi < len(marks) and marks[qi].end <= lo:
            qi += 1
        quote = marks[qi] if qi < len(marks) and marks[qi].start <= lo else None
        in_junk = quote is None and any(s <= lo and hi <= e for s, e in spans)
        utterance_id = utterance_of.get(quote.id) if quote else None
        piece = Piece(text[lo:hi], quote.id if quote else None, utterance_id,
                      colour_of.get(utterance_id) if utterance_id else None, in_junk)
        last = pieces[-1] if pieces else None
        if last and (last.quote_id, last.junk) == (piece.quote_id, piece.junk):
            pieces[-1] = Piece(last.text + piece.text, last.quote_id, last.utterance_id, last.colour, last.junk)
        else:
            pieces.append(piece)
    return pieces


@dataclass(frozen=True)
class DiffPiece:
    """A word-diff step for display: op is equal / delete / insert."""

    op: str
    text: str


def diff_pieces(diff: Iterable[WordDiff]) -> list[DiffPiece]:
    """Flatten a word diff into equal / deleted / inserted runs (a replace is a delete plus an insert)."""
    out: list[DiffPiece] = []
    for step in diff:
        if step.op == "equal":
            out.append(DiffPiece("equal", step.variant or step.canonical))
        elif step.op == "delete":
            out.append(DiffPiece("delete", step.canonical))
        elif step.op == "insert":
            out.append(DiffPiece("insert", step.variant))
        else:
            out.append(DiffPiece("delete", step.canonical))
            out.append(DiffPiece("insert", step.variant))
    return [p for p in out if p.text]
