"""A new user's day: register a .jsonl, an .html and a .txt+manifest folder, run, query, status.

Plus ``akhbar extract`` printing the very facts the warehouse holds for a seed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from akhbar.config import SEEDS_DIR

FIXTURES = Path(__file__).parent / "fixtures" / "ops"
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


def q(cli, wh: Path, sql: str) -> list[dict]:
    code, out, err = cli("query", "--warehouse", str(wh), "--format", "json", sql)
    assert code == 0, err
    return json.loads(out)


def _last_run(cli, wh: Path) -> dict[str, str]:
    rows = q(
        cli,
        wh,
        "select source || '/' || path p, status from files "
        "where run_id = (select max(run_id) from runs) and source <> 'seeds'",
    )
    return {r["p"]: r["status"] for r in rows}


@pytest.mark.slow
def test_registered_formats_run_query_and_status(cli, tmp_path, warehouse):
    ops = tmp_path / "ops"
    shutil.copytree(FIXTURES, ops)
    w = ["--warehouse", str(warehouse)]
    for args in (
        ["aj", str(ops / "jsonl"), "--format", "jsonl", "--field", "text=content",
         "--field", "published_at=date_extracted", "--field", "outlet=source"],
        ["pages", str(ops / "html"), "--format", "html"],
        ["lb", str(ops / "txt"), "--outlet", "وكالة تجريبية"],
    ):  # fmt: skip
        code, _, err = cli("sources", "add", *args, *w)
        assert code == 0, err
    # no PATH: every registered source; not the seeds, since this warehouse began with `add`
    code, _, err = cli("run", *w)
    assert code == 0, err
    assert _last_run(cli, warehouse) == {
        "aj/dump.jsonl#1": "new",
        "aj/dump.jsonl#2": "new",
        "aj/dump.jsonl#3": "quarantined",
        "aj/dump.jsonl#4": "quarantined",
        "aj/dump.jsonl#6": "new",
        "pages/aleppo-market.html": "new",
        "pages/empty-page.html": "quarantined",
        "lb/beirut.txt": "new",
        "lb/cairo.txt": "new",
    }
    arts = q(
        cli,
        warehouse,
        "select source, path, title, outlet, author, url, strftime(published_at, '%Y-%m-%d %H:%M')"
        " p from articles where source <> 'seeds' order by source, path",
    )
    got = {a["path"]: a for a in arts}
    assert got["dump.jsonl#1"]["p"] == "2022-01-08 09:15" and got["dump.jsonl#1"]["outlet"]
    assert got["aleppo-market.html"]["title"] == "مقتل 12 شخصا في هجوم على سوق في حلب"
    assert got["beirut.txt"]["outlet"] == "النهار"  # the manifest wins
    assert got["cairo.txt"]["outlet"] == "وكالة تجريبية"  # the source's --outlet fills in
    assert q(cli, warehouse, "select count(*) n from articles where source = 'seeds'")[0]["n"] == 0

    code, out, _ = cli("status", *w, env={"COLUMNS": "250"})  # no wrapping inside reasons
    assert code == 0 and "quarantined files (3)" in out
    assert "text field 'content' missing" in out and "no article text" in out

    assert cli("run", *w)[0] == 0  # nothing moved: every line and file unchanged
    assert set(_last_run(cli, warehouse).values()) == {"unchanged", "quarantined"}

    with open(ops / "jsonl" / "dump.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"content": "أعلنت وزارة الصحة تسجيل 25 إصابة جديدة في دمشق."}) + "\n")
    assert cli("run", *w)[0] == 0
    last = _last_run(cli, warehouse)
    assert last["aj/dump.jsonl#7"] == "new" and last["aj/dump.jsonl#1"] == "unchanged"
    assert "deleted" not in last.values() and len(last) == 10  # every line accounted for


def _tuples(rows: list[dict], keys: tuple[str, ...]) -> list[tuple]:
    return sorted(tuple(str(r[k]) for k in keys) for r in rows)


@pytest.mark.slow
def test_extract_prints_what_the_warehouse_holds(cli, seeded_warehouse):
    keys = {
        "figures": ("count_type", "value", "qualifier", "start", "end"),
        "mentions": ("entity_id", "kind", "start", "end"),
        "timex": ("type", "value", "start", "end"),
        "boilerplate": ("kind", "start", "end"),
    }
    compared = 0
    for seed in SEEDS:
        # the warehouse dates 001 from its story; extract does the same when given it
        code, out, err = cli("extract", str(seed), "--warehouse", str(seeded_warehouse))
        assert code == 0, err
        facts = json.loads(out)
        aid = facts["article"]["article_id"]
        for table, cols in keys.items():
            held = q(cli, seeded_warehouse, f"select * from {table} where article_id = '{aid}'")
            assert _tuples(facts[table], cols) == _tuples(held, cols), (seed.name, table)
            compared += len(held)
    assert compared > 0  # the comparison covered real rows


def test_extract_reads_stdin_and_fails_in_one_line(cli, tmp_path):
    from typer.testing import CliRunner

    from akhbar.cli import app

    text = SEEDS[0].read_bytes()
    res = CliRunner().invoke(app, ["extract", "-"], input=text)
    assert res.exit_code == 0 and json.loads(res.stdout)["text"]
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
    for path in (tmp_path / "bin.txt", tmp_path / "missing.txt"):
        code, _, err = cli("extract", str(path))
        assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
