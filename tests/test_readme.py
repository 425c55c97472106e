"""The README documents what exists: every CLI command, runnable Python examples, the CI command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quotetrace.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented_and_every_documented_one_exists() -> None:
    commands = set(main.commands)
    documented = set(re.findall(r"`quotetrace ([a-z]+)\b", README))
    assert commands - documented == set(), "commands missing from README"
    assert documented - commands == set(), "README names commands that do not exist"


def test_ci_runs_the_readme_test_command() -> None:
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.strip()]
    assert lines[-1] == "make test"
    assert "make test" in README and "make demo" in README


@pytest.mark.parametrize("block", re.findall(r"```python\n(.*?)```", README, re.S))
def test_python_examples_run(block: str, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    if "quotetrace.extract" in block:
        assert "Ana Ruiz" in capsys.readouterr().out
    if "add_pipe" in block:
        nlp = namespace["nlp"]
        doc = nlp('"The pier will open in May," Mayor Ana Ruiz said.')  # type: ignore[operator]
        assert doc._.quotes and doc._.quotes[0]["speaker"] == "Ana Ruiz"
