-- grain: one row per extractor version (extractor_version) that wrote a current mention
-- materialized: table
-- What manifest.json reports as `extractor_versions_in_data`. Computed here, from the
-- build's snapshot of stg_incident_mentions, so that the export does not evaluate the
-- staging view (three raw tables joined) for a handful of rows.

with mentions as (
    select * from stg_incident_mentions
),

final as (
    select distinct extractor_version
    from mentions
)

select * from final
order by extractor_version
