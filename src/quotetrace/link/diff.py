"""Word-level diffs between a quote and its utterance's canonical wording."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from quotetrace.records import WordDiff

_WORD = re.compile(r"\w+(?:['’]\w+)*|…|\.\.\.|[^\w\s]")
_ELLIPSIS = frozenset({"…", "...", "[…]", "[...]"})


def display_words(text: str) -> list[str]:
    """Words and punctuation marks as they appear (ellipses kept as one token)."""
    return _WORD.findall(text)


def norm_word(word: str) -> str:
    """Comparison form of a word: lower case, curly apostrophes straightened."""
    return word.lower().replace("’", "'")


def content_words(text: str) -> list[str]:
    """Normalised words only (no punctuation), for similarity and shingles."""
    return [norm_word(w) for w in _WORD.findall(text) if w[0].isalnum() or w[0] == "_"]


def word_diff(canonical: str, variant: str) -> tuple[WordDiff, ...]:
    """Diff ``variant`` against ``canonical`` on words (punctuation ignored for matching)."""
    can = [w for w in display_words(canonical) if w[0].isalnum() or w in _ELLIPSIS]
    var = [w for w in display_words(variant) if w[0].isalnum() or w in _ELLIPSIS]
    matcher = SequenceMatcher(None, [norm_word(w) for w in can], [norm_word(w) for w in var], autojunk=False)
    return tuple(
        WordDiff(op, " ".join(can[i1:i2]), " ".join(var[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def is_altered(diff: tuple[WordDiff, ...]) -> bool:
    """True when words were substituted or inserted, or silently cut from the middle.

    Truncation at either end and cuts marked by an ellipsis are not alterations.
    """
    ops = list(diff)
    # Drop leading/trailing deletions: the variant is a shortened (partial) quote.
    while ops and ops[0].op == "delete":
        ops.pop(0)
    while ops and ops[-1].op == "delete":
        ops.pop()
    for step in ops:
        if step.op == "equal":
            continue
        variant_words = [w for w in step.variant.split() if w not in _ELLIPSIS]
        if step.op in ("insert", "replace") and not variant_words:
            continue  # an ellipsis standing in for cut words
        return True  # substituted, inserted, or cut from the middle without an ellipsis
    return False
