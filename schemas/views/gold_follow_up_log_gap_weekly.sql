-- gold.follow_up_log_gap_weekly: one row per rep per week (Monday start, Asia/Shanghai, by the call's
-- start) with call follow-ups backed by a call record: how long after the call the rep wrote it down.
-- The seed's example is a rep logging at 09:00 what was said on the phone at 16:00 the day before (17 h);
-- late_share is the share written down more than 12 hours after the call.
CREATE OR REPLACE VIEW gold.follow_up_log_gap_weekly AS
SELECT
  g.owner_id AS rep_id,
  u.name AS rep_name,
  u.team_id,
  date_trunc('week', CAST(g.call_started_at AT TIME ZONE 'Asia/Shanghai' AS date)) AS week_start,
  count(*) AS call_follow_ups,
  approx_percentile(g.gap_minutes, 0.5) / 60.0 AS median_gap_hours,
  max(g.gap_minutes) / 60.0 AS max_gap_hours,
  CAST(count_if(g.gap_minutes > 12 * 60) AS double) / count(*) AS late_share
FROM gold.follow_up_log_gap g
LEFT JOIN crm.users u ON u.id = g.owner_id
GROUP BY g.owner_id, u.name, u.team_id, date_trunc('week', CAST(g.call_started_at AT TIME ZONE 'Asia/Shanghai' AS date))
