"""The views stage's Prefect task: rebuild ``akhbar.duckdb`` for the committed manifest."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from tasks.views import build_database

__all__ = ["views_task"]


@task(name="refresh-views", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def views_task(root: Path) -> None:
    build_database(root)
