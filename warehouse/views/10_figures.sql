-- figures: one row per counted fact (GDELT GKG count types plus ATTACK, COMBATANT, DEPLOY).
CREATE OR REPLACE VIEW figures AS
SELECT article_id, count_type, value, value_max, qualifier, object, location_id, date,
       according_to, trigger, surface, sentence, "start", "end",
       coalesce(scope, 'incident') AS scope, period_start
FROM raw_figures;
