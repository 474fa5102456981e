-- boilerplate: one row per removed span, with its kind and offsets into documents.text.
CREATE OR REPLACE VIEW boilerplate AS
SELECT article_id, kind, "start", "end", text
FROM raw_boilerplate;
