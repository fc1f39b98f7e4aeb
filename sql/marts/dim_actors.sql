-- grain: one row per actor (actor_id): every id of marsad/data/actors.csv
-- materialized: table

with actors as (
    select * from stg_actors
),

umbrellas as (
    select actor_id, name_en from stg_actors
),

final as (
    select
        actors.actor_id,
        actors.name_ar,
        actors.name_en,
        actors.kind,
        actors.umbrella,
        umbrellas.name_en as umbrella_name_en,
        actors.notes,
    from actors
    left join umbrellas
        on umbrellas.actor_id = actors.umbrella
)

select * from final
order by actor_id
