"""The spaCy component: ``nlp.add_pipe("quotetrace_quotes")`` sets ``doc._.quotes``."""

from __future__ import annotations

import spacy

import quotetrace.nlp.component  # noqa: F401  (registers the factory)
from quotetrace import settings


def test_component_sets_doc_quotes():
    nlp = spacy.load(settings.spacy_model())
    nlp.add_pipe("quotetrace_quotes")
    text = "“We will not give up,” the mayor, Jane Doe, told reporters. She said that the city would rebuild."
    doc = nlp(text)
    kinds = {(q["kind"], q["speaker"]) for q in doc._.quotes}
    assert ("direct", "Jane Doe") in kinds and ("indirect", "Jane Doe") in kinds
    for q in doc._.quotes:
        assert text[q["start"]: q["end"]] == q["text"]


def test_component_on_empty_doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("quotetrace_quotes")
    assert nlp("")._.quotes == []
