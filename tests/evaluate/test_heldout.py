"""The held-out gold set (tests/fixtures/gold/heldout.jsonl): well formed, big enough, built by its script.

These tests check the annotation file only; they never run the extractor and never gate on its scores
(score it with ``quotetrace eval tests/fixtures/gold/heldout.jsonl``, see HELDOUT.md).
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from quotetrace.evaluate.gold import KINDS, load_gold

GOLD_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "gold"
HELDOUT = GOLD_DIR / "heldout.jsonl"
NEWS = GOLD_DIR / "news.jsonl"
OPENING = set("“‘\"'«„”‹‚")
CLOSING = set("”’\"'»“‹›")


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_heldout", GOLD_DIR / "build_heldout.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_loads_as_gold_with_exact_offsets(records):
    articles = load_gold(HELDOUT)  # raises ConfigError on any offset, kind or speaker field problem
    assert len(articles) == len(records) >= 40
    quotes = [q for a in articles for q in a.quotes]
    assert len(quotes) >= 400
    for article in articles:
        for quote in article.quotes:
            assert article.text[quote.start:quote.end] == quote.text
            assert quote.kind in KINDS


def test_size_mix_and_fiction(records):
    quotes = [q for r in records for q in r["quotes"]]
    kinds = Counter(q["kind"] for q in quotes)
    assert set(kinds) == {"direct", "partial", "indirect"}
    assert kinds["indirect"] * 3 >= len(quotes)
    assert any(q["speaker"] is None for q in quotes)
    assert all(r["fiction"] is True for r in records)
    words = [len(re.findall(r"\w+", r["text"])) for r in records]
    assert min(words) >= 300 and max(words) <= 1000
    # real wire copy: mostly straight or curly double marks, some single, guillemets and low-high marks
    marks = Counter(r["text"][q["start"] - 1] for r in records for q in r["quotes"] if q["kind"] == "direct")
    assert {"“", '"', "‘", "'", "«", "„"} <= set(marks)
    assert marks['"'] + marks["“"] > len(records) * 3


def test_spans_and_speakers(records):
    for r in records:
        text = r["text"]
        for q in r["quotes"]:
            where = f"{r['id']} {q['start']}:{q['end']}"
            assert q["text"] and q["text"] == q["text"].strip(), where
            if q["kind"] in ("direct", "partial"):
                assert text[q["start"] - 1] in OPENING and text[q["end"]] in CLOSING, where
            else:
                assert not q["text"].startswith("that "), where  # indirect spans start after "that"
            if q["speaker"] is not None:
                assert q["speaker"] in text, where
            assert q["speaker_start"] is None and q["speaker_end"] is None
        spans = sorted((q["start"], q["end"]) for q in r["quotes"])
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert (s1, e1) != (s2, e2) and not (s2 < e1 < e2), f"{r['id']}: crossing or duplicate spans"


def test_ids_are_apart_from_the_tuning_set(records):
    news_ids = {json.loads(line)["id"] for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()}
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & news_ids


def test_file_is_what_the_build_script_writes(builder):
    built = [json.dumps(r, ensure_ascii=False) for r in builder.build()]
    assert built == HELDOUT.read_text(encoding="utf-8").splitlines()


def test_build_checks_catch_slips(builder):
    text, quotes = builder.GOLD.parse("“[[d|Ana Ruiz|We rebuild,]]” she said, and [[i|Ana Ruiz|that it was late]].")
    problems = builder.check_heldout("x", text, quotes)
    assert any("words" in p for p in problems) and any("after 'that'" in p for p in problems)
    long_text = "w " * 400
    crossing = [{"start": 0, "end": 10, "kind": "direct", "text": "w w w w w"},
                {"start": 6, "end": 20, "kind": "direct", "text": "w w w w w w w"}]
    assert any("cross" in p for p in builder.check_heldout("x", long_text, crossing))
    nested = [crossing[0], {**crossing[1], "start": 2, "end": 8}]
    assert not builder.check_heldout("x", long_text, nested)
    assert builder.GOLD.check("x", text, [{**quotes[0], "speaker": "Nobody Here"}])


def test_no_seed_sentences_copied(records, seed_paths):
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i:i + 8]) for i in range(len(words) - 7)}

    seeds = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in seed_paths))
    for r in records:
        assert not shingles(r["text"]) & seeds, r["id"]
