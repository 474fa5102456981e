"""Line-level evaluation of the clean stage over the seeds and the clutter cases.

Usage: ``uv run python scripts/eval_clean.py [--verbose] [--speed]``

Gold labels: ``tests/fixtures/clean/*.txt`` (one ``LABEL<TAB>line`` per line,
see the README there) and ``tests/fixtures/clean/seeds_gold.tsv`` for the
seeds. A line's predicted label is the kind of the boilerplate span covering
it whole, ``title`` when it holds the title, else ``body``. Boilerplate is the
positive class: precision = removed lines that were clutter / removed lines,
recall = clutter lines removed / clutter lines.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tasks.clean import CleanResult, clean  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "clean"
SEEDS = ROOT / "seeds"
KEEP = {"title", "body"}


@dataclass
class Case:
    name: str
    text: str
    labels: list[tuple[int, int, str]]  # (start, end, gold label) per non-blank line
    meta: dict[str, str] = field(default_factory=dict)


def load_case(path: Path) -> Case:
    """A clutter case: ``LABEL<TAB>text`` lines and ``@key<TAB>value`` expectations."""
    lines, labels, meta, pos = [], [], {}, 0
    for row in path.read_text(encoding="utf-8").split("\n"):
        if not row:
            continue
        label, _, body = row.partition("\t")
        if label.startswith("@"):
            meta[label[1:]] = body
            continue
        if body.strip():
            s = pos + len(body) - len(body.lstrip())
            labels.append((s, s + len(body.strip()), label))
        lines.append(body)
        pos += len(body) + 1
    return Case(path.stem, "\n".join(lines), labels, meta)


def load_cases() -> list[Case]:
    return [load_case(p) for p in sorted(FIXTURES.glob("*.txt"))]


def load_seeds() -> list[Case]:
    gold: dict[str, dict[int, str]] = {}
    for row in (FIXTURES / "seeds_gold.tsv").read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            seed, line, label = row.split("\t")
            gold.setdefault(seed, {})[int(line)] = label
    cases = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        labels, pos = [], 0
        for no, row in enumerate(text.split("\n"), 1):
            if row.strip():
                s = pos + len(row) - len(row.lstrip())
                labels.append((s, s + len(row.strip()), gold.get(path.name, {}).get(no, "body")))
            pos += len(row) + 1
        cases.append(Case(path.stem, text, labels))
    return cases


def predict(r: CleanResult, s: int, e: int) -> str:
    for b in r.boilerplate:
        if b["start"] <= s and e <= b["end"]:
            return b["kind"]
    if r.title_span and r.title_span[0] < e and s < r.title_span[1]:
        return "title"
    return "body"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    kind_ok: int = 0
    lines: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, case: Case, r: CleanResult) -> None:
        for s, e, gold in case.labels:
            pred = predict(r, s, e)
            self.lines += 1
            g, p = gold not in KEEP, pred not in KEEP
            self.tp += g and p
            self.fp += p and not g
            self.fn += g and not p
            self.kind_ok += g and p and gold == pred
            if gold != pred:
                self.errors.append(f"{case.name}: gold={gold} pred={pred} | {case.text[s:e][:70]}")

    def report(self, name: str) -> str:
        p = self.tp / max(self.tp + self.fp, 1)
        rec = self.tp / max(self.tp + self.fn, 1)
        f1 = 2 * p * rec / max(p + rec, 1e-9)
        kinds = self.kind_ok / max(self.tp, 1)
        return (
            f"{name:<10} lines={self.lines:4d} boilerplate P={p:.3f} R={rec:.3f} F1={f1:.3f}"
            f"  kind-accuracy={kinds:.3f}  (tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def check_meta(case: Case, r: CleanResult) -> list[str]:
    """Expected metadata (``@key`` lines) that the result does not match."""
    got = {
        "title": r.title,
        "published_at": r.published_at.isoformat() if r.published_at else "",
        "published_precision": r.published_precision or "",
        "published_tz": r.published_tz or "",
        "dateline": r.dateline or "",
        "author": r.author or "",
        "outlet": r.outlet or "",
        "agencies": "|".join(r.agencies),
    }
    return [
        f"{case.name}: {k} expected {v!r}, got {got[k]!r}"
        for k, v in case.meta.items()
        if got.get(k) != v
    ]


def speed(cases: list[Case], rounds: int = 1000) -> str:
    texts = [c.text for c in cases]
    t0 = time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            clean(t)
    dt = time.perf_counter() - t0
    n = rounds * len(texts)
    return f"speed: {n / dt:,.0f} articles/s, {dt / n * 1e3:.3f} ms/article ({n} clean() calls)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list every mislabelled line")
    ap.add_argument("--speed", action="store_true", help="time clean() over the seeds")
    args = ap.parse_args()
    total, meta_errors = Score(), []
    for name, cases in (("seeds", load_seeds()), ("clutter", load_cases())):
        score = Score()
        for case in cases:
            r = clean(case.text)
            score.add(case, r)
            total.add(case, r)
            meta_errors += check_meta(case, r)
        print(score.report(name))
        if args.verbose:
            print("\n".join("  " + e for e in score.errors))
    print(total.report("all"))
    print(f"metadata mismatches: {len(meta_errors)}")
    print("\n".join("  " + e for e in meta_errors))
    if args.speed:
        print(speed(load_seeds()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
