"""The ingest / articles / show commands with click's CliRunner on real temp-file SQLite (fictional texts)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotetrace.cli import main
from quotetrace.records import Article, Span
from quotetrace.store import Store

TEXT = "BREAKING NEWS\nThe fictional harbour master of Skerra said the pier would close for repairs.\nAds here"


def _seed(db: Path) -> Article:
    article = Article(id="skerra1", text=TEXT, source="/fiction/skerra.txt", url="https://ledger.invalid/1",
                      outlet="ledger.invalid", title="Skerra pier to close", authors=("R. Haldor",),
                      language="en", junk=(Span(0, 13, "boilerplate"), Span(len(TEXT) - 8, len(TEXT), "ad")),
                      content_hash="h-skerra")
    other = Article(id="norvik2", text="Norvik trams run late again, riders said (fiction).", source="/fiction/n.txt",
                    outlet="other.invalid", title="Norvik trams", content_hash="h-norvik")
    with Store.open(str(db)) as store:
        store.write_articles([article, other])
    return article


def test_articles_jsonl_carries_every_field(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    article = _seed(db)
    result = CliRunner().invoke(main, ["articles", "--format", "jsonl", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 2
    row = next(r for r in rows if r["id"] == article.id)
    assert row == article.as_dict()
    assert set(row) >= {"text", "junk", "source", "content_hash", "duplicate_of", "authors"}


def test_articles_search_outlet_limit_csv_table(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    _seed(db)
    runner = CliRunner()
    found = runner.invoke(main, ["articles", "--search", "harbour pier", "--format", "jsonl", "--db", str(db)])
    assert [json.loads(x)["id"] for x in found.output.splitlines()] == ["skerra1"]
    by_outlet = runner.invoke(main, ["articles", "--outlet", "other.invalid", "--format", "csv", "--db", str(db)])
    rows = list(csv.DictReader(io.StringIO(by_outlet.output)))
    assert [r["id"] for r in rows] == ["norvik2"] and rows[0]["text"].startswith("Norvik trams")
    limited = runner.invoke(main, ["articles", "--limit", "1", "--format", "jsonl", "--db", str(db)])
    assert len(limited.output.splitlines()) == 1
    table = runner.invoke(main, ["articles", "--db", str(db)])
    assert table.exit_code == 0 and "skerra1" in table.output and "Norvik trams" in table.output
    bad = runner.invoke(main, ["articles", "--format", "xml", "--db", str(db)])
    assert bad.exit_code == 2


def test_show_marks_junk(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    _seed(db)
    result = CliRunner().invoke(main, ["show", "skerra1", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Skerra pier to close" in result.output and "ledger.invalid" in result.output
    assert "[junk: BREAKING NEWS]" in result.output and "[junk: Ads here]" in result.output
    assert "[junk: The fictional" not in result.output
    missing = CliRunner().invoke(main, ["show", "nope", "--db", str(db)])
    assert missing.exit_code == 1 and "no article with id 'nope'" in missing.output


def test_store_error_becomes_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["articles", "--db", str(tmp_path / "missing-dir" / "x" / "q.db")])
    assert result.exit_code == 1
    assert "Error: cannot open store" in result.output
    assert "Traceback" not in result.output


def test_ingest_usage_error_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 2
    assert "exit status" in CliRunner().invoke(main, ["ingest", "--help"]).output.lower()


def test_ingest_summary_and_exit_status(tmp_path: Path) -> None:
    pytest.importorskip("quotetrace.ingest.clean", reason="ingest.clean not built yet")
    pytest.importorskip("quotetrace.ingest.boilerplate", reason="ingest.boilerplate not built yet")
    pytest.importorskip("quotetrace.ingest.dedup", reason="ingest.dedup not built yet")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Varnholm fishers said the quota was unfair (fiction).\n\nMore text follows here.")
    (folder / "b.txt").write_text("Ostby teachers said the roof still leaks, a fictional report says.\n\nEnd.")
    db = tmp_path / "q.db"
    runner = CliRunner()
    ok = runner.invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert ok.exit_code == 0, ok.output
    assert "ingested: 2" in ok.output and "skipped inputs: 0" in ok.output
    bad = folder / "broken.jsonl"
    bad.write_text("{not json\n")
    again = runner.invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 1, again.output
    assert "unchanged: 2" in again.output and "broken.jsonl" in again.output
    with Store.open(str(db)) as store:
        assert store.count_articles() == 2


def test_db_option_before_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`quotetrace --db X articles` works like `quotetrace articles --db X` (DESIGN: --db on any command)."""
    from click.testing import CliRunner

    from quotetrace.cli import main

    # setenv first so that teardown restores the variable the CLI sets from --db
    monkeypatch.setenv("QUOTETRACE_DB", str(tmp_path / "not-this.db"))
    page = tmp_path / "a.txt"
    page.write_text("Fiction headline\nThe mayor said the pier would reopen in May.\n", encoding="utf-8")
    db = tmp_path / "g.db"
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "ingest", str(page)]).exit_code == 0
    assert db.is_file()
    listed = runner.invoke(main, ["--db", str(db), "articles", "--format", "jsonl"])
    assert listed.exit_code == 0 and "Fiction headline" in listed.output
