"""The incidents stage's Prefect task: link a run's new articles to incidents."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from akhbar.config import DB_NAME
from tasks.incidents.links import LINK_TABLES, link_parts
from tasks.load.parts import Store

__all__ = ["incidents_task"]


@task(name="link-incidents", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def incidents_task(store: Store, run_id: str) -> int:
    """Stage the run's ``incident_links`` part; returns how many items it links."""
    parts = {t: store.staged_parts(t) for t in LINK_TABLES}
    if not parts["figures"]:
        return 0
    links = link_parts(parts, Path(store.root) / DB_NAME, run_id)
    if links.num_rows:
        store.stage_ledger_part("incident_links", run_id, links)
    return links.num_rows
