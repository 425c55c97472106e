import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace import extract
from quotetrace.nlp.gender import MentionIndex, gender_of, honorific_gender, pronoun_gender


def test_gender_from_name_honorific_and_title():
    assert gender_of("Mary Steenburgen") == "f"
    assert gender_of("Oliver Sacks") == "m"
    assert gender_of("Jordan Blake") is None  # used for both: no guess
    assert gender_of("Steenburgen") is None  # a surname alone says nothing
    assert gender_of("Ms. Ostrova") == "f"
    assert gender_of("Lee Kwan", ["the company's spokeswoman"]) == "f"
    assert gender_of("Lee Kwan", ["the woman's lawyer"]) is None  # only the head noun counts
    assert gender_of("Mary Rask", ["his father"]) is None  # the signs disagree


def test_gender_from_text():
    text = "Mr. Halvorsen arrived late. Ms Ekdal spoke first; later Mr Halvorsen left."
    assert honorific_gender(text, "Halvorsen") == "m"
    assert honorific_gender(text, "Ekdal") == "f"
    assert pronoun_gender("Brun said she would stay. Brun blamed herself.", "Brun") == "f"
    assert pronoun_gender("Brun said she would stay.", "Brun") is None  # once is not enough: "she" may be another
    assert pronoun_gender("Brun said she would stay. Later Brun added that she was tired.", "Brun") == "f"
    assert pronoun_gender("Brun has questioned his figures before.", "Rask") is None
    # a sentence's subject and a possessive later in it: weak evidence, enough only when nothing disagrees
    assert pronoun_gender("Swift got support after accusing them of stopping her tour.", "Swift") == "f"
    assert pronoun_gender("Brun said she would stay. Brun has questioned his figures before.", "Brun") is None
    assert pronoun_gender("Mira Santel, whose son was captured, said she missed him.", "Santel") is None
    # two people of one family: whose "his" it is cannot be told from the surname
    assert pronoun_gender("Olav Brekkestad was found. Silje Brekkestad wept. Brekkestad lost his way.",
                          "Brekkestad") is None


def test_she_does_not_resolve_to_a_man():
    [quote] = extract("Tamsin Arley met the conductor Oliver Marsh on Monday. “I couldn't focus,” she said.")
    assert quote.speaker != "Oliver Marsh"
    quotes = extract("Sarah Arley said the rehearsal went badly. Her partner, Oliver Marsh, disagreed. "
                     "“I couldn't focus,” she said.")
    assert [q.speaker for q in quotes] == ["Sarah Arley", "Sarah Arley"]


def test_the_long_us_list_and_names_for_both():
    assert gender_of("Patsy Cline") == "f"  # from the US birth records
    assert gender_of("Randi Eide") == "f"
    assert gender_of("Ola Brekke") is None  # a man in Norway, a woman in Poland: no guess
    assert gender_of("Taylor Swift") is None


def test_gender_from_a_gendered_noun_beside_the_name():
    from quotetrace.nlp.gender import appositive_gender
    assert appositive_gender("His mother, Dagny Eide, wept.", "Dagny Eide") == "f"
    assert appositive_gender("Per Lund, her husband, spoke.", "Per Lund") == "m"
    assert appositive_gender("Per Lund, the mayor, spoke.", "Per Lund") is None


def test_she_prefers_a_known_woman_to_a_nearer_name_of_unknown_gender():
    text = "Mary Velden’s song was recorded by Quill Harrow in Glasgow. “It was terrifying,” she said."
    [quote] = extract(text)
    assert quote.speaker == "Mary Velden"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Brun", "Brunn", "O'Brun", "Brun-Lie", "Lie", " ", ", ", ".", "said", "Mr ",
                                 "xBrun", "Brunx", "é", "Ståle", "\n"]), max_size=40),
       st.sampled_from(["Brun", "Brun-Lie", "O'Brun", "Lie", "Ståle", "Brun Lie"]))
def test_the_mention_index_finds_what_a_whole_word_search_finds(pieces, name):
    text = "".join(pieces)
    expected = [(m.start(), m.end()) for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]
    assert MentionIndex(text).spans(name) == expected


@pytest.mark.parametrize("name, gender", [
    ("Siân Powell", "f"), ("Renée Baptiste", "f"), ("José Ruiz", "m"), ("Zoë Hart", "f"), ("Inês Valadares", "f"),
])
def test_accented_given_names_carry_their_gender(name, gender):
    assert gender_of(name) == gender
