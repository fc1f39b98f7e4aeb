-- grain: one row per Iraqi governorate (governorate) of marsad/data/governorates.csv
-- materialized: view

with source as (
    select * from seed_governorates
),

final as (
    select
        governorate,
        name_ar,
        capital_en,
        capital_ar,
    from source
)

select * from final
