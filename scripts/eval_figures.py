"""Precision and recall of extract_figures on hand-annotated news sentences.

Usage: uv run python scripts/eval_figures.py [FIXTURE.jsonl] [--errors]

Each fixture line is {"text": ..., "figures": [[count_type, value, value_max,
qualifier], ...]}. A predicted figure is correct when all four fields match a
gold figure of the same sentence (each gold figure matches at most once);
"type+value" counts a match on count_type and value alone.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from tasks.extract.common.context import ExtractContext
from tasks.extract.figures import extract_figures

FIXTURE = Path(__file__).resolve().parent.parent / "tests/fixtures/figures/sentences.jsonl"
Key = tuple


def load(path: Path = FIXTURE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def predict(text: str) -> list[Key]:
    rows = extract_figures(ExtractContext.from_visible(text, text))
    return [(r["count_type"], r["value"], r["value_max"], r["qualifier"]) for r in rows]


def _matches(pred: list[Key], gold: list[Key], width: int) -> int:
    left = Counter(g[:width] for g in gold)
    hit = 0
    for p in pred:
        if left[p[:width]] > 0:
            left[p[:width]] -= 1
            hit += 1
    return hit


def evaluate(items: list[dict]) -> dict[str, dict[str, float]]:
    """{"full": {...}, "type+value": {...}, per count type: {...}} with p, r, f1, counts."""
    totals: dict[str, Counter] = {}
    for item in items:
        gold = [tuple(g) for g in item["figures"]]
        pred = predict(item["text"])
        for name, width in (("full", 4), ("type+value", 2)):
            c = totals.setdefault(name, Counter())
            c["tp"] += _matches(pred, gold, width)
            c["pred"] += len(pred)
            c["gold"] += len(gold)
        for ct in {k[0] for k in gold + pred}:
            c = totals.setdefault(ct, Counter())
            g = [k for k in gold if k[0] == ct]
            p = [k for k in pred if k[0] == ct]
            c["tp"] += _matches(p, g, 4)
            c["pred"] += len(p)
            c["gold"] += len(g)
    return {name: _scores(c) for name, c in totals.items()}


def _scores(c: Counter) -> dict[str, float]:
    p = c["tp"] / c["pred"] if c["pred"] else 1.0
    r = c["tp"] / c["gold"] if c["gold"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, **{k: float(v) for k, v in c.items()}}


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv and not argv[0].startswith("-") else FIXTURE
    items = load(path)
    if "--errors" in argv:
        for item in items:
            gold = sorted(tuple(g) for g in item["figures"])
            pred = sorted(predict(item["text"]), key=str)
            if sorted(map(str, gold)) != sorted(map(str, pred)):
                print(item["text"], "\n  gold:", gold, "\n  pred:", pred)
    print(f"{len(items)} sentences, {sum(len(i['figures']) for i in items)} gold figures")
    print(f"{'':12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'pred':>5} {'gold':>5}")
    for name, s in sorted(evaluate(items).items(), key=lambda kv: (len(kv[0]) < 5, kv[0])):
        print(
            f"{name:12} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
            f"{int(s['tp']):4d} {int(s['pred']):5d} {int(s['gold']):5d}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
