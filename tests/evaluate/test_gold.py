"""Gold JSONL validation, the fictional gold set, and seed expectations built at run time."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from quotetrace.errors import ConfigError
from quotetrace.evaluate.gold import gold_from_expectations, load_gold, parse_gold_record, text_sha1, write_gold

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NEWS = FIXTURES / "gold" / "news.jsonl"
EXPECTED = FIXTURES / "seeds_expected.json"

GOOD = {"id": "n1", "text": "“We will rebuild,” Ana Ruiz said.",
        "quotes": [{"start": 1, "end": 17, "text": "We will rebuild,", "kind": "direct", "speaker": "Ana Ruiz",
                    "speaker_start": 19, "speaker_end": 27}]}


def _write(tmp_path, *objects):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects), encoding="utf-8")
    return path


def test_good_record_round_trips(tmp_path):
    articles = load_gold(_write(tmp_path, GOOD, "", {**GOOD, "id": "n2"}))
    assert [a.id for a in articles] == ["n1", "n2"]
    quote = articles[0].quotes[0]
    assert (quote.text, quote.kind, quote.speaker, quote.speaker_start) == ("We will rebuild,", "direct", "Ana Ruiz", 19)
    out = tmp_path / "again.jsonl"
    assert write_gold(articles, out) == 2
    assert load_gold(out) == articles


@pytest.mark.parametrize(("change", "message"), [
    ({"quotes": [{**GOOD["quotes"][0], "end": 16}]}, "gold.jsonl:2: quote 0: text[1:16]"),
    ({"quotes": [{**GOOD["quotes"][0], "kind": "quoted"}]}, "kind 'quoted'"),
    ({"quotes": [{**GOOD["quotes"][0], "start": 30, "end": 90}]}, "not inside the text"),
    ({"quotes": [{**GOOD["quotes"][0], "speaker_end": None}]}, "both be set"),
    ({"quotes": [{**GOOD["quotes"][0], "speaker": ""}]}, "speaker must be"),
    ({"quotes": [{k: v for k, v in GOOD["quotes"][0].items() if k != "text"}]}, "missing key 'text'"),
])
def test_bad_quotes_name_file_and_line(tmp_path, change, message):
    path = _write(tmp_path, GOOD, {**GOOD, "id": "n2", **change})
    with pytest.raises(ConfigError) as err:
        load_gold(path)
    assert message in str(err.value)
    assert err.value.line == 2


def test_missing_quotes_key_bad_json_and_duplicates(tmp_path):
    with pytest.raises(ConfigError, match="missing key 'quotes'"):
        load_gold(_write(tmp_path, {"id": "x", "text": "t"}))
    with pytest.raises(ConfigError, match=r"gold.jsonl:1: not valid JSON"):
        load_gold(_write(tmp_path, "{oops"))
    with pytest.raises(ConfigError, match="duplicate id 'n1'"):
        load_gold(_write(tmp_path, GOOD, GOOD))
    with pytest.raises(ConfigError, match="JSON object"):
        parse_gold_record(["not", "an", "object"])


def test_news_gold_is_valid_and_varied():
    articles = load_gold(NEWS)
    assert len(articles) >= 70
    quotes = [q for a in articles for q in a.quotes]
    kinds = Counter(q.kind for q in quotes)
    assert min(kinds[k] for k in ("direct", "partial", "indirect")) >= 10
    assert sum(1 for a in articles if not a.quotes) >= 5  # negatives
    assert any(q.speaker is None for q in quotes)
    marks = {a.text[q.start - 1] for a in articles for q in a.quotes if q.kind == "direct"}
    assert {"“", "‘", '"', "'", "«", "„", "”"} <= marks
    beats = {json.loads(line)["beat"] for line in NEWS.read_text(encoding="utf-8").splitlines()}
    assert {"politics", "courts", "business", "sport", "science", "local", "war", "health"} <= beats


def test_news_gold_is_what_the_build_script_writes():
    spec = importlib.util.spec_from_file_location("build_gold", FIXTURES / "gold" / "build_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = [json.dumps(r, ensure_ascii=False) for r in module.build()]
    assert built == NEWS.read_text(encoding="utf-8").splitlines()
    text, quotes = module.parse("He said “[[d|Ana Ruiz|A ‘[[d|-|b]]’ c]]” once.")
    assert text == "He said “A ‘b’ c” once."
    assert [(q["text"], q["speaker"]) for q in quotes] == [("A ‘b’ c", "Ana Ruiz"), ("b", None)]
    assert module.check("t", text, [{**quotes[0], "start": 7, "end": 16, "text": text[7:16]}])


def test_seed_expectations_build_gold(seed_paths):
    articles = gold_from_expectations(EXPECTED, seed_paths[0].parent)
    assert [a.id for a in articles] == [p.name for p in seed_paths]
    assert all(a.quotes for a in articles)
    assert sum(len(a.quotes) for a in articles) == 70
    kinds = Counter(q.kind for a in articles for q in a.quotes)
    assert set(kinds) == {"direct", "partial", "indirect"}
    speakers = {q.speaker for a in articles for q in a.quotes}
    assert {"Jens Stoltenberg", "Dmitry Peskov", "Vladimir Zelensky"} <= speakers


def test_seed_drift_is_detected(seed_paths, tmp_path):
    for path in seed_paths:
        shutil.copy(path, tmp_path / path.name)  # a temporary copy, deleted with tmp_path
    victim = tmp_path / seed_paths[0].name
    victim.write_text("x" + victim.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ConfigError, match="changed"):
        gold_from_expectations(EXPECTED, tmp_path)
    assert text_sha1("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d"


def test_expectations_over_a_ground_truth_file(tmp_path):
    body = "The mayor said the bridge would reopen. “Soon,” she added."
    truth = tmp_path / "ground-truth.json"
    truth.write_text(json.dumps({"page1": {"articleBody": body, "url": "u"}}), encoding="utf-8")
    expected = tmp_path / "expected.json"
    span = "the bridge would reopen"
    start = body.index(span)
    entry = {"start": start, "end": start + len(span), "kind": "indirect", "speaker": None, "text_sha1": text_sha1(span)}
    expected.write_text(json.dumps([{"file": "page1", "quotes": [entry]}]), encoding="utf-8")
    [article] = gold_from_expectations(expected, truth)
    assert (article.id, article.text, article.quotes[0].text) == ("page1", body, span)
    expected.write_text(json.dumps([{"file": "page2", "quotes": []}]), encoding="utf-8")
    with pytest.raises(ConfigError, match="page2 not found"):
        gold_from_expectations(expected, truth)
