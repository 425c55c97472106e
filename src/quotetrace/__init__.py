"""quotetrace: who said what, when, where, and how each outlet reported it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quotetrace.records import Quote

__version__ = "0.1.0"


def extract(text: str) -> list["Quote"]:
    """Extract every quote (direct, partial, indirect) from one article's text, speakers resolved."""
    from quotetrace.nlp.pipeline import extract_text

    return extract_text(text)


__all__ = ["extract", "__version__"]
