-- timex: one row per TIMEX3 temporal expression.
CREATE OR REPLACE VIEW timex AS
SELECT article_id, type, value, resolved_date, precision, anchor, surface, "start", "end"
FROM raw_timex;
