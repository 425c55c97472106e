"""``quotetrace extract``: text and JSONL inputs, JSONL rows and tables, bad inputs skipped."""

from __future__ import annotations

import json

from click.testing import CliRunner

from quotetrace.cli import main

# fictional article text
TEXT = "Harbour plan\n\n“We will rebuild the pier,” Mayor Ana Ruiz said.\r\nThe council said it would vote soon.\n"


def test_extract_txt_and_jsonl(tmp_path):
    txt = tmp_path / "story.txt"
    txt.write_bytes(TEXT.encode("utf-8"))
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(json.dumps({"id": "rec-1", "text": TEXT}) + "\n{broken\n" + json.dumps({"id": 5}) + "\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(txt), str(jsonl), str(tmp_path / "missing.txt")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    docs = {r["doc"] for r in rows}
    assert docs == {str(txt), "rec-1"}
    for row in rows:
        assert TEXT[row["start"]: row["end"]] == row["text"]
    assert any(r["kind"] == "direct" and r["speaker"] == "Ana Ruiz" for r in rows)
    assert "missing.txt" in result.stderr and "invalid JSON" in result.stderr


def test_extract_table(tmp_path):
    txt = tmp_path / "story.txt"
    txt.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "table", str(txt)])
    assert result.exit_code == 0
    assert "Ana Ruiz" in result.stdout and "direct" in result.stdout


def test_extract_usage_error():
    result = CliRunner().invoke(main, ["extract"])
    assert result.exit_code != 0
