"""Which source formats exist: suffixes, reader, and whether a file holds one article a line.

The one table every part of akhbar consults: ``akhbar sources add --format``
(the choices), discover (which files to list, which ones expand into lines)
and the batch stage (which reader to call). Adding a format is one row here
and one reader module under ``tasks/formats/``.

Readers are named as ``module:function`` and imported on first use, so a run
over ``.txt`` files never imports trafilatura (~0.3 s).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module

__all__ = [
    "AUTO",
    "FORMATS",
    "Format",
    "format_of",
    "multi_suffixes",
    "names",
    "reader",
    "suffixes",
]


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    reader: str  # "module:function": (candidate, source options, batch cache) -> [Item]
    multi: bool = False  # one article per line: its articles are FILE#N


FORMATS: tuple[Format, ...] = (
    Format("txt", (".txt",), "tasks.formats.txt:read"),
    Format("jsonl", (".jsonl", ".ndjson"), "tasks.formats.jsonl:read", multi=True),
    Format("html", (".html", ".htm"), "tasks.formats.html:read"),
)
# A source's --format: one of the names above, or every format at once.
AUTO = "auto"
_DEFAULT = FORMATS[0]


def suffixes(name: str = AUTO) -> tuple[str, ...]:
    """File suffixes a source of format ``name`` reads (every known one for ``auto``)."""
    chosen = [f for f in FORMATS if name in (AUTO, f.name)] or list(FORMATS)
    return tuple(s for f in chosen for s in f.suffixes)


def names() -> tuple[str, ...]:
    return (AUTO, *(f.name for f in FORMATS))


def multi_suffixes() -> tuple[str, ...]:
    return tuple(s for f in FORMATS if f.multi for s in f.suffixes)


def format_of(path: str) -> Format:
    """The format of a file by its suffix (``.txt`` when none matches)."""
    low = path.lower()
    return next((f for f in FORMATS if low.endswith(f.suffixes)), _DEFAULT)


@cache
def reader(name: str) -> Callable:
    """The reader function of format ``name``."""
    module, _, func = next(f for f in FORMATS if f.name == name).reader.partition(":")
    return getattr(import_module(module), func)
