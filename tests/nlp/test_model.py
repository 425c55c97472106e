"""Loading the spaCy pipeline: unused components left out, matrix products through numpy's BLAS."""

from __future__ import annotations

import spacy

from quotetrace import settings
from quotetrace.nlp.model import UNUSED_COMPONENTS, load_model


def test_unused_components_are_not_loaded():
    nlp = load_model()
    assert not set(nlp.pipe_names) & set(UNUSED_COMPONENTS)
    assert {"tok2vec", "tagger", "parser", "ner"} <= set(nlp.pipe_names)


def test_every_layer_multiplies_through_numpy():
    nlp = load_model()
    for _, component in nlp.pipeline:
        for node in component.model.walk() if hasattr(component, "model") else ():
            assert getattr(node.ops, "use_blis", False) is False, node.name


def test_numpy_products_parse_as_blis_does():
    text = ("“We will not accept a costly deal,” Foreign Minister Anna Lindqvist told reporters in Valdoria "
            "on Monday, adding that the treaty would be signed by the Kremlin before the end of March.")
    ours = load_model()(text)
    stock = spacy.load(settings.spacy_model(), exclude=list(UNUSED_COMPONENTS))(text)
    assert [(t.tag_, t.dep_, t.head.i) for t in ours] == [(t.tag_, t.dep_, t.head.i) for t in stock]
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in stock.ents]
