-- spec section 6: low <= best <= high wherever both are given; no negative count
select incident_id, killed_low, killed_best, killed_high, wounded_low, wounded_best, wounded_high, source_urls[1] as first_source
from fct_incidents
where killed_low > killed_best or killed_best > killed_high or killed_low > killed_high
   or wounded_low > wounded_best or wounded_best > wounded_high or wounded_low > wounded_high
   or killed_low < 0 or wounded_low < 0 or killed_best < 0 or wounded_best < 0
