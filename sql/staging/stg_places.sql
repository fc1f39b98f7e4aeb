-- grain: one row per gazetteer entry of marsad/extract/data/places.csv (empty while absent)
-- materialized: view

with source as (
    select * from seed_places
),

final as (
    select
        name_en,
        name_ar,
        coalesce(
            list_filter(
                list_transform(regexp_split_to_array(aliases_ar, '[|;،]'), lambda alias: trim(alias)),
                lambda alias: alias <> ''
            ),
            []
        ) as aliases_ar,
        kind,
        governorate,
        country,
        try_cast(latitude as double) as latitude,
        try_cast(longitude as double) as longitude,
    from source
)

select * from final
