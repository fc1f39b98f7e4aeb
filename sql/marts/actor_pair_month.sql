-- grain: one row per (perpetrator_id, target_id, month) with at least one incident:
-- who attacks whom, month by month (not zero-filled: 35 x 35 actors would be mostly zeros)
-- materialized: table
-- Dated incidents with a target only.

with incidents as (
    select * from fct_incidents
),

dated as (
    select
        *,
        cast(date_trunc('month', event_date) as date) as month,
    from incidents
    where event_date is not null
      and target_id is not null
),

final as (
    select
        perpetrator_id,
        target_id,
        month,
        cast(count(*) as integer) as incidents,
        cast(sum(coalesce(killed_low, 0)) as integer) as killed_low,
        cast(sum(coalesce(killed_best, 0)) as integer) as killed_best,
        cast(sum(coalesce(killed_high, 0)) as integer) as killed_high,
        cast(sum(coalesce(wounded_low, 0)) as integer) as wounded_low,
        cast(sum(coalesce(wounded_best, 0)) as integer) as wounded_best,
        cast(sum(coalesce(wounded_high, 0)) as integer) as wounded_high,
        cast(count(*) filter (where killed_best is null) as integer) as incidents_with_unknown_killed,
    from dated
    group by perpetrator_id, target_id, month
)

select * from final
order by month, perpetrator_id, target_id
