-- every article has one id, and one url
select article_id, count(*) as n
from stg_articles
group by article_id
having article_id is null or count(*) > 1
union all
select url, count(*) from stg_articles group by url having url is null or count(*) > 1
