-- figure_reports: one row per figure, with the article that reported it (outlet, publication
-- date) and the place's name, for comparing what different sources said.
-- report_date is the day the count is about: the figure's own date when the text gives one
-- ("until Monday morning"), else the article's publication day, else NULL. incident_id,
-- scope and period_start say which incident it counts and how (issue 19).
-- Figures of duplicate articles (the same story scraped twice) are kept and marked by
-- duplicate_of; figure_conflicts and the report leave them out.
CREATE OR REPLACE VIEW figure_reports AS
WITH figures_in AS (
    SELECT article_id, count_type, value, value_max, qualifier, object, counted, location_id, date,
           according_to, surface, sentence, "start", "end", scope, period_start, incident_id
    FROM figures
),

articles_in AS (
    SELECT article_id, source, path, outlet, published_at, published_date, duplicate_of
    FROM article_dates
),

places_in AS (
    SELECT entity_id, name, name_en, country
    FROM entities
),

final AS (
    SELECT
        f.article_id,
        a.source,
        a.path,
        a.outlet,
        a.published_at,
        f.count_type,
        f.value,
        f.value_max,
        f.qualifier,
        f.object,
        f.counted,
        f.location_id,
        p.name AS place,
        p.name_en AS place_en,
        p.country AS place_country,
        f.date,
        coalesce(f.date, a.published_date) AS report_date,
        f.according_to,
        f.surface,
        f.sentence,
        f."start",
        f."end",
        f.scope,
        f.period_start,
        f.incident_id,
        a.duplicate_of
    FROM figures_in AS f
    LEFT JOIN articles_in AS a ON a.article_id = f.article_id
    LEFT JOIN places_in AS p ON p.entity_id = f.location_id
)

SELECT * FROM final
ORDER BY report_date NULLS LAST, count_type, article_id, "start";
