"""What one batch of decode -> clean -> extract hands to the load stage.

The process stage produces these; the ledger (``tasks.load.ledger``) consumes
them without importing the batch conductor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from tasks.discover import Candidate

__all__ = ["BatchResult", "FileOutcome"]


@dataclass(slots=True)
class FileOutcome:
    candidate: Candidate
    sha256: str
    size: int
    status: str  # ok | unchanged | quarantined
    reason: str | None = None
    article_id: str | None = None
    body_sha256: str | None = None


@dataclass
class BatchResult:
    outcomes: list[FileOutcome]
    tables: dict[str, pa.Table] = field(default_factory=dict)
