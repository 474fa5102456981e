"""Readers for .jsonl dumps, saved .html pages and manifest.csv metadata (no Prefect)."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from akhbar.sources import FORMATS
from tasks.discover import FileInfo, list_files, split
from tasks.formats.html import NO_TEXT, read_html
from tasks.formats.jsonl import read_jsonl
from tasks.formats.meta import parse_published
from tasks.formats.txt import read_txt
from tasks.process.batch import process_batch

FIXTURES = Path(__file__).parent / "fixtures" / "ops"
SCRAPER = {"text": "content", "published_at": "date_extracted", "outlet": "source"}


@pytest.fixture
def ops(tmp_path: Path) -> Path:
    dest = tmp_path / "ops"
    shutil.copytree(FIXTURES, dest)
    return dest


def _info(folder: Path, name: str, source: str = "s") -> FileInfo:
    return next(f for f in list_files(source, folder, FORMATS["auto"]) if f.path == name)


@pytest.mark.parametrize(
    ("raw", "tz", "want", "precision"),
    [
        ("2022-01-08T09:15:00Z", None, datetime(2022, 1, 8, 9, 15, tzinfo=UTC), "minute"),
        ("2022-01-08 09:15:00", "Asia/Riyadh", datetime(2022, 1, 8, 6, 15, tzinfo=UTC), "minute"),
        ("2022-01-07T10:30:00+0300", None, datetime(2022, 1, 7, 7, 30, tzinfo=UTC), "minute"),
        ("2022/1/7", None, datetime(2022, 1, 7, tzinfo=UTC), "day"),
        ("2022-01-07", "Asia/Damascus", datetime(2022, 1, 7, tzinfo=UTC), "day"),
        (1641634500, None, datetime(2022, 1, 8, 9, 35, tzinfo=UTC), "minute"),
        # issue 18 (9): epochs written as strings, and day-first dates
        ("1663950000", None, datetime(2022, 9, 23, 16, 20, tzinfo=UTC), "minute"),
        ("1663950000000", None, datetime(2022, 9, 23, 16, 20, tzinfo=UTC), "minute"),
        ("23/09/2022", None, datetime(2022, 9, 23, tzinfo=UTC), "day"),
        ("3.9.2022", None, datetime(2022, 9, 3, tzinfo=UTC), "day"),
        ("23-09-2022 14:30", "Asia/Riyadh", datetime(2022, 9, 23, 11, 30, tzinfo=UTC), "minute"),
    ],
)
def test_parse_published(raw, tz, want, precision):
    assert parse_published(raw, tz)[:2] == (want, precision)


def test_a_stated_offset_keeps_its_local_day():
    at, _precision, offset = parse_published("2020-12-25 01:59 +02:00", None)
    assert at.date().isoformat() == "2020-12-25" and offset == "+02:00"
    assert at == datetime(2020, 12, 24, 23, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    "raw", ["not a date", "", None, True, 42, "07/01/2022 xx", "31/31/2022", "12345"]
)
def test_unparseable_dates_are_dropped(raw):
    assert parse_published(raw, None) is None


def test_jsonl_lines_field_map_and_quarantine(ops):
    opts = {"fields": SCRAPER, "timezone": "Asia/Riyadh"}
    items = read_jsonl(_info(ops / "jsonl", "dump.jsonl"), opts)
    by_path = {i.path: i for i in items}
    # line 5 is blank: not an article; every other line is accounted for
    assert list(by_path) == [f"dump.jsonl#{n}" for n in (1, 2, 3, 4, 6)]
    first = by_path["dump.jsonl#1"]
    assert first.text.startswith("اعتقلت قوات الأمن السودانية")
    assert first.meta["title"] == "اعتقال 40 شخصا في احتجاجات بالخرطوم"
    assert first.title == first.meta["title"]  # not in the text: given to clean() as the title
    assert first.meta["published_at"] == datetime(2022, 1, 8, 6, 15, tzinfo=UTC)
    assert first.meta["outlet"] == "aljazeera" and first.meta["author"] == "محمد عثمان"
    assert "author" not in by_path["dump.jsonl#2"].meta  # empty string is absent
    assert by_path["dump.jsonl#3"].text is None
    assert by_path["dump.jsonl#3"].reason.startswith("malformed JSON")
    assert by_path["dump.jsonl#4"].reason == "text field 'content' missing"
    assert "published_at" not in by_path["dump.jsonl#6"].meta  # "not a date": dropped
    assert len({i.sha256 for i in items}) == len(items)  # each line hashed on its own


def test_jsonl_identity_map_and_empty_file(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "نص الخبر هنا", "title": "عنوان"}\n')
    (tmp_path / "empty.jsonl").write_text("\n\n")
    [item] = read_jsonl(_info(tmp_path, "a.jsonl"), {})
    assert item.text == "نص الخبر هنا" and item.meta == {"title": "عنوان"}
    [empty] = read_jsonl(_info(tmp_path, "empty.jsonl"), {})
    assert empty.path == "empty.jsonl" and empty.text is None and "no articles" in empty.reason


def test_html_main_text_and_metadata(ops):
    item = read_html(_info(ops / "html", "aleppo-market.html"), {})
    assert item.text.splitlines()[0] == "مقتل 12 شخصا في هجوم على سوق في حلب"
    assert "قال المرصد السوري" in item.text
    for clutter in ("الرئيسية", "جميع الحقوق محفوظة"):  # nav and footer are gone
        assert clutter not in item.text
    assert item.meta["author"] == "سامر الأحمد"
    assert item.meta["published_at"] == datetime(2022, 1, 7, 7, 30, tzinfo=UTC)
    empty = read_html(_info(ops / "html", "empty-page.html"), {})
    assert empty.text is None and empty.reason == NO_TEXT


def test_manifest_supplies_metadata_and_title(ops):
    beirut = read_txt(_info(ops / "txt", "beirut.txt"), {}, {})
    assert beirut.meta == {
        "title": "حريق في مستودع قرب مرفأ بيروت",
        "published_at": datetime(2022, 1, 5, 18, 30, tzinfo=UTC),
        "published_precision": "minute",
        "url": "https://example.org/beirut-fire",
        "outlet": "النهار",
        "author": "ريما خوري",
    }
    assert beirut.title == beirut.meta["title"]
    cairo = read_txt(_info(ops / "txt", "cairo.txt"), {"timezone": "Africa/Cairo"}, {})
    assert cairo.meta == {
        "published_at": datetime(2022, 1, 6, tzinfo=UTC),  # a day stays that day
        "published_precision": "day",
    }
    assert cairo.title is None  # the first line stays the headline


def test_manifest_in_a_parent_folder_names_sub_paths(tmp_path):
    (tmp_path / "2022").mkdir()
    (tmp_path / "2022" / "a.txt").write_text("عنوان\n\nنص", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,author\n2022/a.txt,كاتب\n", encoding="utf-8")
    item = read_txt(_info(tmp_path, "2022/a.txt"), {}, {})
    assert item.meta == {"author": "كاتب"}


def test_batch_expands_jsonl_and_metadata_reaches_rows(ops):
    files = list_files("aj", ops / "jsonl", (".jsonl",))
    to_read, unchanged = split(files, {})
    assert len(to_read) == 1 and not unchanged
    opts = {"aj": {"fields": SCRAPER, "timezone": "Asia/Riyadh", "outlet": "fallback"}}
    res = process_batch(to_read, run_id="r", ingest_date=date(2022, 2, 1), options=opts)
    status = {o.candidate.info.path: o.status for o in res.outcomes}
    assert status == {
        "dump.jsonl#1": "ok",
        "dump.jsonl#2": "ok",
        "dump.jsonl#3": "quarantined",
        "dump.jsonl#4": "quarantined",
        "dump.jsonl#6": "ok",
    }
    arts = {r["path"]: r for r in res.tables["articles"].to_pylist()}
    a1 = arts["dump.jsonl#1"]
    assert a1["title"] == "اعتقال 40 شخصا في احتجاجات بالخرطوم"
    assert a1["url"] == "https://example.net/news/2022/1/8/a1" and a1["outlet"] == "aljazeera"
    docs = {r["path"]: r["text"] for r in res.tables["documents"].to_pylist()}
    assert docs["dump.jsonl#1"].startswith("اعتقلت")  # documents.text = the text field


def test_big_jsonl_is_cut_into_chunks_that_account_for_every_line(ops):
    files = list_files("aj", ops / "jsonl", (".jsonl",))
    [whole], _ = split(files, {})
    chunks, _ = split(files, {}, lines_per_chunk=2)
    assert [c.span[2:] for c in chunks] == [(1, 2), (3, 2), (5, 2)]  # (first line, lines)
    opts = {"aj": {"fields": SCRAPER}}

    def outcomes(cands: list) -> list[tuple]:
        res = process_batch(cands, run_id="r", ingest_date=date(2022, 2, 1), options=opts)
        return [(o.candidate.info.path, o.status, o.sha256) for o in res.outcomes]

    assert outcomes(chunks) == outcomes([whole])
    assert len(outcomes(chunks)) == 5


def test_unchanged_jsonl_is_not_read_and_lines_carry_over(ops):
    files = list_files("aj", ops / "jsonl", (".jsonl",))
    f = files[0]
    ledger = {
        ("aj", f"dump.jsonl#{n}"): {
            "path": f"dump.jsonl#{n}", "size": f.size, "mtime_ns": f.mtime_ns,
            "sha256": f"h{n}", "article_id": f"a{n}", "status": "new", "reason": None,
        }
        for n in (1, 2, 6)
    }  # fmt: skip
    to_read, unchanged = split(files, ledger)
    assert not to_read
    assert sorted(u.path for u in unchanged) == ["dump.jsonl#1", "dump.jsonl#2", "dump.jsonl#6"]
    os.utime(f.abspath, ns=(f.mtime_ns + 10**9, f.mtime_ns + 10**9))
    to_read, unchanged = split(list_files("aj", ops / "jsonl", (".jsonl",)), ledger)
    assert not unchanged and set(to_read[0].previous_lines) == {p for _, p in ledger}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b.txt", ".", "", "..", "x y"]), min_size=1, max_size=5))
def test_manifest_paths_are_keyed_as_pathlib_writes_them(parts: list[str]) -> None:
    from pathlib import PurePosixPath

    from tasks.formats.txt import posix_key

    rel = "/".join(parts)
    assert posix_key(rel) == str(PurePosixPath(rel.removeprefix("./")))
