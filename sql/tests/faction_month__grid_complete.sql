-- every actor x every month of the covered range x both roles (spec section 7)
with bounds as (
    select
        cast(date_trunc('month', min(event_date)) as date) as first_month,
        cast(date_trunc('month', max(event_date)) as date) as last_month,
    from fct_incidents
),
expected as (
    select
        (select count(*) from dim_actors)
        * 2
        * coalesce(datediff('month', first_month, last_month) + 1, 0) as cells,
    from bounds
)
select expected.cells as expected, (select count(*) from faction_month) as actual
from expected
where expected.cells <> (select count(*) from faction_month)
   or exists (select 1 from faction_month, bounds where month < first_month or month > last_month)
   or exists (select 1 from faction_month where role not in ('perpetrator', 'target'))
