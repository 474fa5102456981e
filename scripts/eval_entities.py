"""Precision and recall of entity mentions per kind on held-out paragraphs.

Run: ``uv run python scripts/eval_entities.py [--errors] [--speed]``. The paragraphs in
``tests/fixtures/entities/heldout.jsonl`` were written and annotated before
the extractor ever ran on them. A predicted mention is correct when its
surface and kind equal a gold mention's (compared after camel-tools
normalisation; "لأمم المتحدة" written after the preposition ل counts as
"الأمم المتحدة").
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from akhbar.tasks.extract.context import ExtractContext
from akhbar.tasks.extract.entities import extract_entities
from akhbar.tasks.extract.gazetteer import key

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIXTURE = Path(__file__).resolve().parent.parent / "tests/fixtures/entities/heldout.jsonl"
KINDS = ("PERSON", "LOCATION", "ORGANIZATION")


def load() -> list[dict]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def _match(k: str, gold: Counter, kind: str) -> str:
    """The gold key a predicted surface stands for: "للأمم" keeps the article's ل,
    so the surface "لأمم المتحدة" is "الأمم المتحدة"."""
    if (k, kind) not in gold and k.startswith("\u0644") and ("\u0627" + k, kind) in gold:
        return "\u0627" + k
    return k


def score(rows: list[dict]) -> tuple[dict[str, Counter], list[str]]:
    counts = {k: Counter() for k in KINDS}
    errors: list[str] = []
    for row in rows:
        ctx = ExtractContext.from_visible(row["text"], row["text"])
        mentions, _ = extract_entities(ctx)
        gold = Counter((key(s), k) for s, k in row["gold"])
        pred = Counter((_match(key(m["surface"]), gold, m["kind"]), m["kind"]) for m in mentions)
        for (s, k), n in pred.items():
            tp = min(n, gold.get((s, k), 0))
            counts[k]["tp"] += tp
            counts[k]["fp"] += n - tp
            if n > tp:
                errors.append(f"{row['id']:>3} FP {k:<12} {s}")
        for (s, k), n in gold.items():
            fn = n - min(n, pred.get((s, k), 0))
            counts[k]["fn"] += fn
            if fn:
                errors.append(f"{row['id']:>3} FN {k:<12} {s}")
    return counts, errors


def table(counts: dict[str, Counter]) -> str:
    lines = [f"{'kind':<13}{'gold':>5}{'pred':>5}{'tp':>5}{'P':>7}{'R':>7}{'F1':>7}"]
    total = Counter()
    for k in (*KINDS, "ALL"):
        c = total if k == "ALL" else counts[k]
        if k != "ALL":
            total.update(c)
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        gold, pred = c["tp"] + c["fn"], c["tp"] + c["fp"]
        lines.append(f"{k:<13}{gold:>5}{pred:>5}{c['tp']:>5}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
    return "\n".join(lines)


def speed(rounds: int = 200) -> float:
    """Milliseconds per seed article for extract_entities + extract_quotes (NormText excluded)."""
    import time

    from akhbar.tasks.extract.quotes import extract_quotes

    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    ctxs = [ExtractContext.from_visible(t, t) for t in seeds]
    t0 = time.perf_counter()
    for _ in range(rounds):
        for ctx in ctxs:
            ctx.mentions, ctx.entities = [], {}
            mentions, defs = extract_entities(ctx)
            ctx.mentions.extend(mentions)
            ctx.entities.update({d["entity_id"]: d for d in defs})
            extract_quotes(ctx)
    return (time.perf_counter() - t0) / rounds / len(ctxs) * 1e3


def main() -> None:
    rows = load()
    counts, errors = score(rows)
    print(f"{len(rows)} held-out paragraphs, {sum(len(r['gold']) for r in rows)} gold mentions")
    print(table(counts))
    if "--speed" in sys.argv:
        print(f"entities + quotes: {speed():.3f} ms per seed article")
    if "--errors" in sys.argv:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
