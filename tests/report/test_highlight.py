from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotetrace.records import Quote, Span, WordDiff
from quotetrace.report.highlight import article_pieces, diff_pieces, outermost_quotes


def _q(qid: str, start: int, end: int) -> Quote:
    return Quote(qid, "a", "x", start, end, "direct")


def test_pieces_follow_offsets_and_colours():
    text = 'Intro "alpha beta" mid "gamma" end. Footer'
    q1 = _q("q1", text.index("alpha"), text.index("beta") + 4)
    q2 = _q("q2", text.index("gamma"), text.index("gamma") + 5)
    pieces = article_pieces(text, [q2, q1], [Span(text.index("Footer"), len(text))], {"q1": "u1"}, {"u1": 3})
    assert [(p.text, p.quote_id, p.colour, p.junk) for p in pieces] == [
        ('Intro "', None, None, False), ("alpha beta", "q1", 3, False), ('" mid "', None, None, False),
        ("gamma", "q2", None, False), ('" end. ', None, None, False), ("Footer", None, None, True),
    ]


def test_nested_and_bad_offsets_are_dropped():
    quotes = [_q("outer", 0, 10), _q("inner", 2, 5), _q("overlap", 8, 12), _q("bad", 5, 99), _q("empty", 3, 3)]
    assert [q.id for q in outermost_quotes(quotes, 20)] == ["outer"]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=3))
def test_pieces_concatenate_to_text(text, spans, junk):
    quotes = [_q(f"q{i}", a, b) for i, (a, b) in enumerate(spans)]
    pieces = article_pieces(text, quotes, [Span(a, b) for a, b in junk])
    assert "".join(p.text for p in pieces) == text
    assert all(p.text for p in pieces)


def test_diff_pieces_replace_is_delete_plus_insert():
    diff = (WordDiff("equal", "we open", "we open"), WordDiff("replace", "May", "June"), WordDiff("delete", "now", ""))
    assert [(p.op, p.text) for p in diff_pieces(diff)] == [
        ("equal", "we open"), ("delete", "May"), ("insert", "June"), ("delete", "now")]


def test_shared_inner_quote_wins_over_unshared_outer():
    text = 'He said "she told us ‘tax is theft’ today" later'
    outer = _q("outer", text.index("she"), text.index(" today") + 6)
    inner = _q("inner", text.index("tax"), text.index("theft") + 5)
    pieces = article_pieces(text, [outer, inner], (), {"inner": "u1", "outer": "u2"}, {"u1": 0})
    assert [(p.text, p.quote_id) for p in pieces if p.quote_id] == [("tax is theft", "inner")]
    # Without colours the outer quote is the one marked.
    plain = article_pieces(text, [outer, inner])
    assert [p.quote_id for p in plain if p.quote_id] == ["outer"]
