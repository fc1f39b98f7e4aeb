select incident_id, count(*) as n
from fct_incidents
group by incident_id
having incident_id is null or count(*) > 1
