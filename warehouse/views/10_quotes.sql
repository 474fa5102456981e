-- quotes: one row per quotation; quote = substr(text, start + 1, end - start).
CREATE OR REPLACE VIEW quotes AS
SELECT article_id, speaker_id, speaker, verb, quote, according_to, date, "start", "end"
FROM raw_quotes;
