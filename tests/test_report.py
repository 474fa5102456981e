"""`akhbar report`: the page's content, its self-containment and its errors.

The charts are checked in a real browser in ``test_report_browser.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from test_marts import ROWS, build_synthetic_warehouse

from akhbar.report import load_report_data, render_report, write_report

CHARTS = ("figures", "incidents", "timeline", "entities", "boilerplate")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_synthetic_warehouse(tmp_path_factory.mktemp("report") / "warehouse")


@pytest.fixture(scope="module")
def page(synthetic: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("out") / "report.html"
    write_report(synthetic, out)
    return out.read_text(encoding="utf-8")


def test_page_has_every_chart_and_table(page: str) -> None:
    for name in CHARTS:
        assert f'id="chart-{name}"' in page
    assert page.count('class="disagreement"') == 9  # the rows test_marts expects
    assert page.count('class="growth"') == 2  # 300 at the border is no report of the total
    assert page.count('class="revision"') == 2
    assert "كازاخستان" in page and "توكاييف" in page


def test_page_is_self_contained(page: str) -> None:
    # Nothing to fetch: no external scripts, styles, images or fonts.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page)
    assert "vegaEmbed" in page and "window.vegaLite" in page  # the bundle is inline
    assert page.count("<script>") == 2 + len(CHARTS)  # bundle, helper, one per chart


def test_page_stays_small(page: str) -> None:
    # The inlined vega bundle is ~0.9 MB; the data of a small warehouse adds little.
    assert len(page.encode()) < 1_100_000


def test_empty_warehouse_says_so_instead_of_drawing(tmp_path: Path) -> None:
    empty = build_synthetic_warehouse(tmp_path / "w", {"articles": [], "documents": []})
    html = render_report(load_report_data(empty), js_bundle="")
    assert 'id="chart-' not in html
    assert "No dated figures yet." in html and "No entities yet." in html
    assert "0 articles" in html


def test_caps_mark_what_was_cut(synthetic: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import akhbar.report as report

    monkeypatch.setattr(report, "MAX_POINTS", 3)
    data = load_report_data(synthetic)
    assert len(data.rows["figures"]) == 3 and data.truncated["figures"]
    assert not data.truncated["conflicts"]
    assert "Showing the latest 3 figures only." in render_report(data, js_bundle="")


def test_old_database_without_marts_is_one_clear_error(cli, tmp_path: Path) -> None:
    duckdb.connect(str(tmp_path / "akhbar.duckdb")).close()  # no views at all
    code, _, stderr = cli("report", "--out", str(tmp_path / "r.html"), "-w", str(tmp_path))
    assert code == 1
    assert "lacks the mart views" in stderr and "akhbar run" in stderr
    assert not (tmp_path / "r.html").exists()


def test_cli_report_writes_the_page(cli, synthetic: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    code, stdout, stderr = cli("report", "--out", str(out), "--warehouse", str(synthetic))
    assert code == 0, stderr
    assert out.exists() and "wrote" in stdout
    dated = len(ROWS["figures"]) - 2  # E is a duplicate article, F has no date
    assert f"{dated} figures" in stdout.replace("\n", " ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--warehouse", "{tmp}/nowhere"], "no warehouse at"),
        (["--out", "{tmp}/missing/r.html"], "not a folder"),
    ],
)
def test_cli_report_errors_are_one_line(
    cli, synthetic: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    args = [a.format(tmp=tmp_path) for a in args]
    if "--warehouse" not in args:
        args += ["--warehouse", str(synthetic)]
    code, _, stderr = cli("report", *args)
    assert code == 1
    assert message in stderr and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
