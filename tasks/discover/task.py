"""The discover stage's Prefect task: list the sources' files, split them by the ledger."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from tasks.discover import Candidate, FileInfo, list_files, split
from tasks.formats.txt import manifest_fingerprint

__all__ = ["discover_task"]


@task(name="discover", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def discover_task(
    folders: list[tuple[str, str, tuple[str, ...]]], ledger: dict[tuple[str, str], dict]
) -> tuple[list[Candidate], list[FileInfo]]:
    """``folders``: (source name, folder, suffixes read) per source."""
    files: list[FileInfo] = []
    for name, path, suffixes in folders:
        files.extend(list_files(name, Path(path), suffixes))
    manifests: dict = {}  # each folder's manifest.csv read once
    return split(files, ledger, meta_of=lambda f: manifest_fingerprint(f, manifests))
