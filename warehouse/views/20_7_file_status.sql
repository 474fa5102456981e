-- file_status: one row per file as it stands now, i.e. its row in the latest run that saw it.
-- `files` keeps every run's row (history); a file quarantined once and fixed since shows
-- its later status here, so "what is quarantined now" is a filter on this view.
CREATE OR REPLACE VIEW file_status AS
WITH files_in AS (
    SELECT source, path, sha256, size, mtime_ns, status, reason, article_id, run_id, seen_at
    FROM files
),

ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY source, path ORDER BY seen_at DESC, run_id DESC
        ) AS newest_first
    FROM files_in
),

final AS (
    SELECT source, path, sha256, size, mtime_ns, status, reason, article_id,
           run_id AS last_run_id, seen_at AS last_seen_at
    FROM ranked
    WHERE newest_first = 1
)

SELECT * FROM final;
