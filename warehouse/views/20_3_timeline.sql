-- timeline: dated facts in order, each with the article (and outlet) it came from.
-- kind is one of
--   article  the article's publication (text = title) on its publication day;
--   timex    a date the text mentions (text = the sentence around it, detail = the
--            expression and its TimeML value), on the resolved date;
--   figure   a count (text = its sentence, detail = "ARREST 7939 exact"), on its report_date;
--   quote    a quotation (text = the quote, detail = the speaker), on the quote's date,
--            else the publication day.
-- Rows with no day are left out (timex of week, month or year precision too), and so are
-- duplicate articles (one story scraped twice). precision is 'day' or 'minute'.
-- start/end are offsets into documents.text (NULL for the article row).
CREATE OR REPLACE VIEW timeline AS
WITH articles_in AS (
    SELECT article_id, source, path, title, outlet, published_date
    FROM article_dates
    WHERE duplicate_of IS NULL
),

documents_in AS (
    SELECT article_id, text
    FROM documents
),

timex_in AS (
    -- Only expressions that name a day: "this year" or "early January" resolve to the first
    -- day of the period, which would put them on a day nothing happened.
    SELECT article_id, type, value, resolved_date, precision, surface, "start", "end"
    FROM timex
    WHERE resolved_date IS NOT NULL AND coalesce(precision, 'day') IN ('day', 'minute')
),

figures_in AS (
    SELECT article_id, count_type, value, value_max, qualifier, report_date, sentence,
           "start", "end"
    FROM figure_reports
    WHERE report_date IS NOT NULL
),

quotes_in AS (
    SELECT article_id, speaker, quote, date, "start", "end"
    FROM quotes
),

events AS (
    SELECT published_date AS resolved_date, 'day' AS precision, 'article' AS kind,
           article_id, title AS text, path AS detail, NULL::INTEGER AS "start",
           NULL::INTEGER AS "end"
    FROM articles_in
    WHERE published_date IS NOT NULL

    UNION ALL

    -- The sentence around the expression: back to the previous sentence end or line break,
    -- forward to the next one. Simpler than akhbar.text.sentences (a dot inside a number
    -- like 8.5 also ends the sentence here), which is good enough for a line of context.
    SELECT t.resolved_date, t.precision, 'timex', t.article_id,
           trim(regexp_extract(substr(d.text, 1, t."end"), '[^.!?؟۔…\n]*$')
                || regexp_extract(substr(d.text, t."end" + 1), '^[^.!?؟۔…\n]*[.!?؟۔…]?')),
           t.surface || ' = ' || t.value, t."start", t."end"
    FROM timex_in AS t
    JOIN documents_in AS d ON d.article_id = t.article_id

    UNION ALL

    SELECT report_date, 'day', 'figure', article_id, sentence,
           concat_ws(' ', count_type,
                     CAST(value AS VARCHAR) || coalesce('-' || CAST(value_max AS VARCHAR), ''),
                     qualifier),
           "start", "end"
    FROM figures_in

    UNION ALL

    SELECT coalesce(q.date, a.published_date), 'day', 'quote', q.article_id, q.quote,
           q.speaker, q."start", q."end"
    FROM quotes_in AS q
    JOIN articles_in AS a ON a.article_id = q.article_id
    WHERE coalesce(q.date, a.published_date) IS NOT NULL
),

final AS (
    SELECT
        e.resolved_date, e.precision, e.kind, e.article_id, a.outlet, a.source, a.path,
        e.text, e.detail, e."start", e."end"
    FROM events AS e
    JOIN articles_in AS a ON a.article_id = e.article_id
)

SELECT * FROM final
ORDER BY resolved_date, article_id, "start" NULLS FIRST, kind;
