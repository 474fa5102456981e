-- articles: one row per distinct article (article_id = sha256 of the decoded text).
-- duplicate_of: an earlier article with the same clean body (one story scraped twice).
CREATE OR REPLACE VIEW articles AS
SELECT
    article_id, source, path, title, body, published_at, published_precision,
    published_tz, dateline, outlet, author, agencies, url, duplicate_of,
    title_start, title_end, body_sha256, run_id, clean_flag, extractor_fingerprint
FROM raw_articles;
