"""akhbar's command line. User mistakes end as one line on stderr and exit 1."""

from __future__ import annotations

import csv
import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from akhbar.config import warehouse_dir

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
err = Console(stderr=True)
out = Console()

WarehouseOpt = Annotated[
    str | None,
    typer.Option(
        "--warehouse", "-w", help="Warehouse folder (default $AKHBAR_WAREHOUSE or ./warehouse)."
    ),
]


def fail(message: str, code: int = 1) -> None:
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
) -> None:
    """Run the ingest flow once (Prefect's ephemeral API unless PREFECT_API_URL is set)."""
    root = warehouse_dir(warehouse)
    from akhbar import prefect_env

    prefect_env.configure(root / "logs" / "akhbar.log")
    for p in paths or []:
        if not Path(p).is_dir():
            fail(f"not a folder: {p}")
    try:
        summary = _run_flow(paths, root, dask_address)
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as e:  # Prefect could not start, disk full, a bug: one line, log the rest
        logging.getLogger(prefect_env.ERROR_LOGGER).exception("run failed")
        fail(f"run failed: {type(e).__name__}: {_first_line(e)} (details: {root / 'logs'})")
    _print_summary(summary)


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else ""


def _run_flow(paths: list[str] | None, root: Path, dask_address: str | None = None) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from akhbar.flows.ingest import LockedError, ingest, set_progress
    from akhbar.sources import SourceError

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
        err.print("[dim]starting Prefect (ephemeral API)...[/]")
        try:
            return ingest(paths=paths, warehouse=str(root), dask_address=dask_address)
        except (SourceError, LockedError) as e:
            fail(str(e))
        finally:
            set_progress(None)
    raise AssertionError("unreachable")


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


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run against the views.")],
    warehouse: WarehouseOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | json")] = "table",
) -> None:
    """Run SQL against the warehouse, read-only."""
    from akhbar.query import QueryError, run_query

    if fmt not in ("table", "csv", "json"):
        fail(f"unknown format {fmt!r} (table, csv or json)")
    try:
        cols, rows = run_query(warehouse_dir(warehouse), sql)
    except QueryError as e:
        fail(str(e))
    _emit(cols, rows, fmt)


def _emit(cols: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    elif fmt == "json":
        sys.stdout.write(
            json.dumps(
                [dict(zip(cols, r, strict=True)) for r in rows],
                ensure_ascii=False,
                default=str,
                indent=1,
            )
            + "\n"
        )
    else:
        t = Table(show_header=True)
        for c in cols:
            t.add_column(c)
        for r in rows:
            t.add_row(*("" if v is None else str(v) for v in r))
        out.print(t)


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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
