-- per role, faction_month totals equal those of the dated incidents (NULL counted as 0)
with incident_totals as (
    select
        role,
        count(*) as incidents,
        sum(coalesce(killed_low, 0)) as killed_low,
        sum(coalesce(killed_best, 0)) as killed_best,
        sum(coalesce(killed_high, 0)) as killed_high,
        sum(coalesce(wounded_low, 0)) as wounded_low,
        sum(coalesce(wounded_best, 0)) as wounded_best,
        sum(coalesce(wounded_high, 0)) as wounded_high,
        count(*) filter (where killed_best is null) as incidents_with_unknown_killed,
    from (
        select 'perpetrator' as role, * from fct_incidents where event_date is not null
        union all
        select 'target' as role, * from fct_incidents where event_date is not null and target_id is not null
    )
    group by role
),
month_totals as (
    select
        role,
        sum(incidents) as incidents,
        sum(killed_low) as killed_low,
        sum(killed_best) as killed_best,
        sum(killed_high) as killed_high,
        sum(wounded_low) as wounded_low,
        sum(wounded_best) as wounded_best,
        sum(wounded_high) as wounded_high,
        sum(incidents_with_unknown_killed) as incidents_with_unknown_killed,
    from faction_month
    group by role
)
select *
from incident_totals
full outer join month_totals using (role)
where coalesce(month_totals.incidents, 0) <> coalesce(incident_totals.incidents, 0)
   or coalesce(month_totals.killed_low, 0) <> coalesce(incident_totals.killed_low, 0)
   or coalesce(month_totals.killed_best, 0) <> coalesce(incident_totals.killed_best, 0)
   or coalesce(month_totals.killed_high, 0) <> coalesce(incident_totals.killed_high, 0)
   or coalesce(month_totals.wounded_low, 0) <> coalesce(incident_totals.wounded_low, 0)
   or coalesce(month_totals.wounded_best, 0) <> coalesce(incident_totals.wounded_best, 0)
   or coalesce(month_totals.wounded_high, 0) <> coalesce(incident_totals.wounded_high, 0)
   or coalesce(month_totals.incidents_with_unknown_killed, 0) <> coalesce(incident_totals.incidents_with_unknown_killed, 0)
