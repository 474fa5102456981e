"""End-to-end benchmark of the ingest flow (not a test: run it by hand).

    uv run python bench/run.py --articles 10000                 # real text (default)
    uv run python bench/run.py --articles 50000 --json bench/out/real-50k.json
    uv run python bench/run.py --articles 10000 --corpus synthetic

Writes (once, then reuses) a corpus under bench/out/: real text built from
../shared/dev/ant_dev.jsonl (bench/realcorpus.py), or the synthetic profile
(bench/corpus.py). Times a 5-article ``akhbar run`` through the CLI in a fresh
process (the start-up a user waits for), then in one
process: starts Prefect (timed on a trivial flow), runs the ingest flow into
a fresh warehouse, runs the same functions in a bare Python loop into another,
re-runs the flow over the unchanged corpus (no-op), times a query of every
view, and reports peak memory of this process and of its whole process tree
(pool workers and Prefect's ephemeral server included), and prints the
per-stage table of clean + extract over the corpus's first articles.
``--json FILE`` saves the numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from corpus import write_corpus  # noqa: E402
from realcorpus import write_real_corpus  # noqa: E402

from akhbar import prefect_env  # noqa: E402

# How often the memory sampler looks at the process tree: fine enough to see
# a batch's peak (batches take ~0.1-1 s), cheap enough not to show in timings.
RSS_SAMPLE_S = 0.05
# A view query slower than this, or needing more memory, is reported as such
# rather than left to take the machine down (a quadratic view at 50k articles).
VIEW_TIMEOUT_S = 60
VIEW_MEMORY = "2GB"
# Proportional set size (shared pages split among the processes sharing them) is read
# from /proc every this many RSS samples: a forked pool shares the parent's pages, which
# a sum of RSS counts once per process; smaps_rollup costs ~1 ms a process.
PSS_EVERY = 10
# Articles in the warm-up run: enough to touch every stage, too few to matter.
WARMUP_ARTICLES = 20
# Articles in the CLI start-up run: the "5-article run".
STARTUP_ARTICLES = 5
# Articles timed stage by stage (clean + extract): enough for a stable mean
# (+-3 % between runs at 1,000), short enough to add ~5 s.
STAGE_ARTICLES = 1000
WRITERS = {"real": write_real_corpus, "synthetic": write_corpus}


class TreeRss:
    """Peak resident memory of this process and of its whole tree, sampled, per phase."""

    def __init__(self) -> None:
        self.peaks: dict[str, list[int]] = {}  # phase -> [self RSS, tree RSS, tree PSS]
        self.phase = "start"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        tick = 0
        while not self._stop.wait(RSS_SAMPLE_S):
            procs = [me, *me.children(recursive=True)]
            own, total = 0, 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                own = rss if p is me else own
            peak = self.peaks.setdefault(self.phase, [0, 0, 0])
            peak[0], peak[1] = max(peak[0], own), max(peak[1], total)
            tick += 1
            if tick % PSS_EVERY == 0:
                peak[2] = max(peak[2], sum(_pss(p.pid) for p in procs))

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def mb(self) -> dict[str, dict[str, int]]:
        return {
            k: {"self": v[0] >> 20, "tree": v[1] >> 20, "tree_pss": v[2] >> 20}
            for k, v in self.peaks.items()
        }


def _pss(pid: int) -> int:
    """Bytes of proportional set size of one process (0 when it is gone or unreadable)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def corpus_for(n: int, kind: str = "real") -> Path:
    folder = BENCH / "out" / (f"corpus-{n}" if kind == "synthetic" else f"{kind}-{n}")
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        WRITERS[kind](folder, n)
        done.touch()
        print(f"corpus: wrote {n} articles in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return folder


def bare_loop(corpus: Path, root: Path) -> dict:
    """The flow's work, same functions, no Prefect: serial, in this process."""
    from akhbar.config import BATCH_SIZE
    from akhbar.sources import adhoc_sources
    from tasks.discover.task import discover_task
    from tasks.incidents.task import incidents_task
    from tasks.load.ledger import RunLedger, run_table
    from tasks.load.parts import Store
    from tasks.process.batch import cut_batches
    from tasks.process.task import process_task
    from tasks.story import StoryHold, stage_held
    from tasks.views.task import views_task

    root.mkdir(parents=True, exist_ok=True)
    sources = adhoc_sources([str(corpus)])
    started = datetime.now(UTC)
    run_id = started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    store = Store(root)
    store.recover()
    hold = StoryHold()
    rl = RunLedger(store, run_id, hold=hold.consider)
    folders = [(s.name, s.path, s.suffixes()) for s in sources]
    to_read, unchanged = discover_task.fn(folders, rl.ledger)
    rl.add_unchanged(unchanged)
    options = {s.name: s.options() for s in sources}
    for i, b in enumerate(cut_batches(to_read, BATCH_SIZE)):
        result = process_task.fn(b, run_id, date.today(), options)
        rl.add_batch(result, f"{run_id}-{i:05d}")
    stage_held(rl, hold, date.today())  # as the flow does: held undated articles are staged here
    incidents_task.fn(store, run_id)
    rl.add_deleted([s.name for s in sources], {(r["source"], r["path"]) for r in rl.file_rows})
    summary = rl.summary()
    store.stage_ledger_part(
        "runs", run_id, run_table(run_id, "", started, [s.name for s in sources], summary)
    )
    rl.commit()
    views_task.fn(root)
    return summary


def time_views(root: Path) -> dict[str, float | str]:
    """Seconds to compute and fetch every view in full (as Arrow); slow ones are cut off."""
    import duckdb

    con = duckdb.connect(
        str(root / "akhbar.duckdb"), read_only=True, config={"memory_limit": VIEW_MEMORY}
    )
    out: dict[str, float | str] = {}
    try:
        views = con.execute(
            "select view_name from duckdb_views() where not internal order by 1"
        ).fetchall()
        for (v,) in views:
            timer = threading.Timer(VIEW_TIMEOUT_S, con.interrupt)
            t = time.perf_counter()
            timer.start()
            try:
                con.sql(f'select * from "{v}"').to_arrow_table()
                out[v] = round(time.perf_counter() - t, 4)
            except duckdb.Error as e:
                out[v] = f"gave up after {time.perf_counter() - t:.0f} s: {str(e)[:60]}"
            finally:
                timer.cancel()
    finally:
        con.close()
    return out


def cli_startup(kind: str, work: Path) -> float:
    """Wall seconds of ``akhbar run`` on a 5-article folder, in a fresh process."""
    folder = corpus_for(STARTUP_ARTICLES, kind)
    cli = Path(sys.executable).parent / "akhbar"
    cmd = [str(cli), "run", str(folder), "--warehouse", str(work / "startup")]
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    took = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"start-up run failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return took


def corpus_texts(corpus: Path, n: int) -> list[str]:
    """The first ``n`` article texts of a corpus folder, in file order."""
    files = sorted(corpus.glob("*/*.txt"))[:n]
    return [p.read_text(encoding="utf-8") for p in files]


def timed(fn, *args, **kwargs) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - t, result


def main() -> None:
    ap = argparse.ArgumentParser(description="akhbar end-to-end benchmark")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--corpus", choices=tuple(WRITERS), default="real")
    ap.add_argument("--skip-bare", action="store_true", help="skip the bare-loop comparison")
    ap.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = ap.parse_args()

    corpus = corpus_for(args.articles, args.corpus)
    work = BENCH / "out" / f"wh-{args.corpus}-{args.articles}"
    shutil.rmtree(work, ignore_errors=True)
    r: dict = {"articles": args.articles, "corpus": args.corpus, "cores": os.cpu_count()}
    r["cli_startup_s"] = cli_startup(args.corpus, work)
    prefect_env.configure(work / "logs" / "akhbar.log")
    t0 = time.perf_counter()
    from prefect import flow

    from flows.ingest import ingest

    @flow(name="bench-warmup")
    def warmup() -> None:
        return None

    with TreeRss() as tree:
        r["prefect_startup_s"], _ = timed(warmup)
        r["import_s"] = time.perf_counter() - t0 - r["prefect_startup_s"]
        # Lexicons, gazetteers, pyarrow/duckdb and Prefect's task engine all load on
        # first use: one small run pays for them, outside both timings.
        small = corpus_for(WARMUP_ARTICLES, args.corpus)
        r["warmup_run_s"], _ = timed(ingest, paths=[str(small)], warehouse=str(work / "warm"))
        tree.phase = "flow"
        r["flow_s"], summary = timed(ingest, paths=[str(corpus)], warehouse=str(work / "flow"))
        r["rows"] = {k: v for k, v in summary.items() if k.startswith("rows_")}
        r["quarantined"] = summary["quarantined"]
        if not args.skip_bare:
            tree.phase = "bare"
            r["bare_s"], _ = timed(bare_loop, corpus, work / "bare")
            r["ratio_flow_to_bare"] = r["flow_s"] / r["bare_s"]
        tree.phase = "noop"
        r["noop_rerun_s"], noop = timed(ingest, paths=[str(corpus)], warehouse=str(work / "flow"))
        assert noop["unchanged"] == args.articles, noop
        tree.phase = "views"
        r["views_s"] = time_views(work / "flow")
        tree.phase = "stages"
        from profile_extract import stage_times

        r["stages_ms"] = stage_times(corpus_texts(corpus, STAGE_ARTICLES), repeat=1)
    r["articles_per_s_flow"] = args.articles / r["flow_s"]
    r["articles_per_s_with_startup"] = args.articles / (r["flow_s"] + r["prefect_startup_s"])
    r["peak_rss_mb_self"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    r["peak_rss_mb_tree"] = max(v["tree"] for v in tree.mb().values())
    r["peak_pss_mb_tree"] = max(v["tree_pss"] for v in tree.mb().values())
    r["peak_rss_mb_by_phase"] = tree.mb()
    report(r)
    if args.json:
        args.json.write_text(json.dumps(r, indent=1), encoding="utf-8")


def report(r: dict) -> None:
    print(f"articles                     {r['articles']} {r['corpus']}  (cores: {r['cores']})")
    print(f"CLI run of {STARTUP_ARTICLES} articles        {r['cli_startup_s']:.2f} s (fresh)")
    print(f"Prefect start-up             {r['prefect_startup_s']:.2f} s (trivial flow)")
    print(f"warm-up run                  {r['warmup_run_s']:.2f} s ({WARMUP_ARTICLES} articles)")
    print(
        f"flow, end to end             {r['flow_s']:.2f} s = {r['articles_per_s_flow']:.0f} art/s"
    )
    print(f"  with Prefect start-up      {r['articles_per_s_with_startup']:.0f} art/s")
    if "bare_s" in r:
        print(f"bare Python loop             {r['bare_s']:.2f} s")
        print(f"speed-up bare / flow         {1 / r['ratio_flow_to_bare']:.2f}x (target >= 1.6)")
    print(f"no-op re-run                 {r['noop_rerun_s']:.2f} s")
    print(f"peak RSS, this process       {r['peak_rss_mb_self']:.0f} MB")
    print(f"peak RSS, process tree       {r['peak_rss_mb_tree']:.0f} MB (sum of RSS)")
    print(f"peak PSS, process tree       {r['peak_pss_mb_tree']:.0f} MB (shared pages once)")
    for phase, mb in r["peak_rss_mb_by_phase"].items():
        tree = f"tree {mb['tree']} MB RSS / {mb['tree_pss']} MB PSS"
        print(f"  {phase:26s} self {mb['self']} MB, {tree}")
    print(f"quarantined                  {r['quarantined']}")
    print("rows         " + ", ".join(f"{k[5:]}={v}" for k, v in r["rows"].items()))
    print("view query (select *, fetched), s:")
    for v, s in r["views_s"].items():
        print(f"  {v:28s} {s:.3f}" if isinstance(s, float) else f"  {v:28s} {s}")
    print(f"clean + extract, ms/article (first {STAGE_ARTICLES}, one pass, in process):")
    for k, v in r["stages_ms"].items():
        print(f"  {k:28s} {v:.3f}")
    print(f"  {'total':28s} {sum(r['stages_ms'].values()):.3f}")


if __name__ == "__main__":
    main()
