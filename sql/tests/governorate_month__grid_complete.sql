-- every governorate of governorates.csv x every month of the covered range
with bounds as (
    select
        cast(date_trunc('month', min(event_date)) as date) as first_month,
        cast(date_trunc('month', max(event_date)) as date) as last_month,
    from fct_incidents
),
expected as (
    select
        (select count(*) from stg_governorates)
        * coalesce(datediff('month', first_month, last_month) + 1, 0) as cells,
    from bounds
)
select expected.cells as expected, (select count(*) from governorate_month) as actual
from expected
where expected.cells <> (select count(*) from governorate_month)
