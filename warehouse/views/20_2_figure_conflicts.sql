-- figure_conflicts: pairs of figures of the SAME incident (issue 19), count type and scope
-- whose values cannot both be right, each labelled by `relation`:
--
--   revision      the same outlet changed its number (across its articles, or within one
--                 article: "ارتفع عدد القتلى إلى"); within one article only revisions count.
--   growth        a running tally (KILL, WOUND, ARREST, KIDNAP, AFFECT) reported HIGHER on a
--                 later day by another outlet: the toll moved on, nobody contradicted
--                 anybody (arrests ~6000 on 9 January, 7939 on 10 January).
--   disagreement  different outlets, the same report day, incompatible values; or a tally
--                 reported LOWER on a later day (a count of the dead cannot shrink).
--
-- Each figure stands for an interval of values, from its qualifier: exact [v, v]; approx
-- [v*(1-t), v*(1+t)] with t = approx_tolerance; at_least [v, inf); at_most [0, v];
-- range and vague [v, value_max]. Intervals that overlap are compatible and give no row
-- ("about 6000" and "5980" agree; "عشرات" never disagrees with 40). A one-day count and a
-- running total are never compared (scope must match), nor counts of two incidents, nor a
-- part of a count with the count (breakdowns are left out). Counts of things at a moment
-- (PROTEST, ATTACK, COMBATANT, DEPLOY, SEIZE) on different days are different facts.
-- Counts of fighters, of forces and of other people are not compared with each other, nor
-- two counts of one sentence, nor counts placed in two different countries (one
-- escalation's wounded in Gaza and in southern Israel are two sides' counts).
-- Two one-event counts both texts date more than a day apart count two events, unless
-- the later one says it revises; a running total one outlet raises on a later day grew.
-- Two values more than tenfold apart within a month count different things.
-- Figures with no incident or no report day, and duplicate articles, are left out.
-- One row per unordered pair: side a is the earlier report (same day: the smaller article_id,
-- then the earlier position).
CREATE OR REPLACE VIEW figure_conflicts AS
WITH params AS (
    SELECT
        -- "About 6000" (نحو ستة آلاف) is rounded to the nearest thousand, i.e. within ~8 %;
        -- 10 % covers that rounding and no more.
        0.10 AS approx_tolerance,
        -- Two counts of one article revise each other only when the later one says so
        -- ("ارتفع عدد القتلى إلى", "حصيلة جديدة", "بعد أن كانت"); otherwise they count
        -- different things (300 arrested at the border among 6,000).
        '(ارتفع|ارتفعت|ارتفاع|ليرتفع|لترتفع|حصيلة جديدة|الحصيلة الجديدة|بعد أن كان)' AS revision_words,
        -- One event's count dated by both texts to days further apart than this is two
        -- events' counts (arrests on Saturday, others on Wednesday; one day's strikes and
        -- the next's), unless the later sentence says the toll was revised. A night's
        -- event spans two dates, hence 1.
        1 AS same_event_days,
        -- Reports of one count within a month differ less than tenfold; a larger gap
        -- counts different things (a war's 350,000 dead and one offensive's 628, the
        -- 10,000 dead of Yemen's war and the 27 journalists among them). Gaza's
        -- 30 -> 171 dead over four months is the fastest real growth in the dev set.
        10 AS max_ratio,
        30 AS ratio_days
),

reports_in AS (
    SELECT article_id, outlet, count_type, value, value_max, qualifier, location_id, place,
           place_country, report_date, date AS own_date, sentence, "start", scope, incident_id,
           coalesce(counted, 'people') AS counted
    FROM figure_reports
    WHERE duplicate_of IS NULL AND report_date IS NOT NULL AND value IS NOT NULL
        AND incident_id IS NOT NULL AND scope <> 'breakdown'
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
        a.incident_id,
        a.count_type,
        a.scope,
        a.location_id,
        a.place,
        date_diff('day', a.report_date, b.report_date) AS days_apart,
        a.cumulative,
        a.lo <= b.hi AND b.lo <= a.hi AS compatible,
        b.lo > a.hi AS b_higher,
        a.article_id = b.article_id AS same_article,
        -- an article with no outlet is its own source
        a.outlet IS NOT NULL AND a.outlet = b.outlet AS same_outlet,
        -- both texts date their count, to days too far apart for one event's toll
        a.scope = 'incident'
            AND abs(date_diff('day', a.own_date, b.own_date)) > p.same_event_days
            AS other_days,
        regexp_matches(b.sentence, p.revision_words) AS b_revises,
        greatest(a.value, b.value) > p.max_ratio * least(a.value, b.value)
            AND date_diff('day', a.report_date, b.report_date) <= p.ratio_days AS far_apart,
        a.article_id AS article_id_a, a.outlet AS outlet_a, a.report_date AS date_a,
        a.value AS value_a, a.value_max AS value_max_a, a.qualifier AS qualifier_a,
        a.sentence AS sentence_a,
        b.article_id AS article_id_b, b.outlet AS outlet_b, b.report_date AS date_b,
        b.value AS value_b, b.value_max AS value_max_b, b.qualifier AS qualifier_b,
        b.sentence AS sentence_b
    FROM intervals AS a
    CROSS JOIN params AS p
    JOIN intervals AS b
        ON a.incident_id = b.incident_id
        AND a.count_type = b.count_type
        AND a.scope = b.scope
        -- fighters, forces and other people killed in one attack are three numbers
        AND a.counted = b.counted
        -- two counts of one sentence are two things it counts, never one number twice
        AND NOT (a.article_id = b.article_id AND a.sentence = b.sentence)
        -- counts placed in two countries are two sides' or two places' counts
        AND (a.place_country IS NULL OR b.place_country IS NULL
            OR a.place_country = b.place_country)
        AND (a.report_date, a.article_id, a."start") < (b.report_date, b.article_id, b."start")
),

classified AS (
    SELECT
        *,
        CASE
            WHEN compatible THEN NULL
            WHEN far_apart THEN NULL
            WHEN same_article THEN (CASE WHEN b_revises THEN 'revision' END)
            WHEN other_days AND NOT b_revises THEN NULL
            -- a running total one outlet reports higher on a later day moved on
            WHEN same_outlet AND scope = 'cumulative' AND days_apart > 0 AND b_higher
                THEN 'growth'
            -- counts of things at a moment (missiles, protesters) one outlet gives on one
            -- day count different parts ("22 missiles at Him Shinshar", "7 at the depot")
            -- unless the later one says it revises: only running tallies revise silently
            WHEN same_outlet THEN (CASE WHEN cumulative OR b_revises THEN 'revision' END)
            WHEN days_apart = 0 THEN 'disagreement'
            WHEN NOT cumulative THEN NULL
            WHEN b_higher THEN 'growth'
            ELSE 'disagreement'
        END AS relation
    FROM pairs
),

final AS (
    SELECT
        incident_id, count_type, scope, location_id, place, relation, days_apart,
        value_b - value_a AS change,
        article_id_a, outlet_a, date_a, value_a, value_max_a, qualifier_a, sentence_a,
        article_id_b, outlet_b, date_b, value_b, value_max_b, qualifier_b, sentence_b
    FROM classified
    WHERE relation IS NOT NULL
)

SELECT * FROM final
ORDER BY count_type, place NULLS FIRST, date_a, date_b, article_id_a, article_id_b;
