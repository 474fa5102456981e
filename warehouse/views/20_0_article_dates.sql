-- article_dates (mart helper): each article's publication day as its own newsroom saw it.
-- published_at is stored in UTC; the day is taken in the article's stated offset
-- (published_tz like "+03:00") so a 23:30 story from Almaty is not dated the next day,
-- and in UTC when no offset was stated. "AT TIME ZONE 'UTC'" keeps the result independent
-- of the reader's DuckDB TimeZone setting. A publication known only to the month or year
-- has no day: published_date is NULL then, and marts fall back to nothing rather than guess.
CREATE OR REPLACE VIEW article_dates AS
WITH articles_in AS (
    SELECT article_id, source, path, title, outlet, published_at, published_precision,
           published_tz, duplicate_of
    FROM articles
),

offsets AS (
    SELECT
        *,
        CASE
            WHEN regexp_full_match(coalesce(published_tz, ''), '[+-][0-9]{2}:[0-9]{2}')
                THEN (CASE WHEN published_tz[1] = '-' THEN -1 ELSE 1 END)
                    * (CAST(published_tz[2:3] AS INTEGER) * 60 + CAST(published_tz[5:6] AS INTEGER))
            ELSE 0
        END AS tz_minutes
    FROM articles_in
),

final AS (
    SELECT
        article_id, source, path, title, outlet, published_at, published_precision,
        published_tz,
        CASE
            WHEN published_precision IN ('year', 'month') THEN NULL
            ELSE CAST((published_at AT TIME ZONE 'UTC') + to_minutes(tz_minutes) AS DATE)
        END AS published_date,
        duplicate_of
    FROM offsets
)

SELECT * FROM final;
