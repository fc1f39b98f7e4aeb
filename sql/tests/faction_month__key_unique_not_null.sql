select actor_id, month, role, count(*) as n
from faction_month
group by actor_id, month, role
having actor_id is null or month is null or role is null or count(*) > 1
