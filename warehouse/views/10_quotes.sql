-- quotes: one row per quotation; quote = substr(text, start + 1, end - start); incident_id
-- is the incident of the figure nearest the quote in its article (incident_links).
CREATE OR REPLACE VIEW quotes AS
SELECT q.article_id, q.speaker_id, q.speaker, q.verb, q.quote, q.according_to, q.date,
       q."start", q."end", l.incident_id
FROM raw_quotes AS q
LEFT JOIN incident_links AS l
    ON l.item = 'quote' AND l.article_id = q.article_id AND l."start" = q."start";
