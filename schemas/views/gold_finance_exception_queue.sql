-- gold.finance_exception_queue: one row per incoming bank credit that needs a person (异常队列) — payment matching left it
-- suggested (a proposal waiting for finance to confirm or reject) or unmatched (no customer or invoice found), with a
-- positive amount (gold.payment_matches as it stands now): when it was booked and how long it has waited since, as of
-- the end of the data; who paid and what they wrote; the rule, confidence and explanation (Chinese / English) of the
-- matching engine; the invoices it suggests (numbers in its order, and what is still open on them now). A credit
-- leaves the queue when finance decides (status confirmed) or a later match or return changes it.
-- "Now" (as_of) is where the data ends, not now(): the latest CDC commit on contracts, invoices or receivable steps, or
-- the latest booked bank transaction, whichever is later.
CREATE OR REPLACE VIEW gold.finance_exception_queue AS
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
queue AS (
  SELECT * FROM gold.payment_matches WHERE status IN ('suggested', 'unmatched') AND amount > 0
),
suggested_open AS (
  -- Each suggested invoice once, even if the engine listed it twice.
  SELECT account_id, transaction_key, sum(b.open_amount) AS suggested_open_amount
  FROM (SELECT DISTINCT q.account_id, q.transaction_key, s.invoice_id
        FROM queue q CROSS JOIN UNNEST(q.suggested_invoice_ids) AS s(invoice_id)) x
  JOIN gold.invoice_balances b ON b.invoice_id = x.invoice_id
  GROUP BY account_id, transaction_key
)
SELECT q.account_id, q.transaction_key, q.bank_reference, q.booked_at, q.amount, q.currency, q.payer_name, q.payer_account,
       q.remittance, q.status,
       CASE q.status WHEN 'suggested' THEN '建议待确认 suggested' ELSE '未匹配 unmatched' END AS status_label,
       q.rule, q.amount_fit, q.confidence, q.explanation, q.customer_id, cu.name AS customer_name,
       coalesce(cardinality(q.suggested_invoice_ids), 0) AS suggested_invoice_count,
       array_join(q.suggested_invoice_nos, ', ') AS suggested_invoices,
       so.suggested_open_amount,
       date_diff('millisecond', q.booked_at, d.as_of) / 3600000e0 AS age_hours,
       date_diff('millisecond', q.booked_at, d.as_of) / 86400000 AS age_days,
       d.as_of
FROM queue q
CROSS JOIN data_end d
LEFT JOIN suggested_open so ON so.account_id = q.account_id AND so.transaction_key = q.transaction_key
LEFT JOIN crm.customers cu ON cu.id = q.customer_id
