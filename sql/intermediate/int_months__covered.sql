-- grain: one row per month (month, its first day) from the first to the last dated incident
-- materialized: table
-- The month spine the zero-filled aggregates (faction_month, governorate_month) share.
-- A table, not a view: int_incidents__clustered exists only while the build runs.

with incidents as (
    select * from int_incidents__clustered
),

bounds as (
    select
        cast(date_trunc('month', min(event_date)) as date) as first_month,
        cast(date_trunc('month', max(event_date)) as date) as last_month,
    from incidents
),

final as (
    select cast(unnest(generate_series(
        cast(first_month as timestamp), cast(last_month as timestamp), interval 1 month
    )) as date) as month
    from bounds
    where first_month is not null
)

select * from final
