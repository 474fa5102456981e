-- entity_pairs: co-mentions, one row per ordered pair of different entities named in the same
-- article (both directions, so "who appears with X" is one filter on entity_id_a), with the
-- number of articles they share. Duplicate articles (one story scraped twice) count once.
CREATE OR REPLACE VIEW entity_pairs AS
WITH entities_in AS (
    SELECT entity_id, kind, name
    FROM entities
),

mentions_in AS (
    SELECT DISTINCT m.article_id, m.entity_id
    FROM mentions AS m
    JOIN articles AS a ON a.article_id = m.article_id
    WHERE a.duplicate_of IS NULL
),

pairs AS (
    SELECT a.entity_id AS entity_id_a, b.entity_id AS entity_id_b,
           count(*) AS articles
    FROM mentions_in AS a
    JOIN mentions_in AS b ON a.article_id = b.article_id AND a.entity_id <> b.entity_id
    GROUP BY ALL
),

final AS (
    SELECT
        p.entity_id_a, ea.name AS name_a, ea.kind AS kind_a,
        p.entity_id_b, eb.name AS name_b, eb.kind AS kind_b,
        p.articles
    FROM pairs AS p
    LEFT JOIN entities_in AS ea ON ea.entity_id = p.entity_id_a
    LEFT JOIN entities_in AS eb ON eb.entity_id = p.entity_id_b
)

SELECT * FROM final
ORDER BY articles DESC, entity_id_a, entity_id_b;
