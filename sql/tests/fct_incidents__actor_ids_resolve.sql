-- perpetrator, target and alternatives are ids of actors.csv (spec section 2)
with actor_refs as (
    select incident_id, 'perpetrator_id' as field, perpetrator_id as actor_id, source_urls[1] as first_source from fct_incidents
    union all
    select incident_id, 'target_id', target_id, source_urls[1] from fct_incidents where target_id is not null
    union all
    select incident_id, 'perpetrator_alternatives', unnest(perpetrator_alternatives), source_urls[1] from fct_incidents
)
select * from actor_refs
where actor_id is null or actor_id not in (select actor_id from dim_actors)
