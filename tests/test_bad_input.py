"""Bad input: every kind of awkward file ends ingested or quarantined with a reason.

The unit tests drive discover + process_batch directly (no Prefect); one
end-to-end run checks that the run survives all of them at once and that the
files ledger accounts for every file.
"""

from __future__ import annotations

import builtins
import codecs
import os
from datetime import date
from pathlib import Path

import duckdb
import pytest

from akhbar.config import MAX_FILE_BYTES
from akhbar.sources import Source
from tasks.discover import list_files, split
from tasks.process.batch import process_batch

ROOT = Path(__file__).resolve().parent.parent
ARABIC = (ROOT / "seeds" / "000_7941f12e7710237d.txt").read_text(encoding="utf-8")[:900]
# Every character of this one exists in ISO-8859-6 (no Persian letters, no curly quotes).
PLAIN_ARABIC = "عنوان الخبر\n\nقال المتحدث إن الوضع مستقر في المدينة اليوم بعد أيام من القتال.\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
    + bytes(range(256)) * 4
)

# name -> (bytes, expected status, reason fragment or text check)
OK, QUAR = "ok", "quarantined"


def bad_files() -> dict[str, tuple[bytes, str, str | None]]:
    bidi = "\u200f" + PLAIN_ARABIC.replace(" ", " \u200c", 3) + "\u202bنص\u202c\u2066x\u2069\n"
    return {
        "undecodable.txt": (bytes(range(128, 256)) * 8, QUAR, "undecodable"),
        "image.txt": (PNG, QUAR, None),
        "empty.txt": (b"", QUAR, "empty"),
        "blank.txt": (b"  \n\t\r\n   \n", QUAR, "whitespace"),
        "nul.txt": (ARABIC.encode() + b"\x00\x00" + ARABIC.encode(), QUAR, None),
        # Distinct texts: the same text in two encodings is one article and a duplicate.
        "bom.txt": (codecs.BOM_UTF8 + ("1 " + ARABIC).encode(), OK, "1 " + ARABIC),
        "utf16le.txt": (
            codecs.BOM_UTF16_LE + ("2 " + ARABIC).encode("utf-16-le"),
            OK,
            "2 " + ARABIC,
        ),
        "utf16be.txt": (
            codecs.BOM_UTF16_BE + ("3 " + ARABIC).encode("utf-16-be"),
            OK,
            "3 " + ARABIC,
        ),
        "cp1256.txt": (("4 " + ARABIC).encode("cp1256"), OK, "4 " + ARABIC),
        "iso8859-6.txt": (PLAIN_ARABIC.encode("iso8859_6"), OK, PLAIN_ARABIC),
        "crlf.txt": (("5 " + ARABIC).replace("\n", "\r\n").encode(), OK, "5 " + ARABIC),
        "bidi.txt": (bidi.encode(), OK, bidi),
        "name with spaces.txt": (("أ " + ARABIC).encode(), OK, "أ " + ARABIC),
        "line\nbreak.txt": (("ب " + ARABIC).encode(), OK, "ب " + ARABIC),
        "خبر 🗞 e\u0301\u200f.txt": (("ت " + ARABIC).encode(), OK, "ت " + ARABIC),
        "unreadable.txt": (("ث " + ARABIC).encode(), QUAR, "permission"),
    }


def make_folder(base: Path) -> Path:
    """A source folder holding every bad kind, a huge file and an outward symlink."""
    src = base / "bad"
    src.mkdir()
    for name, (data, _, _) in bad_files().items():
        (src / name).write_bytes(data)
    with open(src / "huge.txt", "wb") as fh:  # sparse: over the limit without writing it
        fh.truncate(MAX_FILE_BYTES + 1)
    secret = base / "outside.txt"
    secret.write_text("سر " + ARABIC, encoding="utf-8")
    (src / "escape.txt").symlink_to(secret)
    os.chmod(src / "unreadable.txt", 0)
    return src


@pytest.fixture
def deny_unreadable(monkeypatch):
    """Root reads mode-000 files anyway; make open() fail for that one as it would for a user."""
    if os.geteuid() != 0:
        return
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).endswith("unreadable.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)


def outcomes_for(src: Path) -> dict:
    files = list_files("bad", src)
    to_read, unchanged = split(files, {})
    assert not unchanged
    opts = {"bad": Source("bad", str(src)).options()}
    result = process_batch(to_read, run_id="t", ingest_date=date(2024, 1, 1), options=opts)
    texts = {r["path"]: r["text"] for r in result.tables["documents"].to_pylist()}
    return {o.candidate.info.path: (o, texts.get(o.candidate.info.path)) for o in result.outcomes}


def test_every_kind_is_ingested_or_quarantined(tmp_path, deny_unreadable):
    src = make_folder(tmp_path)
    got = outcomes_for(src)
    expected = bad_files()
    assert set(got) == {*expected, "huge.txt", "escape.txt"}  # the ledger sees every file
    for name, (_, status, check) in expected.items():
        outcome, text = got[name]
        assert outcome.status == status, (name, outcome.reason)
        if status == QUAR:
            assert outcome.reason, name
            assert check is None or check in outcome.reason, (name, outcome.reason)
        else:
            assert text == check.replace("\r\n", "\n"), name
    assert "too large" in got["huge.txt"][0].reason
    escape, text = got["escape.txt"]
    assert escape.status == QUAR and "outside" in escape.reason and text is None


def test_file_deleted_between_listing_and_reading(tmp_path):
    src = tmp_path / "s"
    src.mkdir()
    (src / "a.txt").write_text(ARABIC, encoding="utf-8")
    (src / "gone.txt").write_text(ARABIC + "!", encoding="utf-8")
    to_read, _ = split(list_files("s", src), {})
    (src / "gone.txt").unlink()
    result = process_batch(to_read, run_id="t", ingest_date=date(2024, 1, 1))
    by = {o.candidate.info.path: o for o in result.outcomes}
    assert by["a.txt"].status == OK
    assert by["gone.txt"].status == QUAR and "vanished" in by["gone.txt"].reason


@pytest.mark.slow
def test_run_over_bad_folder_accounts_for_every_file(cli, tmp_path):
    src = make_folder(tmp_path)
    wh = tmp_path / "wh"
    code, _, err = cli("run", str(src), "--warehouse", str(wh))
    assert code == 0, err
    assert "Traceback" not in err
    con = duckdb.connect(str(wh / "akhbar.duckdb"), read_only=True)
    rows = con.execute("select path, status, reason from files").fetchall()
    on_disk = {p.relative_to(src).as_posix() for p in src.iterdir()}
    assert sorted(r[0] for r in rows) == sorted(on_disk)  # each file exactly once
    for path, status, reason in rows:
        assert status in ("new", "quarantined"), path
        assert (status == "quarantined") == bool(reason), path
    quarantined = {r[0] for r in rows if r[1] == "quarantined"}
    assert {"empty.txt", "image.txt", "huge.txt", "escape.txt", "nul.txt"} <= quarantined
    texts = [r[0] for r in con.execute("select text from documents").fetchall()]
    assert not any(t.startswith("سر ") for t in texts)  # the symlink target was never read
