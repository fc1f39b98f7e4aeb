-- one row per extractor version of the current mentions, each of them, and no other
with versions as (
    select extractor_version, count(*) over (partition by extractor_version) as n
    from int_extractor_versions__current
),

mentions as (
    select distinct extractor_version from stg_incident_mentions
)

select coalesce(versions.extractor_version, mentions.extractor_version) as extractor_version
from versions
full join mentions
    on mentions.extractor_version = versions.extractor_version
where versions.extractor_version is null
   or mentions.extractor_version is null
   or versions.n > 1
