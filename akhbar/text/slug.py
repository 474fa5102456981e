"""Readable ASCII ids from Latin names: ``Türkiye`` -> ``turkiye``, not ``t-rkiye``.

Accents are letters plus combining marks once decomposed (NFKD), so dropping
the marks keeps the letter; anything else that is not a letter or digit
separates words.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["ascii_slug"]

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def ascii_slug(name: str) -> str:
    """Lower-case ASCII words joined by ``-``: ``Côte d’Ivoire`` -> ``cote-d-ivoire``."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub("-", bare.lower()).strip("-")
