"""Compare akhbar's number parser with pyarabic and mahad on one phrase list.

mahad conflicts with prefect's typing-extensions, so the baselines run in an
isolated environment and write JSON; the comparison runs in the project env:

    uv run --no-project --with mahad --with pyarabic \\
        python scripts/compare_numbers.py baselines /tmp/baselines.json
    uv run python scripts/compare_numbers.py compare /tmp/baselines.json

``baselines`` imports only pyarabic/mahad (never akhbar); ``compare`` prints a
markdown table: expected value, each parser's reading, and accuracy. A vague
quantity is expected as its lower bound (the value akhbar reports; the range
bound is not comparable across parsers). Without the JSON, ``compare`` shows
akhbar alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# (phrase, expected value). Issue examples first, then news-style phrasings.
PHRASES: list[tuple[str, float | None]] = [
    ("مئة واربعة وستون", 164),
    ("7 آلاف و939", 7939),
    ("20 الفا", 20000),
    ("ستة الاف", 6000),
    ("ثلاثمئة", 300),
    ("سبعين", 70),
    ("مئة وثلاثة", 103),
    ("ثلاث مئة", 300),
    ("ثلاثمائة وخمسون", 350),
    ("خمسة وعشرين", 25),
    ("ثلاثة عشر", 13),
    ("إحدى عشرة", 11),
    ("ألفين", 2000),
    ("مئتي ألف", 200000),
    ("ألف وخمسمائة", 1500),
    ("نصف مليون", 500000),
    ("مليون ونصف", 1500000),
    ("2.5 مليون", 2500000),
    ("20,000", 20000),
    ("20.000", 20000),
    ("٢٠ ألفاً", 20000),
    ("۱۲۰", 120),
    ("عشرات الآلاف", 10000),
    ("طائرتين", 2),
    ("أربعة ملايين", 4000000),
    ("مليون و200 ألف", 1200000),
    ("ثمانمئة وخمسين ألفا", 850000),
    ("الثالث", None),
    ("24/11/2024", None),
]


def _py(v: object) -> float | None:
    try:
        return float(v) if v not in (None, "", 0) else None  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def baselines(out: Path) -> None:
    """Run pyarabic and mahad (isolated env) and write their readings as JSON."""
    from maha.parsers.functions import parse_dimension
    from pyarabic.number import text2number

    rows = {}
    for phrase, _ in PHRASES:
        try:
            pa = _py(text2number(phrase))
        except Exception:  # a baseline crash is a miss, not a script failure
            pa = None
        try:
            found = parse_dimension(phrase, numeral=True)
            ma = _py(found[0].value) if found else None
        except Exception:
            ma = None
        rows[phrase] = {"pyarabic": pa, "mahad": ma}
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def compare(path: Path | None) -> None:
    from akhbar.text.numbers import parse_number

    base = json.loads(path.read_text(encoding="utf-8")) if path and path.exists() else {}
    names = ["akhbar"] + (["pyarabic", "mahad"] if base else [])
    right = dict.fromkeys(names, 0)
    print("| phrase | expected | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for phrase, want in PHRASES:
        got = {"akhbar": parse_number(phrase), **base.get(phrase, {})}
        cells = []
        for n in names:
            ok = got.get(n) == want
            right[n] += ok
            cells.append(f"{_fmt(got.get(n))}{'' if ok else ' ✗'}")
        print(f"| {phrase} | {_fmt(want)} | " + " | ".join(cells) + " |")
    total = len(PHRASES)
    print("| **correct** | | " + " | ".join(f"**{right[n]}/{total}**" for n in names) + " |")


def _fmt(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:g}"


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "compare"
    arg = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if cmd == "baselines":
        baselines(arg or Path("baselines.json"))
    else:
        compare(arg)
