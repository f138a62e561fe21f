-- gold.commitment_closure_weekly: one row per rep per week (Monday start, Asia/Shanghai) in which
-- registered commitments fell due. Closure rate = fulfilled (on time or late) / commitments whose due
-- time has passed and that were not cancelled; on-time rate the same with on-time fulfilments only.
-- Commitments not yet due (outcome open) and cancelled ones are counted but left out of both rates.
CREATE OR REPLACE VIEW gold.commitment_closure_weekly AS
SELECT
  c.owner_id AS rep_id,
  u.name AS rep_name,
  u.team_id,
  date_trunc('week', CAST(c.due_at AT TIME ZONE 'Asia/Shanghai' AS date)) AS week_start,
  count(*) AS commitments_due,
  count_if(c.outcome = 'fulfilled_on_time') AS fulfilled_on_time,
  count_if(c.outcome = 'fulfilled_late') AS fulfilled_late,
  count_if(c.outcome = 'overdue_open') AS overdue_open,
  count_if(c.outcome = 'open') AS not_yet_due,
  count_if(c.outcome = 'cancelled') AS cancelled,
  count_if(c.evidence_present) AS with_evidence,
  CAST(count_if(c.outcome IN ('fulfilled_on_time', 'fulfilled_late')) AS double)
    / nullif(count_if(c.outcome IN ('fulfilled_on_time', 'fulfilled_late', 'overdue_open')), 0) AS closure_rate,
  CAST(count_if(c.outcome = 'fulfilled_on_time') AS double)
    / nullif(count_if(c.outcome IN ('fulfilled_on_time', 'fulfilled_late', 'overdue_open')), 0) AS on_time_rate
FROM gold.commitments c
LEFT JOIN crm.users u ON u.id = c.owner_id
WHERE NOT c.deleted
GROUP BY c.owner_id, u.name, u.team_id, date_trunc('week', CAST(c.due_at AT TIME ZONE 'Asia/Shanghai' AS date))
