"""Loading the spaCy pipeline once per process, with only the components extraction uses."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from quotetrace import settings
from quotetrace.errors import ConfigError

LOGGER = logging.getLogger(__name__)

# the rule-based lemmatizer is not needed: cue lemmas come from our lexicon
UNUSED_COMPONENTS = ("lemmatizer", "senter", "textcat", "entity_linker", "entity_ruler_unused")


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default ``settings.spacy_model()``), unused components excluded."""
    model = name or settings.spacy_model()
    try:
        nlp = spacy.load(model, exclude=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:
        raise ConfigError(model, None, f"spaCy pipeline not installed: {exc}") from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    LOGGER.info("loaded spaCy pipeline %s: %s", model, nlp.pipe_names)
    return nlp
