"""A source is its folder (issue 18, problems 1 and 2): a one-off run of another folder
with a taken name is refused naming both folders, Arabic folder names keep their names,
and no article is ever deleted for sharing a name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from akhbar.config import SEEDS_DIR

SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


def q(cli, wh: Path, sql: str) -> list[dict]:
    code, out, err = cli("query", "-w", str(wh), "-f", "json", sql)
    assert code == 0, err
    return json.loads(out)


def counts(cli, wh: Path) -> dict:
    return {
        "articles": q(cli, wh, "select count(*) n from articles")[0]["n"],
        "deleted": q(cli, wh, "select count(*) n from files where status = 'deleted'")[0]["n"],
    }


def one_line_refusal(code: int, err: str, *folders: Path) -> None:
    assert code == 1 and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    for folder in folders:
        assert str(folder) in err, (folder, err)


def test_another_folder_named_like_the_default_seeds_is_refused(cli, tmp_path, warehouse):
    w = ["--warehouse", str(warehouse)]
    assert cli("run", *w)[0] == 0  # the built-in seeds, as on a fresh machine
    empty = tmp_path / "empty" / "seeds"
    empty.mkdir(parents=True)
    code, _, err = cli("run", str(empty), *w)
    one_line_refusal(code, err, empty, SEEDS_DIR)
    assert counts(cli, warehouse) == {"articles": 5, "deleted": 0}


def test_another_folder_named_like_a_registered_source_is_refused(cli, tmp_path, warehouse):
    w = ["--warehouse", str(warehouse)]
    mine = tmp_path / "data" / "mynews"
    mine.mkdir(parents=True)
    shutil.copy(SEEDS[0], mine)
    assert cli("sources", "add", "mynews", str(mine), *w)[0] == 0
    assert cli("run", *w)[0] == 0
    other = tmp_path / "some" / "other" / "mynews"
    other.mkdir(parents=True)
    shutil.copy(SEEDS[1], other)
    code, _, err = cli("run", str(other), *w)
    one_line_refusal(code, err, other, mine)
    assert counts(cli, warehouse) == {"articles": 1, "deleted": 0}
    # registering it under that name is refused too; under another name it is its own source
    one_line_refusal(*cli("sources", "add", "mynews", str(other), *w)[::2], mine)
    assert cli("sources", "add", "othernews", str(other), *w)[0] == 0
    assert cli("run", *w)[0] == 0
    assert counts(cli, warehouse) == {"articles": 2, "deleted": 0}


def test_a_registered_folder_run_by_path_is_that_source(cli, tmp_path, warehouse):
    w = ["--warehouse", str(warehouse)]
    folder = tmp_path / "feed"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder)
    assert cli("sources", "add", "lebanon", str(folder), "--outlet", "النهار", *w)[0] == 0
    assert cli("run", str(folder), *w)[0] == 0
    rows = q(cli, warehouse, "select source, outlet from articles")
    assert [r["source"] for r in rows] == ["lebanon"]


def test_arabic_folder_names_keep_their_names(cli, tmp_path, warehouse):
    w = ["--warehouse", str(warehouse)]
    first = tmp_path / "data" / "أخبار اليوم"
    second = tmp_path / "data" / "مجلد"
    for folder, seed in ((first, SEEDS[0]), (second, SEEDS[1])):
        folder.mkdir(parents=True)
        shutil.copy(seed, folder)
        code, _, err = cli("run", str(folder), *w)
        assert code == 0, err
    rows = q(cli, warehouse, "select source, count(*) n from articles group by 1 order by 1")
    assert rows == [{"source": "أخبار-اليوم", "n": 1}, {"source": "مجلد", "n": 1}]
    assert counts(cli, warehouse) == {"articles": 2, "deleted": 0}
    # the same folder again is the same source: nothing new, nothing deleted
    assert cli("run", str(first), *w)[0] == 0
    assert counts(cli, warehouse) == {"articles": 2, "deleted": 0}


def test_folders_whose_names_have_no_letter_still_never_share_rows(cli, tmp_path, warehouse):
    w = ["--warehouse", str(warehouse)]
    first, second = tmp_path / "a" / "---", tmp_path / "b" / "---"
    for folder, seed in ((first, SEEDS[0]), (second, SEEDS[1])):
        folder.mkdir(parents=True)
        shutil.copy(seed, folder)
    assert cli("run", str(first), *w)[0] == 0
    code, _, err = cli("run", str(second), *w)
    one_line_refusal(code, err, first, second)
    assert counts(cli, warehouse) == {"articles": 1, "deleted": 0}
