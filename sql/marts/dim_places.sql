-- grain: one row per place (place_id = country / governorate / name_en / kind) of the gazetteer
-- materialized: table
-- Duplicate gazetteer lines of one place keep the first coordinates given.

with places as (
    select * from stg_places
),

keyed as (
    select
        lower(concat_ws('/', coalesce(country, ''), coalesce(governorate, ''), name_en, coalesce(kind, ''))) as place_id,
        name_en,
        name_ar,
        aliases_ar,
        kind,
        governorate,
        country,
        latitude,
        longitude,
    from places
    where name_en is not null
),

final as (
    select
        place_id,
        first(name_en) as name_en,
        first(name_ar) as name_ar,
        list_distinct(flatten(list(aliases_ar))) as aliases_ar,
        first(kind) as kind,
        first(governorate) as governorate,
        first(country) as country,
        first(latitude) filter (where latitude is not null) as latitude,
        first(longitude) filter (where longitude is not null) as longitude,
    from keyed
    group by place_id
)

select * from final
order by place_id
