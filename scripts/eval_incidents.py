"""Incidents on real news: B-cubed clustering of figures into incidents against hand-written gold.

Run: ``uv run python scripts/eval_incidents.py [--split tune|heldout|all] [--errors N]``

Every article of ``../shared/dev/ant_dev.jsonl`` is cleaned and extracted in process (as
``akhbar run`` would, with its title and publication day) and its figures grouped into
incidents by :func:`tasks.incidents.assign`, in publication order — the whole dev set,
so that a gold article's counts can meet the other outlets' reports of its incident.
Gold: ``tests/fixtures/realnews/incidents.jsonl`` (figures labelled with the incident or
campaign they count, written before any output was seen). A gold figure is matched to the
system's figure it overlaps; B-cubed precision and recall are computed over the matched
figures the gold gives an incident (each figure: the share of its predicted cluster in its
gold cluster, and of its gold cluster in its predicted cluster, among those figures).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.incidents import article_items, assign  # noqa: E402
from tasks.incidents.items import past_times  # noqa: E402
from tasks.process.article import analyse  # noqa: E402

DEV = ROOT.parent / "shared" / "dev" / "ant_dev.jsonl"
GOLD = ROOT / "tests" / "fixtures" / "realnews" / "incidents.jsonl"
INGEST = date(2019, 1, 1)


def _published(row: dict) -> date | None:
    raw = (row.get("date") or "")[:10]
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def run_all(dev: list[dict]) -> tuple[dict[str, list[dict]], dict[tuple[str, int], str], dict]:
    """Figures of every dev article, their incidents and their items."""
    figures: dict[str, list[dict]] = {}
    per_article = []
    for row in sorted(dev, key=lambda r: (_published(r) or date.min, r["id"])):
        day = _published(row)
        meta = {}
        if day:
            meta = {"published_at": datetime(day.year, day.month, day.day, tzinfo=UTC)}
            meta["published_precision"] = "day"
        _c, facts = analyse(row["text"], meta=meta, title=row.get("title"), ingest_date=INGEST)
        entities = {d["entity_id"]: d for d in facts["entity_defs"]}
        figures[row["id"]] = facts["figures"]
        past = past_times(facts["timex"], day, row["text"])
        per_article.append(
            article_items(row["id"], day, facts["figures"], facts["mentions"], entities, past)
        )
    links, _incidents = assign(per_article, [])
    items = {(i.article_id, i.start): i for its in per_article for i in its}
    return figures, links, items


def _overlap(a: dict, b: dict) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def bcubed(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """(precision, recall) of predicted clusters against gold clusters, item by item."""
    by_gold: dict[str, list[int]] = defaultdict(list)
    by_pred: dict[str, list[int]] = defaultdict(list)
    for k, (g, p) in enumerate(pairs):
        by_gold[g].append(k)
        by_pred[p].append(k)
    if not pairs:
        return 0.0, 0.0
    prec = rec = 0.0
    for g, p in pairs:
        both = len(set(by_gold[g]) & set(by_pred[p]))
        prec += both / len(by_pred[p])
        rec += both / len(by_gold[g])
    return prec / len(pairs), rec / len(pairs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune", choices=("tune", "heldout", "all"))
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"no dev set at {DEV}: this evaluation needs ../shared/dev/ant_dev.jsonl")
    dev = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = [g for g in gold if args.split == "all" or g["split"] == args.split]
    figures, links, items = run_all(dev)
    pairs: list[tuple[str, str]] = []
    rows: list[tuple] = []
    labelled = missed = 0
    for g in gold:
        mine = figures.get(g["id"], [])
        for gf in g["figures"]:
            if not gf.get("incident"):
                continue
            labelled += 1
            best = max(mine, key=lambda f: _overlap(gf, f), default=None)
            if best is None or _overlap(gf, best) <= 0:
                missed += 1
                continue
            pred = links.get((g["id"], best["start"]), f"none:{g['id']}:{best['start']}")
            pairs.append((gf["incident"], pred))
            it = items.get((g["id"], best["start"]))
            info = f"{it.kind} {it.scope} {it.place.location_id} {it.day}" if it else ""
            rows.append(
                (
                    g["id"],
                    gf["surface"] + " [" + gf["scope"] + "]",
                    gf["incident"],
                    f"{pred} {info}",
                )
            )
    p, r = bcubed(pairs)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{args.split}: {len(gold)} articles, {labelled} gold figures with an incident")
    print(f"matched {len(pairs)} (no system figure for {missed})")
    print(f"B-cubed  P {p:.2f} R {r:.2f} F1 {f1:.2f}")
    by_gold: dict[str, set[str]] = defaultdict(set)
    for _aid, _s, g, pr in rows:
        by_gold[g].add(pr)
    for g, preds in sorted(by_gold.items(), key=lambda kv: -len(kv[1]))[: args.errors]:
        print(f"   {g}: {len(preds)} predicted incident(s)")
        for aid, surface, gg, pr in rows:
            if gg == g:
                print(f"      {aid[6:]} {surface[:30]} -> {pr}")


if __name__ == "__main__":
    main()
