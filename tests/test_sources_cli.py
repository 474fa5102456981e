"""`akhbar sources add | list | remove` through the CLI: no Prefect involved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from akhbar.config import SEEDS_DIR


def _registry(wh: Path) -> list[dict]:
    return json.loads((wh / "sources.json").read_text(encoding="utf-8"))["sources"]


def _one_line_error(code: int, err: str, needle: str) -> None:
    assert code == 1, err
    assert needle in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_add_list_remove(cli, tmp_path, warehouse):
    folder = tmp_path / "dumps"
    folder.mkdir()
    w = ["--warehouse", str(warehouse)]
    code, out, err = cli(
        "sources", "add", "scraper", str(folder), "--format", "jsonl",
        "--field", "text=content", "--field", "published_at=date_extracted",
        "--timezone", "Asia/Damascus", "--outlet", "العربي", *w,
    )  # fmt: skip
    assert code == 0, err
    reg = _registry(warehouse)
    assert [s["name"] for s in reg] == ["scraper"]  # issue 18: a fresh warehouse never reads seeds
    assert reg[0]["path"] == str(folder.resolve()) and Path(reg[0]["path"]).is_absolute()
    assert reg[0]["fields"] == {"text": "content", "published_at": "date_extracted"}
    assert reg[0]["timezone"] == "Asia/Damascus" and reg[0]["outlet"] == "العربي"
    code, out, _ = cli("sources", "list", *w)
    assert code == 0 and "scraper" in out and "seeds" not in out
    assert cli("sources", "remove", "scraper", *w)[0] == 0
    assert _registry(warehouse) == []


def test_default_is_seeds_and_env_names_the_warehouse(cli, tmp_path):
    wh = tmp_path / "from-env"
    code, out, _ = cli("sources", "list", env={"AKHBAR_WAREHOUSE": str(wh)})
    assert code == 0 and "seeds" in out and "default" in out
    folder = tmp_path / "txt"
    folder.mkdir()
    assert cli("sources", "add", "t", str(folder), env={"AKHBAR_WAREHOUSE": str(wh)})[0] == 0
    assert {s["name"] for s in _registry(wh)} == {"t"}  # the seeds were never read here


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["../evil", "{dir}"], "bad source name"),
        (["source=x", "{dir}"], "bad source name"),
        (["ok", "{dir}/missing"], "no such folder"),
        (["ok", "{dir}/file.txt"], "not a folder"),
        (["ok", "{dir}", "--format", "pdf"], "unknown format"),
        (["ok", "{dir}", "--encoding", "klingon"], "unknown encoding"),
        (["ok", "{dir}", "--timezone", "Mars/Olympus"], "unknown time zone"),
        (["ok", "{dir}", "--field", "body=content"], "unknown --field key"),
        (["ok", "{dir}", "--field", "text"], "KEY=FIELD"),
        (["ok", "{dir}", "--format", "html", "--field", "text=x"], "applies to .jsonl"),
    ],
)
def test_add_rejects_mistakes(cli, tmp_path, warehouse, args, needle):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "file.txt").write_text("x", encoding="utf-8")
    args = [a.format(dir=folder, seeds=SEEDS_DIR) for a in args]
    code, _, err = cli("sources", "add", *args, "--warehouse", str(warehouse))
    _one_line_error(code, err, needle)
    assert not (warehouse / "sources.json").exists()  # nothing half-registered


def test_remove_unknown_and_damaged_registry(cli, warehouse):
    code, _, err = cli("sources", "remove", "nope", "--warehouse", str(warehouse))
    _one_line_error(code, err, "no source named 'nope'")
    warehouse.mkdir(parents=True)
    (warehouse / "sources.json").write_text("{not json", encoding="utf-8")
    code, _, err = cli("sources", "list", "--warehouse", str(warehouse))
    _one_line_error(code, err, "cannot read")


def test_add_refuses_a_registered_name_or_folder(cli, tmp_path, warehouse):
    taken, other = tmp_path / "taken", tmp_path / "other"
    taken.mkdir()
    other.mkdir()
    w = ["--warehouse", str(warehouse)]
    assert cli("sources", "add", "taken", str(taken), *w)[0] == 0
    before = _registry(warehouse)
    code, _, err = cli("sources", "add", "taken", str(other), *w)
    _one_line_error(code, err, "already registered")
    code, _, err = cli("sources", "add", "again", str(taken), *w)
    _one_line_error(code, err, "already registered as 'taken'")
    assert _registry(warehouse) == before
