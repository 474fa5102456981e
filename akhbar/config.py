"""Paths, environment and the limits every stage shares.

Every threshold is named here or beside the code that uses it, with how it
was chosen.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"

WAREHOUSE_ENV = "AKHBAR_WAREHOUSE"
DEFAULT_WAREHOUSE = "warehouse"
DB_NAME = "akhbar.duckdb"

# Largest file decoded as one article. The longest real news article we have
# seen scraped is ~60 KB of text; 5 MiB leaves room for long-form pieces and
# saved pages while keeping a stray log dump or video out of memory.
MAX_FILE_BYTES = 5 * 1024 * 1024

# Articles per Prefect task. Prefect costs ~20-40 ms of server time per task
# run (PREFECT-NOTES); at ~2 ms of work per article, 500 articles make the
# task overhead < 5 % while still giving a 2-core pool several tasks at 2k files.
BATCH_SIZE = 500


# A source name becomes a partition folder (data/TABLE/source=NAME/) and a value in every
# table: letters and digits of any script (an Arabic folder keeps its name), then "_ . -";
# never a separator, a dot-dot or white space. 64 characters keep paths short.
SOURCE_NAME = re.compile(r"[^\W_][\w.-]{0,63}")
MAX_SOURCE_NAME = 64
# What an ad-hoc folder whose name has no letter or digit at all is called.
FALLBACK_SOURCE_NAME = "source"


def is_source_name(name: str) -> bool:
    """True for a name that may become a partition folder (see :data:`SOURCE_NAME`)."""
    return SOURCE_NAME.fullmatch(name) is not None and name == unicodedata.normalize("NFC", name)


def source_name_for(folder_name: str) -> str:
    """A safe source name from a folder's name: ``أخبار اليوم`` -> ``أخبار-اليوم``.

    Letters keep their composed form (أ stays أ, ü stays ü); loose diacritics
    (Arabic harakat, combining accents) are dropped and every run of other
    characters becomes one ``-``, so the name reads like the folder's.
    """
    composed = unicodedata.normalize("NFC", folder_name)
    bare = "".join(c for c in composed if unicodedata.category(c) != "Mn")
    name = re.sub(r"[^\w.-]+", "-", bare).strip("-._")
    return name[:MAX_SOURCE_NAME].rstrip("-._") or FALLBACK_SOURCE_NAME


def warehouse_dir(arg: str | Path | None = None) -> Path:
    """The warehouse folder: --warehouse, else $AKHBAR_WAREHOUSE, else ./warehouse."""
    raw = arg or os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE
    return Path(raw).expanduser().resolve()


def views_dir() -> Path:
    """SQL that defines the views: the checkout's warehouse/views, or the wheel's copy."""
    repo = PROJECT_ROOT / "warehouse" / "views"
    return repo if repo.is_dir() else Path(__file__).parent / "warehouse_views"
