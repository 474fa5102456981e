"""Editing a manifest.csv row re-processes its file and replaces the old rows."""

from __future__ import annotations

import json
from pathlib import Path

BODY = (
    "انفجار في مرفأ المدينة\n\n"
    "قتل 12 شخصا وأصيب 40 آخرون في انفجار وقع في مستودع بمرفأ المدينة مساء الأحد، "
    "بحسب ما أعلنت وزارة الصحة.\n"
)


def _q(cli, wh: Path, sql: str) -> list[dict]:
    code, out, err = cli("query", "-w", str(wh), "-f", "json", sql)
    assert code == 0, err
    return json.loads(out)


def _rows_per_view(cli, wh: Path, aid: str) -> dict[str, int]:
    views = ("documents", "articles", "boilerplate", "figures", "mentions", "timex", "quotes")
    return {
        v: _q(cli, wh, f"select count(*) n from {v} where article_id = '{aid}'")[0]["n"]
        for v in views
    }


def test_edited_manifest_row_refreshes_the_article(cli, tmp_path, warehouse):
    src = tmp_path / "port"
    src.mkdir()
    (src / "blast.txt").write_text(BODY, encoding="utf-8")
    (src / "other.txt").write_text(BODY.replace("12", "7"), encoding="utf-8")
    manifest = src / "manifest.csv"
    manifest.write_text(
        "path,outlet,published_at\nblast.txt,النهار,2022-08-07 20:00:00\n", encoding="utf-8"
    )
    assert cli("run", str(src), "-w", str(warehouse))[0] == 0
    before = _q(cli, warehouse, "select article_id, outlet from articles where path = 'blast.txt'")
    assert before[0]["outlet"] == "النهار"
    rows_before = _rows_per_view(cli, warehouse, before[0]["article_id"])
    assert rows_before["figures"] >= 2 and rows_before["timex"] >= 1

    manifest.write_text(
        "path,outlet,published_at\nblast.txt,الأخبار,2022-08-07 20:00:00\n", encoding="utf-8"
    )
    code, _out, err = cli("run", str(src), "-w", str(warehouse))
    assert code == 0, err
    statuses = _q(
        cli,
        warehouse,
        "select path, status from files where run_id = (select max(run_id) from runs) order by 1",
    )
    assert statuses == [
        {"path": "blast.txt", "status": "changed"},
        {"path": "other.txt", "status": "unchanged"},  # its (absent) row did not change
    ]
    after = _q(cli, warehouse, "select article_id, outlet from articles where path = 'blast.txt'")
    assert after == [{"article_id": before[0]["article_id"], "outlet": "الأخبار"}]
    # the old rows are gone everywhere: each table holds the article's rows once
    assert _rows_per_view(cli, warehouse, after[0]["article_id"]) == rows_before

    code, _out, _ = cli("run", str(src), "-w", str(warehouse))  # and now it is settled
    last = _q(
        cli,
        warehouse,
        "select distinct status from files where run_id = (select max(run_id) from runs)",
    )
    assert last == [{"status": "unchanged"}]
