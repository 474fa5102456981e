"""Publication dates from metadata, end to end (issue 18, problems 9 and 12): epochs written
as strings and day-first dates parse, an unreadable date is reported naming its field and
value, and a page's stated offset keeps its local day in every day-level view."""

from __future__ import annotations

import json
from pathlib import Path

LINES = [
    {"content": "اعتقلت الشرطة 20 شخصا في دمشق", "date_extracted": "1663950000"},
    {"content": "قتل خمسة أشخاص في حلب", "date_extracted": "23/09/2022"},
    {"content": "أصيب ثلاثة أشخاص في حمص", "date_extracted": "the day before yesterday"},
]
PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>مقتل 12 شخصا في هجوم على سوق في حلب</title>
<meta property="article:published_time" content="2020-12-25T01:59:00+02:00">
</head><body><article><h1>مقتل 12 شخصا في هجوم على سوق في حلب</h1>
<p>قال المرصد السوري لحقوق الإنسان إن 12 شخصا على الأقل قتلوا في هجوم استهدف سوقا شعبية.</p>
<p>وأضاف المرصد أن بين القتلى ثلاثة أطفال، مشيرا إلى أن عدد الضحايا مرشح للارتفاع.</p>
</article></body></html>
"""


def q(cli, wh: Path, sql: str) -> list[dict]:
    code, out, err = cli("query", "-w", str(wh), "-f", "json", sql)
    assert code == 0, err
    return json.loads(out)


def test_metadata_dates_parse_warn_and_keep_the_local_day(cli, tmp_path, warehouse):
    feed = tmp_path / "feed"
    feed.mkdir()
    dump = "\n".join(json.dumps(line, ensure_ascii=False) for line in LINES) + "\n"
    (feed / "dump.jsonl").write_text(dump, encoding="utf-8")
    (feed / "page.html").write_text(PAGE, encoding="utf-8")
    w = ["--warehouse", str(warehouse)]
    fields = ["--field", "text=content", "--field", "published_at=date_extracted"]
    assert cli("sources", "add", "feed", str(feed), *fields, *w)[0] == 0
    code, out, err = cli("run", *w)
    assert code == 0, err
    dates = {
        r["path"]: r
        for r in q(cli, warehouse, "select path, published_date::varchar d from article_dates")
    }
    assert dates["dump.jsonl#1"]["d"] == "2022-09-23"  # "1663950000"
    assert dates["dump.jsonl#2"]["d"] == "2022-09-23"  # "23/09/2022"
    assert dates["page.html"]["d"] == "2020-12-25"  # 01:59 +02:00 is the 24th in UTC only
    reports = q(cli, warehouse, "select distinct report_date::varchar d from figure_reports")
    assert {"d": "2020-12-25"} in reports and {"d": "2020-12-24"} not in reports
    warned = q(cli, warehouse, "select extractor, error from extract_errors")
    assert len(warned) == 1 and warned[0]["extractor"] == "metadata"
    assert "'the day before yesterday'" in warned[0]["error"]
    assert "date_extracted" in warned[0]["error"]
    assert "extractor errors: 1" in out  # the run says so
