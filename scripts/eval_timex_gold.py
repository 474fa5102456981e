"""Time expressions on real news: extent F1 and value accuracy against hand-written gold.

Run: ``uv run python scripts/eval_timex_gold.py [--split tune|heldout|all] [--wojood]
[--dateparser] [--errors N]``.

Gold: ``tests/fixtures/realnews/timex.jsonl`` (50 articles of ``../shared/dev/ant_dev.jsonl``,
TIMEX3 extents and values written before the extractor ran on them; ``split`` says which
were kept aside). Each article is run whole, with its publication day as the anchor.

- extent (relaxed): a predicted expression matches a gold one it overlaps (one to one,
  the largest overlap first); precision, recall and F1 over matched pairs;
- value: share of matched gold expressions whose predicted TimeML value is the gold value
  (and the type); DATE values that only differ in being more specific than the gold's are
  wrong, as in TempEval;
- ``--wojood``: extent F1 of DATE and TIME spans of ``../shared/dev/wojood/{train,val}.txt``
  (no values there);
- ``--dateparser``: the same scores for dateparser's ``search_dates`` (extent and value
  rendered at the gold's granularity; it has no durations, sets or references).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.eval_facts import match  # noqa: E402
from scripts.eval_timex import dateparser_hits, render  # noqa: E402
from tasks.extract.common.context import ExtractContext  # noqa: E402
from tasks.extract.timex import extract_timex  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "realnews" / "timex.jsonl"
DEV = ROOT.parent / "shared" / "dev" / "ant_dev.jsonl"
WOJOOD = ROOT.parent / "shared" / "dev" / "wojood"
INGEST = date(2026, 11, 23)

Pred = tuple[int, int, str, str]  # start, end, type, value


def articles() -> dict[str, dict]:
    with DEV.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, fh)}


def akhbar(text: str, day: date | None) -> list[Pred]:
    pub = datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
    ctx = ExtractContext.from_visible(
        text,
        text,
        published_at=pub,
        published_precision="day" if pub else None,
        ingest_date=INGEST,
    )
    return [(r["start"], r["end"], r["type"], r["value"]) for r in extract_timex(ctx)]


def dateparser_sys(text: str, day: date | None) -> list[tuple[int, int, str, datetime]]:
    pub = datetime(day.year, day.month, day.day) if day else None
    return dateparser_hits(text, pub)


def tuple_span(p: tuple) -> tuple[int, int]:
    return p[0], p[1]


def score(rows: list[dict], texts: dict, system: str, errors: list) -> Counter:
    c: Counter = Counter()
    for row in rows:
        text = texts[row["id"]]["text"]
        day = date.fromisoformat(row["published"])
        pred = akhbar(text, day) if system == "akhbar" else dateparser_sys(text, day)
        pairs = match(row["timex"], pred, tuple_span)
        c["gold"] += len(row["timex"])
        c["pred"] += len(pred)
        c["matched"] += len(pairs)
        for g, p in pairs:
            c[f"gold_{g['type']}"] += 1
            value = p[3] if system == "akhbar" else render(p[3], g["value"])
            ok = value == g["value"] and (system != "akhbar" or p[2] == g["type"])
            c["value"] += ok
            c[f"value_{g['type']}"] += ok
            if not ok:
                errors.append(
                    (row["id"], "value", g["surface"], g["value"], text[p[0] : p[1]], value)
                )
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        errors += [
            (row["id"], "miss", g["surface"], g["value"])
            for g in row["timex"]
            if id(g) not in matched_g
        ]
        errors += [
            (row["id"], "extra", text[p[0] : p[1]], p[3]) for p in pred if id(p) not in matched_p
        ]
    return c


def wojood_spans(name: str) -> list[tuple[str, list[tuple[int, int]]]]:
    out, cur = [], []
    for line in [*(WOJOOD / name).read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            cur.append(line.split())
            continue
        if cur:
            text, spans, pos = [], [], 0
            gold: list[list[int]] = []
            for tok, *tags in cur:
                start = pos
                pos += len(tok) + 1
                text.append(tok)
                kinds = {t.split("-", 1)[1] for t in tags if "-" in t}
                inside = kinds & {"DATE", "TIME"}
                begin = any(t in ("B-DATE", "B-TIME") for t in tags)
                if inside and (begin or not gold or gold[-1][1] != start - 1):
                    gold.append([start, start + len(tok)])
                elif inside:
                    gold[-1][1] = start + len(tok)
                spans.append((start, start + len(tok)))
            out.append((" ".join(text), [tuple(g) for g in gold]))
        cur = []
    return out


def score_wojood() -> Counter:
    c: Counter = Counter()
    for name in ("train.txt", "val.txt"):
        for text, gold in wojood_spans(name):
            pred = akhbar(text, None)
            pairs = match([{"start": s, "end": e} for s, e in gold], pred, tuple_span)
            c[f"{name}:gold"] += len(gold)
            c[f"{name}:pred"] += len(pred)
            c[f"{name}:matched"] += len(pairs)
    return c


def f1(matched: int, gold: int, pred: int) -> str:
    p = matched / pred if pred else 0.0
    r = matched / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f} R {r:.2f} F1 {f:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune", choices=("tune", "heldout", "all"))
    ap.add_argument("--wojood", action="store_true")
    ap.add_argument("--dateparser", action="store_true")
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    texts = articles()
    rows = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if args.split == "all" or r["split"] == args.split]
    systems = ["akhbar", *(["dateparser"] if args.dateparser else [])]
    for system in systems:
        errors: list = []
        c = score(rows, texts, system, errors)
        print(
            f"{system:10s} {args.split}: {len(rows)} articles, {c['gold']} gold, "
            f"{c['pred']} found; extent {f1(c['matched'], c['gold'], c['pred'])}; "
            f"value {c['value'] / max(1, c['matched']):.2f} of {c['matched']} matched"
        )
        for t in ("DATE", "TIME", "DURATION", "SET"):
            if c[f"gold_{t}"]:
                print(f"   {t:9s} value {c[f'value_{t}']}/{c[f'gold_{t}']}")
        for e in errors[: args.errors]:
            print("   ", *e)
    if args.wojood:
        c = score_wojood()
        for name in ("train.txt", "val.txt"):
            print(
                f"wojood {name} DATE/TIME extent "
                f"{f1(c[name + ':matched'], c[name + ':gold'], c[name + ':pred'])}"
            )


if __name__ == "__main__":
    main()
