"""The ``quotetrace`` command line: thin subcommands that check arguments and call the library."""

from __future__ import annotations

import logging

import click

from quotetrace import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotetrace")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def main(verbose: int) -> None:
    """quotetrace: who said what, when, where, and how each outlet reported it."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# Commands are added below, one section per stage. Keep each command thin: parse, call, print.

# --- ingest / store (issue 2) -------------------------------------------------

# --- extraction and evaluation (issue 3) --------------------------------------


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="Quote JSONL rows (DESIGN.md) or a table for people.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 4096),
              help="Articles parsed together (nlp.pipe).")
def extract_cmd(inputs: tuple[str, ...], fmt: str, batch_size: int) -> None:
    """Extract quotes (direct, partial, indirect) with speakers from INPUT files (.txt, .jsonl, ...); no database."""
    from quotetrace.nlp.cli_extract import run_extract

    run_extract(list(inputs), fmt, batch_size)

# --- linking, comparison, reports, the main job (issue 4) --------------------
