"""Health of a real-news run: is anything lost, emptied or cut, and does any stage fail?

Run: ``uv run python scripts/eval_realnews.py [DUMP.jsonl] [--sample N]``
(default dump: ``../shared/dev/ant_dev.jsonl``, 2,000 real 2018 articles).

The dump is copied to a temporary folder (never into the repository), registered
as a ``.jsonl`` source with the field map of ``../shared/dev/README.md``, and run
through ``akhbar run`` into a temporary warehouse, exactly as a user would. Then,
per outlet: articles in, lost (quarantined or missing), bodies emptied, bodies cut
below half of their text, extractor errors, boilerplate removed by kind, facts
per article; and the run's wall time and throughput. ``--sample N`` prints N
random boilerplate removals for checking by hand. The last line is the summary.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DUMP = ROOT.parent / "shared" / "dev" / "ant_dev.jsonl"
AKHBAR = str(Path(sys.executable).parent / "akhbar")
FIELDS = ["text=text", "title=title", "published_at=date", "outlet=outlet", "url=url"]
SOURCE = "realnews"  # the name the dump is registered under (the queries filter on it)
CUT_SHARE = 0.5  # a body under half of its text is worth a look

PER_OUTLET_ARTICLES = """
SELECT a.outlet, count(*) AS articles,
       count(*) FILTER (WHERE trim(a.body) = '') AS emptied,
       count(*) FILTER (WHERE length(a.body) < ? * length(d.text)) AS cut_below_half,
       count(*) FILTER (WHERE a.clean_flag IS NOT NULL) AS flagged
FROM articles AS a JOIN documents AS d USING (article_id)
WHERE a.source = 'realnews'
GROUP BY a.outlet ORDER BY a.outlet
"""
PER_OUTLET_FACTS = """
SELECT a.outlet,
       (SELECT count(*) FROM extract_errors e JOIN articles x USING (article_id)
        WHERE x.outlet = a.outlet) AS extractor_errors,
       round((SELECT count(*) FROM mentions m JOIN articles x USING (article_id)
              WHERE x.outlet = a.outlet) / count(*), 1) AS mentions,
       round((SELECT count(*) FROM figures m JOIN articles x USING (article_id)
              WHERE x.outlet = a.outlet) / count(*), 2) AS figures,
       round((SELECT count(*) FROM timex m JOIN articles x USING (article_id)
              WHERE x.outlet = a.outlet) / count(*), 1) AS timex,
       round((SELECT count(*) FROM quotes m JOIN articles x USING (article_id)
              WHERE x.outlet = a.outlet) / count(*), 2) AS quotes
FROM articles AS a WHERE a.source = 'realnews' GROUP BY a.outlet ORDER BY a.outlet
"""
# Removals in a fixed pseudo-random order (hash of the span), so a sample is repeatable.
SAMPLE = """
SELECT b.kind, a.outlet, replace(left(b.text, 160), chr(10), ' | ') AS text
FROM boilerplate AS b JOIN articles AS a USING (article_id)
WHERE a.source = 'realnews'
ORDER BY hash(b.article_id || b.start) LIMIT ?
"""
BOILERPLATE = """
SELECT a.outlet, b.kind, count(*) AS spans
FROM boilerplate AS b JOIN articles AS a USING (article_id)
WHERE a.source = 'realnews'
GROUP BY ALL ORDER BY a.outlet, spans DESC
"""


def _akhbar(*args: str) -> str:
    out = subprocess.run([AKHBAR, *args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        sys.exit(f"akhbar {' '.join(args[:2])} failed: {out.stderr.strip() or out.stdout}")
    return out.stdout


def _outlet_of_line(dump: Path) -> dict[int, str]:
    """Line number (1-based, as in FILE#N) -> outlet, for every non-blank line."""
    out: dict[int, str] = {}
    with dump.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                out[n] = json.loads(line).get("outlet") or "?"
    return out


def _lost(con: duckdb.DuckDBPyConnection, outlet_of: dict[int, str]) -> dict[str, int]:
    """Lines with no article: quarantined, or never accounted for in ``files``."""
    kept = {
        int(path.rpartition("#")[2])
        for path, status in con.execute(
            "SELECT path, status FROM files WHERE source = ?", [SOURCE]
        ).fetchall()
        if status != "quarantined"
    }
    lost: dict[str, int] = {}
    for n, outlet in outlet_of.items():
        if n not in kept:
            lost[outlet] = lost.get(outlet, 0) + 1
    return lost


def _table(title: str, cols: list[str], rows: list[tuple]) -> None:
    print(f"\n{title}")
    widths = [max(len(str(c)), *(len(str(r[i])) for r in rows)) for i, c in enumerate(cols)]
    print("  ".join(str(c).ljust(w) for c, w in zip(cols, widths, strict=True)))
    for r in rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)))


def _run(dump: Path, work: Path) -> tuple[Path, float]:
    src, wh = work / "source", work / "warehouse"
    src.mkdir()
    shutil.copy(dump, src / dump.name)
    fields = [a for f in FIELDS for a in ("--field", f)]
    _akhbar(
        "sources", "add", "realnews", str(src), "--format", "jsonl", *fields, "--warehouse", str(wh)
    )
    t = time.perf_counter()
    _akhbar("run", "--warehouse", str(wh))
    return wh, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dump", nargs="?", type=Path, default=DEFAULT_DUMP)
    ap.add_argument("--sample", type=int, default=0, help="print N boilerplate removals")
    args = ap.parse_args()
    if not args.dump.exists():
        sys.exit(f"{args.dump} not found (see ../shared/dev/README.md)")
    outlet_of = _outlet_of_line(args.dump)
    expected: dict[str, int] = {}
    for outlet in outlet_of.values():
        expected[outlet] = expected.get(outlet, 0) + 1
    with tempfile.TemporaryDirectory(prefix="akhbar-realnews-") as tmp:
        wh, seconds = _run(args.dump, Path(tmp))
        with duckdb.connect(str(wh / "akhbar.duckdb"), read_only=True) as con:
            _report(con, expected, _lost(con, outlet_of), args.sample, args.dump.name, seconds)


def _report(
    con: duckdb.DuckDBPyConnection,
    expected: dict[str, int],
    lost: dict[str, int],
    sample: int,
    name: str,
    seconds: float,
) -> None:
    arts = con.execute(PER_OUTLET_ARTICLES, [CUT_SHARE]).fetchall()
    facts = con.execute(PER_OUTLET_FACTS).fetchall()
    rows = [
        (outlet, expected.get(outlet, 0), lost.get(outlet, 0), emptied, cut, flagged, *rest)
        for (outlet, _n, emptied, cut, flagged), (_o, *rest) in zip(arts, facts, strict=True)
    ]
    cols = ["outlet", "in", "lost", "emptied", "cut<1/2", "flagged", "errors"]
    _table(
        "per outlet (facts per article)", [*cols, "mentions", "figures", "timex", "quotes"], rows
    )
    _table("boilerplate removed", ["outlet", "kind", "spans"], con.execute(BOILERPLATE).fetchall())
    if sample:
        picked = con.execute(SAMPLE, [sample]).fetchall()
        _table(f"{len(picked)} removals to check by hand", ["kind", "outlet", "text"], picked)
    total = sum(expected.values())
    print(
        f"\n{name}: {total} articles, {sum(lost.values())} lost, {sum(r[3] for r in rows)} "
        f"emptied, {sum(r[4] for r in rows)} cut below half, {sum(r[6] for r in rows)} "
        f"extractor errors; run {seconds:.1f} s ({total / seconds:.0f} articles/s including "
        "Prefect start-up)"
    )


if __name__ == "__main__":
    main()
