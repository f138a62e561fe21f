-- gold.review_picks: one row per team, review meeting and pick — 每周五下午的过程复盘会: the supervisor draws three
-- high-value open opportunities per team at random and walks the rep through every step behind them (the
-- timeline is gold.review_timelines). The settings below say when the meeting is and what high value means:
-- an opportunity open at the meeting (not won, lost or deleted) with an amount at least the value_quantile of
-- the team's open opportunities then (by percent rank: 0.5 = the upper half of the team's pipeline by amount).
-- A lead is picked through its opportunity (before that a lead has no amount); the opportunity's lead comes
-- with it. The draw is random but reproducible: candidates are ordered by a hash of team, week and opportunity
-- id, so the same week always gives the same picks and nobody can predict next week's. Everything is as the CRM
-- stood at the meeting (its change history), so a past week's picks never change. A meeting is listed once the
-- CRM's data has reached it.
CREATE OR REPLACE VIEW gold.review_picks AS
WITH settings AS (
  SELECT 5 AS review_weekday,                 -- 1 = Monday ... 5 = Friday
         INTERVAL '15' HOUR AS review_time,   -- local time of the meeting, Asia/Shanghai
         3 AS picks_per_team,
         0.5 AS value_quantile
),
data_until AS (
  SELECT max(_committed_at) AS reached FROM raw.crm_activities
),
reviews AS (
  SELECT week_start,
         with_timezone(CAST(week_start + (s.review_weekday - 1) * INTERVAL '1' DAY AS timestamp(6)) + s.review_time,
                       'Asia/Shanghai') AS review_at
  FROM settings s
  CROSS JOIN (SELECT date_trunc('week', CAST(min(_committed_at) AT TIME ZONE 'Asia/Shanghai' AS date)) AS first_week,
                     date_trunc('week', CAST(max(_committed_at) AT TIME ZONE 'Asia/Shanghai' AS date)) AS last_week
              FROM raw.crm_activities)
  CROSS JOIN UNNEST(sequence(first_week, last_week, INTERVAL '7' DAY)) AS w(week_start)
),
users_then AS (
  SELECT id, name, team_id, _committed_at AS valid_from,
         lead(_committed_at) OVER (PARTITION BY id ORDER BY _committed_at, _lsn, _source_offset) AS valid_to
  FROM raw.crm_users
  WHERE _op <> 'tombstone'
),
open_then AS (
  SELECT r.week_start, r.review_at, u.team_id, h.opportunity_id, h.lead_id, h.customer_id, h.owner_id,
         u.name AS owner_name, h.stage, h.amount
  FROM reviews r
  CROSS JOIN data_until d
  JOIN gold.opportunity_stage_history h
    ON h.valid_from <= r.review_at AND (h.valid_to IS NULL OR h.valid_to > r.review_at)
  JOIN users_then u
    ON u.id = h.owner_id AND u.valid_from <= r.review_at AND (u.valid_to IS NULL OR u.valid_to > r.review_at)
  WHERE r.review_at <= d.reached
    AND h.stage NOT IN ('won', 'lost', 'deleted') AND h.amount IS NOT NULL AND u.team_id IS NOT NULL
),
ranked AS (
  SELECT o.*, percent_rank() OVER (PARTITION BY team_id, week_start ORDER BY amount) AS value_rank
  FROM open_then o
),
candidates AS (
  SELECT r.*, count(*) OVER (PARTITION BY team_id, week_start) AS candidates,
         min(amount) OVER (PARTITION BY team_id, week_start) AS value_threshold,
         row_number() OVER (PARTITION BY team_id, week_start
                            ORDER BY xxhash64(to_utf8(CAST(team_id AS varchar) || ':' || CAST(week_start AS varchar)
                                                      || ':' || CAST(opportunity_id AS varchar))), opportunity_id) AS pick
  FROM ranked r, settings s
  WHERE r.value_rank >= s.value_quantile
)
SELECT c.week_start, c.review_at, c.team_id, t.name AS team_name, c.pick AS pick_rank,
       c.opportunity_id, c.lead_id, c.customer_id, cu.name AS customer_name, c.owner_id, c.owner_name,
       c.stage, c.amount, c.value_threshold, c.candidates
FROM candidates c
CROSS JOIN settings s
LEFT JOIN crm.teams t ON t.id = c.team_id
LEFT JOIN crm.customers cu ON cu.id = c.customer_id
WHERE c.pick <= s.picks_per_team
