-- grain: one row per gazetteer place (place_id): the analysts' name for dim_places
-- materialized: view

select * from dim_places
