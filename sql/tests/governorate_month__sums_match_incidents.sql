-- governorate_month totals equal those of the dated incidents with a governorate
select
    (select count(*) from fct_incidents where event_date is not null and governorate is not null) as incidents,
    (select coalesce(sum(incidents), 0) from governorate_month) as in_months,
    (select coalesce(sum(killed_best), 0) from fct_incidents where event_date is not null and governorate is not null) as killed_best,
    (select coalesce(sum(killed_best), 0) from governorate_month) as killed_best_in_months,
where incidents <> in_months or killed_best <> killed_best_in_months
