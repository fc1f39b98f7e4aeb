-- grain: one row per (field, code): the allowed values of sub_event_type, weapon, date_precision
-- materialized: view
-- From marsad/model.py (SUB_EVENT_TYPES, WEAPONS, DATE_PRECISIONS), seeded at build time.

with source as (
    select * from seed_codes
),

final as (
    select
        field,
        code,
        parent,
    from source
)

select * from final
