-- grain: one row per incident (incident_id): the analysts' name for fct_incidents
-- materialized: view

select * from fct_incidents
