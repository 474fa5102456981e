"""End to end through the CLI on a temporary copy of the seeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb

CONTRACT_VIEWS = {
    "documents": {"article_id", "source", "path", "text"},
    "articles": {
        "article_id",
        "source",
        "path",
        "title",
        "body",
        "published_at",
        "published_precision",
        "dateline",
        "outlet",
        "author",
        "duplicate_of",
    },
    "boilerplate": {"article_id", "kind", "start", "end", "text"},
    "entities": {"entity_id", "kind", "name", "name_en"},
    "mentions": {"article_id", "entity_id", "kind", "surface", "start", "end"},
    "figures": {
        "article_id",
        "count_type",
        "value",
        "value_max",
        "qualifier",
        "object",
        "location_id",
        "date",
        "according_to",
        "surface",
        "sentence",
        "start",
        "end",
    },
    "timex": {
        "article_id",
        "type",
        "value",
        "resolved_date",
        "precision",
        "anchor",
        "surface",
        "start",
        "end",
    },
    "quotes": {
        "article_id",
        "speaker_id",
        "speaker",
        "verb",
        "quote",
        "according_to",
        "start",
        "end",
    },
    "files": {"source", "path", "sha256", "status", "reason", "article_id", "run_id"},
    "runs": {"run_id", "started_at", "finished_at"},
}


def q(cli, wh: Path, sql: str) -> list[dict]:
    code, out, err = cli("query", "--warehouse", str(wh), "--format", "json", sql)
    assert code == 0, err
    return json.loads(out)


def test_seed_run_counts(cli, seeded_warehouse):
    assert q(cli, seeded_warehouse, "select count(*) n from articles") == [{"n": 5}]
    assert q(cli, seeded_warehouse, "select count(*) n from documents") == [{"n": 5}]
    statuses = q(cli, seeded_warehouse, "select distinct status from files")
    assert statuses == [{"status": "new"}]


def test_every_contract_view_has_its_columns(seeded_warehouse):
    con = duckdb.connect(str(seeded_warehouse / "akhbar.duckdb"), read_only=True)
    for view, cols in CONTRACT_VIEWS.items():
        got = {r[0] for r in con.execute(f"describe {view}").fetchall()}
        assert cols <= got, (view, cols - got)


def test_second_run_is_a_noop(cli, seeds_copy, warehouse):
    assert cli("run", str(seeds_copy), "--warehouse", str(warehouse))[0] == 0
    before = {
        t: q(cli, warehouse, f"select * from {t} order by all")
        for t in ("documents", "articles", "figures", "mentions")
    }
    code, out, _ = cli("run", str(seeds_copy), "--warehouse", str(warehouse))
    assert code == 0
    assert "unchanged" in out
    last = q(
        cli,
        warehouse,
        "select status, count(*) n from files where run_id = "
        "(select max(run_id) from runs) group by status",
    )
    assert last == [{"status": "unchanged", "n": 5}]
    after = {t: q(cli, warehouse, f"select * from {t} order by all") for t in before}
    assert after == before


def test_views_work_after_moving_the_warehouse(cli, seeded_warehouse, tmp_path, monkeypatch):
    moved = tmp_path / "elsewhere" / "wh"
    shutil.copytree(seeded_warehouse, moved)
    monkeypatch.chdir(tmp_path)
    assert q(cli, moved, "select count(*) n from articles") == [{"n": 5}]
    con = duckdb.connect(str(moved / "akhbar.duckdb"), read_only=True)  # any DuckDB client
    assert con.execute("select count(*) from documents").fetchone()[0] == 5


def test_bad_sql_is_one_line_and_exit_1(cli, seeded_warehouse):
    code, _out, err = cli("query", "--warehouse", str(seeded_warehouse), "selec nothing")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_query_cannot_modify(cli, seeded_warehouse, tmp_path):
    for sql in (
        "drop view articles",
        "create table x as select 1",
        f"copy (select 1) to '{tmp_path / 'x.csv'}'",
        "set enable_external_access = true",
    ):
        code, _, _err = cli("query", "--warehouse", str(seeded_warehouse), sql)
        assert code == 1, sql
    assert not (tmp_path / "x.csv").exists()
    assert q(cli, seeded_warehouse, "select count(*) n from articles") == [{"n": 5}]


def test_query_formats(cli, seeded_warehouse):
    code, out, _ = cli(
        "query", "-w", str(seeded_warehouse), "-f", "csv", "select count(*) as n from articles"
    )
    assert code == 0 and out.splitlines() == ["n", "5"]
    code, out, _ = cli("query", "-w", str(seeded_warehouse), "select 42 as answer")
    assert code == 0 and "42" in out and "answer" in out


def test_missing_folder_is_a_clear_error(cli, warehouse, tmp_path):
    code, _, err = cli("run", str(tmp_path / "nope"), "--warehouse", str(warehouse))
    assert code == 1 and "not a folder" in err and "Traceback" not in err


def test_missing_warehouse_is_a_clear_error(cli, tmp_path):
    code, _, err = cli("query", "-w", str(tmp_path / "none"), "select 1")
    assert code == 1 and "akhbar run" in err
