"""A figure's or a quote's day: the nearest day-precise date stated in its sentence."""

from __future__ import annotations

from bisect import bisect_right

from akhbar.text.sentences import sentence_spans

__all__ = ["attach_dates"]

# Precisions good enough to date a figure or a quote.
_ATTACHABLE = ("day", "minute")


def attach_dates(rows: list[dict], timex: list[dict], text: str) -> None:
    """Set ``row["date"]`` from the nearest day-precise date in the row's sentence.

    ``rows`` are figures or quotes with ``start``/``end``; rows with no dated
    timex in their sentence keep the date they had (None by default).
    """
    dated = [t for t in timex if t.get("resolved_date") and t.get("precision") in _ATTACHABLE]
    spans = sentence_spans(text) if dated else []
    starts = [s for s, _e in spans]
    for row in rows:
        row["date"] = row.get("date")
        i = bisect_right(starts, row["start"]) - 1
        if i < 0 or row["start"] >= spans[i][1]:
            continue
        s0, s1 = spans[i]
        near = [t for t in dated if t["start"] >= s0 and t["end"] <= s1]
        if near:
            best = min(near, key=lambda t: (_gap(t, row), t["start"]))
            row["date"] = best["resolved_date"]


def _gap(t: dict, row: dict) -> int:
    return max(0, t["start"] - row["end"], row["start"] - t["end"])
