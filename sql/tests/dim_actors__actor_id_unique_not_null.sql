select actor_id, count(*) as n
from dim_actors
group by actor_id
having actor_id is null or count(*) > 1
