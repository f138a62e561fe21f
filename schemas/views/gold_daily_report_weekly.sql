-- gold.daily_report_weekly: one row per rep per week (Monday start, Asia/Shanghai) and one per team per week
-- (level 'team', rep_id null), over the working days a report was owed (gold.daily_report_status, counted):
-- 日报提交率 submitted on time / late / missing, the rates, and what the reports said — breakthroughs ticked and
-- how many of them came without the evidence sentence (勾选 + 1句话佐证). Reports nobody owed (a day off, someone
-- not a rep) are left out; a duplicate submission is one day. The team is the rep's team when the day was decided.
CREATE OR REPLACE VIEW gold.daily_report_weekly AS
SELECT
  CASE WHEN grouping(s.rep_id) = 1 THEN 'team' ELSE 'rep' END AS level,
  s.team_id,
  t.name AS team_name,
  s.rep_id,
  u.name AS rep_name,
  s.week_start,
  count(*) AS days_owed,
  count_if(s.status = 'on_time') AS on_time,
  count_if(s.status = 'late') AS late,
  count_if(s.status = 'missing') AS missing,
  CAST(count_if(s.status = 'on_time') AS double) / count(*) AS on_time_rate,
  CAST(count_if(s.status IN ('on_time', 'late')) AS double) / count(*) AS submitted_rate,
  sum(s.breakthrough_count) AS breakthroughs,
  sum(s.unevidenced_breakthroughs) AS breakthroughs_without_evidence,
  CAST(sum(s.breakthrough_count - s.unevidenced_breakthroughs) AS double) / nullif(sum(s.breakthrough_count), 0)
    AS evidenced_share,
  count_if(s.edited_after_deadline) AS edited_after_deadline,
  count_if(s.submissions > 1) AS days_submitted_twice
FROM (SELECT *, date_trunc('week', report_date) AS week_start FROM gold.daily_report_status WHERE counted) s
LEFT JOIN crm.teams t ON t.id = s.team_id
LEFT JOIN crm.users u ON u.id = s.rep_id
GROUP BY GROUPING SETS (
  (s.team_id, t.name, s.week_start, s.rep_id, u.name),
  (s.team_id, t.name, s.week_start)
)
