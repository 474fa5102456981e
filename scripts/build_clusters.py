"""Word clusters for the name tagger, learned from unlabelled news (no labels are read).

Run: ``uv run python scripts/build_clusters.py`` (writes
``akhbar/data/models/clusters.tsv.gz``), then ``uv run python scripts/train_ner.py``.

Why: most names in the news were never seen in ANERcorp's 3,800 training sentences.
Words used in the same contexts (given names, family names, towns, company words)
fall into the same cluster, so the CRF can learn "a word of the given-name cluster"
from the training names and apply it to names it has never seen.

How: every word of the text is read as the tagger reads it (normalised, lower-case,
without و/ف and the article: ``features.bare``); words seen at least ``MIN_COUNT``
times get a context vector (positive PMI with the ``CONTEXTS`` most frequent words,
two words each side), reduced to ``DIMENSIONS`` by a truncated SVD and grouped by
k-means at each of the ``CLUSTERS`` granularities (fixed seed: the same text gives the same file).

Text (unlabelled, read from ``../shared``, never copied): the 2,000 articles of
``dev/ant_dev.jsonl`` and the training part of ``ner-train/anercorp_train.conll``
(its first 90 % of sentences: the held-out 10 % is not read, even unlabelled).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds
from sklearn.cluster import KMeans

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from akhbar.text.normalize import normalize  # noqa: E402
from scripts.train_ner import CORPUS, read_conll, splits  # noqa: E402
from tasks.extract.entities.features import TOKEN_RE, bare  # noqa: E402

DEV = ROOT.parent / "shared" / "dev" / "ant_dev.jsonl"
OUT = ROOT / "akhbar" / "data" / "models" / "clusters.tsv.gz"
# Words rarer than this get no cluster (their contexts are too few to place them);
# 5 keeps about 25k words of 1.2M tokens.
MIN_COUNT = 5
CONTEXTS = 3000  # most frequent words used as context dimensions
WINDOW = 2
DIMENSIONS = 100
# Two granularities, like the prefixes of Brown clusters: a coarse one shares weight
# widely, a fine one tells given names from family names. Chosen on ANERcorp's 80-90 %
# slice and Wojood's train part with the plain tagger (relaxed F1 0.70 / 0.40 without
# clusters; 0.74 / 0.43 with 128, 0.74 / 0.44 with 512, 0.74 / 0.37 with 256 alone).
CLUSTERS = (128, 512)
SEED = 0


def sentences() -> list[list[str]]:
    """Token forms (bare) of every line of the unlabelled text."""
    out: list[list[str]] = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        for para in json.loads(line)["text"].split("\n"):
            out.append([bare(t.group().lower()) for t in TOKEN_RE.finditer(normalize(para))])
    train, _held = splits(read_conll(CORPUS), dev=False)
    for sent in train:
        text = normalize(" ".join(tok for tok, _tag in sent))
        out.append([bare(t.group().lower()) for t in TOKEN_RE.finditer(text)])
    return out


def vectors(sents: list[list[str]]) -> tuple[list[str], np.ndarray]:
    counts = Counter(w for s in sents for w in s)
    words = [w for w, n in counts.most_common() if n >= MIN_COUNT and w.isalpha()]
    row = {w: i for i, w in enumerate(words)}
    col = {w: i for i, (w, _n) in enumerate(counts.most_common(CONTEXTS))}
    pairs: Counter = Counter()
    for s in sents:
        for i, w in enumerate(s):
            r = row.get(w)
            if r is None:
                continue
            for j in range(max(0, i - WINDOW), min(len(s), i + WINDOW + 1)):
                c = col.get(s[j]) if j != i else None
                if c is not None:
                    pairs[(r, c, j < i)] += 1
    # left and right contexts are separate dimensions: "قال X" and "X قال" differ
    keys = np.array(list(pairs.keys()), dtype=np.int64)
    vals = np.array(list(pairs.values()), dtype=np.float64)
    cols = keys[:, 1] * 2 + keys[:, 2]
    m = sparse.csr_matrix((vals, (keys[:, 0], cols)), shape=(len(words), 2 * len(col)))
    total = m.sum()
    pw = np.asarray(m.sum(axis=1)).ravel() / total
    pc = np.asarray(m.sum(axis=0)).ravel() / total
    m = m.tocoo()
    pmi = np.log((m.data / total) / (pw[m.row] * pc[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _vt = svds(ppmi, k=DIMENSIONS, random_state=SEED)
    x = u * s
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    return words, x


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    for path in (DEV, CORPUS):
        if not path.exists():
            sys.exit(f"build_clusters: {path} not found (the data lives in ../shared)")
    t0 = time.perf_counter()
    sents = sentences()
    words, x = vectors(sents)
    labels = [KMeans(k, n_init=1, random_state=SEED).fit_predict(x).tolist() for k in CLUSTERS]
    header = (
        f"# word clusters for the name tagger: scripts/build_clusters.py, {len(words)} words,\n"
        f"# word, cluster at each of {CLUSTERS} clusters; min count {MIN_COUNT}, seed {SEED};\n"
        "# from ant_dev.jsonl (ANT corpus, Chouigui et al. 2021) and ANERcorp's training\n"
        "# part (CC BY-SA 4.0)\n"
    )
    rows = sorted(zip(words, *labels, strict=True))
    body = "".join("\t".join(map(str, r)) + "\n" for r in rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(gzip.compress((header + body).encode("utf-8"), mtime=0))
    took = time.perf_counter() - t0
    print(f"{len(words)} words in {CLUSTERS} clusters in {took:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
