"""Per-stage timings of clean + extract, and the golden snapshot that guards speed work.

    uv run python bench/profile_extract.py                  # timings over 1,000 real articles
    uv run python bench/profile_extract.py --corpus synthetic  # the synthetic bench corpus
    uv run python bench/profile_extract.py --profile 25     # + cProfile, top 25 functions
    uv run python bench/profile_extract.py --write-golden   # rewrite tests/fixtures/golden/

The golden snapshot (``tests/fixtures/golden/sample.json.gz``) holds the input
texts (seeds, test fixture texts, a slice of the synthetic bench corpus) and
every output of ``clean()`` + ``extract_article()`` on them, in canonical JSON.
``tests/test_speed_golden.py`` re-runs the sample and asserts equality, so an
optimisation that changes any output row fails. Write it only from code whose
output is the reference.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import random
import sys
import time
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from akhbar.text.normalize import NormText  # noqa: E402
from bench.corpus import article  # noqa: E402
from tasks.clean import CleanResult, clean  # noqa: E402
from tasks.extract import EXTRACTORS, extract_article  # noqa: E402
from tasks.extract.common.context import ExtractContext  # noqa: E402

GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "sample.json.gz"
REALNEWS = ROOT.parent / "shared" / "dev" / "ant_dev.jsonl"
INGEST_DATE = date(2024, 6, 1)  # fixed, so relative dates resolve the same every run
CORPUS_SEED = 7  # bench/corpus.py's default seed
GOLDEN_BENCH_ARTICLES = 300  # keeps the gzipped fixture well under 2 MB
TIMING_ARTICLES = 1000


def bench_texts(n: int) -> list[tuple[str, str]]:
    """The first ``n`` articles of the bench corpus, generated in memory."""
    rng = random.Random(CORPUS_SEED)
    return [(f"bench/{i:06d}", article(i, rng)) for i in range(n)]


def fixture_texts() -> list[tuple[str, str]]:
    """Seeds and every article/sentence text found under tests/fixtures/."""
    out = [(f"seeds/{p.name}", p.read_text(encoding="utf-8")) for p in sorted(ROOT.glob("seeds/*"))]
    fx = ROOT / "tests" / "fixtures"
    for p in sorted((fx / "clean").glob("*.txt")):
        lines = p.read_text(encoding="utf-8").split("\n")
        src = [ln.split("\t", 1)[1] if "\t" in ln else "" for ln in lines if not ln.startswith("@")]
        out.append((f"clean/{p.name}", "\n".join(src)))
    for p in sorted((fx / "ops" / "txt").glob("*.txt")):
        out.append((f"ops/{p.name}", p.read_text(encoding="utf-8")))
    for p in sorted(fx.glob("*/*.jsonl")):
        for k, line in enumerate(p.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line) if line.strip() and not line.startswith("#") else {}
            if "text" in row:  # gold on ../shared/dev articles holds ids, not text
                out.append((f"{p.parent.name}/{p.name}:{k}", row["text"]))
    for p in sorted((fx / "timex").glob("*.tsv")):
        for k, line in enumerate(p.read_text(encoding="utf-8").splitlines()):
            if line.strip() and not line.startswith("#"):
                out.append((f"timex/{p.name}:{k}", line.split("\t")[1]))
    return out


def _plain(v: object) -> object:
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, tuple | list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    return v


def snapshot(text: str) -> dict:
    """Every output of clean + extract for one text, as plain JSON values (rows in order)."""
    c = clean(text)
    facts = extract_article(c, ingest_date=INGEST_DATE)
    cl = {k: _plain(v) for k, v in vars(c).items() if k != "text"}
    return {"clean": cl, "facts": {t: [_plain(r) for r in rows] for t, rows in facts.items()}}


def golden_sample() -> list[tuple[str, str]]:
    return fixture_texts() + bench_texts(GOLDEN_BENCH_ARTICLES)


def write_golden() -> None:
    items = [{"name": n, "text": t, "out": snapshot(t)} for n, t in golden_sample()]
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(items, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    GOLDEN.write_bytes(gzip.compress(raw, mtime=0))
    print(f"wrote {len(items)} items, {GOLDEN.stat().st_size / 1e6:.2f} MB -> {GOLDEN}")


def load_golden() -> list[dict]:
    return json.loads(gzip.decompress(GOLDEN.read_bytes()))


def golden_changes() -> tuple[list[dict], list[tuple[str, str]]]:
    """The recorded inputs with today's outputs, and (name, part.field) of every change."""
    items, changed = [], []
    for g in load_golden():
        out = json.loads(json.dumps(snapshot(g["text"]), ensure_ascii=False, sort_keys=True))
        for part in ("clean", "facts"):
            keys = set(out[part]) | set(g["out"][part])
            changed += [
                (g["name"], f"{part}.{k}")
                for k in sorted(keys)
                if out[part].get(k) != g["out"][part].get(k)
            ]
        items.append({**g, "out": out})
    return items, changed


def update_golden() -> None:
    """Re-record the snapshot's outputs for its recorded inputs, listing what changed.

    Only for a change in behaviour that is meant (name it in the commit message):
    the speed work must never need it.
    """
    items, changed = golden_changes()
    for name, field in changed:
        print(f"changed: {name}: {field}")
    raw = json.dumps(items, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    GOLDEN.write_bytes(gzip.compress(raw, mtime=0))
    print(f"{len({n for n, _ in changed})} of {len(items)} items changed -> {GOLDEN}")


def timed_article(text: str, acc: dict[str, float]) -> None:
    """extract_article's steps with a clock around each (same order as the real one)."""
    t0 = time.process_time()
    c: CleanResult = clean(text)
    t1 = time.process_time()
    ctx = ExtractContext(
        text=c.text,
        visible=c.visible,
        nt=NormText(c.visible),
        published_at=c.published_at,
        published_precision=c.published_precision,
        ingest_date=INGEST_DATE,
    )
    t2 = time.process_time()
    acc["clean"] += t1 - t0
    acc["normtext"] += t2 - t1
    for extractor in EXTRACTORS:
        t = time.process_time()
        extractor.run(ctx)
        acc[extractor.name] += time.process_time() - t


def realnews_texts(n: int) -> list[tuple[str, str]]:
    """The first ``n`` articles of ../shared/dev/ant_dev.jsonl (real 2018 news)."""
    with REALNEWS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(n), fh, strict=False)]
    return [(r["id"], r["text"]) for r in rows]


def stage_times(texts: list[str], repeat: int) -> dict[str, float]:
    """ms/article per stage of the fastest of ``repeat`` passes (the machine may be shared)."""
    for t in texts[:20]:  # warm-up: lexicons, compiled regexes
        timed_article(t, defaultdict(float))
    passes = []
    for _ in range(repeat):
        one: dict[str, float] = defaultdict(float)
        for t in texts:
            timed_article(t, one)
        passes.append(one)
    acc = min(passes, key=lambda p: sum(p.values()))
    return {k: 1000 * v / len(texts) for k, v in acc.items()}


def print_stages(ms: dict[str, float], n: int) -> None:
    total = sum(ms.values())
    for k, v in ms.items():
        print(f"{k:13s} {v:7.3f} ms/article")
    print(f"{'total':13s} {total:7.3f} ms/article  ({n} articles, {1000 / total:.0f}/s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=TIMING_ARTICLES)
    ap.add_argument("--corpus", choices=("realnews", "synthetic"), default="realnews")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes; the fastest counts")
    ap.add_argument("--profile", type=int, default=0, help="print the top N functions")
    ap.add_argument("--sort", default="tottime", help="pstats sort key (tottime, cumulative)")
    ap.add_argument("--write-golden", action="store_true", help="record a new sample")
    ap.add_argument(
        "--update-golden", action="store_true", help="re-record outputs, list what changed"
    )
    args = ap.parse_args()
    if args.write_golden:
        write_golden()
        return
    if args.update_golden:
        update_golden()
        return
    if args.corpus == "realnews":
        if not REALNEWS.exists():
            sys.exit(f"{REALNEWS} not found (see ../shared/dev/README.md)")
        texts = [t for _, t in realnews_texts(args.articles)]
    else:
        texts = [t for _, t in bench_texts(args.articles)]
    kb = sum(len(t.encode("utf-8")) for t in texts) / len(texts) / 1024
    print(f"{args.corpus}: {len(texts)} articles, mean {kb:.1f} KB")
    print_stages(stage_times(texts, args.repeat), len(texts))
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for t in texts:
            extract_article(clean(t), ingest_date=INGEST_DATE)
        prof.disable()
        pstats.Stats(prof).sort_stats(args.sort).print_stats(args.profile)


if __name__ == "__main__":
    main()
