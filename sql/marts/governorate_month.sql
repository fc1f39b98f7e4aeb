-- grain: one row per (governorate, month): the 19 governorates of governorates.csv,
-- every month of the covered range, zero-filled
-- materialized: table
-- Dated incidents with a governorate only (outside Iraq or place unknown: left out).

with incidents as (
    select * from fct_incidents
),

governorates as (
    select governorate from stg_governorates
),

months as (
    select month from int_months__covered
),

dated as (
    select
        *,
        cast(date_trunc('month', event_date) as date) as month,
    from incidents
    where event_date is not null
),

cells as (
    select
        governorate,
        month,
        count(*) as incidents,
        sum(coalesce(killed_low, 0)) as killed_low,
        sum(coalesce(killed_best, 0)) as killed_best,
        sum(coalesce(killed_high, 0)) as killed_high,
        sum(coalesce(wounded_low, 0)) as wounded_low,
        sum(coalesce(wounded_best, 0)) as wounded_best,
        sum(coalesce(wounded_high, 0)) as wounded_high,
        count(*) filter (where killed_best is null) as incidents_with_unknown_killed,
    from dated
    where governorate is not null
    group by governorate, month
),

spine as (
    select governorates.governorate, months.month
    from governorates
    cross join months
),

final as (
    select
        spine.governorate,
        spine.month,
        cast(coalesce(cells.incidents, 0) as integer) as incidents,
        cast(coalesce(cells.killed_low, 0) as integer) as killed_low,
        cast(coalesce(cells.killed_best, 0) as integer) as killed_best,
        cast(coalesce(cells.killed_high, 0) as integer) as killed_high,
        cast(coalesce(cells.wounded_low, 0) as integer) as wounded_low,
        cast(coalesce(cells.wounded_best, 0) as integer) as wounded_best,
        cast(coalesce(cells.wounded_high, 0) as integer) as wounded_high,
        cast(coalesce(cells.incidents_with_unknown_killed, 0) as integer) as incidents_with_unknown_killed,
    from spine
    left join cells
        on cells.governorate = spine.governorate
        and cells.month = spine.month
)

select * from final
order by month, governorate
