select perpetrator_id, target_id, month, count(*) as n
from actor_pair_month
group by perpetrator_id, target_id, month
having perpetrator_id is null or target_id is null or month is null or count(*) > 1
