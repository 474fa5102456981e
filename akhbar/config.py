"""Paths, environment and the limits every stage shares.

Every threshold is named here or beside the code that uses it, with how it
was chosen.
"""

from __future__ import annotations

import os
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


def warehouse_dir(arg: str | Path | None = None) -> Path:
    """The warehouse folder: --warehouse, else $AKHBAR_WAREHOUSE, else ./warehouse."""
    raw = arg or os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE
    return Path(raw).expanduser().resolve()


def views_dir() -> Path:
    """SQL that defines the views: the checkout's warehouse/views, or the wheel's copy."""
    repo = PROJECT_ROOT / "warehouse" / "views"
    return repo if repo.is_dir() else Path(__file__).parent / "warehouse_views"
