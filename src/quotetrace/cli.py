"""The ``quotetrace`` command line: thin subcommands that check arguments and call the library."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

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


def _open_store(db: str | None) -> Any:
    from quotetrace.errors import QuotetraceError
    from quotetrace.store import Store

    try:
        return Store.open(db)
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc


_DB_HELP = "Database: an SQLAlchemy URL or a SQLite file path (default: $QUOTETRACE_DB or ./quotetrace.db)."


@main.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV of path,url,outlet,published giving metadata for the inputs.")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds per HTTP request.")
@click.option("--max-bytes", default=20_000_000, show_default=True, type=click.IntRange(min=1),
              help="Size cap per fetched response / file.")
@click.option("--rate", default=2.0, show_default=True, type=click.FloatRange(min=0),
              help="Max requests per second per host (0: no limit).")
def ingest_cmd(inputs: tuple[str, ...], manifest: Path | None, db: str | None, timeout: float, max_bytes: int,
               rate: float) -> None:
    """Read PATH_OR_URL inputs (files, folders, URLs, feeds, sitemaps, WARCs) into the store.

    Exit status: 0 when every input was read, 1 when some inputs were skipped (each is listed with its
    reason), 2 on a usage error.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from quotetrace.errors import QuotetraceError
    from quotetrace.ingest.options import IngestOptions
    from quotetrace.ingest.pipeline import ingest

    options = IngestOptions(manifest=manifest, timeout=timeout, max_bytes=max_bytes, rate=rate)
    err = Console(stderr=True)
    with _open_store(db) as store:
        columns = (SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        try:
            with Progress(*columns, console=err, transient=True) as bar:
                task = bar.add_task("ingest", total=None)
                summary = ingest(list(inputs), store, options, lambda done: bar.update(task, completed=done))
        except QuotetraceError as exc:
            raise click.ClickException(str(exc)) from exc
        total = store.count_articles()
    click.echo(f"ingested: {summary.ingested} (near duplicates: {summary.near_duplicates})")
    click.echo(f"exact duplicates skipped: {summary.exact_duplicates}")
    click.echo(f"unchanged: {summary.unchanged}")
    click.echo(f"skipped inputs: {len(summary.skipped)}")
    for failure in summary.skipped:
        click.echo(f"  {failure.source}: {failure.reason}")
    click.echo(f"articles in store: {total}")
    if summary.skipped:
        sys.exit(1)


@main.command("articles")
@click.option("--search", "query", default=None, help="Only articles whose title or text contain these words.")
@click.option("--outlet", default=None, help="Only articles of this outlet.")
@click.option("--limit", default=None, type=click.IntRange(min=1), help="At most this many articles.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
              help="table for people; jsonl rows carry every Article field (text, junk, source included).")
@click.option("--db", default=None, help=_DB_HELP)
def articles_cmd(query: str | None, outlet: str | None, limit: int | None, fmt: str, db: str | None) -> None:
    """List stored articles (best matches first with --search, else by id)."""
    from quotetrace.store import display

    with _open_store(db) as store:
        if query:
            found: Any = [a for a in store.search(query, limit=limit or 50) if outlet is None or a.outlet == outlet]
        else:
            found = store.iter_articles(outlet=outlet, limit=limit)
        if fmt == "jsonl":
            display.write_jsonl(found, sys.stdout)
        elif fmt == "csv":
            display.write_csv(found, sys.stdout)
        else:
            display.write_table(found, display.stdout_console())


@main.command("show")
@click.argument("article_id")
@click.option("--db", default=None, help=_DB_HELP)
def show_cmd(article_id: str, db: str | None) -> None:
    """Show one article: metadata, then its text with junk spans dimmed ([junk: ...] when not a terminal)."""
    from quotetrace.store import display

    with _open_store(db) as store:
        article = store.article(article_id)
    if article is None:
        raise click.ClickException(f"no article with id {article_id!r}")
    display.show_article(article, display.stdout_console())


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
