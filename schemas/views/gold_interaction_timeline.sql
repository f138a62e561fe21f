-- gold.interaction_timeline: one row per thing that happened with a customer, lead or opportunity (客户行为轨迹),
-- at the time it happened: lead assignments and status changes, calls with the lead's number (from the telephone
-- records), follow-ups with their discoveries, objection and strategy, quotes sent and their feedback,
-- commitments registered and fulfilled, opportunity stage changes, contracts signed and payments received.
-- Ordered by event_at, then step (the order things happen in at one instant). A lead's events carry its
-- customer once known; an opportunity's events carry its lead, so a lead's timeline includes its deal.
-- Times: assignments assigned_at, follow-ups occurred_at, calls started_at, quotes sent_at/feedback_at,
-- commitments created_at/fulfilled_at, stage and status changes when the CRM recorded them (for a record from the
-- CRM's initial snapshot, its stage or status as it stood then, at the snapshot), payments booked_at.
CREATE OR REPLACE VIEW gold.interaction_timeline AS
WITH lead_versions AS (
  SELECT id AS lead_id, customer_id, owner_id, assigned_at, status, _committed_at,
         lag(owner_id) OVER w AS previous_owner, lag(assigned_at) OVER w AS previous_assigned_at,
         lag(status) OVER w AS previous_status
  FROM raw.crm_leads
  WHERE _op NOT IN ('tombstone', 'd')
  WINDOW w AS (PARTITION BY id ORDER BY _committed_at, _lsn, _source_offset)
),
phones AS (
  -- Leads' and reps' numbers as typed, in E.164 as the telephone records have them: digits only, a trunk 0 or
  -- the country code 86 replaced by +86.
  SELECT kind, id, customer_id,
         CASE WHEN d LIKE '0%' THEN '+86' || substr(d, 2) WHEN d LIKE '86%' AND length(d) > 11 THEN '+' || d
              ELSE '+86' || d END AS e164
  FROM (SELECT 'lead' AS kind, id, customer_id, regexp_replace(phone, '[^0-9]', '') AS d FROM crm.leads
        UNION ALL
        SELECT 'rep', id, CAST(NULL AS bigint), regexp_replace(mobile, '[^0-9]', '') FROM crm.users)
  WHERE d <> ''
),
rep_lines AS (
  -- How a rep shows in a call record: the desk extension, or the work mobile.
  SELECT id AS user_id, extension AS line FROM crm.users WHERE extension IS NOT NULL
  UNION ALL
  SELECT id, e164 FROM phones WHERE kind = 'rep'
),
events AS (
  SELECT assigned_at AS event_at, 1 AS step, 'lead_assigned' AS kind, customer_id, lead_id,
         CAST(NULL AS bigint) AS opportunity_id, owner_id AS actor_id, 'lead:' || CAST(lead_id AS varchar) AS record_id,
         '线索分配 Lead assigned' AS summary, CAST(NULL AS varchar) AS discoveries, CAST(NULL AS varchar) AS objection_type,
         CAST(NULL AS varchar) AS strategy_id, CAST(NULL AS decimal(14, 2)) AS amount, CAST(NULL AS varchar) AS status
  FROM lead_versions
  WHERE owner_id IS NOT NULL AND assigned_at IS NOT NULL
    AND (previous_owner IS NULL OR owner_id <> previous_owner OR assigned_at IS DISTINCT FROM previous_assigned_at)
  UNION ALL
  SELECT _committed_at, 4, 'lead_status', customer_id, lead_id, NULL, owner_id, 'lead:' || CAST(lead_id AS varchar),
         '线索状态 Lead status: ' || status, NULL, NULL, NULL, NULL, status
  FROM lead_versions
  WHERE previous_status IS NOT NULL AND status <> previous_status
  UNION ALL
  SELECT c.started_at, 2, 'call', n.customer_id, n.id, NULL, r.user_id, 'call:' || c.call_id,
         '通话 Call ' || c.direction || CASE WHEN c.connected THEN ', ' || CAST(c.billable_seconds AS varchar) || ' s'
                                            ELSE ', 未接通 not connected' END,
         NULL, NULL, NULL, NULL, c.disposition
  FROM raw.calls c
  JOIN phones n ON n.kind = 'lead' AND n.e164 = c.remote_number
  LEFT JOIN rep_lines r ON r.line = coalesce(c.rep_extension, c.rep_number)
  UNION ALL
  SELECT a.occurred_at, 3, 'follow_up', coalesce(a.customer_id, o.customer_id, l.customer_id), coalesce(a.lead_id, o.lead_id),
         a.opportunity_id, a.owner_id, 'activity:' || CAST(a.id AS varchar),
         '跟进 Follow-up (' || a.type || '): ' || coalesce(a.notes, ''), a.discoveries, a.objection_type, a.strategy_id,
         NULL, a.type
  FROM crm.activities a
  LEFT JOIN crm.opportunities o ON o.id = a.opportunity_id
  LEFT JOIN crm.leads l ON l.id = coalesce(a.lead_id, o.lead_id)
  UNION ALL
  SELECT h.valid_from, 5, 'stage_change', h.customer_id, h.lead_id, h.opportunity_id, h.owner_id,
         'opportunity:' || CAST(h.opportunity_id AS varchar), '商机阶段 Stage: ' || h.stage, NULL, NULL, NULL, h.amount, h.stage
  FROM gold.opportunity_stage_history h
  UNION ALL
  SELECT e.at, e.step, e.kind, o.customer_id, o.lead_id, q.opportunity_id, q.owner_id, 'quote:' || CAST(q.id AS varchar),
         e.summary, NULL, NULL, NULL, q.amount, e.status
  FROM crm.quotes q
  JOIN crm.opportunities o ON o.id = q.opportunity_id
  CROSS JOIN UNNEST(
    ARRAY[q.sent_at, q.feedback_at], ARRAY[6, 7], ARRAY['quote_sent', 'quote_feedback'],
    ARRAY['报价 Quote sent ' || CAST(q.amount AS varchar) || ' ' || q.currency, '报价反馈 Quote feedback: ' || q.feedback_type],
    ARRAY[q.status, q.feedback_type]) AS e(at, step, kind, summary, status)
  WHERE e.at IS NOT NULL
  UNION ALL
  SELECT e.at, e.step, e.kind, c.customer_id, o.lead_id, c.opportunity_id, c.owner_id, 'commitment:' || CAST(c.id AS varchar),
         e.summary, NULL, NULL, NULL, NULL, c.status
  FROM crm.commitments c
  LEFT JOIN crm.opportunities o ON o.id = c.opportunity_id
  CROSS JOIN UNNEST(
    ARRAY[c.created_at, c.fulfilled_at], ARRAY[8, 9], ARRAY['commitment_registered', 'commitment_fulfilled'],
    ARRAY['承诺登记 Commitment ' || c.code || ': ' || c.content || ' (due ' || CAST(c.due_at AS varchar) || ')',
          '承诺兑现 Commitment fulfilled ' || c.code]) AS e(at, step, kind, summary)
  WHERE e.at IS NOT NULL
  UNION ALL
  SELECT k.signed_at, 10, 'contract_signed', k.customer_id, o.lead_id, k.opportunity_id, k.owner_id,
         'contract:' || CAST(k.id AS varchar), '签约 Contract signed ' || k.contract_no, NULL, NULL, NULL, k.amount, k.status
  FROM crm.contracts k LEFT JOIN crm.opportunities o ON o.id = k.opportunity_id
  UNION ALL
  SELECT p.booked_at, 11, 'payment', p.customer_id, p.lead_id, p.opportunity_id, p.rep_id,
         'payment:' || p.transaction_key,
         '回款 Payment ' || CAST(p.amount AS varchar) || ' ' || p.currency || coalesce(' (' || p.invoice_no || ')', ''),
         NULL, NULL, NULL, CAST(p.amount AS decimal(14, 2)), p.match_status
  FROM gold.payment_trace p
  WHERE p.customer_id IS NOT NULL
)
SELECT e.event_at, e.step, e.kind, e.customer_id, e.lead_id, e.opportunity_id, e.actor_id, u.name AS actor_name,
       e.record_id, e.summary, e.discoveries, e.objection_type, e.strategy_id, e.amount, e.status
FROM events e
LEFT JOIN crm.users u ON u.id = e.actor_id
