"""Figures and quote speakers on real news, against hand-written gold.

Run: ``uv run python scripts/eval_facts.py [--split tune|heldout|all] [--errors N]``;
round 2: ``--gold tests/fixtures/realnews/facts2.jsonl --split fresh``.

Gold: ``tests/fixtures/realnews/facts.jsonl`` (50 articles of ``../shared/dev/ant_dev.jsonl``,
written before akhbar ran on them; ``split`` says which were kept aside). Each article goes
through clean + extract as ``akhbar run`` would, with its title and publication day.

- figures: a predicted figure matches a gold one its span overlaps (one to one); it is
  right when the count type and the value agree too. Precision, recall, F1 of right ones;
- place: of the right figures whose gold names a place, the share whose place is that
  place or one of the gold's acceptable coarser places (by Arabic or English name, or any
  spelling the gazetteer knows the predicted entity by: "قطاع غزة" is loc:gaza); a
  figure the gold gives no place is right with no place;
- day: of the right figures whose gold day is fixed by the text, the share with that day;
  "undated": of the right figures whose text fixes no day, how many were given one;
- speakers: a predicted quote matches a gold one it overlaps; its speaker is right when it
  names the gold speaker (the name of its entity, or its text, contains the gold's or the
  reverse), or, for an unnamed source, when the speaker has no entity id and its text
  overlaps the gold's description; quotes with an unknown speaker need none.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from akhbar.text.wordlist import fold  # noqa: E402
from tasks.extract.common.gazetteer import lexicon  # noqa: E402
from tasks.process.article import analyse  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "realnews" / "facts.jsonl"
DEV = ROOT.parent / "shared" / "dev" / "ant_dev.jsonl"
INGEST = date(2026, 11, 23)


def _key(s: str | None) -> str:
    """A name folded, without its leading article (only there: "هارالد" keeps its ال)."""
    return fold(s or "").removeprefix("ال") if s else ""


def _unnamed_key(s: str) -> str:
    return " ".join(w.removeprefix("ال") for w in re.findall(r"\w+", s))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def dict_span(p: dict) -> tuple[int, int]:
    return p["start"], p["end"]


def match(
    gold: list[dict], pred: list, span: Callable[[Any], tuple[int, int]] = dict_span
) -> list[tuple[dict, Any]]:
    """Gold and system items paired greedily by largest character overlap (each once);
    ``span`` reads a system item's (start, end)."""
    pairs = sorted(
        (
            (overlap(dict_span(g), span(p)), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
        ),
        reverse=True,
    )
    used_g, used_p, out = set(), set(), []
    for ov, i, j in pairs:
        if ov > 0 and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((gold[i], pred[j]))
    return out


def run(row: dict, article: dict) -> tuple[list[dict], list[dict], dict[str, dict]]:
    day = date.fromisoformat(row["published"])
    meta = {
        "published_at": datetime(day.year, day.month, day.day, tzinfo=UTC),
        "published_precision": "day",
    }
    _cleaned, facts = analyse(
        article["text"], meta=meta, title=article["title"], ingest_date=INGEST
    )
    entities = {d["entity_id"]: d for d in facts["entity_defs"]}
    return facts["figures"], facts["quotes"], entities


@cache
def _spellings() -> dict[str, set[str]]:
    """entity id -> every spelling the gazetteer knows it by ("قطاع غزة" is loc:gaza)."""
    out: dict[str, set[str]] = {}
    for form, (entry, _elided) in lexicon().forms.items():
        out.setdefault(entry.entity_id, set()).add(_key(form))
    return out


def _names(entity: dict | None) -> set[str]:
    if not entity:
        return set()
    names = {k for k in (_key(entity.get("name")), (entity.get("name_en") or "").lower()) if k}
    return names | _spellings().get(entity.get("entity_id") or "", set())


def place_right(g: dict, p: dict, entities: dict) -> bool:
    if not g.get("place"):
        return p.get("location_id") is None
    wanted = {_key(g["place"]), (g.get("place_en") or "").lower()}
    wanted |= {_key(x) for x in g.get("place_ok") or []}
    got = _names(entities.get(p.get("location_id") or ""))
    return bool(wanted & got) or any(w and w in n for w in wanted for n in got if len(w) > 3)


def speaker_right(g: dict, p: dict, entities: dict) -> bool:
    kind = g.get("speaker_kind")
    said = _key(p.get("speaker"))
    if kind == "UNKNOWN":
        return not said
    gold = _key(g.get("speaker"))
    if kind == "UNNAMED":
        # word by word without ال and quote marks: "المصدر العسكري" is "مصدر عسكري",
        # 'متحدث باسم "فيسبوك"' is "متحدث باسم فيسبوك"
        said, gold = _unnamed_key(said), _unnamed_key(gold)
        return p.get("speaker_id") is None and bool(said) and (gold in said or said in gold)
    names = _names(entities.get(p.get("speaker_id") or "")) | ({said} if said else set())
    return any(gold and n and (gold in n or n in gold) for n in names)


def score(rows: list[dict], texts: dict, errors: list) -> Counter:
    c: Counter = Counter()
    for row in rows:
        art = texts[row["id"]]
        figures, quotes, entities = run(row, art)
        text = art["text"]
        pairs = match(row["figures"], figures)
        c["fig_gold"] += len(row["figures"])
        c["fig_pred"] += len(figures)
        right = [
            (g, p)
            for g, p in pairs
            if g["count_type"] == p["count_type"] and g["value"] == p["value"]
        ]
        c["fig_right"] += len(right)
        for g, p in pairs:
            if (g, p) not in right:
                errors.append(
                    (
                        row["id"],
                        "figure",
                        g["surface"],
                        g["count_type"],
                        g["value"],
                        "->",
                        p["count_type"],
                        p["value"],
                    )
                )
        done_g = {id(g) for g, _ in pairs}
        done_p = {id(p) for _, p in pairs}
        errors += [
            (row["id"], "fig-miss", g["surface"], g["count_type"], g["value"])
            for g in row["figures"]
            if id(g) not in done_g
        ]
        errors += [
            (row["id"], "fig-extra", p["surface"], p["count_type"], p["value"])
            for p in figures
            if id(p) not in done_p
        ]
        for g, p in pairs:  # scope and period start of every figure found
            c["scope_n"] += 1
            c["scope_ok"] += (p.get("scope") or "incident") == (g.get("scope") or "incident")
            if (p.get("scope") or "incident") != (g.get("scope") or "incident"):
                errors.append(
                    (row["id"], "scope", g["surface"], g.get("scope"), "->", p.get("scope"))
                )
            if g.get("period_start"):
                c["period_n"] += 1
                got_start = p.get("period_start") or ""
                c["period_ok"] += got_start == g["period_start"]
                if got_start != g["period_start"]:
                    errors.append(
                        (row["id"], "period", g["surface"], g["period_start"], "->", got_start)
                    )
        for g, p in right:
            c["place_n"] += 1
            ok = place_right(g, p, entities)
            c["place_ok"] += ok
            if not ok:
                got = entities.get(p.get("location_id") or "", {}).get("name")
                errors.append((row["id"], "place", g["surface"], g.get("place"), "->", got))
            if g.get("day"):
                c["day_n"] += 1
                got_day = p.get("date").isoformat() if p.get("date") else None
                c["day_ok"] += got_day == g["day"]
                if got_day != g["day"]:
                    errors.append((row["id"], "day", g["surface"], g["day"], "->", got_day))
            else:  # the text fixes no day: a day given is invented
                c["undated_n"] += 1
                c["undated_given"] += p.get("date") is not None
        qpairs = match(row["quotes"], quotes)
        c["q_gold"] += len(row["quotes"])
        c["q_pred"] += len(quotes)
        c["q_found"] += len(qpairs)
        matched = {id(g) for g, _p in qpairs}
        for g in row["quotes"]:
            if id(g) not in matched:
                errors.append((row["id"], "quote-miss", g["surface"][:60], g["speaker"]))
        for g, p in qpairs:
            ok = speaker_right(g, p, entities)
            c["q_speaker"] += ok
            if not ok:
                errors.append(
                    (
                        row["id"],
                        "speaker",
                        g["surface"][:40],
                        g["speaker"],
                        g["speaker_kind"],
                        "->",
                        p.get("speaker"),
                        p.get("speaker_id"),
                    )
                )
        _ = text
    return c


def _f1(right: int, gold: int, pred: int) -> str:
    p = right / pred if pred else 0.0
    r = right / gold if gold else 0.0
    return f"P {p:.2f} R {r:.2f} F1 {2 * p * r / (p + r) if p + r else 0.0:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune", choices=("tune", "heldout", "fresh", "all"))
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument(
        "--gold", type=Path, default=GOLD, help="facts.jsonl, or facts2.jsonl (round 2: fresh)"
    )
    args = ap.parse_args()
    with DEV.open(encoding="utf-8") as fh:
        texts = {r["id"]: r for r in map(json.loads, fh)}
    rows = [json.loads(x) for x in args.gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if args.split == "all" or r["split"] == args.split]
    errors: list = []
    c = score(rows, texts, errors)
    print(f"{args.split}: {len(rows)} articles")
    print(
        f"figures  {c['fig_gold']} gold, {c['fig_pred']} found: "
        f"{_f1(c['fig_right'], c['fig_gold'], c['fig_pred'])}"
    )
    print(
        f"place    right {c['place_ok']}/{c['place_n']} = "
        f"{c['place_ok'] / max(1, c['place_n']):.2f}"
    )
    print(f"day      right {c['day_ok']}/{c['day_n']} = {c['day_ok'] / max(1, c['day_n']):.2f}")
    print(f"undated  given a day {c['undated_given']}/{c['undated_n']} (gold: the text fixes none)")
    print(
        f"scope    right {c['scope_ok']}/{c['scope_n']} = "
        f"{c['scope_ok'] / max(1, c['scope_n']):.2f}"
        f"; period start right {c['period_ok']}/{c['period_n']}"
    )
    print(
        f"quotes   {c['q_gold']} gold, {c['q_pred']} found, {c['q_found']} matched; speaker "
        f"right {c['q_speaker']}/{c['q_found']} = {c['q_speaker'] / max(1, c['q_found']):.2f}"
    )
    for e in errors[: args.errors]:
        print("   ", *e)


if __name__ == "__main__":
    main()
