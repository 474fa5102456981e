"""Score akhbar's timex extractor against dateparser on hand-written cases.

    uv run python scripts/eval_timex.py [--cases tests/fixtures/timex/cases.tsv] [-v]

For every case (a sentence, its publication date, the expected surface, type
and TimeML value) both systems run on the sentence:

- extent exact: a hit whose text is exactly the expected surface;
- extent overlap: a hit that overlaps the expected surface;
- value: the overlapping hit's value equals the expected one.  dateparser
  returns datetimes, so its value is rendered at the expected granularity
  (day, month, year, ISO week, minute; a part of the day is judged on its
  date); it has no way to say a duration, a recurrence or an unresolved
  "XXXX" value, so those count as misses for it;
- false positives: negative sentences (surface "-") where anything was found.

It also prints the seeds' required values and the time per seed article.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

from tasks.extract.common.context import ExtractContext
from tasks.extract.timex import extract_timex

ROOT = Path(__file__).resolve().parents[1]
INGEST = date(2026, 11, 23)
SEED_PUBLISHED = {
    "000": None,
    "001": None,
    "002": datetime(2022, 1, 12, 14, 15),
    "003": None,
    "004": datetime(2022, 1, 9, 5, 31, tzinfo=UTC),
}
SEED_CHECKS = [
    ("002", "الثاني من الشهر الجاري", "2022-01-02"),
    ("002", "السادس من الشهر الجاري", "2022-01-06"),
    ("002", "الإثنين الماضي", "2022-01-10"),
    ("002", "العاشر من هذا الشهر", "2022-01-10"),
    ("002", "أسبوعين", "P2W"),
    ("004", "الجمعة", "2022-01-07"),
    ("000", "امس الجمعة", "2022-01-07"),
    ("001", "5 أيام", "P5D"),
]
TIMING_ROUNDS = 200
TIMING_BATCHES = 5


def read_cases(path: Path) -> list[tuple[str, ...]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(x.split("\t")) for x in lines if x.strip() and not x.startswith("#")]


def published(field: str) -> datetime | None:
    return None if field == "-" else datetime.fromisoformat(field)


def akhbar_hits(text: str, pub: datetime | None) -> list[tuple[int, int, str, str]]:
    ctx = ExtractContext.from_visible(text, text, published_at=pub, ingest_date=INGEST)
    return [(r["start"], r["end"], r["type"], r["value"]) for r in extract_timex(ctx)]


def dateparser_hits(text: str, pub: datetime | None) -> list[tuple[int, int, str, datetime]]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": pub} if pub else {}
    found = search_dates(text, languages=["ar"], settings=settings) or []
    out, pos = [], 0
    for sub, dt in found:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        out.append((i, i + len(sub), "?", dt))
        pos = max(pos, i + len(sub)) if i >= 0 else pos
    return out


def render(dt: datetime, expected: str) -> str:
    """dateparser's datetime at the granularity of the expected value."""
    if expected.startswith(("P", "X")) or expected == "PAST_REF":
        return dt.isoformat()  # durations, sets, unresolved values: not expressible
    if "-W" in expected:
        iy, iw, _ = dt.isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    if "T" in expected:
        tail = expected.split("T")[1]
        if ":" in tail:
            return dt.strftime("%Y-%m-%dT%H:%M")
        return f"{dt.date().isoformat()}T{tail}"  # part of day: judged on the date
    return dt.strftime({4: "%Y", 7: "%Y-%m"}.get(len(expected), "%Y-%m-%d"))


def score(cases: list[tuple[str, ...]], system: str, verbose: bool) -> dict[str, Counter]:
    by_type: dict[str, Counter] = {}
    total = Counter()
    for pub, text, surface, typ, value in cases:
        p = published(pub)
        hits = akhbar_hits(text, p) if system == "akhbar" else dateparser_hits(text, p)
        if surface == "-":
            total["neg"] += 1
            total["fp"] += bool(hits)
            continue
        s = text.index(surface)
        e = s + len(surface)
        over = [h for h in hits if h[0] < e and s < h[1]]
        exact = any((h[0], h[1]) == (s, e) for h in hits)
        if system == "akhbar":
            ok = any(h[2] == typ and h[3] == value for h in over)
        else:
            ok = any(render(h[3], value) == value for h in over)
        c = by_type.setdefault(typ, Counter())
        for counter in (c, total):
            counter["n"] += 1
            counter["exact"] += exact
            counter["overlap"] += bool(over)
            counter["value"] += ok
        if verbose and not (exact and ok):
            print(f"  [{system}] {surface!r} {value}: {[(text[h[0] : h[1]], h[3]) for h in over]}")
    by_type["ALL"] = total
    return by_type


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    -"


def report(results: dict[str, dict[str, Counter]]) -> None:
    print(f"{'system':<11}{'type':<10}{'n':>4} {'exact':>7} {'overlap':>8} {'value':>7}")
    for system, by_type in results.items():
        for typ in sorted(by_type, key=lambda t: (t == "ALL", t)):
            c = by_type[typ]
            row = f"{system:<11}{typ:<10}{c['n']:>4} {pct(c['exact'], c['n'])} "
            print(row + f"{pct(c['overlap'], c['n']):>8} {pct(c['value'], c['n'])}")
        tot = by_type["ALL"]
        print(f"{system:<11}false positives on {tot['neg']} negative sentences: {tot['fp']}")


def seeds() -> None:
    print("\nseed checks (akhbar):")
    for prefix, surface, want in SEED_CHECKS:
        text = next((ROOT / "seeds").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        ctx = ExtractContext.from_visible(
            text, text, published_at=SEED_PUBLISHED[prefix], ingest_date=INGEST
        )
        rows = [r for r in extract_timex(ctx) if r["surface"] == surface]
        got = (rows[0]["value"], rows[0]["anchor"]) if rows else ("-", "-")
        print(f"  {prefix} {surface:<26} want {want:<11} got {got[0]:<11} anchor {got[1]}")


def timing() -> None:
    print(f"\nextract_timex() per seed article (best of {TIMING_BATCHES} x {TIMING_ROUNDS} runs):")
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        ctx = ExtractContext.from_visible(
            text, text, published_at=SEED_PUBLISHED[path.name[:3]], ingest_date=INGEST
        )
        best = float("inf")
        for _ in range(TIMING_BATCHES):  # the minimum is the least disturbed by other load
            t0 = time.perf_counter()
            for _ in range(TIMING_ROUNDS):
                extract_timex(ctx)
            best = min(best, (time.perf_counter() - t0) / TIMING_ROUNDS * 1000)
        print(f"  {path.name:<28} {len(text):>5} chars  {best:.3f} ms")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=ROOT / "tests/fixtures/timex/cases.tsv")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = ap.parse_args(argv)
    cases = read_cases(args.cases)
    results = {"akhbar": score(cases, "akhbar", args.verbose)}
    try:
        results["dateparser"] = score(cases, "dateparser", args.verbose)
    except ImportError:
        print("dateparser is not installed: scoring akhbar only", file=sys.stderr)
    report(results)
    seeds()
    timing()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
