"""The raw tables of the warehouse and the schema version that guards them.

Raw tables hold what was fetched and extracted; everything else (staging views,
intermediate and mart tables, the analyst views) is rebuilt from them by `marsad build`.
Bump SCHEMA_VERSION whenever a raw table changes shape.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

RAW_TABLES = ("schema_info", "articles", "extractions", "incident_mentions", "fetch_log", "source_cursors")

# The fetch stage's tables (marsad/sources/state.py). New tables, not a changed shape: a
# warehouse created before them gains them at its next fetch (`create table if not
# exists`), so they need no schema version of their own.
FETCH_DDL = """
create table if not exists fetch_log (
    -- one row per URL asked for in one run (robots.txt, feeds, API calls, pages)
    source_name varchar not null,
    url varchar not null,            -- as asked for (canonical for article pages)
    final_url varchar,               -- after redirects
    status integer,                  -- last HTTP status; NULL when no response came
    bytes bigint,                    -- body size; 0 on 304 (the stored body is reused)
    body_sha256 varchar,             -- key of the body in the raw store (data/raw/)
    content_type varchar,
    etag varchar,
    last_modified varchar,
    started_at timestamp not null,   -- naive UTC
    elapsed_ms double,
    attempts integer not null,       -- requests made, retries included
    history varchar,                 -- per attempt/redirect, e.g. '429 (Retry-After 1) -> 200'
    error varchar                    -- NULL when the fetch and its parsing succeeded
);

create table if not exists source_cursors (
    -- one row per source: where its next incremental run starts
    source_name varchar primary key,
    kind varchar not null,
    cursor varchar not null,         -- JSON, kind-specific (items seen, GDELT window reached)
    updated_at timestamp not null
);
"""

DDL = """
create table if not exists schema_info (
    -- one row: the schema version this warehouse was created with
    schema_version integer not null,
    created_at timestamp not null,
    marsad_version varchar not null
);

create table if not exists articles (
    -- one row per article, identified by its url
    article_id varchar primary key,
    url varchar not null,
    canonical_url varchar,
    content_hash varchar not null,   -- sha256 of (title, published, text): what extraction reads
    published timestamp,             -- naive UTC
    title varchar,
    text varchar not null,
    source_name varchar not null,
    fetched_at timestamp not null,   -- first load; kept when the article is seen again
    updated_at timestamp             -- when its content last changed, NULL if never
);

create table if not exists extractions (
    -- one row per article content extracted by one extractor version
    article_id varchar not null,
    content_hash varchar not null,
    extractor_version varchar not null,
    n_mentions integer not null,
    extracted_at timestamp not null,
    primary key (article_id, content_hash, extractor_version)
);

create table if not exists incident_mentions (
    -- one row per incident read from one article content by one extractor version
    mention_id varchar not null,     -- hash of article_id, content_hash, mention_index
    extractor_version varchar not null,
    article_id varchar not null,
    article_url varchar not null,
    content_hash varchar not null,
    mention_index integer not null,
    event_date date,
    date_precision varchar,
    country varchar,
    governorate varchar,
    location varchar,
    latitude double,
    longitude double,
    event_type varchar,
    sub_event_type varchar,
    weapon varchar,
    perpetrator_id varchar not null,
    target_id varchar,
    claimed boolean not null,
    killed_low integer,
    killed_best integer,
    killed_high integer,
    wounded_low integer,
    wounded_best integer,
    wounded_high integer,
    evidence varchar not null,
    evidence_start integer not null,
    evidence_end integer not null,
    confidence double not null,
    notes varchar[],
    primary key (mention_id, extractor_version)
);
"""
DDL += FETCH_DDL
