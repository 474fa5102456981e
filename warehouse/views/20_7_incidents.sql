-- incidents: one row per real-world incident or multi-week campaign (issue 19), from the
-- figures linked to it: its kind and scope, its most counted place, its first and last
-- report day, how many articles and outlets counted it, and the organisations its
-- articles name most (actors, when the texts give them).
CREATE OR REPLACE VIEW incidents AS
WITH members AS (
    SELECT incident_id, article_id, outlet, location_id, report_date, "start"
    FROM figure_reports
    WHERE incident_id IS NOT NULL AND duplicate_of IS NULL
),

links_in AS (
    SELECT DISTINCT incident_id, kind, scope
    FROM incident_links
),

place_counts AS (
    SELECT
        incident_id,
        location_id,
        row_number() OVER (
            PARTITION BY incident_id ORDER BY count(*) DESC, location_id
        ) AS rank
    FROM members
    WHERE location_id IS NOT NULL
    GROUP BY incident_id, location_id
),

actor_counts AS (
    SELECT
        m.incident_id,
        e.name,
        row_number() OVER (
            PARTITION BY m.incident_id ORDER BY count(DISTINCT m.article_id) DESC, e.name
        ) AS rank
    FROM (SELECT DISTINCT incident_id, article_id FROM members) AS m
    JOIN mentions AS n ON n.article_id = m.article_id AND n.kind = 'ORGANIZATION'
    JOIN entities AS e ON e.entity_id = n.entity_id
    GROUP BY m.incident_id, e.name
),

spans AS (
    SELECT
        incident_id,
        min(report_date) AS first_day,
        max(report_date) AS last_day,
        count(DISTINCT article_id) AS articles,
        count(DISTINCT outlet) AS outlets,
        count(*) AS figures
    FROM members
    GROUP BY incident_id
),

final AS (
    SELECT
        s.incident_id,
        k.kind,
        k.scope,
        p.location_id,
        e.name AS place,
        e.name_en AS place_en,
        e.country,
        s.first_day,
        s.last_day,
        s.articles,
        s.outlets,
        s.figures,
        (SELECT list(a.name ORDER BY a.rank) FROM actor_counts AS a
         WHERE a.incident_id = s.incident_id AND a.rank <= 3) AS actors
    FROM spans AS s
    LEFT JOIN (SELECT incident_id, any_value(kind) AS kind, any_value(scope) AS scope
               FROM links_in GROUP BY incident_id) AS k USING (incident_id)
    LEFT JOIN place_counts AS p ON p.incident_id = s.incident_id AND p.rank = 1
    LEFT JOIN entities AS e ON e.entity_id = p.location_id
)

SELECT * FROM final
ORDER BY articles DESC, figures DESC, incident_id;
