"""The name tagger at run time: a linear-chain CRF decoded with numpy and a little Python.

The weights come from ``scripts/train_ner.py`` (``akhbar/data/models/ner.json.gz``).
Per token, the emission score is the sum of the weights of its features. Type
features depend only on a token's form, so for each form seen the weight sums
for every offset are computed once and cached (:class:`TypeTable`); an article's
emissions are then a few fancy-indexed numpy additions. Each token keeps only the labels
within ``BEAM`` of its best; tokens left with O alone cut the text into short
stretches, decoded together in numpy (99.7 % of tokens as exact Viterbi would).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from akhbar.data import DATA_DIR
from akhbar.text.sentences import sentence_spans
from tasks.extract.entities.features import LABELS, OFFSETS, TOKEN_RE, feature_bases
from tasks.extract.entities.sequences import PAD

__all__ = [
    "MODEL_PATH",
    "Model",
    "decode",
    "load_model",
    "model",
    "spans_of",
    "tag_text",
    "viterbi",
]

MODEL_PATH = DATA_DIR / "models" / "ner.json.gz"
_O = 0
# Forms cached per process: news vocabulary is Zipfian, so 200k covers a large corpus
# (about 40 MB of float32 vectors); beyond it the table is cleared and refilled.
MAX_TYPES = 200_000
# Labels whose emission is this far below a token's best are never its label. Measured
# on 400 real articles: beam 4 agrees with exact Viterbi on 99.2 % of tokens, 5 on 99.7 %,
# 6 on 99.99 % at 1.4x the decoding time; F1 on ANERcorp's 80-90 % slice is the same
# for 5 and 6 and drops for 3-4 (tests/test_tagger.py checks the agreement).
BEAM = 5.0
# Stretches at most this long are decoded together in numpy (one step per token of the
# longest); longer ones (a few per article) one by one in Python.
BATCH_STEPS = 6
# The score of a label a pruned token may not take, and the emissions of a padding
# position (O only).
_FORBIDDEN = -1e9
_O_ONLY = np.array([0.0] + [_FORBIDDEN] * (len(LABELS) - 1), dtype=np.float32)
# Subtracted from every token's O score: trades a little precision for recall, which the
# CRF under-weights (0.87 P / 0.73 R on ANERcorp's 80-90 % slice). Chosen among 0, 0.5,
# 1, 1.5, 2 on that slice (relaxed F1 0.79 at 0 and at 1) and on the realnews tune split
# (0.79 at 0, 0.81 at 1); 2 and beyond lose precision faster than they gain recall.
O_PENALTY = 0.0


@dataclass
class Model:
    labels: tuple[str, ...]
    trans: np.ndarray  # (L, L): score of label a followed by b
    attrs: dict[str, np.ndarray]  # feature name -> (L,) weights
    meta: dict
    common: frozenset[str]  # words seen twice or more in training (others are "rare")
    # words nearly always outside names in training ("هدف", "موسم"): a name of such
    # words alone is a misreading
    plain: frozenset[str] = frozenset()
    _table: TypeTable | None = field(default=None, init=False, repr=False)

    @property
    def base(self) -> np.ndarray:
        """What every token's emission starts from: the bias weights, O lowered by
        ``O_PENALTY``."""
        base = self.attrs.get("bias", np.zeros(len(self.labels), dtype=np.float32)).copy()
        base[_O] -= O_PENALTY
        return base

    @property
    def table(self) -> TypeTable:
        if self._table is None:
            self._table = TypeTable(self)
        return self._table


def load_model(path: Path) -> Model:
    body = json.loads(gzip.decompress(path.read_bytes()))
    labels = tuple(body["labels"])
    if labels != LABELS:
        raise ValueError(f"{path}: labels {labels} are not the tagger's {LABELS}")
    attrs = {a: np.asarray(w, dtype=np.float32) for a, w in body["attributes"].items()}
    trans = np.asarray(body["transitions"], dtype=np.float32)
    common, plain = frozenset(body["common"]), frozenset(body.get("plain", ()))
    return Model(labels, trans, attrs, body["meta"], common, plain)


@cache
def model() -> Model:
    return load_model(MODEL_PATH)


class TypeTable:
    """Form -> row of cached weight sums, one (L,) vector per offset."""

    def __init__(self, m: Model) -> None:
        self.model = m
        self.rows: dict[str, int] = {}
        self.vectors = np.zeros((1024, len(OFFSETS), len(m.labels)), dtype=np.float32)
        # per offset: feature name without its "k:" prefix -> its row in that offset's
        # weight matrix, so a batch of new forms is summed by one numpy call per offset
        # (no string is built per feature and offset when a new form comes)
        self.index: list[dict[str, int]] = [{} for _ in OFFSETS]
        stacks: list[list[np.ndarray]] = [[] for _ in OFFSETS]
        for name, w in m.attrs.items():
            k, sep, base = name.partition(":")
            if sep and k.lstrip("-").isdigit() and int(k) in OFFSETS:
                j = OFFSETS.index(int(k))
                self.index[j][base] = len(stacks[j])
                stacks[j].append(w)
        empty = np.zeros((0, len(m.labels)), dtype=np.float32)
        self.matrix = [np.array(ws, dtype=np.float32) if ws else empty for ws in stacks]
        # per feature group (own, near, far): base -> its (offset, row) pairs, one dict
        # lookup per feature instead of one per feature and offset
        self.by_group: list[dict[str, list[tuple[int, int]]]] = [{}, {}, {}]
        for j, k in enumerate(OFFSETS):
            group = self.by_group[_group(k)]
            for base, x in self.index[j].items():
                group.setdefault(base, []).append((j, x))
        self.add([PAD])

    def add(self, forms: list[str]) -> None:
        """Give every form not seen yet its row: features in Python, sums in numpy."""
        new = [f for f in dict.fromkeys(forms) if f not in self.rows]
        if not new:
            return
        if len(self.rows) + len(new) > MAX_TYPES:
            self.rows.clear()
            new = list(dict.fromkeys([PAD, *new]))
        start = len(self.rows)
        while start + len(new) > len(self.vectors):
            self.vectors = np.concatenate([self.vectors, np.zeros_like(self.vectors)])
        self.vectors[start : start + len(new)] = 0
        at: list[list[int]] = [[] for _ in OFFSETS]  # per offset: the new rows ...
        feats: list[list[int]] = [[] for _ in OFFSETS]  # ... and their feature indices
        by_group = self.by_group
        for i, form in enumerate(new):
            self.rows[form] = r = start + i
            for g, bases in enumerate(feature_bases(form, self.model.common)):
                lookup = by_group[g].get
                for f in bases:
                    pairs = lookup(f)
                    if pairs is not None:
                        for j, x in pairs:
                            at[j].append(r)
                            feats[j].append(x)
        for j in range(len(OFFSETS)):
            if at[j]:
                np.add.at(self.vectors[:, j], np.array(at[j]), self.matrix[j][feats[j]])


def _group(k: int) -> int:
    """Which of a token's feature groups an offset reads: own (0), near (+-1), far (+-2)."""
    return 0 if k == 0 else 1 if abs(k) == 1 else 2


def emissions(
    forms: list[str], first_tokens: np.ndarray, context: dict[int, list[str]], m: Model
) -> np.ndarray:
    """(n, L) emission scores: bias, context features, and every offset's type vectors.

    ``first_tokens``: the index of each sentence's first token (0 first). Two padding
    types are put around every sentence, so a neighbour beyond a sentence's edge is the
    padding type the model was trained with, and each offset is one gather."""
    table = m.table
    known = table.rows
    found = list(map(known.get, forms))  # one C-level pass; new forms are rare once warm
    if None in found:
        table.add([f for r, f in zip(found, forms, strict=True) if r is None])
        found = list(map(known.get, forms))
    rows = np.array(found, dtype=np.int64)
    pad = known[PAD]
    reach = max(OFFSETS)
    rows_p = np.insert(rows, np.repeat(np.append(first_tokens, len(rows)), reach), pad)
    where = np.arange(len(rows)) + reach * np.searchsorted(
        first_tokens, np.arange(len(rows)), side="right"
    )
    out = table.vectors[rows_p[where + OFFSETS[0]], 0].copy()
    for j, k in enumerate(OFFSETS[1:], start=1):
        out += table.vectors[rows_p[where + k], j]
    out += m.base
    attrs = m.attrs
    for i, feats in context.items():
        for f in feats:
            w = attrs.get(f)
            if w is not None:
                out[i] += w
    return out


def viterbi(e: np.ndarray, trans: np.ndarray) -> list[int]:
    """Exact Viterbi over the whole sequence, starting and ending after O (the reference
    ``decode`` is tested against; numpy per step, too slow to run per article)."""
    n, L = e.shape
    if n == 0:
        return []
    score = trans[_O] + e[0]
    back = np.zeros((n, L), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + e[t]
    path = [int((score + trans[:, _O]).argmax())]
    for t in range(n - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def _runs(free: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(starts, lengths) of the runs of True in ``free``."""
    edges = np.diff(np.concatenate(([0], free.view(np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    return starts, np.flatnonzero(edges == -1) - starts


def _batched_viterbi(e: np.ndarray, trans: np.ndarray, starts, lengths) -> np.ndarray:
    """Exact Viterbi of many stretches at once, each between two O tokens: stretches are
    padded with positions forced to O, and numpy steps through them together."""
    n, L = e.shape
    longest = int(lengths.max())
    cols = np.arange(longest)
    inside = cols[None, :] < lengths[:, None]
    em = e[np.minimum(starts[:, None] + cols[None, :], n - 1)]
    em[~inside] = _O_ONLY
    score = trans[_O][None, :] + em[:, 0]
    back = np.zeros((len(starts), longest, L), dtype=np.int8)
    # (run, to, from): numpy reduces the contiguous last axis fastest, and picking the
    # maxima by their argmax is cheaper than a second reduction
    trans_t = np.ascontiguousarray(trans.T)[None, :, :]
    flat_index = np.arange(L)[None, :] * L
    runs = np.arange(len(starts))[:, None]
    for t in range(1, longest):
        cand = score[:, None, :] + trans_t
        arg = cand.argmax(axis=2)
        back[:, t] = arg
        score = cand.reshape(len(starts), L * L)[runs, flat_index + arg] + em[:, t]
    labels = np.zeros((len(starts), longest), dtype=np.int8)
    labels[:, -1] = (score + trans[:, _O][None, :]).argmax(axis=1)
    rows = np.arange(len(starts))
    for t in range(longest - 1, 0, -1):
        labels[:, t - 1] = back[rows, t, labels[:, t]]
    return labels


def _python_stretch(e: np.ndarray, keep: np.ndarray, trans: list[list[float]], i: int, j: int):
    """Viterbi of tokens i..j-1 between two O tokens over each token's kept labels (two or
    three of seven, so a long stretch costs a few microseconds a token)."""
    prev = {a: trans[_O][a] + float(e[i, a]) for a in np.flatnonzero(keep[i]).tolist()}
    back: list[dict[int, int]] = []
    for t in range(i + 1, j):
        row = e[t]
        cur: dict[int, float] = {}
        ptr: dict[int, int] = {}
        for b in np.flatnonzero(keep[t]).tolist():
            best = max(prev, key=lambda a, b=b: prev[a] + trans[a][b])
            cur[b] = prev[best] + trans[best][b] + float(row[b])
            ptr[b] = best
        prev = cur
        back.append(ptr)
    path = [max(prev, key=lambda b: prev[b] + trans[b][_O])]
    for ptr in reversed(back):
        path.append(ptr[path[-1]])
    return path[::-1]


def decode(e: np.ndarray, m: Model) -> list[int]:
    """Viterbi over a pruned lattice: a token keeps only the labels whose emission is
    within ``BEAM`` of its best one; tokens left with O alone are O and cut the sequence
    into short stretches (2 tokens on average in real news). Stretches up to
    ``BATCH_STEPS`` long are decoded together in numpy, longer ones in Python. It agrees
    with the exact :func:`viterbi` on 99.7 % of tokens (``tests/test_tagger.py``)."""
    n = len(e)
    out = np.zeros(n, dtype=np.int8)
    if n == 0:
        return out.tolist()
    keep = e >= e.max(axis=1, keepdims=True) - BEAM
    free = ~(keep[:, _O] & (keep.sum(axis=1) == 1))
    if not free.any():
        return out.tolist()
    pruned = np.where(keep, e, _FORBIDDEN)
    starts, lengths = _runs(free)
    short = lengths <= BATCH_STEPS
    if short.any():
        st, ln = starts[short], lengths[short]
        labels = _batched_viterbi(pruned, m.trans, st, ln)
        cols = np.arange(labels.shape[1])[None, :]
        inside = cols < ln[:, None]
        out[(st[:, None] + cols)[inside]] = labels[inside]
    trans = m.trans.tolist()
    for i, length in zip(starts[~short].tolist(), lengths[~short].tolist(), strict=True):
        out[i : i + length] = _python_stretch(e, keep, trans, i, i + length)
    return out.tolist()


def spans_of(
    labels: list[int], starts: list[int], ends: list[int], m: Model
) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each run of tokens with the same label other than O."""
    out: list[list] = []
    prev = _O
    for k, lab in enumerate(labels):
        if lab != _O:
            if lab == prev:
                out[-1][1] = ends[k]
            else:
                out.append([starts[k], ends[k], m.labels[lab]])
        prev = lab
    return [(s, e, kind) for s, e, kind in out]


def tag_text(
    norm: str,
    context: Callable[[list[int], list[int]], dict[int, list[str]]] | None,
    m: Model | None = None,
) -> list[tuple[int, int, str]]:
    """Name spans (start, end, PER/LOC/ORG) of a normalised text.

    Tokens are read once over the whole text; neighbours never reach across a sentence
    boundary. ``context(starts, ends)`` gives the rules' features of the tokens they
    touch (None: a plain tagger)."""
    m = m or model()
    matches = list(TOKEN_RE.finditer(norm))
    if not matches:
        return []
    starts = [t.start() for t in matches]
    ends = [t.end() for t in matches]
    forms = [t.group().lower() for t in matches]
    sentence_starts = np.array([s for s, _e in sentence_spans(norm)], dtype=np.int64)
    first_tokens = np.unique(np.searchsorted(starts, sentence_starts))
    if not len(first_tokens) or first_tokens[0] != 0:
        first_tokens = np.insert(first_tokens, 0, 0)
    ctx = context(starts, ends) if context else {}
    labels = decode(emissions(forms, first_tokens[first_tokens < len(starts)], ctx, m), m)
    return spans_of(labels, starts, ends, m)
