"""Tokens, features and gold labels of sentences, for training and evaluating the tagger.

``sentence_items`` turns one tokenised sentence into the per-token feature lists
the CRF trainer takes; the run-time tagger sums the same features' weights from
cached per-type vectors (:mod:`tasks.extract.entities.tagger`).
"""

from __future__ import annotations

from tasks.extract.common.scan import Scan, scan
from tasks.extract.entities.features import (
    OFFSETS,
    Token,
    context_features,
    normalised_form,
    type_features,
)

__all__ = ["PAD", "join_tokens", "rule_spans", "sentence_items"]

PAD = "<pad>"  # the type beyond a sentence's edges


def join_tokens(raw_tokens: list[str]) -> tuple[str, list[Token]]:
    """One sentence's tokens as the normalised text the rules read, with their offsets."""
    tokens, pos, parts = [], 0, []
    for raw in raw_tokens:
        form = normalised_form(raw)
        tokens.append(Token(pos, pos + len(form), form))
        parts.append(form)
        pos += len(form) + 1
    return " ".join(parts), tokens


def rule_spans(norm: str, found: Scan) -> list[tuple[int, int, str, str]]:
    """The rule recogniser's mentions in ``norm``: (start, end, kind, method)."""
    from tasks.extract.entities import find_hits

    return [(h.ns, h.ne, h.kind, h.method) for h in find_hits(norm, found=found)]


def sentence_items(
    norm: str, tokens: list[Token], common: frozenset[str], knowledge: bool = True
) -> list[list[str]]:
    """Feature names per token: type features of the token and its neighbours, plus (with
    ``knowledge``) the rules' context features. ``common``: see ``type_features``."""
    n = len(tokens)
    types = [type_features(t.form, common) for t in tokens]
    pad = type_features(PAD, common)
    ctx: dict[int, list[str]] = {}
    if knowledge:
        found = scan(norm)
        starts, ends = [t.start for t in tokens], [t.end for t in tokens]
        ctx = context_features(starts, ends, found, rule_spans(norm, found))
    items = []
    for i in range(n):
        feats = ["bias", *ctx.get(i, ())]
        for k in OFFSETS:
            j = i + k
            feats += (types[j] if 0 <= j < n else pad)[k]
        if not knowledge:
            feats = [f for f in feats if ":l=" not in f]  # a plain CRF: no word lists
        items.append(feats)
    return items
