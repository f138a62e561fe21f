-- The core objection of each active rep's last three follow-ups.
WITH last_three AS (
  SELECT owner_id, id, occurred_at, objection_type, strategy_id
  FROM (SELECT a.*, row_number() OVER (PARTITION BY owner_id ORDER BY occurred_at DESC, id DESC) AS recency
        FROM crm.activities a)
  WHERE recency <= 3
),
core AS (
  SELECT owner_id, objection_type, max_by(strategy_id, occurred_at) AS strategy_id,
         row_number() OVER (PARTITION BY owner_id ORDER BY count(*) DESC, max(occurred_at) DESC) AS place
  FROM last_three
  WHERE objection_type IS NOT NULL
  GROUP BY owner_id, objection_type
)
SELECT t.name AS team, u.name AS rep, u.id AS rep_id,
       count(*) AS follow_ups,
       count(l.objection_type) AS with_objection,
       array_join(array_agg(l.objection_type ORDER BY l.occurred_at DESC) FILTER (WHERE l.objection_type IS NOT NULL), ', ')
         AS objections,
       c.objection_type AS core_objection,
       CASE c.objection_type WHEN 'price' THEN '价格异议' WHEN 'feature' THEN '功能质疑'
                             WHEN 'decision_chain' THEN '决策链未明' WHEN 'competitor' THEN '竞品介入' END AS core_objection_zh,
       c.strategy_id AS strategy_used,
       max(l.occurred_at) AS last_follow_up_at
FROM last_three l
JOIN crm.users u ON u.id = l.owner_id AND u.role = 'rep' AND u.active
LEFT JOIN crm.teams t ON t.id = u.team_id
LEFT JOIN core c ON c.owner_id = l.owner_id AND c.place = 1
GROUP BY t.name, u.name, u.id, c.objection_type, c.strategy_id
ORDER BY team, rep;
