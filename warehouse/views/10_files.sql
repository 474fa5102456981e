-- files: one row per file seen, per run (new, changed, unchanged, duplicate, quarantined, deleted).
CREATE OR REPLACE VIEW files AS
SELECT source, path, sha256, size, mtime_ns, status, reason, article_id, run_id, seen_at
FROM raw_files;
