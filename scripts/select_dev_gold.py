"""Choose the real-news articles that gold is written for, before any system output is seen.

Run: ``uv run python scripts/select_dev_gold.py`` (reads ``../shared/dev/ant_dev.jsonl``,
writes ``tests/fixtures/realnews/selection.json``). The choice uses keyword filters on the raw
text and a fixed seed, never akhbar's output. Each chosen article gets its split here, once:
``heldout`` (scored once, the honest number) or ``tune`` (rules may be shaped by its errors).
The split is a hash of the article id, so adding articles later never moves an old one.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "ant_dev.jsonl"
OUT = ROOT / "tests" / "fixtures" / "realnews" / "selection.json"
SEED = 20261129
# 40 % of the gold is kept aside: enough held-out articles (about 20 of 50) for a
# number with a usable margin, while the tune part still shows the common errors.
HELDOUT_SHARE = 0.4
MAX_CHARS = 3500  # annotation stays careful on articles of normal length (mean 1,830)

EVENT = re.compile(
    r"قتل|مقتل|قتيل|جرحى|جريح|اصاب|إصاب|أصيب|اعتقا|معتقل|متظاهر|احتجاج|نازح|لاجئ|غارة|"
    r"مسلح|ضحايا|حصيلة|شهيد|استشهد|اختطاف|مخطوف|ضبط|نزوح"
)
QUOTE = re.compile(r"[«»\"“”]")
STORIES = {
    "gaza": re.compile(r"غزة|مسيرات العودة|مسيرة العودة"),
    "syria": re.compile(r"الغوطة|عفرين|درعا|إدلب|ادلب|دوما"),
    "yemen": re.compile(r"الحديدة|صعدة|الحوثي|صنعاء"),
}


def split_of(article_id: str) -> str:
    h = int(hashlib.sha256(("akhbar-gold:" + article_id).encode()).hexdigest()[:8], 16)
    return "heldout" if h / 0xFFFFFFFF < HELDOUT_SHARE else "tune"


def load() -> list[dict]:
    with DEV.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def by_outlet(rows: list[dict], n: int, rng: random.Random) -> list[dict]:
    """n rows, as even across outlets as the pool allows."""
    pools: dict[str, list[dict]] = {}
    for r in rows:
        pools.setdefault(r["outlet"], []).append(r)
    for pool in pools.values():
        rng.shuffle(pool)
    out: list[dict] = []
    while len(out) < n and any(pools.values()):
        for pool in pools.values():
            if pool and len(out) < n:
                out.append(pool.pop())
    return out


def paragraphs(row: dict) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in row["text"].split("\n"):
        if 150 <= len(line) <= 700:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def main() -> None:
    rows = [r for r in load() if len(r["text"]) <= MAX_CHARS]
    rng = random.Random(SEED)
    timex = by_outlet(rows, 50, rng)
    facts_pool = [r for r in rows if len(EVENT.findall(r["text"])) >= 2 and QUOTE.search(r["text"])]
    facts = by_outlet(facts_pool, 50, rng)
    story_pool = [
        r
        for r in rows
        if r["category"] in ("middleEast", "internationalNews")
        and any(len(p.findall(r["text"])) >= 2 for p in STORIES.values())
        and EVENT.search(r["text"])
    ]
    incidents = by_outlet(story_pool, 70, rng)
    ner = []
    for r in by_outlet([r for r in rows if paragraphs(r)], 90, rng):
        start, end = rng.choice(paragraphs(r))
        ner.append({"id": r["id"], "start": start, "end": end})

    def ids(sel: list[dict]) -> list[dict]:
        return [{"id": r["id"], "split": split_of(r["id"])} for r in sel]

    out = {
        "seed": SEED,
        "timex": ids(timex),
        "facts": ids(facts),
        "incidents": ids(incidents),
        "ner": [{**p, "split": split_of(p["id"])} for p in ner],
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for k in ("timex", "facts", "incidents", "ner"):
        held = sum(1 for x in out[k] if x["split"] == "heldout")
        print(f"{k}: {len(out[k])} chosen, {held} held out")


# Later rounds (later sessions): fresh articles no earlier selection holds, for another
# honest first-run number of figures, speakers (facts) and names (ner). All of it is
# "fresh" when written; rules are tuned on it only after that first score is recorded.
# Each round has its own seed; round n excludes every article of rounds 1 .. n-1.
ROUND_SEEDS = {
    2: 20261130,
    3: 20261201,
    4: 20261202,
    5: 20261203,
    6: 20261204,
    7: 20261205,
    8: 20261206,
    9: 20261207,
    10: 20261208,
    11: 20261209,
    12: 20261210,
    13: 20261211,
    14: 20261212,
    15: 20261213,
}
ROUND_FACTS, ROUND_NER = 30, 40
# Round 10 found only 6 unused articles of normal length with two event words and a quote:
# the earlier rounds used the pool up. Round 10 admits longer articles (the pool at
# 5,500 characters holds 61), keeping the event-and-quote filter that makes facts gold.
# Round 11 takes 30 of the 31 such articles that round 10 left.
ROUND_MAX_CHARS = {10: 5500, 11: 5500, 12: 5500, 13: 5500, 14: 5500, 15: 5500}
# Round 12 found 1 unused article of up to 5,500 characters with two event words and a
# quote (12 at any length): it takes articles with one event word and a quote (166).
ROUND_MIN_EVENTS = {12: 1, 13: 1, 14: 1, 15: 1}
# Round 13 takes 30 more of that pool (136 left after round 12); round 14 30 of the
# 106 left after round 13; round 15 30 of the 76 left after round 14.


def round_out(n: int) -> Path:
    return ROOT / "tests" / "fixtures" / "realnews" / f"selection{n}.json"


def fresh_round(n: int) -> None:
    used: set[str] = set()
    for path in (OUT, *(round_out(k) for k in range(2, n))):
        sel = json.loads(path.read_text(encoding="utf-8"))
        used |= {x["id"] for k in ("timex", "facts", "incidents", "ner") for x in sel.get(k, [])}
    max_chars = ROUND_MAX_CHARS.get(n, MAX_CHARS)
    rows = [r for r in load() if len(r["text"]) <= max_chars and r["id"] not in used]
    rng = random.Random(ROUND_SEEDS[n])
    events = ROUND_MIN_EVENTS.get(n, 2)
    facts_pool = [
        r for r in rows if len(EVENT.findall(r["text"])) >= events and QUOTE.search(r["text"])
    ]
    facts = by_outlet(facts_pool, ROUND_FACTS, rng)
    taken = {r["id"] for r in facts}
    ner = []
    for r in by_outlet([r for r in rows if paragraphs(r) and r["id"] not in taken], ROUND_NER, rng):
        start, end = rng.choice(paragraphs(r))
        ner.append({"id": r["id"], "start": start, "end": end, "split": "fresh"})
    out = {
        "seed": ROUND_SEEDS[n],
        "facts": [{"id": r["id"], "split": "fresh"} for r in facts],
        "ner": ner,
    }
    path = round_out(n)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"round {n}: {len(facts)} facts articles, {len(ner)} ner paragraphs -> {path}")


if __name__ == "__main__":
    import sys

    later = [n for n in ROUND_SEEDS if f"--round{n}" in sys.argv]
    fresh_round(later[0]) if later else main()
