"""``quotetrace eval``: table, JSON, misses, thresholds, and gold errors as clean exits."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quotetrace.cli import main

pytest.importorskip("quotetrace.nlp.pipeline")

# fictional article
TEXT = "“We will rebuild the pier,” Mayor Ana Ruiz said. Councillor Tomas Varga said the budget was empty."
GOLD = {"id": "pier", "text": TEXT, "quotes": [
    {"start": 1, "end": 26, "text": "We will rebuild the pier,", "kind": "direct", "speaker": "Ana Ruiz",
     "speaker_start": None, "speaker_end": None},
    {"start": 77, "end": 97, "text": "the budget was empty", "kind": "indirect", "speaker": "Tomas Varga",
     "speaker_start": None, "speaker_end": None},
]}


@pytest.fixture()
def gold_file(tmp_path):
    assert TEXT[77:97] == "the budget was empty"
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_eval_json(gold_file):
    result = CliRunner().invoke(main, ["eval", str(gold_file), "--json", "--overlap", "0.5,0.9"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["threshold"] for s in data["scores"]] == [0.5, 0.9]
    assert data["gold_quotes"] == 2 and data["articles"] == 1
    overall = data["scores"][0]["overall"]
    assert overall["tp"] + overall["fn"] == 2
    assert {"precision", "recall", "f1"} <= set(overall)
    assert {"kind_accuracy", "speaker_accuracy", "end_to_end", "by_kind"} <= set(data["scores"][0])


def test_eval_table_lists_misses(gold_file, tmp_path):
    extra = dict(GOLD, id="ghost", quotes=[dict(GOLD["quotes"][0], speaker="Nobody Here")])
    gold_file.write_text(gold_file.read_text(encoding="utf-8") + json.dumps(extra) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold_file), "--misses", "5"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "any" in result.stdout and "indirect" in result.stdout and "F1" in result.stdout
    assert "ghost" in result.stdout and "Nobody Here" in result.stdout  # a wrong speaker, both names shown


def test_eval_bad_gold_is_a_clean_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(dict(GOLD, quotes=[dict(GOLD["quotes"][0], end=20)])) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(bad)])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output and "Traceback" not in result.output
    for overlap in (["1.5"], ["x"], []):
        result = CliRunner().invoke(main, ["eval", str(bad), "--overlap", *overlap])
        assert result.exit_code == 2, overlap


def test_overlap_takes_several_numbers(gold_file):
    result = CliRunner().invoke(main, ["eval", "--overlap", "0.2", "0.6", "0.95", str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    assert [s["threshold"] for s in json.loads(result.stdout)["scores"]] == [0.2, 0.6, 0.95]
