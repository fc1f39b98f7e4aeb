select mention_id, count(*) as n
from stg_incident_mentions
group by mention_id
having mention_id is null or count(*) > 1
