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

# --- linking, comparison, reports, the main job (issue 4) --------------------
