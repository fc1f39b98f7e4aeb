-- at least one source; source_count = len(source_urls); no url twice; confidence in 0..1
select incident_id, source_count, source_urls, confidence
from fct_incidents
where source_urls is null
   or len(source_urls) = 0
   or source_count is distinct from len(source_urls)
   or len(list_distinct(source_urls)) <> len(source_urls)
   or confidence is null or confidence < 0 or confidence > 1
