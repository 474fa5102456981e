-- entity_counts: one row per entity that is mentioned at least once: how often (mentions),
-- in how many articles, with how many other entities it shares an article (co_mentioned),
-- and the names of the ones it shares most articles with (top_co_mentions, at most 5, most
-- shared first, ties by name). Duplicate articles (one story scraped twice) count once.
CREATE OR REPLACE VIEW entity_counts AS
WITH params AS (
    -- Five names fit on one line of a table and cover the "who else is in these stories"
    -- question; entity_pairs has every pair.
    SELECT 5 AS top_co_mentions
),

entities_in AS (
    SELECT entity_id, kind, name, name_en
    FROM entities
),

mentions_in AS (
    SELECT m.article_id, m.entity_id, m.kind
    FROM mentions AS m
    JOIN articles AS a ON a.article_id = m.article_id
    WHERE a.duplicate_of IS NULL
),

pairs_in AS (
    SELECT entity_id_a, entity_id_b, name_b, articles
    FROM entity_pairs
),

counts AS (
    SELECT entity_id, any_value(kind) AS kind, count(*) AS mentions,
           count(DISTINCT article_id) AS articles
    FROM mentions_in
    GROUP BY entity_id
),

co AS (
    SELECT
        entity_id_a AS entity_id,
        count(*) AS co_mentioned,
        list(coalesce(name_b, entity_id_b) ORDER BY articles DESC, name_b, entity_id_b)
            AS co_names
    FROM pairs_in
    GROUP BY entity_id_a
),

final AS (
    SELECT
        c.entity_id,
        e.name,
        e.name_en,
        coalesce(e.kind, c.kind) AS kind,
        c.mentions,
        c.articles,
        coalesce(co.co_mentioned, 0) AS co_mentioned,
        coalesce(co.co_names[1:p.top_co_mentions], []) AS top_co_mentions
    FROM counts AS c
    LEFT JOIN entities_in AS e ON e.entity_id = c.entity_id
    LEFT JOIN co ON co.entity_id = c.entity_id
    CROSS JOIN params AS p
)

SELECT * FROM final
ORDER BY mentions DESC, articles DESC, entity_id;
