-- gold.rep_today: 今日待办 — one row per item on each rep's list for today (Asia/Shanghai), what the CRM's home
-- card shows in one query (SELECT * FROM gold.rep_today WHERE rep_id = ? ORDER BY section_order, item_rank):
--   1 open_alert              the rep's alerts raised and not resolved (gold.alerts), oldest deadline first
--   2 commitment_due          registered commitments still open that fall due today or are overdue
--   3 awaiting_first_contact  leads assigned to the rep and not yet really contacted (gold.lead_response), with
--                             the SLA deadline; the lead still the rep's and still open
--   4 top_lead                the three most valuable open leads: an open opportunity's amount first (a lead
--                             without one ranks after, by structured discoveries so far), with the latest follow-up
-- Everything is as the CRM stood at the instant in the clock below (its change history, by commit time), so the
-- list can be asked for any past moment: tests and back-dated questions replace current_timestamp with a fixed
-- TIMESTAMP '... Asia/Shanghai'. Reps are the users who are reps, and active, at that instant.
CREATE OR REPLACE VIEW gold.rep_today AS
WITH clock AS (
  SELECT current_timestamp AS as_of
),
today AS (
  SELECT as_of, with_timezone(CAST(CAST(as_of AT TIME ZONE 'Asia/Shanghai' AS date) + INTERVAL '1' DAY AS timestamp),
                              'Asia/Shanghai') AS day_end
  FROM clock
),
users_then AS (
  SELECT id AS rep_id, name AS rep_name, team_id
  FROM (SELECT u.*, row_number() OVER (PARTITION BY id ORDER BY _committed_at DESC, _lsn DESC, _source_offset DESC) AS r
        FROM raw.crm_users u, today WHERE _op <> 'tombstone' AND _committed_at <= as_of)
  WHERE r = 1 AND _op <> 'd' AND role = 'rep' AND active
),
leads_then AS (
  SELECT id, customer_id, contact_name, channel, status, owner_id
  FROM (SELECT l.*, row_number() OVER (PARTITION BY id ORDER BY _committed_at DESC, _lsn DESC, _source_offset DESC) AS r
        FROM raw.crm_leads l, today WHERE _op <> 'tombstone' AND _committed_at <= as_of)
  WHERE r = 1 AND _op <> 'd' AND status IN ('assigned', 'pending_followup', 'contacted', 'valid')
),
opportunities_then AS (
  SELECT id, lead_id, customer_id, owner_id, stage, amount
  FROM (SELECT o.*, row_number() OVER (PARTITION BY id ORDER BY _committed_at DESC, _lsn DESC, _source_offset DESC) AS r
        FROM raw.crm_opportunities o, today WHERE _op <> 'tombstone' AND _committed_at <= as_of)
  WHERE r = 1 AND _op <> 'd' AND stage NOT IN ('won', 'lost')
),
commitments_then AS (
  SELECT id, code, content, owner_id, customer_id, due_at
  FROM (SELECT c.*, row_number() OVER (PARTITION BY id ORDER BY _committed_at DESC, _lsn DESC, _source_offset DESC) AS r
        FROM raw.crm_commitments c, today WHERE _op <> 'tombstone' AND _committed_at <= as_of)
  WHERE r = 1 AND _op <> 'd' AND status = 'open'
),
follow_ups_then AS (
  SELECT id, lead_id, opportunity_id, type, occurred_at, notes, discoveries
  FROM (SELECT a.*, row_number() OVER (PARTITION BY id ORDER BY _committed_at DESC, _lsn DESC, _source_offset DESC) AS r
        FROM raw.crm_activities a, today WHERE _op <> 'tombstone' AND _committed_at <= as_of)
  WHERE r = 1 AND _op <> 'd' AND occurred_at <= (SELECT as_of FROM today)
),
open_alerts AS (
  SELECT a.owner_id AS rep_id, 1 AS section_order, 'open_alert' AS section,
         row_number() OVER (PARTITION BY a.owner_id ORDER BY a.due_at, a.alert_id) AS item_rank,
         a.subject_type, a.subject_id, a.message AS title, a.due_at,
         CAST(NULL AS decimal(14, 2)) AS amount, CAST(NULL AS timestamp(6) with time zone) AS latest_activity_at,
         CAST(NULL AS varchar) AS latest_activity
  FROM gold.alerts a, today
  WHERE a.due_at <= as_of AND (a.resolved_at IS NULL OR a.resolved_at > as_of)
),
commitments_due AS (
  SELECT c.owner_id, 2, 'commitment_due', row_number() OVER (PARTITION BY c.owner_id ORDER BY c.due_at, c.id),
         'commitment', c.id,
         CASE WHEN c.due_at <= as_of THEN '承诺已逾期 Overdue commitment ' ELSE '承诺今日到期 Commitment due today ' END
           || c.code || ': ' || c.content,
         c.due_at, NULL, NULL, NULL
  FROM commitments_then c, today
  WHERE c.due_at < day_end
),
awaiting AS (
  SELECT r.owner_id, 3, 'awaiting_first_contact',
         row_number() OVER (PARTITION BY r.owner_id ORDER BY r.sla_deadline, r.lead_id),
         'lead', r.lead_id,
         '待首次联系 Awaiting first contact: ' || coalesce(l.contact_name, '?') || ' (' || l.channel || ')',
         r.sla_deadline, NULL, NULL, NULL
  FROM gold.lead_response r
  CROSS JOIN today
  JOIN leads_then l ON l.id = r.lead_id AND l.owner_id = r.owner_id
  WHERE r.assigned_at <= as_of AND (r.first_contact_at IS NULL OR r.first_contact_at > as_of)
    -- the lead's latest assignment only: an earlier one of the same owner was followed by another
    AND NOT EXISTS (SELECT 1 FROM gold.lead_response later
                    WHERE later.lead_id = r.lead_id AND later.assigned_at > r.assigned_at AND later.assigned_at <= as_of)
),
subjects AS (
  -- Open opportunities, and open leads without an open opportunity, with what they are worth.
  SELECT o.owner_id, 'opportunity' AS subject_type, o.id AS subject_id, o.lead_id, o.id AS opportunity_id,
         o.customer_id, o.amount
  FROM opportunities_then o
  UNION ALL
  SELECT l.owner_id, 'lead', l.id, l.id, CAST(NULL AS bigint), l.customer_id, CAST(NULL AS decimal(14, 2))
  FROM leads_then l
  WHERE NOT EXISTS (SELECT 1 FROM opportunities_then o WHERE o.lead_id = l.id)
),
subject_follow_ups AS (
  SELECT s.owner_id, s.subject_type, s.subject_id, f.id, f.type, f.occurred_at, f.notes, f.discoveries,
         row_number() OVER (PARTITION BY s.subject_type, s.subject_id ORDER BY f.occurred_at DESC, f.id DESC) AS latest
  FROM subjects s
  JOIN follow_ups_then f ON f.opportunity_id = s.opportunity_id OR (s.lead_id IS NOT NULL AND f.lead_id = s.lead_id)
),
subject_discoveries AS (
  SELECT sf.subject_type, sf.subject_id, count(DISTINCT d) AS discoveries
  FROM subject_follow_ups sf
  CROSS JOIN UNNEST(split(sf.discoveries, ';')) AS t(d)
  WHERE sf.discoveries IS NOT NULL AND d <> ''
  GROUP BY sf.subject_type, sf.subject_id
),
valued AS (
  SELECT s.owner_id, s.subject_type, s.subject_id, s.customer_id, s.amount, coalesce(sd.discoveries, 0) AS discoveries,
         latest.occurred_at AS latest_activity_at,
         '(' || latest.type || ') ' || substr(coalesce(latest.notes, ''), 1, 60) AS latest_activity
  FROM subjects s
  LEFT JOIN subject_discoveries sd ON sd.subject_type = s.subject_type AND sd.subject_id = s.subject_id
  LEFT JOIN subject_follow_ups latest
    ON latest.subject_type = s.subject_type AND latest.subject_id = s.subject_id AND latest.latest = 1
),
top_leads AS (
  SELECT v.owner_id, 4, 'top_lead',
         row_number() OVER (PARTITION BY v.owner_id
                            ORDER BY v.amount DESC NULLS LAST, v.discoveries DESC, v.latest_activity_at DESC NULLS LAST,
                                     v.subject_type, v.subject_id) AS item_rank,
         v.subject_type, v.subject_id,
         '重点 Key ' || v.subject_type || ': ' || coalesce(cu.name, '?'),
         CAST(NULL AS timestamp(6) with time zone), v.amount, v.latest_activity_at, v.latest_activity
  FROM valued v
  LEFT JOIN crm.customers cu ON cu.id = v.customer_id
),
items AS (
  SELECT * FROM open_alerts
  UNION ALL SELECT * FROM commitments_due
  UNION ALL SELECT * FROM awaiting
  UNION ALL SELECT * FROM top_leads WHERE item_rank <= 3
)
SELECT u.rep_id, u.rep_name, u.team_id, CAST(t.as_of AS timestamp(6) with time zone) AS as_of, i.section_order, i.section, i.item_rank, i.subject_type, i.subject_id,
       i.title, i.due_at, i.due_at <= t.as_of AS overdue, i.amount, i.latest_activity_at, i.latest_activity
FROM items i
JOIN users_then u ON u.rep_id = i.rep_id
CROSS JOIN today t
