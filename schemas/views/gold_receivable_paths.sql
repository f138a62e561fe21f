-- gold.receivable_paths: one row per contract (as crm.contracts has it now): its receivable path (回款路径) from signing
-- through 合同归档 contract_archived -> 发票寄出 invoice_sent -> 客户签收 customer_signed -> 财务入账 finance_booked — the
-- seed's rule that "contract signed" is not "money in": each step's completion time (crm.receivable_steps.completed_at),
-- whether it carries evidence (evidence_ref not blank: courier number, sign-off screenshot, voucher), and the hours
-- spent in it (from the previous step's completion, the first step from signing; null until both are known).
-- The step it waits at now is the first step not completed, waiting since the previous step's completion (or signing);
-- a completed or terminated contract waits for nothing (as the receivable_step_dwell alert rule has it). stuck = it has
-- waited more than the rule's 48 hours; waiting_alert_status = the open or escalated receivable_step_dwell alert on
-- that step row, if any (the alert measures silence from the last action on the path, so the two can differ).
-- Payment-path completeness (回款路径图 within 24 h of signing): finance contact (name, and phone or e-mail), expected
-- payment date and obstacles must be filled by signed_at + 24 h. When each was first filled is read from the change
-- history raw.crm_contracts: the first version in which it is not null (nor blank), stamped with its commit time — or,
-- for a row read in the initial snapshot, with its updated_at (the row had been as read since then at the latest).
-- A field is in time (true) when first filled by the deadline; late (false) when filled after it or not filled by it
-- once the deadline has passed; unknown (null) while the deadline is still ahead, or when it was first seen in the
-- snapshot with an updated_at after the deadline (filled some time before: the history does not say when).
-- payment_path_within_24h is the three fields' AND (false if any is false, null if any is unknown).
-- "Now" (as_of) is where the data ends, not now(): the latest CDC commit on contracts, invoices or receivable steps, or
-- the latest booked bank transaction, whichever is later.
CREATE OR REPLACE VIEW gold.receivable_paths AS
WITH data_end AS (
  SELECT max(t) AT TIME ZONE 'Asia/Shanghai' AS as_of
  FROM (
    -- A tombstone is no change: its time is the Kafka record's, not the commit's.
    SELECT max(_committed_at) AS t FROM raw.crm_contracts WHERE _op <> 'tombstone'
    UNION ALL SELECT max(_committed_at) FROM raw.crm_invoices WHERE _op <> 'tombstone'
    UNION ALL SELECT max(_committed_at) FROM raw.crm_receivable_steps WHERE _op <> 'tombstone'
    UNION ALL SELECT max(booked_at) FROM raw.bank_transactions WHERE status = 'BOOK'
  )
),
steps AS (
  -- One row per contract; a step with more than one row counts its earliest completion and any evidence.
  SELECT contract_id,
         min(completed_at) FILTER (WHERE step = 'contract_archived') AS contract_archived_at,
         min(completed_at) FILTER (WHERE step = 'invoice_sent') AS invoice_sent_at,
         min(completed_at) FILTER (WHERE step = 'customer_signed') AS customer_signed_at,
         min(completed_at) FILTER (WHERE step = 'finance_booked') AS finance_booked_at,
         coalesce(bool_or(length(trim(evidence_ref)) > 0) FILTER (WHERE step = 'contract_archived'), false) AS contract_archived_evidence,
         coalesce(bool_or(length(trim(evidence_ref)) > 0) FILTER (WHERE step = 'invoice_sent'), false) AS invoice_sent_evidence,
         coalesce(bool_or(length(trim(evidence_ref)) > 0) FILTER (WHERE step = 'customer_signed'), false) AS customer_signed_evidence,
         coalesce(bool_or(length(trim(evidence_ref)) > 0) FILTER (WHERE step = 'finance_booked'), false) AS finance_booked_evidence
  FROM crm.receivable_steps
  GROUP BY contract_id
),
step_alerts AS (
  SELECT r.contract_id, r.step,
         CASE WHEN bool_or(a.status = 'escalated') THEN 'escalated' ELSE 'open' END AS alert_status
  FROM crm.receivable_steps r
  JOIN gold.alerts a ON a.rule = 'receivable_step_dwell' AND a.subject_type = 'receivable_step' AND a.subject_id = r.id
  WHERE a.status IN ('open', 'escalated')
  GROUP BY r.contract_id, r.step
),
contract_versions AS (
  SELECT id AS contract_id, _op = 'r' AS from_snapshot,
         IF(_op = 'r', least(updated_at, _committed_at), _committed_at) AS known_at,
         length(trim(finance_contact_name)) > 0
           AND (length(trim(finance_contact_phone)) > 0 OR length(trim(finance_contact_email)) > 0) AS has_contact,
         expected_payment_date IS NOT NULL AS has_expected_date,
         length(trim(payment_obstacles)) > 0 AS has_obstacles
  FROM raw.crm_contracts
  WHERE _op IN ('c', 'u', 'r')
),
filled AS (
  SELECT contract_id,
         min(known_at) FILTER (WHERE has_contact) AS finance_contact_filled_at,
         min_by(from_snapshot, known_at) FILTER (WHERE has_contact) AS finance_contact_from_snapshot,
         min(known_at) FILTER (WHERE has_expected_date) AS expected_payment_date_filled_at,
         min_by(from_snapshot, known_at) FILTER (WHERE has_expected_date) AS expected_payment_date_from_snapshot,
         min(known_at) FILTER (WHERE has_obstacles) AS payment_obstacles_filled_at,
         min_by(from_snapshot, known_at) FILTER (WHERE has_obstacles) AS payment_obstacles_from_snapshot
  FROM contract_versions
  GROUP BY contract_id
),
paths AS (
  SELECT k.id AS contract_id, k.contract_no, k.customer_id, k.owner_id, k.status AS contract_status, k.amount, k.currency,
         k.signed_at, k.signed_at + INTERVAL '24' HOUR AS payment_path_due_at, d.as_of,
         s.contract_archived_at, s.invoice_sent_at, s.customer_signed_at, s.finance_booked_at,
         coalesce(s.contract_archived_evidence, false) AS contract_archived_evidence,
         coalesce(s.invoice_sent_evidence, false) AS invoice_sent_evidence,
         coalesce(s.customer_signed_evidence, false) AS customer_signed_evidence,
         coalesce(s.finance_booked_evidence, false) AS finance_booked_evidence,
         CASE WHEN k.status IN ('completed', 'terminated') THEN NULL
              WHEN s.contract_archived_at IS NULL THEN 'contract_archived'
              WHEN s.invoice_sent_at IS NULL THEN 'invoice_sent'
              WHEN s.customer_signed_at IS NULL THEN 'customer_signed'
              WHEN s.finance_booked_at IS NULL THEN 'finance_booked' END AS waiting_step,
         f.finance_contact_filled_at, f.finance_contact_from_snapshot,
         f.expected_payment_date_filled_at, f.expected_payment_date_from_snapshot,
         f.payment_obstacles_filled_at, f.payment_obstacles_from_snapshot
  FROM crm.contracts k
  CROSS JOIN data_end d
  LEFT JOIN steps s ON s.contract_id = k.id
  LEFT JOIN filled f ON f.contract_id = k.id
),
timed AS (
  SELECT p.*,
         CASE p.waiting_step WHEN 'contract_archived' THEN p.signed_at WHEN 'invoice_sent' THEN p.contract_archived_at
              WHEN 'customer_signed' THEN p.invoice_sent_at WHEN 'finance_booked' THEN p.customer_signed_at END AS waiting_since,
         -- In time, late, or not known (yet): see the header.
         CASE WHEN p.finance_contact_filled_at <= p.payment_path_due_at THEN true
              WHEN p.finance_contact_filled_at IS NOT NULL AND p.finance_contact_from_snapshot THEN NULL
              WHEN p.finance_contact_filled_at IS NULL AND p.as_of < p.payment_path_due_at THEN NULL
              ELSE false END AS finance_contact_within_24h,
         CASE WHEN p.expected_payment_date_filled_at <= p.payment_path_due_at THEN true
              WHEN p.expected_payment_date_filled_at IS NOT NULL AND p.expected_payment_date_from_snapshot THEN NULL
              WHEN p.expected_payment_date_filled_at IS NULL AND p.as_of < p.payment_path_due_at THEN NULL
              ELSE false END AS expected_payment_date_within_24h,
         CASE WHEN p.payment_obstacles_filled_at <= p.payment_path_due_at THEN true
              WHEN p.payment_obstacles_filled_at IS NOT NULL AND p.payment_obstacles_from_snapshot THEN NULL
              WHEN p.payment_obstacles_filled_at IS NULL AND p.as_of < p.payment_path_due_at THEN NULL
              ELSE false END AS payment_obstacles_within_24h
  FROM paths p
)
SELECT t.contract_id, t.contract_no, t.customer_id, cu.name AS customer_name, t.owner_id, u.name AS owner_name, u.team_id,
       t.contract_status, t.amount, t.currency, t.signed_at,
       t.contract_archived_at, t.contract_archived_evidence,
       date_diff('millisecond', t.signed_at, t.contract_archived_at) / 3600000e0 AS contract_archived_hours,
       t.invoice_sent_at, t.invoice_sent_evidence,
       date_diff('millisecond', t.contract_archived_at, t.invoice_sent_at) / 3600000e0 AS invoice_sent_hours,
       t.customer_signed_at, t.customer_signed_evidence,
       date_diff('millisecond', t.invoice_sent_at, t.customer_signed_at) / 3600000e0 AS customer_signed_hours,
       t.finance_booked_at, t.finance_booked_evidence,
       date_diff('millisecond', t.customer_signed_at, t.finance_booked_at) / 3600000e0 AS finance_booked_hours,
       IF(t.contract_archived_at IS NULL, 0, 1) + IF(t.invoice_sent_at IS NULL, 0, 1)
         + IF(t.customer_signed_at IS NULL, 0, 1) + IF(t.finance_booked_at IS NULL, 0, 1) AS steps_completed,
       IF(t.contract_archived_at IS NOT NULL AND NOT t.contract_archived_evidence, 1, 0)
         + IF(t.invoice_sent_at IS NOT NULL AND NOT t.invoice_sent_evidence, 1, 0)
         + IF(t.customer_signed_at IS NOT NULL AND NOT t.customer_signed_evidence, 1, 0)
         + IF(t.finance_booked_at IS NOT NULL AND NOT t.finance_booked_evidence, 1, 0) AS steps_without_evidence,
       t.waiting_step,
       CASE t.waiting_step WHEN 'contract_archived' THEN '1 合同归档 contract archived'
                           WHEN 'invoice_sent' THEN '2 发票寄出 invoice sent'
                           WHEN 'customer_signed' THEN '3 客户签收 customer signed'
                           WHEN 'finance_booked' THEN '4 财务入账 finance booked' END AS waiting_step_label,
       t.waiting_since,
       date_diff('millisecond', t.waiting_since, t.as_of) / 3600000e0 AS waiting_hours,
       date_diff('millisecond', t.waiting_since, t.as_of) / 86400000e0 AS waiting_days,
       t.waiting_step IS NOT NULL AND date_diff('millisecond', t.waiting_since, t.as_of) > 48 * 3600000 AS stuck,
       a.alert_status AS waiting_alert_status,
       t.payment_path_due_at, t.finance_contact_filled_at, t.expected_payment_date_filled_at, t.payment_obstacles_filled_at,
       t.finance_contact_within_24h, t.expected_payment_date_within_24h, t.payment_obstacles_within_24h,
       t.finance_contact_within_24h AND t.expected_payment_date_within_24h AND t.payment_obstacles_within_24h
         AS payment_path_within_24h,
       t.as_of
FROM timed t
LEFT JOIN step_alerts a ON a.contract_id = t.contract_id AND a.step = t.waiting_step
LEFT JOIN crm.customers cu ON cu.id = t.customer_id
LEFT JOIN crm.users u ON u.id = t.owner_id
