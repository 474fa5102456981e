-- boilerplate_by_outlet: how much of each outlet's decoded text the clean stage removed.
-- One row per outlet and source (outlet NULL when no outlet is known for an article).
-- removed_share = removed_chars / text_chars over all the outlet's articles, including the
-- ones with nothing removed; spans_by_kind counts removed spans per kind (ticker, share, ...).
-- Duplicate articles are left out (their clutter is the same story's clutter again).
CREATE OR REPLACE VIEW boilerplate_by_outlet AS
WITH articles_in AS (
    SELECT article_id, source, outlet
    FROM articles
    WHERE duplicate_of IS NULL
),

documents_in AS (
    SELECT article_id, length(text) AS text_chars
    FROM documents
),

boilerplate_in AS (
    SELECT article_id, kind, "end" - "start" AS chars
    FROM boilerplate
),

per_article AS (
    SELECT a.outlet, a.source, a.article_id, d.text_chars,
           coalesce(sum(b.chars), 0) AS removed_chars, count(b.kind) AS spans
    FROM articles_in AS a
    JOIN documents_in AS d ON d.article_id = a.article_id
    LEFT JOIN boilerplate_in AS b ON b.article_id = a.article_id
    GROUP BY ALL
),

per_kind AS (
    SELECT a.outlet, a.source, b.kind, count(*) AS spans
    FROM articles_in AS a
    JOIN boilerplate_in AS b ON b.article_id = a.article_id
    GROUP BY ALL
),

kinds AS (
    SELECT outlet, source, map(list(kind ORDER BY kind), list(spans ORDER BY kind)) AS spans_by_kind
    FROM per_kind
    GROUP BY ALL
),

final AS (
    SELECT
        p.outlet,
        p.source,
        count(*) AS articles,
        count(*) FILTER (WHERE p.spans > 0) AS articles_with_boilerplate,
        CAST(sum(p.spans) AS BIGINT) AS spans,
        CAST(sum(p.removed_chars) AS BIGINT) AS removed_chars,
        CAST(sum(p.text_chars) AS BIGINT) AS text_chars,
        round(sum(p.removed_chars) / nullif(sum(p.text_chars), 0), 4) AS removed_share,
        any_value(k.spans_by_kind) AS spans_by_kind
    FROM per_article AS p
    LEFT JOIN kinds AS k
        ON k.outlet IS NOT DISTINCT FROM p.outlet AND k.source = p.source
    GROUP BY p.outlet, p.source
)

SELECT * FROM final
ORDER BY removed_share DESC NULLS LAST, outlet NULLS LAST, source;
