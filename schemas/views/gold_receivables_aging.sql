-- gold.receivables_aging: one row per open invoice (应收账龄) — issued in the CRM (crm.invoices) and with money still to
-- pay according to payment matching (gold.invoice_balances status open or partially_paid, open_amount > 0): what is
-- open, and how long past its due date it is as of the end of the data, in the buckets finance chases by: not due,
-- 1-30, 31-60, 61-90 and over 90 days past due. Days past due = the day the data ends (Asia/Shanghai) minus the due
-- date (crm.invoices.due_date; an invoice without one is due on the day it was issued), 0 when not yet due.
-- "Now" (as_of) is where the data ends, not now(): the latest CDC commit on contracts, invoices or receivable steps, or
-- the latest booked bank transaction, whichever is later. Amounts are in the invoice's currency.
CREATE OR REPLACE VIEW gold.receivables_aging AS
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
open_invoices AS (
  SELECT b.invoice_id, b.invoice_no, b.contract_id, b.customer_id, b.currency, b.amount, b.applied_amount,
         b.open_amount, b.status AS balance_status, b.payments, b.last_payment_at, i.issued_at, i.due_date,
         coalesce(i.due_date, CAST(i.issued_at AT TIME ZONE 'Asia/Shanghai' AS date)) AS due_on,
         d.as_of, CAST(d.as_of AT TIME ZONE 'Asia/Shanghai' AS date) AS as_of_day
  FROM gold.invoice_balances b
  JOIN crm.invoices i ON i.id = b.invoice_id
  CROSS JOIN data_end d
  WHERE i.status = 'issued' AND b.status IN ('open', 'partially_paid') AND b.open_amount > 0
),
aged AS (
  SELECT o.*, greatest(coalesce(date_diff('day', o.due_on, o.as_of_day), 0), 0) AS days_past_due
  FROM open_invoices o
)
SELECT a.invoice_id, a.invoice_no, a.contract_id, k.contract_no, a.customer_id, cu.name AS customer_name,
       k.owner_id, u.name AS owner_name, u.team_id, a.currency, a.amount, a.applied_amount, a.open_amount,
       a.balance_status, a.payments, a.issued_at, a.due_date, a.last_payment_at, a.days_past_due,
       CASE WHEN a.days_past_due = 0 THEN '1 未到期 not due'
            WHEN a.days_past_due <= 30 THEN '2 逾期1-30天 1-30 days'
            WHEN a.days_past_due <= 60 THEN '3 逾期31-60天 31-60 days'
            WHEN a.days_past_due <= 90 THEN '4 逾期61-90天 61-90 days'
            ELSE '5 逾期90天以上 over 90 days' END AS aging_bucket,
       a.as_of, a.as_of_day
FROM aged a
LEFT JOIN crm.contracts k ON k.id = a.contract_id
LEFT JOIN crm.customers cu ON cu.id = a.customer_id
LEFT JOIN crm.users u ON u.id = k.owner_id
