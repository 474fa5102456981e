-- entities: one row per canonical entity (gazetteer or discovered), whatever the spelling.
CREATE OR REPLACE VIEW entities AS
SELECT entity_id, any_value(kind) AS kind, any_value(name) AS name,
       any_value(name_en) AS name_en, any_value(origin) AS origin,
       any_value(country) AS country, any_value(granularity) AS granularity,
       any_value(parent_id) AS parent_id
FROM raw_entity_defs
GROUP BY entity_id;
