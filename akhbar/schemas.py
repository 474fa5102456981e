"""One ``pa.schema`` per table: the single source of column names and types.

Every writer builds its Arrow tables from these, and the staging views in
``warehouse/views`` select exactly these columns. Offsets (``start``,
``end``) are character offsets into ``documents.text``.
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

DOCUMENTS = pa.schema(
    [
        ("article_id", pa.string()),  # sha256 of the decoded text
        ("source", pa.string()),
        ("path", pa.string()),  # relative to the source folder; FILE#N for .jsonl lines
        ("text", pa.large_string()),  # decoded source text, newlines normalised
        ("encoding", pa.string()),
        ("file_sha256", pa.string()),
        ("run_id", pa.string()),
        # metadata from outside the text (manifest row, JSON fields, page head) as JSON,
        # so an article can be extracted again without reading its source
        ("meta", pa.string()),
    ]
)

ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("source", pa.string()),
        ("path", pa.string()),
        ("title", pa.string()),
        ("title_start", pa.int32()),
        ("title_end", pa.int32()),
        ("body", pa.large_string()),  # clean article text, paragraphs joined by blank lines
        ("body_sha256", pa.string()),
        ("published_at", TS),
        ("published_precision", pa.string()),  # year | month | day | minute | None
        ("published_tz", pa.string()),  # as stated: "UTC", "+03:00"; None when not stated
        ("dateline", pa.string()),
        ("outlet", pa.string()),
        ("author", pa.string()),
        ("agencies", pa.list_(pa.string())),
        ("url", pa.string()),
        ("duplicate_of", pa.string()),  # earlier article_id with the same clean body
        ("run_id", pa.string()),
        # large_cut | empty_body: markers removed most of the text (docs/clean.md)
        ("clean_flag", pa.string()),
        # akhbar.data.extractor_fingerprint() of the code and data that made these rows
        ("extractor_fingerprint", pa.string()),
    ]
)

BOILERPLATE = pa.schema(
    [
        ("article_id", pa.string()),
        ("kind", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
    ]
)

# Per-article entity definitions; the `entities` view keeps one row per id.
ENTITY_DEFS = pa.schema(
    [
        ("article_id", pa.string()),
        ("entity_id", pa.string()),
        ("kind", pa.string()),  # PERSON | LOCATION | ORGANIZATION
        ("name", pa.string()),
        ("name_en", pa.string()),
        ("origin", pa.string()),  # gazetteer | discovered
        ("country", pa.string()),  # ISO 3166 alpha-2 where known
        ("granularity", pa.string()),  # places: country | region | city
        ("parent_id", pa.string()),  # places: the region a city lies in, when known
    ]
)

MENTIONS = pa.schema(
    [
        ("article_id", pa.string()),
        ("entity_id", pa.string()),
        ("kind", pa.string()),
        ("surface", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("method", pa.string()),  # gazetteer | title | apposition | nisba | alias
    ]
)

FIGURES = pa.schema(
    [
        ("article_id", pa.string()),
        ("count_type", pa.string()),
        ("value", pa.int64()),
        ("value_max", pa.int64()),
        ("qualifier", pa.string()),  # exact | approx | at_least | at_most | range | vague
        ("object", pa.string()),
        ("counted", pa.string()),  # fighters | forces | projectiles | strikes | None
        ("location_id", pa.string()),
        ("date", pa.date32()),
        ("according_to", pa.string()),
        ("trigger", pa.string()),
        ("surface", pa.string()),
        ("sentence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("scope", pa.string()),  # incident | cumulative | breakdown
        ("period_start", pa.string()),  # ISO day, month or year a cumulative count runs from
    ]
)

TIMEX = pa.schema(
    [
        ("article_id", pa.string()),
        ("type", pa.string()),  # DATE | TIME | DURATION | SET
        ("value", pa.string()),  # TimeML value: 2022-01-07, 2022-01-12T14:15, P2W, XXXX-WXX-5
        ("resolved_date", pa.date32()),
        ("precision", pa.string()),  # year | month | week | day | minute | None
        ("anchor", pa.string()),  # published | inferred | none
        ("surface", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)

QUOTES = pa.schema(
    [
        ("article_id", pa.string()),
        ("speaker_id", pa.string()),
        ("speaker", pa.string()),
        ("verb", pa.string()),
        ("quote", pa.string()),  # == text[start:end]
        ("according_to", pa.string()),
        ("date", pa.date32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)

# One row per stage that failed on one article: the article and every other
# extractor's rows are kept (docs/reliability.md).
EXTRACT_ERRORS = pa.schema(
    [
        ("article_id", pa.string()),
        ("extractor", pa.string()),  # clean | entities | timex | figures | quotes ...
        ("error", pa.string()),  # exception type and message, one line
        ("run_id", pa.string()),
    ]
)

FILES = pa.schema(
    [
        ("source", pa.string()),
        ("path", pa.string()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("sha256", pa.string()),
        ("status", pa.string()),  # new | changed | unchanged | duplicate | quarantined | deleted
        ("reason", pa.string()),
        ("article_id", pa.string()),
        ("run_id", pa.string()),
        ("seen_at", TS),
    ]
)

# Tables the extractors fill, in the order they run (entities feed figures and quotes).
# Adding an extractor adds its table here, its subpackage under tasks/extract/ and its
# staging view under warehouse/views/.
FACT_TABLES: dict[str, pa.Schema] = {
    "entity_defs": ENTITY_DEFS,
    "mentions": MENTIONS,
    "figures": FIGURES,
    "timex": TIMEX,
    "quotes": QUOTES,
}
# What extracting one article returns: every extractor's table and its failures.
EXTRACT_TABLES: dict[str, pa.Schema] = {**FACT_TABLES, "extract_errors": EXTRACT_ERRORS}
# Tables whose rows belong to one article: written per batch, replaced together.
ARTICLE_TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "articles": ARTICLES,
    "boilerplate": BOILERPLATE,
    **EXTRACT_TABLES,
}

# Per-run counts: files by status, then rows written per article table (entity
# definitions are repeated per article, so the runs table counts mentions instead).
FILE_STATUSES = ("new", "changed", "unchanged", "duplicate", "quarantined", "deleted")
COUNTED_TABLES = tuple(t for t in ARTICLE_TABLES if t != "entity_defs")
RUNS = pa.schema(
    [
        ("run_id", pa.string()),
        ("flow_run_id", pa.string()),
        ("started_at", TS),
        ("finished_at", TS),
        ("sources", pa.list_(pa.string())),
        ("files_seen", pa.int64()),
        *((status, pa.int64()) for status in FILE_STATUSES),
        *((f"rows_{t}", pa.int64()) for t in COUNTED_TABLES),
        ("reextracted", pa.int64()),  # articles extracted again from their stored document
    ]
)

# The files ledger as it stands now (warehouse state, not a view): one row per live
# file, the files table's columns without the run's, plus the fingerprint of the
# file's manifest.csv row. status: new (owns its article) | duplicate | quarantined.
LEDGER = pa.schema(
    [f for f in FILES if f.name not in ("run_id", "seen_at")]
    + [pa.field("meta_sha256", pa.string())]
)
# Where each live article's rows are, its clean-body hash (for duplicate_of) and the
# extractor fingerprint its rows were made with (null before fingerprints: stale).
INDEX = pa.schema(
    [
        ("article_id", pa.string()),
        ("source", pa.string()),
        ("batch", pa.string()),
        ("body_sha256", pa.string()),
        ("seq", pa.int64()),
        ("extractor_fingerprint", pa.string()),
    ]
)
# Which incident each figure and quote of a run's new articles belongs to (issue 19):
# written once per run, for the articles that run read; the latest run's row for an
# item wins (the incident_links view), rows of dead articles fall away.
INCIDENT_LINKS = pa.schema(
    [
        ("run_id", pa.string()),
        ("article_id", pa.string()),
        ("item", pa.string()),  # figure | quote
        ("start", pa.int32()),
        ("incident_id", pa.string()),
        ("kind", pa.string()),  # attack | strike | clash | protest | disaster | ...
        ("scope", pa.string()),  # incident | campaign
    ]
)
LEDGER_TABLES: dict[str, pa.Schema] = {
    "files": FILES,
    "runs": RUNS,
    "incident_links": INCIDENT_LINKS,
}
ALL_TABLES: dict[str, pa.Schema] = {**ARTICLE_TABLES, **LEDGER_TABLES}


def columns(schema: pa.Schema) -> list[str]:
    return list(schema.names)
