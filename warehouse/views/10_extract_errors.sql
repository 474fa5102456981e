-- extract_errors: one row per stage that failed on one article (clean or an extractor).
-- The article, its body and every other extractor's rows are kept.
CREATE OR REPLACE VIEW extract_errors AS
SELECT article_id, extractor, error, run_id
FROM raw_extract_errors;
