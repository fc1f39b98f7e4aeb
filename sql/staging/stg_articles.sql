-- grain: one row per article (article_id), its current content
-- materialized: view
-- The only model reading the raw `articles` table.

with source as (
    select * from articles
),

final as (
    select
        article_id,
        url,
        canonical_url,
        content_hash,
        published,
        cast(published as date) as published_date,
        title,
        text,
        source_name,
        fetched_at,
        updated_at,
    from source
)

select * from final
