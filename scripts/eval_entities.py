"""Precision and recall of entity mentions (and quotes) on held-out paragraphs.

Run: ``uv run python scripts/eval_entities.py [--set 1|2] [--errors] [--speed]``.
``--set 1`` (default) is ``tests/fixtures/entities/heldout.jsonl``, ``--set 2`` is
``heldout2.jsonl``; both were written and annotated before the extractor ever ran
on them. A predicted mention is correct when its surface and kind equal a gold
mention's (compared after camel-tools normalisation; "لأمم المتحدة" written after
the preposition ل counts as "الأمم المتحدة"). A gold mention with a third element
(an ISO country) must also resolve to an entity of that country (طرابلس, عمان).
A gold quote is found when a predicted quote has the same text (normalised), and
its speaker is right when the predicted speaker_id is the id of the gold speaker's
mention (or, failing a mention, the speaker's surface is the gold one).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from tasks.extract.common.context import ExtractContext
from tasks.extract.common.gazetteer import key
from tasks.extract.entities import extract_entities
from tasks.extract.quotes import extract_quotes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIXTURES = Path(__file__).resolve().parent.parent / "tests/fixtures/entities"
SETS = {"1": FIXTURES / "heldout.jsonl", "2": FIXTURES / "heldout2.jsonl"}
FIXTURE = SETS["1"]
KINDS = ("PERSON", "LOCATION", "ORGANIZATION")


def load(path: Path = FIXTURE) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def _match(k: str, gold: Counter, kind: str) -> str:
    """The gold key a predicted surface stands for: "للأمم" keeps the article's ل,
    so the surface "لأمم المتحدة" is "الأمم المتحدة"."""
    if (k, kind) not in gold and k.startswith("\u0644") and ("\u0627" + k, kind) in gold:
        return "\u0627" + k
    return k


def _run(row: dict) -> tuple[ExtractContext, list[dict], list[dict]]:
    ctx = ExtractContext.from_visible(row["text"], row["text"])
    mentions, defs = extract_entities(ctx)
    ctx.mentions.extend(mentions)
    ctx.entities.update({d["entity_id"]: d for d in defs})
    return ctx, mentions, extract_quotes(ctx)


def score(rows: list[dict]) -> tuple[dict[str, Counter], list[str]]:
    counts = {k: Counter() for k in (*KINDS, "country", "quote")}
    errors: list[str] = []
    for row in rows:
        ctx, mentions, quotes = _run(row)
        gold = Counter((key(g[0]), g[1]) for g in row["gold"])
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
        _countries(row, ctx, mentions, counts["country"], errors)
        _quotes(row, mentions, quotes, counts["quote"], errors)
    return counts, errors


def _countries(row: dict, ctx, mentions: list[dict], c: Counter, errors: list[str]) -> None:
    for g in row["gold"]:
        if len(g) < 3:
            continue
        got = [
            ctx.entities[m["entity_id"]]["country"]
            for m in mentions
            if key(m["surface"]) == key(g[0]) and m["kind"] == g[1]
        ]
        ok = bool(got) and all(iso == g[2] for iso in got)
        c["ok" if ok else "bad"] += 1
        if not ok:
            errors.append(f"{row['id']:>3} COUNTRY {g[0]} want {g[2]} got {got}")


def _quotes(row: dict, mentions: list[dict], quotes: list[dict], c: Counter, errors) -> None:
    ids = {key(m["surface"]): m["entity_id"] for m in mentions}
    found = set()
    for speaker, text in row.get("quotes", []):
        hit = next((i for i, q in enumerate(quotes) if key(q["quote"]) == key(text)), None)
        c["gold"] += 1
        if hit is None:
            errors.append(f"{row['id']:>3} QUOTE missed: {text[:40]}")
            continue
        found.add(hit)
        q, want = quotes[hit], ids.get(key(speaker))
        right = q["speaker_id"] == want if want else key(q["speaker"] or "") == key(speaker)
        c["found"] += 1
        c["speaker"] += right
        if not right:
            errors.append(f"{row['id']:>3} QUOTE speaker {q['speaker']} want {speaker}")
    for i, q in enumerate(quotes):
        if i not in found:
            c["extra"] += 1
            errors.append(f"{row['id']:>3} QUOTE extra: {q['quote'][:40]} ({q['speaker']})")


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
    cc, q = counts["country"], counts["quote"]
    if cc["ok"] + cc["bad"]:
        lines.append(
            f"ambiguous places resolved to the right country: {cc['ok']}/{cc['ok'] + cc['bad']}"
        )
    if q["gold"]:
        lines.append(
            f"quotes: {q['found']}/{q['gold']} found, {q['speaker']} with the right speaker,"
            f" {q['extra']} extra"
        )
    return "\n".join(lines)


def speed(rounds: int = 200) -> float:
    """Milliseconds per seed article for extract_entities + extract_quotes (NormText excluded)."""
    import time

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
    which = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "1"
    rows = load(SETS[which])
    counts, errors = score(rows)
    print(f"{len(rows)} held-out paragraphs, {sum(len(r['gold']) for r in rows)} gold mentions")
    print(table(counts))
    if "--speed" in sys.argv:
        print(f"entities + quotes: {speed():.3f} ms per seed article")
    if "--errors" in sys.argv:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
