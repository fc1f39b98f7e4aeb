-- the registry holds one incident id per mention: unique by construction (cluster.py,
-- _write_registry) rather than by a primary key, so checked here
select mention_id, count(*) as n
from incident_registry
group by mention_id
having mention_id is null or count(*) > 1
