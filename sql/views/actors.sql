-- grain: one row per actor (actor_id): the analysts' name for dim_actors
-- materialized: view

select * from dim_actors
