-- incident_links: the incident of each figure and quote (issue 19). Each run links the
-- articles it read; the latest run's row for an item wins (re-processing re-links), and
-- rows of articles no longer in the warehouse fall away.
CREATE OR REPLACE VIEW incident_links AS
WITH links_in AS (
    SELECT run_id, article_id, item, "start", incident_id, kind, scope
    FROM raw_incident_links
),

live AS (
    SELECT DISTINCT article_id FROM raw_articles
),

latest AS (
    SELECT
        l.*,
        row_number() OVER (
            PARTITION BY l.article_id, l.item, l."start" ORDER BY l.run_id DESC
        ) AS newest
    FROM links_in AS l
    JOIN live USING (article_id)
),

final AS (
    SELECT article_id, item, "start", incident_id, kind, scope
    FROM latest
    WHERE newest = 1
)

SELECT * FROM final;
