"""What gets parsed: proper-noun windows for NER skip masked quote contents."""

from __future__ import annotations

from quotetrace.nlp.model import load_model
from quotetrace.nlp.parsing import prepare, proper_noun_windows, set_pos, tag_to_pos
from quotetrace.records import Article


def _windows(text: str) -> list[list[str]]:
    nlp = load_model()
    prep = prepare(Article(id="t", text=text, source="test"))
    table, out = tag_to_pos(nlp), []
    with nlp.select_pipes(disable=["ner", "attribute_ruler"]):
        for unit in nlp.pipe(prep.unit_texts()):
            set_pos(unit, table)
            out += [[t.text for t in unit[lo:hi]] for lo, hi in proper_noun_windows(unit)]
    return out


def test_masked_quote_is_never_a_window_nor_its_edge():
    text = "“We will rebuild every pier along the coast by May,” said Mayor Ana Ruiz of Lowmere on Tuesday."
    windows = _windows(text)
    assert any("Ruiz" in w for w in windows)
    assert not any(word.count("x") == len(word) and len(word) > 6 for w in windows for word in w)


def test_a_parse_unit_starts_after_its_dateline():
    from quotetrace.nlp.parsing import prepare
    from quotetrace.records import Article
    text = ("ROME, 18 May (Agenzia Italica) - Four people have died, officials said.\n\n"
            "NATO ministers said they would meet.")
    units = list(prepare(Article(id="a", text=text, source="test")).unit_texts())
    assert units[0].startswith("Four people")
    assert any(u.startswith("NATO ministers") for u in units)


def test_a_parse_unit_starts_after_a_q_and_a_label():
    from quotetrace.nlp.parsing import prepare
    from quotetrace.records import Article
    text = "Q. Douglas Prentiss says ratios would close beds.\n\nA. Doug has been saying that since 2016, she said."
    units = list(prepare(Article(id="a", text=text, source="test")).unit_texts())
    assert not any(u.startswith(("Q.", "A.")) for u in units)
