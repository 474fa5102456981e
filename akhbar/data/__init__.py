"""Linguistic knowledge as data files (word lists, gazetteers, markers).

Every file starts with ``#`` comment lines saying where its list comes from.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

DATA_DIR = Path(__file__).parent
# Length of the extractor fingerprint kept per article: 16 hex digits (64 bits) never
# collide between the handful of versions a warehouse sees, and stay readable in a query.
FINGERPRINT_HEX = 16


@cache
def extractor_fingerprint() -> str:
    """What made an article's facts: akhbar's version plus every file under akhbar/data.

    The word lists, gazetteers, rule tables and the NER model all live there,
    so editing any of them (or releasing a new version) changes the
    fingerprint, and the next run re-extracts the articles stamped with
    another one (``articles.extractor_fingerprint``).
    """
    try:
        h = hashlib.sha256(f"akhbar {version('akhbar')}".encode())
    except PackageNotFoundError:  # a bare checkout on sys.path, not installed
        h = hashlib.sha256(b"akhbar (not installed)")
    for path in sorted(DATA_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(DATA_DIR).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:FINGERPRINT_HEX]


@cache
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of ``akhbar/data/NAME``, comments and blanks skipped.

    ``\\uXXXX`` escapes in fields are decoded, so character tables can name
    invisible code points explicitly.
    """
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(_unescape(f.strip()) for f in line.split("\t"))
        rows.append(fields)
    return tuple(rows)


def _unescape(s: str) -> str:
    return s.encode("ascii", "backslashreplace").decode("unicode_escape") if "\\u" in s else s
