-- figure_conflicts: pairs of figures from different articles about the same count_type and
-- place whose values cannot both be right for the same period, each labelled by `relation`:
--
--   disagreement  the two counts are about the same period (report dates at most
--                 same_period_days apart) and their value intervals do not overlap; or a
--                 cumulative count is LOWER on the later date (a tally of dead cannot shrink).
--   growth        a cumulative count (KILL, WOUND, ARREST, KIDNAP, AFFECT) is HIGHER on a
--                 later date: the tally moved on, nobody contradicted anybody
--                 (arrests ~6000 on 9 January, 7939 on 10 January).
--
-- Each figure stands for an interval of values, from its qualifier: exact [v, v]; approx
-- [v*(1-t), v*(1+t)] with t = approx_tolerance; at_least [v, inf); at_most [0, v];
-- range and vague [v, value_max]. Intervals that overlap are compatible and give no row
-- ("about 6000" and "5980" agree). Counts of things at a moment (PROTEST, ATTACK, COMBATANT,
-- DEPLOY, SEIZE) reported on different days are different facts, not compared.
-- Places must be named and equal: a figure with no location_id is left out, because across a
-- warehouse of many stories two place-less death tolls are usually about different events.
-- Only reports at most max_days_apart days apart are paired: "the same period" for a running
-- tally, and what keeps the self-join from growing with the square of the warehouse (10k
-- synthetic articles without this bound: 36 s and 12 GB of pairs). Figures with no date at
-- all (no figure date, no publication day) cannot be placed in a period and are left out,
-- as are duplicate articles and pairs within one article (an article's own sub-counts, like
-- 300 arrested at the border among 6000, are not a contradiction).
-- One row per unordered pair: side a is the earlier report (same day: the smaller article_id).
CREATE OR REPLACE VIEW figure_conflicts AS
WITH params AS (
    SELECT
        -- Same period = same day. Tallies in fast-moving stories change daily (arrests went
        -- from ~6000 to 7939 between 9 and 10 January in the seeds), so even a one-day window
        -- would call that growth a disagreement.
        0 AS same_period_days,
        -- A running tally is compared within a week: news updates a death or arrest count
        -- daily, and a figure two weeks later is a new period, not a correction.
        7 AS max_days_apart,
        -- "About 6000" (نحو ستة آلاف) is rounded to the nearest thousand, i.e. within ~8 %;
        -- 10 % covers that rounding and no more.
        0.10 AS approx_tolerance
),

reports_in AS (
    SELECT article_id, outlet, count_type, value, value_max, qualifier, location_id, place,
           report_date, sentence, "start"
    FROM figure_reports
    WHERE duplicate_of IS NULL AND report_date IS NOT NULL AND value IS NOT NULL
        AND location_id IS NOT NULL
),

intervals AS (
    SELECT
        r.*,
        CASE r.qualifier
            WHEN 'approx' THEN r.value * (1 - p.approx_tolerance)
            WHEN 'at_most' THEN 0
            ELSE r.value
        END::DOUBLE AS lo,
        CASE r.qualifier
            WHEN 'approx' THEN r.value * (1 + p.approx_tolerance)
            WHEN 'at_least' THEN 'infinity'::DOUBLE
            WHEN 'range' THEN coalesce(r.value_max, r.value)
            WHEN 'vague' THEN coalesce(r.value_max, r.value)
            ELSE r.value
        END::DOUBLE AS hi,
        r.count_type IN ('KILL', 'WOUND', 'ARREST', 'KIDNAP', 'AFFECT') AS cumulative
    FROM reports_in AS r, params AS p
),

pairs AS (
    SELECT
        a.count_type,
        a.location_id,
        a.place,
        date_diff('day', a.report_date, b.report_date) AS days_apart,
        a.cumulative,
        a.lo <= b.hi AND b.lo <= a.hi AS compatible,
        b.lo > a.hi AS b_higher,
        a.article_id AS article_id_a, a.outlet AS outlet_a, a.report_date AS date_a,
        a.value AS value_a, a.value_max AS value_max_a, a.qualifier AS qualifier_a,
        a.sentence AS sentence_a,
        b.article_id AS article_id_b, b.outlet AS outlet_b, b.report_date AS date_b,
        b.value AS value_b, b.value_max AS value_max_b, b.qualifier AS qualifier_b,
        b.sentence AS sentence_b
    FROM intervals AS a
    JOIN intervals AS b
        ON a.count_type = b.count_type
        AND a.location_id = b.location_id
        AND a.article_id <> b.article_id
        AND b.report_date >= a.report_date
        AND b.report_date <= a.report_date + (SELECT max_days_apart FROM params)
        AND (a.report_date < b.report_date OR a.article_id < b.article_id)
),

classified AS (
    SELECT
        pairs.*,
        CASE
            WHEN compatible THEN NULL
            WHEN days_apart <= params.same_period_days THEN 'disagreement'
            WHEN NOT cumulative THEN NULL
            WHEN b_higher THEN 'growth'
            ELSE 'disagreement'
        END AS relation
    FROM pairs, params
),

final AS (
    SELECT
        count_type, location_id, place, relation, days_apart,
        value_b - value_a AS change,
        article_id_a, outlet_a, date_a, value_a, value_max_a, qualifier_a, sentence_a,
        article_id_b, outlet_b, date_b, value_b, value_max_b, qualifier_b, sentence_b
    FROM classified
    WHERE relation IS NOT NULL
)

SELECT * FROM final
ORDER BY count_type, place NULLS FIRST, date_a, date_b, article_id_a, article_id_b;
