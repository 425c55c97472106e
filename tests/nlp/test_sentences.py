from quotetrace.nlp.marks import find_pairs
from quotetrace.nlp.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start: s.end] for s in split_sentences(text, find_pairs(text))]


def test_initials_and_abbreviations_do_not_end_a_sentence():
    text = "Coach P.J. Fleck said Morgan has made progress. Gen. Ruiz agreed. It was J. Doe's call."
    assert _sentences(text) == ["Coach P.J. Fleck said Morgan has made progress.", "Gen. Ruiz agreed.",
                                "It was J. Doe's call."]


def test_a_quote_is_never_split():
    text = "“We leave. Now.” Then he left."
    assert _sentences(text) == ["“We leave. Now.”", "Then he left."]
