"""The command line's promises (issue 18, problems 5, 8 and 13): one line and exit 1 for a
user mistake, LF-ended CSV, whole columns off a terminal, --limit, --pager, --version."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from importlib.metadata import version

import pytest

from akhbar import output


def one_line_error(code: int, out: str, err: str) -> None:
    assert code == 1, (out, err)
    assert "Traceback" not in err + out and "╭" not in err
    assert len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("sql", ["", " ", ";", " ; ;"])
def test_empty_sql_is_one_line(cli, seeded_warehouse, sql):
    code, out, err = cli("query", "-w", str(seeded_warehouse), sql)
    one_line_error(code, out, err)
    assert "no SQL given" in err


def test_negative_runs_is_one_line(cli, seeded_warehouse):
    code, out, err = cli("status", "-w", str(seeded_warehouse), "--runs", "-1")
    one_line_error(code, out, err)
    assert "--runs" in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["query"], "Missing argument"),
        (["query", "--bogus", "select 1"], "No such option: --bogus"),
        (["status", "--runs", "many"], "--runs"),
        (["sources", "add"], "Missing argument"),
        (["nonsense"], "No such command"),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_1(cli, args, needle):
    code, out, err = cli(*args)
    one_line_error(code, out, err)
    assert needle in err and "--help" in err


def test_no_arguments_shows_the_help(cli):
    code, out, _ = cli()
    assert code == 0 and "Usage" in out and "query" in out


def test_version(cli):
    code, out, _ = cli("--version")
    assert code == 0 and out.strip() == f"akhbar {version('akhbar')}"


def test_csv_lines_end_with_lf(seeded_warehouse):
    from typer.testing import CliRunner

    from akhbar.cli import app

    # the raw bytes: CliRunner's .stdout turns CRLF into LF
    args = ["query", "-w", str(seeded_warehouse), "-f", "csv", "select path from files"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0 and b"\r" not in res.stdout_bytes
    lines = res.stdout_bytes.decode().split("\n")
    assert lines[0] == "path" and all(line.endswith(".txt") for line in lines[1:-1])


def test_a_table_off_a_terminal_keeps_every_column_whole(cli, seeded_warehouse):
    sql = "select count_type, value, qualifier, place, sentence, outlet from figure_reports"
    code, out, _ = cli("query", "-w", str(seeded_warehouse), sql)
    assert code == 0 and "…" not in out
    longest = max(r["sentence"] for r in _json(cli, seeded_warehouse, sql))
    assert longest in out


def test_limit_prints_that_many_rows_and_says_there_are_more(cli, seeded_warehouse):
    w = ["-w", str(seeded_warehouse)]
    code, out, err = cli("query", *w, "-f", "json", "--limit", "3", "select * from range(10)")
    assert code == 0 and len(json.loads(out)) == 3
    assert "first 3 rows" in err
    code, out, err = cli("query", *w, "-f", "csv", "-n", "10", "select * from range(10)")
    assert code == 0 and len(out.splitlines()) == 11 and err == ""
    one_line_error(*cli("query", *w, "--limit", "-2", "select 1"))


def test_wide_and_pager_flags_print_whole_tables(cli, seeded_warehouse):
    sql = "select repeat('x', 400) as long_value"
    for flag in ("--wide", "--pager"):  # not a terminal here: --pager prints instead
        code, out, _ = cli("query", "-w", str(seeded_warehouse), flag, sql)
        assert code == 0 and "x" * 400 in out


def test_pager_gets_the_whole_table(tmp_path):
    text = output.render_table(None, ["a"], [("y" * 300,)], whole=True)
    dest = tmp_path / "paged.txt"
    output.page(text, f"sh -c 'cat > {dest}'")
    assert "y" * 300 in dest.read_text()


def _json(cli, wh, sql: str) -> list[dict]:
    code, out, err = cli("query", "-w", str(wh), "-f", "json", sql)
    assert code == 0, err
    return json.loads(out)


def test_the_prefect_line_comes_before_prefect_is_imported(tmp_path):
    """Issue 18 (6): importing Prefect takes seconds; the line must not wait for it."""
    probe = (
        "import sys, akhbar.cli as c\n"
        "def said():\n"
        "    print('prefect imported:', 'prefect' in sys.modules)\n"
        "    raise SystemExit(0)\n"
        "c._say_prefect_starts = said\n"
        f"c.app(['run', '--warehouse', {str(tmp_path / 'wh')!r}])\n"
    )
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert res.stdout.strip() == "prefect imported: False", res.stderr[-2000:]


def test_an_unreachable_dask_address_is_one_line_in_seconds(cli, tmp_path):
    """Issue 18 (5): was a 69-line traceback after 40 s."""
    wh = ["--warehouse", str(tmp_path / "wh")]
    started = time.monotonic()
    code, out, err = cli("run", "--dask-address", "tcp://127.0.0.1:1", *wh)
    one_line_error(code, out, err)
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in err
    with _not_dask() as address:  # answers, but is no scheduler
        code, out, err = cli("run", "--dask-address", address, *wh)
    one_line_error(code, out, err)
    assert f"no Dask scheduler answers at {address}" in err
    assert time.monotonic() - started < DASK_CHECK_BUDGET_S
    assert not (tmp_path / "wh" / "data").exists()


# Both refusals above, Prefect never started: DASK_CONNECT_TIMEOUT_S (5 s) at worst, twice.
DASK_CHECK_BUDGET_S = 15


@contextlib.contextmanager
def _not_dask():
    """A TCP server on loopback that answers every connection with garbage."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                conn, _ = server.accept()
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n" * 4)
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"tcp://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        server.close()
