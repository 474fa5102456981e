"""Security: queries are read-only, names cannot escape the warehouse, no pasted SQL."""

from __future__ import annotations

import ast
import hashlib
import json
import re
from pathlib import Path

import pyarrow as pa
import pytest

from akhbar.config import is_source_name
from akhbar.schemas import DOCUMENTS
from akhbar.sources import safe_name
from tasks.load.parts import Store

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "akhbar"

# SQL a hostile or careless `akhbar query` user might try. Each must fail.
HOSTILE_SQL = [
    "drop view articles",
    "create table x as select 1",
    "insert into raw_documents (article_id) values ('x')",
    "delete from raw_articles",
    "update raw_articles set title = 'x'",
    "attach '{tmp}/other.duckdb' as other",
    "detach akhbar",
    "install httpfs",
    "load httpfs",
    "pragma enable_profiling",
    "set enable_external_access = true",
    "set lock_configuration = false",
    "reset enable_external_access",
    "select * from read_csv('/etc/passwd')",
    "select * from read_text('/etc/passwd')",
    "select * from read_parquet('{tmp}/*.parquet')",
    "copy (select 1) to '{tmp}/x.csv'",
    "export database '{tmp}/dump'",
    "select 1; drop view articles",
]
# Accepted by a read-only connection but change nothing (the file digest proves it).
HARMLESS_SQL = ["checkpoint", "pragma database_size"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_query_cannot_modify_or_reach_files(cli, seeded_warehouse, tmp_path):
    db = seeded_warehouse / "akhbar.duckdb"
    before = _digest(db)
    for sql in HARMLESS_SQL:
        assert cli("query", "-w", str(seeded_warehouse), sql)[0] in (0, 1), sql
    for sql in HOSTILE_SQL:
        code, out, err = cli(
            "query", "--warehouse", str(seeded_warehouse), sql.format(tmp=tmp_path)
        )
        assert code == 1, (sql, out)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, sql
    assert "root:" not in out
    assert list(tmp_path.iterdir()) == []  # nothing written anywhere
    assert _digest(db) == before
    code, out, _ = cli(
        "query", "-w", str(seeded_warehouse), "-f", "json", "select count(*) n from articles"
    )
    assert code == 0 and json.loads(out) == [{"n": 5}]


@pytest.mark.slow
def test_source_named_dot_dot_is_refused(cli, seeds_copy, tmp_path):
    wh = tmp_path / "wh"
    code, _, err = cli("sources", "add", "../x", str(seeds_copy), "--warehouse", str(wh))
    assert code == 1 and "Traceback" not in err
    # A hand-edited registry is no way round it either.
    wh.mkdir(exist_ok=True)
    entry = {"name": "../x", "path": str(seeds_copy)}
    (wh / "sources.json").write_text(json.dumps({"sources": [entry]}), encoding="utf-8")
    code, _, err = cli("run", "--warehouse", str(wh))
    assert code == 1 and "unsafe source name" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds", "wh"]  # nothing outside
    assert not (wh / "data").exists()


def test_store_refuses_partition_names_that_escape(tmp_path):
    table = pa.Table.from_pylist(
        [{"article_id": "a", "source": "s", "path": "a.txt", "text": "نص"}], schema=DOCUMENTS
    )
    for bad in ("../x", "a/b", "..", "", "/abs", "x\n"):
        with pytest.raises(ValueError):
            Store(tmp_path).stage_part("documents", bad, "b1", table)
    assert not (tmp_path / "data").exists()


def test_adhoc_folder_names_become_safe_partition_names():
    for raw in ("../x", "a b;drop table", "..", "أخبار", "x/../../y", "-x-", "a\nb", "x" * 99):
        name = safe_name(raw)
        # letters and digits of any script (issue 18: Arabic folder names keep their
        # letters), then _ . -; never a separator, white space or a leading dot
        assert re.fullmatch(r"[^\W_][\w.-]{0,63}", name), (raw, name)
        assert is_source_name(name)
        assert ".." not in name.split("/") and "/" not in name
    assert safe_name("أخبار اليوم") == "أخبار-اليوم"


def test_live_parts_stay_inside_the_warehouse(seeded_warehouse):
    store = Store(seeded_warehouse)
    root = seeded_warehouse.resolve()
    parts = [p for t in store.manifest.parts for p in store.live_parts(t)]
    assert parts
    for p in parts:
        assert p.resolve().is_relative_to(root / "data"), p


# ----- no SQL built by pasting user strings -------------------------------------------
SQL_WORDS = re.compile(
    r"\b(select|insert|create|delete|update|drop|attach|copy|from|where|pragma)\b\s", re.I
)
# Module constants (UPPER_CASE) are ours, never user input.
CONSTANT = re.compile(r"[A-Z][A-Z0-9_]*")
# Other interpolations allowed in SQL text, each a name from our own constants, never user input:
# file -> {expression: why it is safe}.
ALLOWED = {
    "akhbar/tasks/views.py": {"table": "keys of schemas.ALL_TABLES"},
    "akhbar/status.py": {"v": "items of status.VIEWED"},
}


def _sql_fstrings(path: Path) -> list[tuple[int, str]]:
    """(line, interpolated expression) for each f-string that reads like SQL."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.JoinedStr):
            continue
        literal = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        if not SQL_WORDS.search(literal) or not re.search(
            r"\b(select|table|view)\b", literal, re.I
        ):
            continue
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                found.append((node.lineno, ast.unparse(v.value)))
    return found


def _sql_calls_with_built_strings(path: Path) -> list[int]:
    """Lines where .execute/.sql gets a string built by +, % or .format."""
    bad = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in ("execute", "executemany", "sql", "query") or not node.args:
            continue
        arg = node.args[0]
        built = isinstance(arg, ast.BinOp) or (
            isinstance(arg, ast.Call)
            and isinstance(arg.func, ast.Attribute)
            and arg.func.attr == "format"
        )
        if built:
            bad.append(node.lineno)
    return bad


def test_no_sql_interpolates_user_values():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for line, expr in _sql_fstrings(path):
            if not CONSTANT.fullmatch(expr) and expr not in ALLOWED.get(rel, {}):
                problems.append(f"{rel}:{line}: f-string SQL interpolates {expr!r}")
        problems += [
            f"{rel}:{n}: SQL built by +, % or .format" for n in _sql_calls_with_built_strings(path)
        ]
    assert not problems, "\n".join(problems)


def test_the_sql_checker_catches_pasting(tmp_path):
    """The scan above must be able to fail."""
    sample = tmp_path / "bad.py"
    sample.write_text(
        "def f(con, name):\n"
        "    con.execute(f\"SELECT * FROM articles WHERE title = '{name}'\")\n"
        "    con.execute(\"SELECT * FROM t WHERE x = '%s'\" % name)\n",
        encoding="utf-8",
    )
    assert _sql_fstrings(sample) == [(2, "name")]
    assert _sql_calls_with_built_strings(sample) == [3]
