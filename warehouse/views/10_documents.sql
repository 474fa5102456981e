-- documents: one row per distinct decoded text. Offsets everywhere point into `text`.
CREATE OR REPLACE VIEW documents AS
SELECT article_id, source, path, text, encoding, file_sha256, run_id, meta
FROM raw_documents;
