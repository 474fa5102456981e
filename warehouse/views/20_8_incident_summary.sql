-- incident_summary: per incident, count type and outlet, what that outlet reported: its
-- first and latest value (by report day, then article and position), the lowest and the
-- highest, and the days of its first and last report. The ACLED-like row, with every
-- source's number kept. Breakdowns (parts of another count) are left out.
CREATE OR REPLACE VIEW incident_summary AS
WITH reports AS (
    SELECT incident_id, count_type, outlet, value, report_date, article_id, "start"
    FROM figure_reports
    WHERE incident_id IS NOT NULL AND duplicate_of IS NULL AND scope <> 'breakdown'
        AND value IS NOT NULL
),

final AS (
    SELECT
        incident_id,
        count_type,
        coalesce(outlet, '') AS outlet,
        arg_min(value, (report_date, article_id, "start")) AS first_value,
        arg_max(value, (report_date, article_id, "start")) AS latest_value,
        min(value) AS min_value,
        max(value) AS max_value,
        min(report_date) AS first_day,
        max(report_date) AS last_day,
        count(*) AS reports
    FROM reports
    GROUP BY incident_id, count_type, coalesce(outlet, '')
)

SELECT * FROM final
ORDER BY incident_id, count_type, first_day, outlet;
