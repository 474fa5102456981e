"""Re-processing after an upgrade (issue 18): each article records the extractor fingerprint
that made its facts; a run extracts stale articles again from the stored documents (never
from the sources), in batches, crash-safe; ``akhbar run --reprocess [--source NAME]``
forces it; the run summary says how many."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from test_crash import assert_no_leftovers, run_subprocess, snapshot

from akhbar.data import extractor_fingerprint
from tasks.load.parts import Store


def q(cli, wh: Path, sql: str) -> list[dict]:
    code, out, err = cli("query", "-w", str(wh), "-f", "json", sql)
    assert code == 0, err
    return json.loads(out)


def make_stale(wh: Path, fingerprint: str | None = "0ld0ld0ld0ld0ld0") -> None:
    """As if the warehouse had been written by another extractor version."""
    store = Store(wh)
    path = wh / store.manifest.index
    index = pq.read_table(path)
    col = pa.array([fingerprint] * index.num_rows, pa.string())
    at = index.schema.get_field_index("extractor_fingerprint")
    pq.write_table(index.set_column(at, "extractor_fingerprint", col), path)


def scramble_sources(folder: Path) -> None:
    """Other bytes, same size and mtime: a run that read a source would see garbage."""
    for f in folder.glob("*.txt"):
        st = f.stat()
        f.write_bytes(b"x" * st.st_size)
        os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))


def statuses(cli, wh: Path) -> list[str]:
    sql = "select status from files where run_id = (select max(run_id) from runs)"
    return sorted({r["status"] for r in q(cli, wh, sql)})


def test_stale_articles_are_extracted_again_from_the_stored_documents(
    cli, seeds_copy, warehouse, seeded_warehouse
):
    w = ["--warehouse", str(warehouse)]
    assert cli("run", str(seeds_copy), *w)[0] == 0
    fp = {r["f"] for r in q(cli, warehouse, "select extractor_fingerprint f from articles")}
    assert fp == {extractor_fingerprint()}
    code, out, _ = cli("run", str(seeds_copy), *w)
    assert code == 0 and "re-extracted" not in out  # current: nothing to do
    make_stale(warehouse)
    scramble_sources(seeds_copy)
    code, out, err = cli("run", str(seeds_copy), *w)
    assert code == 0, err
    assert "re-extracted: 5 stored article(s)" in out
    assert statuses(cli, warehouse) == ["unchanged"]  # no file was read
    assert q(cli, warehouse, "select reextracted from runs order by started_at desc")[0] == {
        "reextracted": 5
    }
    assert snapshot(warehouse) == snapshot(seeded_warehouse)
    assert_no_leftovers(warehouse)
    code, out, _ = cli("run", str(seeds_copy), *w)
    assert code == 0 and "re-extracted" not in out  # done once, not every run


def test_reprocess_forces_it_per_source_in_batches(
    cli, seeds_copy, warehouse, seeded_warehouse, monkeypatch
):
    monkeypatch.setattr("flows.ingest.BATCH_SIZE", 2)
    w = ["--warehouse", str(warehouse)]
    assert cli("run", str(seeds_copy), *w)[0] == 0
    code, out, err = cli("run", str(seeds_copy), "--reprocess", "--source", "seeds", *w)
    assert code == 0, err
    assert "re-extracted: 5 stored article(s)" in out
    parts = Store(warehouse).manifest.parts["articles"]
    batches = {p.rsplit("-", 1)[-1].split(".")[0] for p in parts}
    assert batches <= {"x00000", "x00001", "x00002", "story"} and "x00001" in batches
    log = (warehouse / "logs" / "akhbar.log").read_text(encoding="utf-8")
    assert "re-extracting 5 stored article(s) in 3 batches" in log
    assert snapshot(warehouse) == snapshot(seeded_warehouse)
    code, out, _ = cli("run", str(seeds_copy), "--reprocess", *w)  # every source of the run
    assert code == 0 and "re-extracted: 5" in out
    assert_no_leftovers(warehouse)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--reprocess", "--source", "nosuch"], "no source named 'nosuch'"),
        (["--source", "seeds"], "--source applies to --reprocess"),
    ],
)
def test_reprocess_mistakes_are_one_line(cli, seeded_warehouse, args, needle, tmp_path):
    wh = tmp_path / "wh"
    code, _, err = cli("run", *args, "--warehouse", str(wh))
    assert code == 1 and needle in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 2  # + Prefect's line


def test_articles_stored_before_fingerprints_are_extracted_again(
    cli, seeds_copy, warehouse, seeded_warehouse
):
    w = ["--warehouse", str(warehouse)]
    assert cli("run", str(seeds_copy), *w)[0] == 0
    make_stale(warehouse, None)
    store = Store(warehouse)
    for part in store.live_parts("documents"):  # documents without their metadata column
        pq.write_table(pq.read_table(part).drop_columns(["meta"]), part)
    for part in store.live_parts("articles"):
        tab = pq.read_table(part)
        pq.write_table(tab.drop_columns(["extractor_fingerprint"]), part)
    code, out, err = cli("run", str(seeds_copy), *w)
    assert code == 0 and "re-extracted: 5" in out, err
    got, want = snapshot(warehouse), snapshot(seeded_warehouse)
    for snap in (got, want):  # the documents' metadata is rebuilt from their articles
        snap["documents"] = [row[:-1] for row in snap["documents"]]
    assert got == want
    nulls = q(cli, warehouse, "select count(*) n from documents where meta is null")
    assert nulls == [{"n": 0}]


@pytest.mark.slow
@pytest.mark.parametrize("point", ["decode", "between_tables", "before_manifest"])
def test_a_crash_while_extracting_again_is_repaired_by_the_next_run(
    point, cli, seeds_copy, warehouse, seeded_warehouse
):
    w = ["--warehouse", str(warehouse)]
    assert cli("run", str(seeds_copy), *w)[0] == 0
    make_stale(warehouse)
    crashed = run_subprocess(
        ["run", str(seeds_copy), *w], {"AKHBAR_CRASH_AT": point}, warehouse.parent / "crashed"
    )
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr[-2000:]
    index = pq.read_table(warehouse / Store(warehouse).manifest.index)
    assert pc.all(pc.equal(index["extractor_fingerprint"], "0ld0ld0ld0ld0ld0")).as_py()
    code, out, err = cli("run", str(seeds_copy), *w)
    assert code == 0 and "re-extracted: 5" in out, err
    assert snapshot(warehouse) == snapshot(seeded_warehouse)
    assert_no_leftovers(warehouse)
