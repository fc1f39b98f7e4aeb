-- sub_event_type, event_type, weapon, date_precision take the values of spec sections 2 and 4
-- (the allowed values come from marsad/model.py, seeded as stg_codes)
select incident_id, 'sub_event_type' as field, sub_event_type as value, source_urls[1] as first_source
from fct_incidents
where sub_event_type is not null
  and sub_event_type not in (select code from stg_codes where field = 'sub_event_type')
union all
select incident_id, 'event_type', event_type, source_urls[1]
from fct_incidents
where sub_event_type in (select code from stg_codes where field = 'sub_event_type')
  and event_type is distinct from (
      select parent from stg_codes where field = 'sub_event_type' and code = fct_incidents.sub_event_type
  )
union all
select incident_id, 'weapon', weapon, source_urls[1]
from fct_incidents
where weapon is not null and weapon not in (select code from stg_codes where field = 'weapon')
union all
select incident_id, 'date_precision', date_precision, source_urls[1]
from fct_incidents
where (event_date is not null and date_precision is null)
   or (date_precision is not null and date_precision not in (select code from stg_codes where field = 'date_precision'))
