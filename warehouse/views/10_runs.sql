-- runs: one row per flow run with its counts per status and rows written per table.
CREATE OR REPLACE VIEW runs AS
SELECT run_id, flow_run_id, started_at, finished_at, sources, files_seen, new, changed,
       unchanged, duplicate, quarantined, deleted, rows_documents, rows_articles,
       rows_boilerplate, rows_mentions, rows_figures, rows_timex, rows_quotes,
       rows_extract_errors, coalesce(reextracted, 0) AS reextracted
FROM raw_runs;
