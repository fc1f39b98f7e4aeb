-- grain: one row per actor (actor_id) of marsad/data/actors.csv
-- materialized: view

with source as (
    select * from seed_actors
),

final as (
    select
        id as actor_id,
        kind,
        name_en,
        name_ar,
        umbrella,
        notes,
    from source
)

select * from final
