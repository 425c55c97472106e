"""Speaker name comparison used by evaluation."""

from __future__ import annotations

import pytest

from quotetrace.evaluate.names import name_tokens, same_speaker


@pytest.mark.parametrize(("predicted", "gold"), [
    ("Ana Ruiz", "Ana Ruiz"),
    ("ana ruiz", "Ana Ruiz"),
    ("Ruiz", "Ana Ruiz"),
    ("Ana Ruíz", "Ana Ruiz"),
    ("Mrs. Ruiz", "Ana Ruiz"),
    ("Finance Ministry spokeswoman Ana Ruiz", "Ana Ruiz"),
    ("Dr. Nils Aaberg", "Nils Aaberg"),
    ("A. Ruiz", "Ana Ruiz"),
    ("Ana Maria Ruiz", "Ana Ruiz"),
    ("the Finance Ministry", "Finance Ministry"),
    ("Ministry of Finance", "Finance Ministry"),
    ("Ruiz's", "Ana Ruiz"),
    ("Carlineo", "Patrick W. Carlineo Jr."),
    ("Patrick W. Carlineo", "Patrick Carlineo Jr."),
    ("Liu", "Liu Xiaming"),
    ("EU", "European Union"),
    ("Customs and Border Protection", "CBP"),
    ("Crestline Energy Inc.", "Crestline Energy"),
    ("Banco Vireo", "Banco Vireo SA"),
    ("Alden Capital", "Alden"),
    (None, None),
])
def test_same(predicted, gold):
    assert same_speaker(predicted, gold)


@pytest.mark.parametrize(("predicted", "gold"), [
    ("Juan Ruiz", "Ana Ruiz"),
    ("Ana", "Ana Ruiz"),
    ("Ruiz", "Tomas Varga"),
    ("B. Ruiz", "Ana Ruiz"),
    (None, "Ana Ruiz"),
    ("Ana Ruiz", None),
    ("Finance Ministry", "Health Ministry"),
    ("EU", "Estmark"),
    ("Crestline Energy Inc.", "Granite Energy Inc."),
])
def test_different(predicted, gold):
    assert not same_speaker(predicted, gold)


def test_tokens_drop_titles_but_keep_a_bare_title():
    assert name_tokens("President Aurelio Manz") == ("aurelio", "manz")
    assert name_tokens("the minister") == ("minister",)
    assert name_tokens(None) == ()
