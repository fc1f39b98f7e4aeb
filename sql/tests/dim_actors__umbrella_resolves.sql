select actor_id, umbrella
from dim_actors
where umbrella is not null
  and umbrella not in (select actor_id from dim_actors)
