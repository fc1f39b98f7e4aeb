-- every current mention belongs to a stored article, and its url is that article's url
select mentions.mention_id, mentions.article_id, mentions.article_url
from stg_incident_mentions as mentions
left join stg_articles as articles
    on articles.article_id = mentions.article_id
where articles.article_id is null
   or articles.url <> mentions.article_url
