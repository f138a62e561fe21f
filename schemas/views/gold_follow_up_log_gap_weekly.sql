-- gold.follow_up_log_gap_weekly: one row per rep per week (Monday start, Asia/Shanghai, by the call's
-- start) with call follow-ups backed by a call record: how long after the call the rep wrote it down.
-- The seed's example is a rep logging at 09:00 what was said on the phone at 16:00 the day before (17 h);
-- late_share is the share written down more than 12 hours after the call. median_gap_hours is the exact
-- median (the mean of the two middle gaps when their number is even, as in gold.rep_scorecard_daily), and
-- the hours are doubles: a decimal "/ 60.0" would round them to a tenth of an hour.
CREATE OR REPLACE VIEW gold.follow_up_log_gap_weekly AS
WITH weekly AS (
  SELECT owner_id, date_trunc('week', CAST(call_started_at AT TIME ZONE 'Asia/Shanghai' AS date)) AS week_start,
         count(*) AS call_follow_ups,
         array_sort(array_agg(gap_minutes)) AS gaps,
         max(gap_minutes) AS max_gap_minutes,
         count_if(gap_minutes > 12 * 60) AS late
  FROM gold.follow_up_log_gap
  GROUP BY owner_id, date_trunc('week', CAST(call_started_at AT TIME ZONE 'Asia/Shanghai' AS date))
)
SELECT
  w.owner_id AS rep_id,
  u.name AS rep_name,
  u.team_id,
  w.week_start,
  w.call_follow_ups,
  (CAST(element_at(w.gaps, (cardinality(w.gaps) + 1) / 2) AS double)
   + element_at(w.gaps, cardinality(w.gaps) / 2 + 1)) / 2 / 60 AS median_gap_hours,
  CAST(w.max_gap_minutes AS double) / 60 AS max_gap_hours,
  CAST(w.late AS double) / w.call_follow_ups AS late_share
FROM weekly w
LEFT JOIN crm.users u ON u.id = w.owner_id
