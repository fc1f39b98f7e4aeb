-- the reference seeds have unique keys: actors.csv ids, governorate names, (field, code)
select 'stg_actors' as model, actor_id as key, count(*) as n
from stg_actors group by actor_id having actor_id is null or count(*) > 1
union all
select 'stg_governorates', governorate, count(*)
from stg_governorates group by governorate having governorate is null or count(*) > 1
union all
select 'stg_codes', field || ':' || code, count(*)
from stg_codes group by field, code having code is null or count(*) > 1
