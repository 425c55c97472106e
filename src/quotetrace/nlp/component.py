"""A spaCy pipeline component for people who already run spaCy: ``nlp.add_pipe("quotetrace_quotes")``.

It sets ``doc._.quotes`` to a list of plain dicts (the Quote JSONL row of DESIGN.md without "doc").
The component reuses the doc's own parse, so add it after the parser and NER.
"""

from __future__ import annotations

import logging
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quotetrace.nlp.attribution import ParsedUnit
from quotetrace.nlp.marks import find_pairs
from quotetrace.nlp.pipeline import analyse, quote_to_json
from quotetrace.nlp.sentences import split_sentences
from quotetrace.records import Article, stable_id

LOGGER = logging.getLogger(__name__)

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


class QuoteComponent:
    """Finds quotes in an already parsed Doc and stores them as dicts in ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str, doc_id_attr: str | None = None) -> None:
        self.name = name
        self.doc_id_attr = doc_id_attr

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        doc_id = stable_id(text)
        try:
            pairs = find_pairs(text)
            sentences = split_sentences(text, pairs)
            result = analyse(Article(id=doc_id, text=text, source=doc_id), pairs, sentences, [ParsedUnit(0, doc)])
            rows: list[dict[str, Any]] = []
            for quote in result.quotes:
                row = quote_to_json(quote, doc_id)
                row.pop("doc")
                rows.append(row)
        except Exception:  # a component must never break the user's pipeline
            LOGGER.exception("quotetrace_quotes failed on a doc of %d characters", len(text))
            rows = []
        doc._.quotes = rows
        return doc


@Language.factory("quotetrace_quotes", default_config={"doc_id_attr": None})
def make_quote_component(nlp: Language, name: str, doc_id_attr: str | None) -> QuoteComponent:
    """spaCy factory for :class:`QuoteComponent`."""
    return QuoteComponent(nlp, name, doc_id_attr)
