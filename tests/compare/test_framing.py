from __future__ import annotations

import pytest

from quotetrace.compare.framing import count_terms, form_pattern, load_lexicon, parse_lexicon
from quotetrace.errors import ConfigError


def test_default_lexicon_loads():
    lexicon = load_lexicon()
    names = [g.name for g in lexicon.groups]
    assert "Kyiv / Kiev" in names and "regime / government" in names
    war = [g for g in lexicon.groups if g.name == "naming the war"][0]
    assert war.terms[0].label == "special military operation"


def test_counts_whole_word_case_insensitive_skip_junk(story_data):
    quotes = story_data["quotes"]
    by_article = {}
    for q in quotes.values():
        by_article.setdefault(q.article_id, []).append(q)
    choices = count_terms(story_data["articles"].values(), load_lexicon(), by_article)
    kyiv = choices.for_group("Kyiv / Kiev")
    # Daily Keld: one "Kiev" in the body; the footer's "Kiev" is junk and not counted.
    assert kyiv["Kiev"]["Daily Keld"].count == 1
    assert kyiv["Kyiv"]["Nord Post"].count == 2
    assert kyiv["Kyiv"]["Nord Post"].in_quotes == 1  # "...a matter for Kyiv" is the speaker's word
    assert kyiv["Kyiv"]["Valley Times"].count == 1
    assert "Daily Keld" not in kyiv["Kyiv"]
    regime = choices.for_group("regime / government")
    assert regime["regime"]["Daily Keld"].count == 1 and regime["government"]["Valley Times"].count == 1
    assert choices.for_group("naming the war")["invasion"]["Nord Post"].count == 1


def test_form_pattern_boundaries():
    assert form_pattern("war").findall("War, warfare, postwar war.") == ["War", "war"]
    assert form_pattern("special military operation").search("a Special  military\noperation began")
    assert form_pattern("coup d'état").search("a coup d’état")


@pytest.mark.parametrize(("text", "line"), [
    ("- group: x\n  terms: [a]\n- group: y\n  terms: []\n", 4),
    ("- group: x\n  terms: [a]\n- group: x\n  terms: [b]\n", 3),
    ("- group: x\n  colour: red\n", 2),
    ("- group: x\n  terms:\n    - a: {b: c}\n", 3),
    ("group: x\n", 1),
    ("- group: x\n  terms: [a, \n", 3),
])
def test_malformed_lexicon_names_line(tmp_path, text, line):
    path = tmp_path / "lex.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_lexicon(path)
    assert info.value.path == str(path)
    assert info.value.line == line


def test_user_lexicon_and_missing_file(tmp_path):
    lexicon = parse_lexicon("- group: bridge words\n  terms:\n    - span: [span, spans]\n    - bridge\n")
    assert [t.forms for t in lexicon.groups[0].terms] == [("span", "spans"), ("bridge",)]
    with pytest.raises(ConfigError):
        load_lexicon(tmp_path / "missing.yaml")
