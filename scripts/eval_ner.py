"""Relaxed and strict F1 of names (PERSON, LOCATION, ORGANIZATION), per type and set.

Run: ``uv run python scripts/eval_ner.py
[--sets anercorp,realnews,realnews2,...,realnews8,wojood] [--dev] [--plain MODEL]
[--errors N]``.

Systems: ``rules`` (the gazetteer and rules alone), ``tagger`` (a plain CRF with no
word list or rule: trained on the fly with ``scripts/train_ner.py --plain`` unless
``--plain MODEL`` names one), ``combined`` (what ``akhbar run`` writes: the CRF with
akhbar's knowledge as features, canonicalised).

Sets, each read from ``../shared`` (never copied here):
- ``anercorp``: the last 10 % of ``ner-train/anercorp_train.conll`` by sentence, never
  trained on (``--dev``: the 10 % before it, where choices were made);
- ``realnews``: ``tests/fixtures/realnews/ner.jsonl``, 90 paragraphs of ant_dev
  annotated before any run, split ``tune`` / ``heldout``;
- ``realnews2``: ``tests/fixtures/realnews/ner2.jsonl``, 40 more paragraphs annotated in
  a later session, split ``fresh`` (scored first, then open to tuning);
- ``realnews3`` .. ``realnews8``: ``ner3.jsonl`` .. ``ner8.jsonl``, rounds 3 to 8, 40
  paragraphs each, ``fresh``;
- ``wojood``: ``dev/wojood/{train,val}.txt``, outermost PERS/ORG/GPE/LOC spans.

Relaxed: same kind, overlap at least half of the union of the two spans. Strict: same
kind and the same tokens (CoNLL sets; a name without its clitic still covers its
token) or the same characters (realnews).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.train_ner import CORPUS, TAG_MAP, read_conll, splits  # noqa: E402
from tasks.extract.common.context import ExtractContext  # noqa: E402
from tasks.extract.entities import (  # noqa: E402
    extract_entities,
    find_hits,
    source_spelling,
    tagger,
)
from tasks.extract.entities.tagger import Model, load_model, tag_text  # noqa: E402

SHARED = ROOT.parent / "shared"
REALNEWS = ROOT / "tests" / "fixtures" / "realnews" / "ner.jsonl"
LATER_ROUNDS = tuple(range(2, 16))  # ner2.jsonl ... ner15.jsonl: one fresh round per session
DEV = SHARED / "dev" / "ant_dev.jsonl"
WOJOOD = SHARED / "dev" / "wojood"
KINDS = ("PER", "LOC", "ORG")
SHORT = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}
WOJOOD_KIND = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
RELAXED_OVERLAP = 0.5
# ANERcorp sentences per scored passage: about one news article (ant_dev: 18 lines of
# 1-3 sentences on average).
PASSAGE_SENTENCES = 10

Span = tuple[int, int, str]


class Case:
    """One text with gold spans; ``tokens`` (CoNLL sets) gives token-level strictness."""

    def __init__(self, name: str, text: str, gold: list[Span], window=None, tokens=None):
        self.name, self.text, self.gold = name, text, gold
        self.window = window or (0, len(text))
        self.tokens = tokens  # list of (start, end) per token, or None


def _joined(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans, pos = [], 0
    for t in tokens:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 1
    return " ".join(tokens), spans


def _bio_spans(tags: list[str], spans: list[tuple[int, int]]) -> list[Span]:
    """Spans of a CoNLL BIO tag sequence (tags "B-PER", "I-LOC", "O")."""
    out: list[list] = []
    for i, (tag, (s, e)) in enumerate(zip(tags, spans, strict=True)):
        if tag == "O" or "-" not in tag:
            continue
        bio, kind = tag.split("-", 1)
        if bio == "B" or not out or out[-1][2] != kind or out[-1][3] != i - 1:
            out.append([s, e, kind, i])
        else:
            out[-1][1], out[-1][3] = e, i
    return [(s, e, k) for s, e, k, _ in out]


def _bio(tag: str) -> str:
    """An ANERcorp tag with its kind in our names (PERS -> PER), or O."""
    bio, _, kind = tag.partition("-")
    return f"{bio}-{TAG_MAP[kind]}" if kind in TAG_MAP else "O"


def anercorp(dev: bool) -> list[Case]:
    """Passages of PASSAGE_SENTENCES consecutive sentences: ANERcorp is running news text
    without article breaks, and akhbar tags whole articles (a name found once is found
    again further on), so it is scored on passages of about an article's length."""
    _train, scored = splits(read_conll(CORPUS), dev)
    cases = []
    for i in range(0, len(scored), PASSAGE_SENTENCES):
        part = [tok for sent in scored[i : i + PASSAGE_SENTENCES] for tok in sent]
        text, spans = _joined([t for t, _ in part])
        gold = _bio_spans([_bio(g) for _, g in part], spans)
        cases.append(Case(f"anercorp:{i}", text, gold, tokens=spans))
    return cases


def realnews(split: str, path: Path | None = None) -> list[Case]:
    texts = {}
    with DEV.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    cases = []
    for line in (path or REALNEWS).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["split"] != split:
            continue
        gold = [(m["start"], m["end"], SHORT[m["kind"]]) for m in row["mentions"]]
        cases.append(Case(row["id"], texts[row["id"]], gold, window=(row["start"], row["end"])))
    return cases


def wojood(name: str) -> list[Case]:
    cases, cur = [], []
    for line in [*(WOJOOD / name).read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            cur.append(line.split())
            continue
        if cur:
            text, spans = _joined([c[0] for c in cur])
            cases.append(
                Case(f"wojood/{name}:{len(cases)}", text, _wojood_gold(cur, spans), tokens=spans)
            )
        cur = []
    return cases


def _wojood_gold(rows: list[list[str]], spans: list[tuple[int, int]]) -> list[Span]:
    found: set[Span] = set()
    depth = max(len(r) for r in rows) - 1
    for level in range(1, depth + 1):
        labels = []
        for r in rows:
            tag = r[level] if len(r) > level else "O"
            bio, _, kind = tag.partition("-")
            labels.append(f"{bio}-{WOJOOD_KIND[kind]}" if kind in WOJOOD_KIND else "O")
        found |= set(_bio_spans(labels, spans))
    # outermost only: a name inside another of our names ("جامعة القاهرة") is not counted
    return sorted(
        s for s in found if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in found)
    )


# ----- systems --------------------------------------------------------------------------
def _ctx(text: str) -> ExtractContext:
    return ExtractContext.from_visible(text, text)


def sys_rules(text: str) -> list[Span]:
    ctx = _ctx(text)
    return [
        (*ctx.nt.span(h.ns, h.ne), SHORT[h.kind])
        for h in find_hits(ctx.nt.norm, source_spelling(ctx), ctx.scan)
    ]


def sys_tagger(m: Model) -> Callable[[str], list[Span]]:
    def run(text: str) -> list[Span]:
        ctx = _ctx(text)
        return [(*ctx.nt.span(s, e), k) for s, e, k in tag_text(ctx.nt.norm, None, m)]

    return run


def sys_combined(text: str) -> list[Span]:
    mentions, _defs = extract_entities(_ctx(text))
    return [(m["start"], m["end"], SHORT[m["kind"]]) for m in mentions]


# ----- scoring --------------------------------------------------------------------------
def _overlap(a: Span, b: Span) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else 0.0


def _token_range(s: Span, tokens: list[tuple[int, int]]) -> tuple[int, int, str]:
    idx = [i for i, (a, b) in enumerate(tokens) if a < s[1] and s[0] < b]
    return (idx[0], idx[-1], s[2]) if idx else (-1, -1, s[2])


def score(cases: list[Case], system: Callable[[str], list[Span]], errors: list) -> dict:
    c: dict[str, Counter] = {k: Counter() for k in (*KINDS, "ALL")}
    for case in cases:
        lo, hi = case.window
        pred = [p for p in system(case.text) if lo <= p[0] and p[1] <= hi]
        for k in (*KINDS, "ALL"):
            g = [x for x in case.gold if k in ("ALL", x[2])]
            p = [x for x in pred if k in ("ALL", x[2])]
            c[k]["gold"] += len(g)
            c[k]["pred"] += len(p)
            used: set[int] = set()
            for x in p:
                best = max(
                    (
                        (i, _overlap(x, y))
                        for i, y in enumerate(g)
                        if y[2] == x[2] and i not in used
                    ),
                    key=lambda t: t[1],
                    default=(None, 0.0),
                )
                if best[0] is not None and best[1] >= RELAXED_OVERLAP:
                    used.add(best[0])
                    c[k]["relaxed"] += 1
            if case.tokens:
                gs = {_token_range(y, case.tokens) for y in g}
                c[k]["strict"] += sum(
                    1 for x in {_token_range(x, case.tokens) for x in p} if x in gs
                )
            else:
                c[k]["strict"] += len(set(p) & set(g))
            if k == "ALL":
                errors += [
                    (case.name, "miss", case.text[y[0] : y[1]], y[2])
                    for i, y in enumerate(g)
                    if i not in used
                ]
                good = [x for x in p if any(y[2] == x[2] and _overlap(x, y) >= 0.5 for y in g)]
                errors += [
                    (case.name, "extra", case.text[x[0] : x[1]], x[2]) for x in p if x not in good
                ]
    return c


def _f(c: Counter, key: str) -> tuple[float, float, float]:
    p = c[key] / c["pred"] if c["pred"] else 0.0
    r = c[key] / c["gold"] if c["gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, results: dict[str, dict]) -> None:
    print(f"\n== {name}")
    print(f"{'system':10s} {'type':4s} {'gold':>5s} {'pred':>5s}  relaxed P/R/F1     strict F1")
    for system, c in results.items():
        for k in (*KINDS, "ALL"):
            p, r, f = _f(c[k], "relaxed")
            fs = _f(c[k], "strict")[2]
            counts = f"{c[k]['gold']:5d} {c[k]['pred']:5d}"
            print(f"{system:10s} {k:4s} {counts}  {p:.2f} {r:.2f} {f:.3f}    {fs:.3f}")


def _trained(plain: bool, dev: bool) -> Path:
    """A model trained now into a temporary file (``--plain`` and ``--dev`` as asked)."""
    tmp = Path(tempfile.mkdtemp()) / ("plain.json.gz" if plain else "ner.json.gz")
    cmd = [sys.executable, str(ROOT / "scripts" / "train_ner.py"), "--out", str(tmp)]
    flags = (["--plain"] if plain else []) + (["--dev"] if dev else [])
    subprocess.run([*cmd, *flags], check=True)
    return tmp


def _plain_model(path: Path | None, dev: bool) -> Model:
    return load_model(path if path is not None else _trained(plain=True, dev=dev))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="anercorp,realnews,wojood")
    ap.add_argument(
        "--dev", action="store_true", help="anercorp's 80-90 %% instead of the held-out 10 %%"
    )
    ap.add_argument("--plain", type=Path, help="a plain tagger model (else trained now)")
    ap.add_argument("--systems", default="rules,tagger,combined")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--tune-only", action="store_true", help="leave the held-out sets alone")
    args = ap.parse_args()
    wanted = args.systems.split(",")
    systems: dict[str, Callable[[str], list[Span]]] = {}
    if "rules" in wanted:
        systems["rules"] = sys_rules
    if "tagger" in wanted:
        systems["tagger"] = sys_tagger(_plain_model(args.plain, args.dev))
    if "combined" in wanted:
        if args.dev:  # the shipped model has trained on the 80-90 % slice: train one that has not
            tagger.MODEL_PATH = _trained(plain=False, dev=True)
            tagger.model.cache_clear()  # the shipped model, if read already, is not used
        systems["combined"] = sys_combined
    sets: dict[str, list[Case]] = {}
    chosen = args.sets.split(",")
    if "anercorp" in chosen:
        sets["anercorp " + ("dev 80-90%" if args.dev else "held-out last 10%")] = anercorp(args.dev)
    if "realnews" in chosen:
        sets["realnews tune"] = realnews("tune")
    if "realnews" in chosen and not args.tune_only:
        sets["realnews heldout"] = realnews("heldout")
    for n in LATER_ROUNDS:  # paragraphs annotated in later sessions, one round each
        if f"realnews{n}" in chosen:
            sets[f"realnews fresh (round {n})"] = realnews(
                "fresh", REALNEWS.with_name(f"ner{n}.jsonl")
            )
    if "wojood" in chosen:
        sets["wojood train"] = wojood("train.txt")
        sets["wojood val"] = wojood("val.txt")
    for name, cases in sets.items():
        errs: list = []
        report(
            name, {s: score(cases, f, errs if s == "combined" else []) for s, f in systems.items()}
        )
        for e in errs[: args.errors]:
            print("   ", *e)


if __name__ == "__main__":
    main()
