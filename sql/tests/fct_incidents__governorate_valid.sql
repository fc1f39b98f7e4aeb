-- governorate is one of the 19 names of governorates.csv, or NULL
select incident_id, governorate, source_urls[1] as first_source
from fct_incidents
where governorate is not null
  and governorate not in (select governorate from stg_governorates)
