select place_id, count(*) as n
from dim_places
group by place_id
having place_id is null or count(*) > 1
