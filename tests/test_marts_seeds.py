"""The issue's "done when" on the real seeds (one shared `akhbar run`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest


@pytest.fixture(scope="module")
def seeds(seeded_warehouse: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(seeded_warehouse / "akhbar.duckdb"), read_only=True)
    yield con
    con.close()


def test_figure_reports_has_the_seed_arrests_of_004(seeds) -> None:
    assert (6000, dt.date(2022, 1, 9)) in _arrests(seeds)["004"]  # published Sunday 9 January


def _arrests(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    got: dict[str, list[tuple]] = {}
    for path, value, report_date in con.execute(
        "SELECT path, value, report_date FROM figure_reports WHERE count_type = 'ARREST'"
    ).fetchall():
        got.setdefault(path[:3], []).append((value, report_date))
    return got


def test_figure_reports_lists_the_arrests_of_001_and_004_with_dates(seeds) -> None:
    arrests = _arrests(seeds)
    assert (7939, dt.date(2022, 1, 10)) in arrests["001"]  # "until Monday morning"
    assert (6000, dt.date(2022, 1, 9)) in arrests["004"]  # published Sunday 9 January


def test_arrests_growing_from_9_to_10_january_are_growth(seeds) -> None:
    rows = seeds.execute(
        """SELECT relation FROM figure_conflicts
           WHERE count_type = 'ARREST' AND value_a = 6000 AND value_b = 7939"""
    ).fetchall()
    assert rows == [("growth",)]


def test_timeline_runs_from_2_to_12_january_in_order(seeds) -> None:
    dates = [r[0] for r in seeds.execute("SELECT resolved_date FROM timeline").fetchall()]
    assert dates, "timeline is empty"
    assert dates == sorted(dates)
    assert (dates[0], dates[-1]) == (dt.date(2022, 1, 2), dt.date(2022, 1, 12))


def test_boilerplate_ticker_of_003_adds_no_timeline_fact(seeds) -> None:
    # The Syrian headline ticker carries "24/11/2024"; nothing from it may be dated.
    late = seeds.execute("SELECT count(*) FROM timeline WHERE resolved_date > DATE '2022-12-31'")
    assert late.fetchone()[0] == 0
