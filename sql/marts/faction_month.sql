-- grain: one row per (actor_id, month, role): every actor of actors.csv, every month of
-- the covered range (first to last dated incident), both roles, zero-filled (spec section 7)
-- materialized: table
-- Sums count NULL as 0; incidents_with_unknown_killed says how many of them had no
-- death toll. Undated incidents are left out (the export manifest counts them).

with incidents as (
    select * from fct_incidents
),

actors as (
    select actor_id from dim_actors
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

roles as (
    select unnest(['perpetrator', 'target']) as role
),

incident_roles as (
    select perpetrator_id as actor_id, 'perpetrator' as role, * exclude (perpetrator_id)
    from dated
    union all by name
    select target_id as actor_id, 'target' as role, * exclude (target_id)
    from dated
    where target_id is not null
),

cells as (
    select
        actor_id,
        month,
        role,
        count(*) as incidents,
        sum(coalesce(killed_low, 0)) as killed_low,
        sum(coalesce(killed_best, 0)) as killed_best,
        sum(coalesce(killed_high, 0)) as killed_high,
        sum(coalesce(wounded_low, 0)) as wounded_low,
        sum(coalesce(wounded_best, 0)) as wounded_best,
        sum(coalesce(wounded_high, 0)) as wounded_high,
        count(*) filter (where killed_best is null) as incidents_with_unknown_killed,
    from incident_roles
    group by actor_id, month, role
),

spine as (
    select actors.actor_id, months.month, roles.role
    from actors
    cross join months
    cross join roles
),

final as (
    select
        spine.actor_id,
        spine.month,
        spine.role,
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
        on cells.actor_id = spine.actor_id
        and cells.month = spine.month
        and cells.role = spine.role
)

select * from final
order by month, actor_id, role
