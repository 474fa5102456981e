"""Check a real-news gold file: ids, splits, offsets and field values.

Run: ``uv run python scripts/check_gold.py tests/fixtures/realnews/FILE.jsonl``.
Reads the articles from ``../shared/dev/ant_dev.jsonl``; prints one line per problem and
exits 1 if there is any. The formats are in ``tests/fixtures/realnews/README.md``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "ant_dev.jsonl"
SELECTION = ROOT / "tests" / "fixtures" / "realnews" / "selection.json"

KINDS = {"PERSON", "LOCATION", "ORGANIZATION"}
TIMEX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
COUNT_TYPES = {
    "KILL",
    "WOUND",
    "ARREST",
    "KIDNAP",
    "PROTEST",
    "SEIZE",
    "AFFECT",
    "ATTACK",
    "COMBATANT",
    "DEPLOY",
}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range", "vague"}
SCOPES = {"incident", "cumulative", "breakdown"}
SPEAKER_KINDS = {"PERSON", "ORGANIZATION", "LOCATION", "UNNAMED", "UNKNOWN"}
# list key in a gold line -> (field, allowed values) checks for its spans
SPAN_LISTS = {
    "mentions": [("kind", KINDS)],
    "timex": [("type", TIMEX_TYPES)],
    "figures": [("count_type", COUNT_TYPES)],
    "quotes": [("speaker_kind", SPEAKER_KINDS)],
}


def articles() -> dict[str, str]:
    with DEV.open(encoding="utf-8") as fh:
        return {row["id"]: row["text"] for row in map(json.loads, fh)}


def splits() -> dict[str, str]:
    out: dict[str, str] = {}
    # selection.json (tune/heldout), then every later round's selectionN.json ("fresh")
    for path in (SELECTION, *sorted(SELECTION.parent.glob("selection[0-9]*.json"))):
        if path.exists():
            sel = json.loads(path.read_text(encoding="utf-8"))
            out |= {x["id"]: x["split"] for key in sel if key != "seed" for x in sel[key]}
    return out


def check_span(text: str, span: dict, where: str) -> list[str]:
    s, e, surface = span.get("start"), span.get("end"), span.get("surface")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        return [f"{where}: bad offsets {s}..{e}"]
    if text[s:e] != surface:
        return [f"{where}: text[{s}:{e}] is {text[s:e]!r}, surface is {surface!r}"]
    return []


def check_line(row: dict, texts: dict[str, str], split_by_id: dict[str, str], n: int) -> list[str]:
    rid = row.get("id")
    if rid not in texts:
        return [f"line {n}: unknown id {rid!r}"]
    problems = []
    if row.get("split") != split_by_id.get(rid):
        problems.append(
            f"line {n} {rid}: split {row.get('split')!r}, selection says {split_by_id.get(rid)!r}"
        )
    for key, checks in SPAN_LISTS.items():
        for i, span in enumerate(row.get(key) or []):
            where = f"line {n} {rid} {key}[{i}]"
            problems += check_span(texts[rid], span, where)
            for field, allowed in checks:
                if span.get(field) not in allowed:
                    problems.append(
                        f"{where}: {field} {span.get(field)!r} not in {sorted(allowed)}"
                    )
            if key == "figures" and "qualifier" in span and span["qualifier"] not in QUALIFIERS:
                problems.append(f"{where}: qualifier {span['qualifier']!r}")
            if key == "figures" and "scope" in span and span["scope"] not in SCOPES:
                problems.append(f"{where}: scope {span['scope']!r}")
    return problems


def main(path: str) -> int:
    texts, split_by_id = articles(), splits()
    problems: list[str] = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: not JSON ({e.msg})")
            continue
        if "incident" in row and "kind" in row:  # a catalogue line
            continue
        problems += check_line(row, texts, split_by_id, n)
    for p in problems:
        print(p)
    print(f"{path}: {len(lines)} lines, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
