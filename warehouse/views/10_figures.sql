-- figures: one row per counted fact (GDELT GKG count types plus ATTACK, COMBATANT, DEPLOY),
-- with the incident it counts (incident_links).
CREATE OR REPLACE VIEW figures AS
SELECT f.article_id, f.count_type, f.value, f.value_max, f.qualifier, f.object, f.counted,
       f.location_id, f.date, f.according_to, f.trigger, f.surface, f.sentence, f."start",
       f."end", coalesce(f.scope, 'incident') AS scope, f.period_start, l.incident_id
FROM raw_figures AS f
LEFT JOIN incident_links AS l
    ON l.item = 'figure' AND l.article_id = f.article_id AND l."start" = f."start";
