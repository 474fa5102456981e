"""akhbar's command line. User mistakes end as one line on stderr and exit 1."""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from akhbar.config import DB_NAME, warehouse_dir
from akhbar.interrupt import EXIT_INTERRUPTED, stop_on_interrupt

if TYPE_CHECKING:
    from akhbar.prefect_server import EarlyServer

# Exit code of a user mistake (bad option, missing folder, bad SQL); Ctrl-C is 130.
EXIT_MISTAKE = 1


class OneLineErrors(TyperGroup):
    """Usage mistakes (unknown option, missing argument) as one line and exit 1, like the rest.

    Click draws them as a boxed usage block and exits 2; ``akhbar --help``
    promises one line and 1 for every user mistake.
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except typer.TyperException as e:  # typer's click exceptions all derive from it
            code = _usage_error(e)
        except typer.Abort:
            err.print("interrupted", highlight=False)
            code = EXIT_INTERRUPTED
        sys.exit(code if isinstance(code, int) else 0)


def _usage_error(e: typer.TyperException) -> int:
    ctx = getattr(e, "ctx", None)
    # `akhbar` or `akhbar sources` alone: the help, as asked (typer does not export the
    # exception's class, hence the name).
    if type(e).__name__ == "NoArgsIsHelpError" and ctx is not None:
        out.print(ctx.get_help(), highlight=False, markup=False)
        return 0
    where = ctx.command_path if ctx is not None else "akhbar"
    err.print(
        f"[bold red]error:[/] {e.format_message()} (see `{where} --help`)",
        highlight=False,
        soft_wrap=True,
    )
    return EXIT_MISTAKE


app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, cls=OneLineErrors)
err = Console(stderr=True)
out = Console()


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        out.print(f"akhbar {version('akhbar')}", highlight=False)
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """akhbar's command line. User mistakes end as one line on stderr and exit 1."""


WarehouseOpt = Annotated[
    str | None,
    typer.Option(
        "--warehouse", "-w", help="Warehouse folder (default $AKHBAR_WAREHOUSE or ./warehouse)."
    ),
]


def fail(message: str, code: int = EXIT_MISTAKE) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def run(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Folders to ingest (default: registered sources).")
    ] = None,
    warehouse: WarehouseOpt = None,
    dask_address: Annotated[
        str | None,
        typer.Option(
            "--dask-address",
            help="Send the work to this Dask scheduler (default $AKHBAR_DASK_ADDRESS).",
        ),
    ] = None,
    reprocess: Annotated[
        bool,
        typer.Option(
            "--reprocess", help="Extract every stored article again (after a rule change)."
        ),
    ] = False,
    source: Annotated[
        str | None,
        typer.Option("--source", help="With --reprocess: only this source's articles."),
    ] = None,
) -> None:
    """Run the ingest flow once (Prefect's ephemeral API unless PREFECT_API_URL is set)."""
    root = warehouse_dir(warehouse)
    with stop_on_interrupt(INTERRUPTED, lambda: _log_interrupt(root)):
        if source is not None and not reprocess:
            fail("--source applies to --reprocess (akhbar run --reprocess --source NAME)")
        _check_before_prefect(paths, root, dask_address)
        summary = _run_guarded(root, paths, dask_address, reprocess, source)
        _print_summary(summary)


# What Ctrl-C during a run prints: the run is left as a crash leaves it, which is safe.
INTERRUPTED = "interrupted: the run stopped; the next run picks up where it left off"


def _log_interrupt(root: Path) -> None:
    """One line in the run log, written directly: loggers may print to the terminal.
    (Runs in the interrupt watcher thread: it must import nothing.)"""
    log = root / "logs" / "akhbar.log"
    if log.parent.is_dir():
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{datetime.now():%Y-%m-%d %H:%M:%S} WARNING akhbar.run: {INTERRUPTED}\n")


def _check_before_prefect(paths: list[str] | None, root: Path, dask_address: str | None) -> None:
    """User mistakes the flow would find, found before Prefect's start-up (seconds)."""
    from akhbar.sources import SourceError, plan_sources
    from flows.runners import RunnerError, check_reachable
    from flows.runners import dask_address as address_of

    try:
        plan_sources(root, paths)
        address = address_of(dask_address)
        if address:
            check_reachable(address)
    except (SourceError, RunnerError) as e:
        fail(str(e))


def _run_guarded(
    root: Path, paths: list[str] | None, address: str | None, reprocess: bool, source: str | None
) -> dict:
    from akhbar import prefect_env
    from akhbar.prefect_server import EarlyServer

    _say_prefect_starts()
    log = root / "logs" / "akhbar.log"
    prefect_env.configure(log)
    try:
        server = EarlyServer(log)
        server.start()  # boots on the other core while the pipeline is imported and warmed
        return _run_flow(paths, root, address, reprocess, source, server)
    except typer.Exit:
        raise
    except Exception as e:  # Prefect could not start, disk full, a bug: one line, log the rest
        logging.getLogger(prefect_env.ERROR_LOGGER).exception("run failed")
        fail(f"run failed: {type(e).__name__}: {_first_line(e)} (details: {root / 'logs'})")
    raise AssertionError("unreachable")


def _say_prefect_starts() -> None:
    """One line before the seconds of silence that importing and starting Prefect take."""
    api = os.environ.get("PREFECT_API_URL")
    where = f"connecting to Prefect at {api}" if api else "starting Prefect (ephemeral API)"
    err.print(f"[dim]{where}...[/]", highlight=False)


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else ""


def _run_flow(
    paths: list[str] | None,
    root: Path,
    address: str | None,
    reprocess: bool,
    source: str | None,
    server: EarlyServer,
) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from akhbar.sources import SourceError
    from flows.ingest import LockedError, RunnerError, ingest, set_progress, warm_up
    from flows.runlog import set_notice

    if not server.ready():
        warm_up()  # lexicons compiled now cost nothing: the server is still starting
    server.wait()

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(phase, total=total)
            bar.update(tasks[phase], completed=done, total=total)

        set_progress(progress)
        set_notice(_notice)
        try:
            with server.settings():
                return ingest(
                    paths=paths,
                    warehouse=str(root),
                    dask_address=address,
                    reprocess=reprocess,
                    reprocess_source=source,
                )
        except (SourceError, LockedError, RunnerError) as e:
            fail(str(e))
        finally:
            set_progress(None)
            set_notice(None)
    raise AssertionError("unreachable")


def _notice(line: str) -> None:
    err.print(f"[yellow]{line}[/]", highlight=False, soft_wrap=True)


def _print_summary(summary: dict) -> None:
    t = Table(title=f"akhbar run {summary['run_id']}", show_header=True)
    t.add_column("files")
    t.add_column("count", justify="right")
    for k in ("files_seen", "new", "changed", "unchanged", "duplicate", "quarantined", "deleted"):
        t.add_row(k.replace("_", " "), str(summary[k]))
    r = Table(show_header=True)
    r.add_column("table")
    r.add_column("rows written", justify="right")
    for k, v in summary.items():
        if k.startswith("rows_"):
            r.add_row(k.removeprefix("rows_"), str(v))
    out.print(t)
    out.print(r)
    for line in _summary_notes(summary):
        out.print(line, highlight=False, soft_wrap=True)


def _summary_notes(summary: dict) -> list[str]:
    notes = []
    if summary.get("reextracted"):
        notes.append(
            f"re-extracted: {summary['reextracted']} stored article(s), from their documents "
            "(extractor changed, or --reprocess)"
        )
    if summary.get("repaired_parts"):
        notes.append(
            f"repaired: {summary['repaired_parts']} unreadable Parquet part(s) dropped; "
            "their files were read again"
        )
    if summary.get("rows_extract_errors"):
        notes.append(
            f"extractor errors: {summary['rows_extract_errors']} (the articles are kept; "
            "see the extract_errors view)"
        )
    if summary.get("story_dated"):
        notes.append(f"dated from their story: {summary['story_dated']} undated article(s)")
    root = Path(summary["warehouse"])
    notes.append(f"warehouse: {root} (database {root / DB_NAME}; log {root / 'logs'})")
    return notes


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run against the views.")],
    warehouse: WarehouseOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | json")] = "table",
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", help="Print at most this many rows.")
    ] = None,
    wide: Annotated[
        bool, typer.Option("--wide", help="Table: every column whole, however wide.")
    ] = False,
    pager: Annotated[
        bool, typer.Option("--pager", help="Table: whole columns through $PAGER (less -S).")
    ] = False,
) -> None:
    """Run SQL against the warehouse, read-only."""
    from akhbar import output
    from akhbar.query import QueryError, run_query

    if fmt not in ("table", "csv", "json"):
        fail(f"unknown format {fmt!r} (table, csv or json)")
    if limit is not None and limit < 0:
        fail(f"--limit wants a number of rows (0 or more), not {limit}")
    try:
        res = run_query(warehouse_dir(warehouse), sql, limit)
    except QueryError as e:
        fail(str(e))
    if fmt == "csv":
        output.write_csv(res.columns, res.rows, sys.stdout)
    elif fmt == "json":
        output.write_json(res.columns, res.rows, sys.stdout)
    else:
        _show_table(None, res.columns, res.rows, wide=wide, pager=pager)
    if res.more:
        err.print(f"[dim]first {limit} rows shown (--limit); the query has more[/]")


def _show_table(
    title: str | None,
    cols: list[str],
    rows: list[tuple],
    *,
    wide: bool = False,
    pager: bool = False,
) -> None:
    """Fit the terminal; whole columns with --wide or when not writing to a terminal."""
    from akhbar import output

    terminal = sys.stdout.isatty()
    if pager and terminal:
        output.page(output.render_table(title, cols, rows, whole=True, color=True))
    elif wide or pager or not terminal:
        sys.stdout.write(output.render_table(title, cols, rows, whole=True))
    else:
        out.print(output.table(title, cols, rows))


@app.command()
def report(
    out_file: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path(
        "report.html"
    ),
    warehouse: WarehouseOpt = None,
) -> None:
    """Write one self-contained HTML page: figures over time, conflicts, entities."""
    from akhbar.query import QueryError
    from akhbar.report import write_report

    if not out_file.parent.is_dir():
        fail(f"not a folder: {out_file.parent}")
    try:
        summary = write_report(warehouse_dir(warehouse), out_file)
    except (QueryError, OSError) as e:
        fail(str(e))
    counts = ", ".join(f"{v} {k}" for k, v in summary.counts.items())
    out.print(f"wrote {summary.path} ({summary.bytes / 1e6:.1f} MB): {counts}", highlight=False)


# ----- sources ----------------------------------------------------------------------------
sources_app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Register the folders a run reads."
)
app.add_typer(sources_app, name="sources")


@sources_app.command("add")
def sources_add(
    name: Annotated[str, typer.Argument(help="Source name (letters, digits, _ . -).")],
    path: Annotated[str, typer.Argument(help="The folder to read.")],
    fmt: Annotated[
        str, typer.Option("--format", help="auto | txt | jsonl | html (auto: by suffix).")
    ] = "auto",
    encoding: Annotated[str, typer.Option(help="auto, or a codec such as cp1256.")] = "auto",
    timezone: Annotated[
        str | None, typer.Option(help="Time zone of naive dates (default UTC).")
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(help="articles.outlet when the text does not say.")
    ] = None,
    fields: Annotated[
        list[str] | None,
        typer.Option("--field", help="JSONL field map KEY=FIELD, e.g. text=content (repeat)."),
    ] = None,
    warehouse: WarehouseOpt = None,
) -> None:
    """Validate a folder and register it; the next run (scheduled or not) reads it."""
    from akhbar.sources import Source, SourceError, add_source, parse_fields

    root = warehouse_dir(warehouse)
    try:
        src = Source(name, path, fmt, encoding, timezone, outlet, parse_fields(fields or []))
        src = add_source(root, src)
    except SourceError as e:
        fail(str(e))
    out.print(f"registered [bold]{src.name}[/]: {src.path} (format {src.format})", highlight=False)


@sources_app.command("list")
def sources_list(warehouse: WarehouseOpt = None) -> None:
    """Show the registered sources, and any other whose rows the warehouse holds."""
    from akhbar.sources import (
        SourceError,
        articles_per_source,
        load_sources,
        recorded_sources,
        registry_path,
    )

    root = warehouse_dir(warehouse)
    try:
        sources = load_sources(root)
        held = articles_per_source(root)
        recorded = recorded_sources(root)
    except SourceError as e:
        fail(str(e))
    reg = registry_path(root)
    title = str(reg) if reg.exists() else "default (no sources.json yet)"
    cols = ["name", "path", "format", "encoding", "timezone", "outlet", "fields", "folder"]
    names = {s.name for s in sources}
    rows = []
    for s in [*sources, *(r for r in recorded if r.name not in names)]:
        fields = " ".join(f"{k}={v}" for k, v in s.fields.items())
        ok = "ok" if Path(s.path).is_dir() else "[red]missing[/]"
        ok = ok if s.name in names else "not read (not registered)"
        tz, outlet, n = s.timezone or "", s.outlet or "", held.get(s.name, 0)
        rows.append((s.name, s.path, s.format, s.encoding, tz, outlet, fields, ok, n))
    _show_table(title, [*cols, "articles"], rows)


@sources_app.command("remove")
def sources_remove(
    name: Annotated[str, typer.Argument(help="The source to stop reading.")],
    purge: Annotated[
        bool, typer.Option("--purge", help="Also remove every row it brought into the warehouse.")
    ] = False,
    warehouse: WarehouseOpt = None,
) -> None:
    """Stop reading a source; with --purge, also remove its articles, facts and files."""
    from akhbar.sources import SourceError, articles_per_source, remove_source
    from tasks.load.lock import LockedError

    root = warehouse_dir(warehouse)
    if purge:
        _purge(root, name)
        return
    try:
        src = remove_source(root, name)
        held = articles_per_source(root).get(name, 0)
    except (SourceError, LockedError) as e:
        fail(str(e))
    kept = f"; its {held} article(s) stay: --purge removes them" if held else ""
    out.print(f"removed [bold]{src.name}[/] ({src.path}){kept}", highlight=False)


def _purge(root: Path, name: str) -> None:
    from akhbar.sources import SourceError, purge
    from tasks.load.lock import LockedError

    try:
        res = purge(root, name, on_wait=_notice)
    except (SourceError, LockedError) as e:
        fail(str(e))
    out.print(
        f"removed [bold]{name}[/] and purged its rows: {res.articles} article(s), "
        f"{res.files} file(s), {res.history} history row(s)",
        highlight=False,
    )


# ----- extract ----------------------------------------------------------------------------
@app.command()
def extract(
    file: Annotated[
        str, typer.Argument(help="A .txt or .html file, a line of a dump (dump.jsonl#3), or -.")
    ] = "-",
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | table")] = "json",
    encoding: Annotated[str, typer.Option(help="auto, or a codec such as cp1256.")] = "auto",
    timezone: Annotated[str | None, typer.Option(help="Time zone of naive dates.")] = None,
    fields: Annotated[
        list[str] | None,
        typer.Option("--field", help="JSONL field map KEY=FIELD, e.g. text=content (repeat)."),
    ] = None,
    warehouse: Annotated[
        str | None,
        typer.Option(
            "--warehouse",
            "-w",
            help="Read-only: date an undated text from this warehouse's related articles, "
            "as `akhbar run` does (default: none).",
        ),
    ] = None,
) -> None:
    """Clean and extract one text and print every fact with its offsets (no warehouse needed)."""
    from akhbar.sources import SourceError, parse_fields
    from tasks.process.single import FACT_TABLES, UnreadableText, extract_one
    from tasks.story import load_evidence

    if fmt not in ("json", "table"):
        fail(f"unknown format {fmt!r} (json or table)")
    try:
        field_map = parse_fields(fields or [])
        data = _extract_input(file)
        evidence = load_evidence(warehouse_dir(warehouse) / DB_NAME) if warehouse else None
        facts = extract_one(
            data,
            name=file,
            encoding=encoding,
            timezone=timezone,
            evidence=evidence,
            fields=field_map,
        )
    except (UnreadableText, SourceError) as e:
        fail(str(e))
    if fmt == "json":
        sys.stdout.write(json.dumps(facts, ensure_ascii=False, default=str, indent=1) + "\n")
        return
    art = facts["article"]
    out.print(f"[bold]{art['title'] or '(no title)'}[/]  {art['published_at'] or ''}")
    for table in FACT_TABLES:
        _fact_table(table, facts[table])


def _extract_input(file: str) -> bytes:
    """Standard input (saying so on a terminal), a file, or one line of a dump."""
    from tasks.process.single import read_input, split_line_ref

    if file == "-":
        if sys.stdin.isatty():
            err.print(
                "[dim]reading an article from standard input; end it with Ctrl-D "
                "(or give a file: akhbar extract FILE)[/]"
            )
        return sys.stdin.buffer.read()
    path, lineno = split_line_ref(file)
    try:
        return read_input(path, lineno)
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror or e}")
    raise AssertionError("unreachable")


def _fact_table(name: str, rows: list[dict]) -> None:
    cols = [c for c in (rows[0] if rows else {}) if c not in ("sentence", "article_id")]
    _show_table(f"{name} ({len(rows)})", cols, [tuple(r[c] for c in cols) for r in rows])


# ----- status -----------------------------------------------------------------------------
@app.command()
def status(
    warehouse: WarehouseOpt = None,
    runs: Annotated[int, typer.Option(help="How many recent runs to show.")] = 7,
) -> None:
    """Recent runs, rows per view, and the files quarantined now with their reasons."""
    from akhbar.query import QueryError
    from akhbar.status import read_status

    try:
        st = read_status(warehouse_dir(warehouse), runs)
    except QueryError as e:
        fail(str(e))
    _rich_table("recent runs", *st.runs)
    _rich_table("rows per view", ["view", "rows"], st.counts)
    _rich_table(f"quarantined files ({len(st.quarantined[1])})", *st.quarantined)


def _rich_table(title: str | None, cols: list[str], rows: list[tuple]) -> None:
    _show_table(title, cols, rows)


# ----- serve ------------------------------------------------------------------------------
@app.command()
def serve(
    warehouse: WarehouseOpt = None,
    cron: Annotated[str | None, typer.Option(help="Override prefect.yaml's cron.")] = None,
    timezone: Annotated[str | None, typer.Option(help="Override prefect.yaml's time zone.")] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Start, register, print the schedule, then exit.")
    ] = False,
) -> None:
    """Run the daily deployment on this machine: a local Prefect server plus a runner."""
    from akhbar import prefect_env
    from flows import serve as serving

    root = warehouse_dir(warehouse)
    prefect_env.configure(root / "logs" / "akhbar.log")
    try:
        cfg = serving.read_schedule()
        cfg.cron, cfg.timezone = cron or cfg.cron, timezone or cfg.timezone
        upcoming = serving.next_runs(cfg.cron, cfg.timezone)
    except serving.ServeError as e:
        fail(str(e))
    params = {**cfg.parameters, "warehouse": str(root)}
    problem = serving.scheduler_problem()
    if problem:
        err.print(f"[bold yellow]warning:[/] {problem}", highlight=False)
    err.print("[dim]starting a local Prefect server (10-20 s)...[/]")
    before = os.environ.get("PREFECT_API_URL")
    serving.stop_on_sigterm()  # systemd/docker stop: shut the server down too
    try:
        with serving.local_server(root / "logs" / "prefect-server.log") as url:
            os.environ["PREFECT_API_URL"] = url  # flow runs started by the runner inherit it
            _serve_at(url, serving, cfg, params, upcoming, check)
    except serving.ServeError as e:
        fail(str(e))
    except KeyboardInterrupt:
        err.print("stopped; the local Prefect server is shut down")
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before


def _serve_at(url, serving, cfg, params: dict, upcoming: list, check: bool) -> None:  # type: ignore[no-untyped-def]
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: url}):
        dep = serving.deployment(cfg, params)
        held = serving.registered_schedules(dep.apply())
        t = Table(title=f"deployment akhbar-ingest/{cfg.name}", show_header=False)
        t.add_row("schedule", ", ".join(held))
        t.add_row("next runs", "\n".join(d.isoformat(timespec="minutes") for d in upcoming))
        t.add_row("parameters", json.dumps(params, ensure_ascii=False))
        t.add_row("API / UI", url.removesuffix("/api"))
        out.print(t)
        if check:
            return
        from prefect import serve as prefect_serve

        out.print("serving; Ctrl-C stops the runner and the server")
        prefect_serve(dep, print_starting_message=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
