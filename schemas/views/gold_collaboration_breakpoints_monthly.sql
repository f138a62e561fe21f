-- gold.collaboration_breakpoints_monthly: one row per team per month (Asia/Shanghai) with at least one
-- collaboration breakpoint (协作断点报告): promises in follow-up notes never registered (gold.unregistered_commitments
-- still 'unregistered', by the month of the follow-up), presales tasks past their SLA (presales_solution and
-- technical_review tasks with a collab_task_dwell alert, by the month the first alert was raised) and delivery
-- schedules not updated (tentative or confirmed at month end, last changed more than 7 days before it; for the
-- month the data ends in, "month end" is the latest delivery-schedule change). Teams are the sales teams: an
-- unregistered promise counts for its rep's team, a late task or stale schedule for the team of the rep who owns
-- the opportunity it serves (a schedule without one, for its engineer's team) — as crm.users has them now;
-- breakpoints nobody's team owns are counted under a null team.
CREATE OR REPLACE VIEW gold.collaboration_breakpoints_monthly AS
WITH unregistered AS (
  SELECT owner_id AS user_id, CAST(date_trunc('month', occurred_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
         count(*) AS unregistered_commitments
  FROM gold.unregistered_commitments
  WHERE status = 'unregistered'
  GROUP BY owner_id, CAST(date_trunc('month', occurred_at AT TIME ZONE 'Asia/Shanghai') AS date)
),
presales_late AS (
  SELECT sales_owner_id AS user_id, CAST(date_trunc('month', first_due_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
         count(*) AS presales_tasks_past_sla
  FROM (
    -- A task can be silent more than once (one alert per silence): it counts once, when first late.
    SELECT a.subject_id AS task_id, arbitrary(o.owner_id) AS sales_owner_id, min(a.due_at) AS first_due_at
    FROM gold.alerts a
    JOIN crm.collab_tasks t ON t.id = a.subject_id
    LEFT JOIN crm.opportunities o ON o.id = t.opportunity_id
    WHERE a.rule = 'collab_task_dwell' AND a.subject_type = 'collab_task'
      AND t.kind IN ('presales_solution', 'technical_review')
    GROUP BY a.subject_id
  )
  GROUP BY sales_owner_id, CAST(date_trunc('month', first_due_at AT TIME ZONE 'Asia/Shanghai') AS date)
),
schedule_changes AS (
  -- A snapshot row ('r') was read, not changed, at its commit time: its last change is the row's updated_at.
  SELECT id, opportunity_id, assignee_id, status, _op, _committed_at, _lsn, _source_offset,
         IF(_op = 'r', updated_at, _committed_at) AS changed_at
  FROM raw.crm_delivery_schedule
  WHERE _op <> 'tombstone'
),
month_ends AS (
  SELECT month, least(with_timezone(CAST(month + INTERVAL '1' MONTH AS timestamp), 'Asia/Shanghai'), data_end) AS as_of
  FROM (SELECT min(_committed_at) AS data_start, max(_committed_at) AS data_end FROM schedule_changes)
  CROSS JOIN UNNEST(sequence(CAST(date_trunc('month', data_start AT TIME ZONE 'Asia/Shanghai') AS date),
                             CAST(date_trunc('month', data_end AT TIME ZONE 'Asia/Shanghai') AS date),
                             INTERVAL '1' MONTH)) AS t(month)
),
schedule_at_month_end AS (
  SELECT m.month, m.as_of, c.opportunity_id, c.assignee_id, c.status, c._op, c.changed_at,
         row_number() OVER (PARTITION BY m.month, c.id
                            ORDER BY c._committed_at DESC, c._lsn DESC, c._source_offset DESC) AS change_rank
  FROM month_ends m
  JOIN schedule_changes c ON c._committed_at <= m.as_of
),
stale_schedules AS (
  SELECT coalesce(o.owner_id, s.assignee_id) AS user_id, s.month, count(*) AS delivery_schedules_not_updated
  FROM schedule_at_month_end s
  LEFT JOIN crm.opportunities o ON o.id = s.opportunity_id
  WHERE s.change_rank = 1 AND s._op <> 'd' AND s.status IN ('tentative', 'confirmed')
    AND s.changed_at < s.as_of - INTERVAL '7' DAY
  GROUP BY coalesce(o.owner_id, s.assignee_id), s.month
),
per_user AS (
  SELECT user_id, month, unregistered_commitments, 0 AS presales_tasks_past_sla, 0 AS delivery_schedules_not_updated
  FROM unregistered
  UNION ALL
  SELECT user_id, month, 0, presales_tasks_past_sla, 0 FROM presales_late
  UNION ALL
  SELECT user_id, month, 0, 0, delivery_schedules_not_updated FROM stale_schedules
)
SELECT u.team_id, tm.name AS team_name, tm.region, p.month,
       sum(p.unregistered_commitments) AS unregistered_commitments,
       sum(p.presales_tasks_past_sla) AS presales_tasks_past_sla,
       sum(p.delivery_schedules_not_updated) AS delivery_schedules_not_updated,
       sum(p.unregistered_commitments + p.presales_tasks_past_sla + p.delivery_schedules_not_updated) AS breakpoints
FROM per_user p
LEFT JOIN crm.users u ON u.id = p.user_id
LEFT JOIN crm.teams tm ON tm.id = u.team_id
GROUP BY u.team_id, tm.name, tm.region, p.month
