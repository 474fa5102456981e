-- mentions: one row per entity mention, surface = substr(text, start + 1, end - start).
CREATE OR REPLACE VIEW mentions AS
SELECT article_id, entity_id, kind, surface, "start", "end", method
FROM raw_mentions;
