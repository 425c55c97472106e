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
@click.option("--db", "global_db", default=None,
              help="Store for every command (as each command's own --db; that one wins).")
def main(verbose: int, global_db: str | None) -> None:
    """quotetrace: who said what, when, where, and how each outlet reported it."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if global_db:
        import os

        os.environ["QUOTETRACE_DB"] = global_db  # read by settings.database_url when --db is not given


# Commands are added below, one section per stage. Keep each command thin: parse, call, print.

# --- ingest / store (issue 2) -------------------------------------------------


def _ingest_store(db: str | None) -> Any:
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
    with _ingest_store(db) as store:
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

    with _ingest_store(db) as store:
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

    with _ingest_store(db) as store:
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


def _eval_thresholds(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[float, ...]:
    try:
        found = tuple(float(v) for value in values for v in value.replace(",", " ").split())
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    if values and not found:
        raise click.BadParameter("needs at least one number")
    if any(not 0.0 <= t < 1.0 for t in found):
        raise click.BadParameter("thresholds lie in [0, 1)")
    return found or (0.3, 0.8)


class _EvalCommand(click.Command):
    """Lets ``--overlap 0.3 0.8`` take several numbers (click options take a fixed count)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        joined: list[str] = []
        k = 0
        while k < len(args):
            joined.append(args[k])
            if args[k] == "--overlap":
                values = []
                while k + 1 < len(args) and _is_number_list(args[k + 1]):
                    values.append(args[k + 1])
                    k += 1
                joined.append(",".join(values) if values else "")
            k += 1
        return super().parse_args(ctx, joined)


def _is_number_list(token: str) -> bool:
    try:
        return all(float(v) >= 0 for v in token.replace(",", " ").split()) and bool(token.strip())
    except ValueError:
        return False


@main.command("eval", cls=_EvalCommand)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print every figure (and every miss) as JSON.")
@click.option("--misses", default=20, show_default=True, type=click.IntRange(0),
              help="How many misses (missed, wrong speaker, spurious, wrong kind) to list.")
@click.option("--overlap", "thresholds", multiple=True, callback=_eval_thresholds,
              help="Overlap threshold(s) T: a prediction matches when |pred∩gold|/|gold| > T "
                   "(e.g. --overlap 0.3 0.8; default 0.3 0.8).")
def eval_cmd(gold: str, as_json: bool, misses: int, thresholds: tuple[float, ...]) -> None:
    """Score the extractor on GOLD (gold JSONL): span P/R/F1 per kind, kind, speaker and end-to-end accuracy."""
    import json

    from rich.console import Console
    from rich.progress import Progress

    from quotetrace.errors import QuotetraceError
    from quotetrace.evaluate import evaluate, load_gold
    from quotetrace.evaluate.report import print_report

    try:
        articles = load_gold(gold)
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extracting", total=len(articles))
        report = evaluate(articles, thresholds=thresholds, source=gold,
                          progress=lambda done, _: bar.update(task, completed=done))
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report, Console(), misses)

# --- linking, comparison, reports, the main job (issue 4) --------------------

_DB_HELP = "Store: SQLAlchemy URL or SQLite file path (default: $QUOTETRACE_DB or ./quotetrace.db)."
_DATA_FORMAT = click.Choice(["table", "jsonl", "csv"])


def _open_store(db: str | None):  # type: ignore[no-untyped-def]
    from quotetrace.settings import database_url
    from quotetrace.store import Store

    return Store.open(database_url(db))


def _view(db: str | None):  # type: ignore[no-untyped-def]
    from quotetrace.errors import QuotetraceError
    from quotetrace.report.views import StoreView

    try:
        store = _open_store(db)
        try:
            return StoreView.load(store)
        finally:
            store.close()
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc


def _read_store(db: str | None, read):  # type: ignore[no-untyped-def]
    """Call ``read(store)`` on an open store (closed after); store and lookup errors become clean messages."""
    from quotetrace.errors import QuotetraceError

    try:
        store = _open_store(db)
        try:
            return read(store)
        finally:
            store.close()
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc


def _lexicon(path: str | None):  # type: ignore[no-untyped-def]
    from quotetrace.compare.framing import load_lexicon
    from quotetrace.errors import ConfigError

    try:
        return load_lexicon(path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False), help="CSV path,url,outlet,published.")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--report", "report_dir", type=click.Path(file_okay=False), default=None,
              help="Write the static HTML report into this folder.")
@click.option("--aliases", type=click.Path(exists=True, dir_okay=False), help="speakers.yaml: aliases, not_same_as.")
@click.option("--lexicon", type=click.Path(exists=True, dir_okay=False), help="Loaded-term lexicon YAML.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 4096),
              help="Articles per extraction transaction.")
def run_cmd(inputs: tuple[str, ...], manifest: str | None, db: str | None, report_dir: str | None,
            aliases: str | None, lexicon: str | None, batch_size: int) -> None:
    """The main job: ingest INPUTS, extract quotes, link speakers/statements/stories, compare, report.

    Re-runs only extract new articles. Exits 0 when the job completed (skipped inputs are listed),
    1 when nothing could be processed.
    """
    from pathlib import Path

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from quotetrace.errors import QuotetraceError
    from quotetrace.report.terminal import print_summary
    from quotetrace.run import RunOptions, run_job

    options = RunOptions(manifest=Path(manifest) if manifest else None, aliases=Path(aliases) if aliases else None,
                         lexicon=Path(lexicon) if lexicon else None,
                         report_dir=Path(report_dir) if report_dir else None, batch_size=batch_size)
    console = Console(stderr=True)
    try:
        store = _open_store(db)
        try:
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=console, transient=True) as bar:
                tasks: dict[str, int] = {}

                def progress(stage: str, done: int, total: int | None) -> None:
                    if stage not in tasks:
                        tasks[stage] = bar.add_task(stage, total=total)
                    bar.update(tasks[stage], completed=done, total=total)

                summary = run_job(list(inputs), store, options, progress)
        finally:
            store.close()
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc
    print_summary(summary, Console())
    if not summary.completed:
        raise SystemExit(1)


@main.command("speakers")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--format", "fmt", type=_DATA_FORMAT, default="table", show_default=True)
def speakers_cmd(db: str | None, fmt: str) -> None:
    """List speakers with their quote counts and outlets."""
    from quotetrace.report.terminal import emit
    from quotetrace.report.views import speakers_rows

    emit(_read_store(db, speakers_rows), fmt, ("name", "kind", "titles", "quotes", "outlets", "id"), "Speakers")


@main.command("speaker")
@click.argument("name")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--topic", "topics", multiple=True, help="Only statements whose text or article title has this word.")
@click.option("--format", "fmt", type=_DATA_FORMAT, default="table", show_default=True)
def speaker_cmd(name: str, db: str | None, topics: tuple[str, ...], fmt: str) -> None:
    """One speaker (by name, alias or id): aliases, titles, and the timeline of statements."""
    from rich.console import Console

    from quotetrace.report.terminal import emit
    from quotetrace.report.views import speaker_timeline_for, timeline_rows

    speaker, timeline = _read_store(db, lambda store: speaker_timeline_for(store, name, topics))
    if fmt == "table":
        console = Console()
        console.print(f"[bold]{_esc(speaker.name)}[/bold] ({speaker.kind}) id {speaker.id}")
        console.print(f"aliases: {_esc(', '.join(speaker.aliases) or '-')}   titles: {_esc('; '.join(speaker.titles) or '-')}")
    emit(timeline_rows(timeline), fmt, ("date", "outlet", "venue", "kind", "cue", "text", "source"), "Timeline")


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@main.command("stories")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--format", "fmt", type=_DATA_FORMAT, default="table", show_default=True)
def stories_cmd(db: str | None, fmt: str) -> None:
    """List stories (groups of articles about one event) with their outlets."""
    from quotetrace.report.terminal import emit
    from quotetrace.report.views import stories_rows

    emit(_read_store(db, stories_rows), fmt, ("id", "title", "start", "n_articles", "outlets"), "Stories")


@main.command("story")
@click.argument("story_id")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--lexicon", type=click.Path(exists=True, dir_okay=False), help="Loaded-term lexicon YAML.")
@click.option("--format", "fmt", type=_DATA_FORMAT, default="table", show_default=True)
def story_cmd(story_id: str, db: str | None, lexicon: str | None, fmt: str) -> None:
    """One story (id or unique id prefix): articles by outlet and the coverage comparison."""
    from quotetrace.report.terminal import emit
    from quotetrace.report.views import articles_by_outlet, story_detail, story_detail_row

    chosen = _lexicon(lexicon) if lexicon else None  # None: the comparison the run stored
    detail = _read_store(db, lambda store: story_detail(store, story_id, chosen))
    story, comparison = detail.story, detail.comparison
    if fmt != "table":
        emit([story_detail_row(detail)], fmt)
        return
    click.echo(f"{story.title}  ({story.id}, {len(story.article_ids)} articles)")
    for outlet, refs in articles_by_outlet(detail).items():
        click.echo(f"  {outlet}: " + "; ".join(f"{r['title'] or r['id']} [{r['source']}]" for r in refs))
    coverage = comparison.coverage
    rows = []
    for utterance_id in coverage.utterance_ids:
        utterance = detail.utterances[utterance_id]
        speaker = detail.speakers.get(utterance.speaker_id or "")
        row = {"speaker": speaker.name if speaker else "", "statement": utterance.canonical_text}
        row.update({c.outlet: ", ".join(c.modes) if c.carried else "-" for c in coverage.row(utterance_id)})
        rows.append(row)
    emit(rows, "table", ("speaker", "statement", *coverage.outlets), "Coverage")
    verbs = [{"speaker": (detail.speakers[c.speaker_id].name if c.speaker_id in detail.speakers else c.speaker_id),
              "outlet": c.outlet, "verb": c.lemma, "count": c.count} for c in comparison.verbs.counts]
    emit(verbs, "table", ("speaker", "outlet", "verb", "count"), "Reporting verbs")
    terms = [{"group": c.group, "term": c.term, "outlet": c.outlet, "count": c.count, "in quotes": c.in_quotes}
             for c in comparison.terms.counts]
    emit(terms, "table", ("group", "term", "outlet", "count", "in quotes"), "Loaded terms")


@main.command("utterances")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--speaker", default=None, help="Only this speaker's statements (name, alias or id).")
@click.option("--altered", is_flag=True, help="Only statements some outlet quoted with changed words.")
@click.option("--format", "fmt", type=_DATA_FORMAT, default="table", show_default=True)
def utterances_cmd(db: str | None, speaker: str | None, altered: bool, fmt: str) -> None:
    """List statements (one thing said, seen in one or more quotes), most widely carried first."""
    from quotetrace.report.terminal import emit
    from quotetrace.report.views import utterances_rows

    rows = _read_store(db, lambda store: utterances_rows(store, speaker, altered))
    emit(rows, fmt, ("speaker_name", "canonical_text", "outlets", "altered", "id"), "Statements")


@main.command("report")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Report folder.")
@click.option("--lexicon", type=click.Path(exists=True, dir_okay=False), help="Loaded-term lexicon YAML.")
def report_cmd(db: str | None, out_dir: str, lexicon: str | None) -> None:
    """Write the static HTML report of what the store holds into OUT (read story by story)."""
    from quotetrace.report.build import write_report
    from quotetrace.report.source import StoreSource

    chosen = _lexicon(lexicon)
    index = _read_store(db, lambda store: write_report(out_dir, StoreSource(store, chosen)))
    click.echo(f"Report: {index}")


@main.command("export")
@click.option("--db", default=None, help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--what", type=click.Choice(["articles", "quotes", "speakers", "utterances", "stories", "comparisons"]),
              default="quotes", show_default=True)
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False), help="File to write ('-': stdout).")
def export_cmd(db: str | None, fmt: str, what: str, out_path: str) -> None:
    """Export ARTICLES, QUOTES, SPEAKERS, UTTERANCES, STORIES or COMPARISONS as JSONL, CSV or Parquet."""
    import sys
    from pathlib import Path

    from quotetrace.report import export

    view = _view(db)
    rows = {
        "articles": lambda: export.article_rows(view.articles.values()),
        "quotes": lambda: export.quote_rows(view.quotes.values(), view.articles, view.speakers),
        "speakers": lambda: export.speaker_rows(view.speakers.values(), view.quote_counts()),
        "utterances": lambda: export.utterance_rows(view.utterances, view.quotes, view.articles, view.speakers),
        "stories": lambda: export.story_rows(view.stories, view.articles),
        "comparisons": lambda: _open_store(db).iter_comparisons(),
    }[what]()
    if fmt == "parquet":
        if out_path == "-":
            raise click.BadParameter("Parquet needs a file", param_hint="--out")
        n = export.write_parquet(rows, Path(out_path))
    elif out_path == "-":
        n = export.write_jsonl(rows, sys.stdout) if fmt == "jsonl" else export.write_csv(rows, sys.stdout)
    else:
        with open(out_path, "w", encoding="utf-8", newline="") as out:
            n = export.write_jsonl(rows, out) if fmt == "jsonl" else export.write_csv(rows, out)
    click.echo(f"{n} {what} -> {out_path}", err=True)
