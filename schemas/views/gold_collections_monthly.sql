-- gold.collections_monthly: one row per month (Asia/Shanghai), from the first month with a contract signed, an invoice
-- issued or money booked to the month the data ends in: what was sold, billed and collected, and how fast — the
-- seed's "合同签了 ≠ 钱到了" in numbers.
--   contracted: sum of the amounts of contracts signed in the month (crm.contracts as now, any status);
--   invoiced: sum of invoices issued in the month (crm.invoices with status issued, by issued_at);
--   collected: what bank credits booked in the month settle on invoices now (gold.payment_allocations.amount by
--     booked_at: bank fees written off included, undone allocations count 0);
--   receivables_at_month_end: what issued invoices still owed at the end of the month — the invoices issued before
--     it, less what the credits booked before it settle on them (gold.payment_allocations);
--   DSO (应收账款周转天数) = receivables_at_month_end / invoiced_last_90_days x 90: the days of recent billing still
--     unpaid, with invoiced_last_90_days the amount issued in the 90 days up to the month's end; null without any.
--     The average-daily-sales method, not the count-back: the same 90-day window every month, so months of different
--     lengths and a short history (the first months) do not jump;
--   collected_within_30_days_share (30天内回款占比): of the contracts signed in the month, the share of their amount
--     settled by credits booked no later than 30 days after each contract's signing (a deposit before signing
--     included); window_30_days_closed = every contract of the month was signed at least 30 days before the data
--     ends (until then the share can still grow);
--   collection_cycle_median_days (回款周期中位数): how long the money received in the month took from signing, in days
--     — per payment, i.e. per bank credit and contract it settles (gold.payment_allocations with amount > 0 by
--     booked_at, however many of the contract's invoices the credit covers), the days from the contract's signed_at
--     to the credit's booked_at (a deposit booked before signing counts 0 days); the exact median over the month's
--     payments (the mean of the two middle ones when their number is even), null in a month without any;
--     collection_cycle_payments is their number. Counted by the month the money arrived, not the month of signing:
--     a month's figure is final once the month is over, and contracts still unpaid do not hold it back.
-- For the month the data ends in, "month end" is where the data ends (as_of, not now()): the latest CDC commit on
-- contracts, invoices or receivable steps, or the latest booked bank transaction, whichever is later. Amounts are
-- added up as they are: the company invoices in one currency (CNY).
CREATE OR REPLACE VIEW gold.collections_monthly AS
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
invoices AS (
  SELECT id, amount, issued_at FROM crm.invoices WHERE status = 'issued' AND issued_at IS NOT NULL
),
facts AS (
  -- Every amount the months add up, at the time it counts: one scan of each source feeds every column.
  SELECT 'contract' AS kind, signed_at AS at, amount FROM crm.contracts
  UNION ALL
  SELECT 'invoice', issued_at, amount FROM invoices
  UNION ALL
  SELECT 'collected', booked_at, amount FROM gold.payment_allocations
  UNION ALL
  -- Money settles a receivable once both are true: the credit booked and the invoice issued.
  SELECT 'settled', greatest(a.booked_at, i.issued_at), a.amount
  FROM gold.payment_allocations a JOIN invoices i ON i.id = a.invoice_id
  UNION ALL
  -- Counted in the month of the contract's signing.
  SELECT 'collected_within_30_days', k.signed_at, a.amount
  FROM crm.contracts k JOIN gold.payment_allocations a ON a.contract_id = k.id AND a.booked_at <= k.signed_at + INTERVAL '30' DAY
),
cycles AS (
  -- One row per month: the sorted collection cycles (days) of the payments received in it.
  SELECT month, array_sort(array_agg(days)) AS days
  FROM (
    SELECT CAST(date_trunc('month', p.booked_at AT TIME ZONE 'Asia/Shanghai') AS date) AS month,
           greatest(0e0, date_diff('millisecond', k.signed_at, p.booked_at) / 86400000e0) AS days
    FROM (SELECT DISTINCT account_id, transaction_key, contract_id, booked_at
          FROM gold.payment_allocations WHERE amount > 0) p
    JOIN crm.contracts k ON k.id = p.contract_id
    WHERE k.signed_at IS NOT NULL
  )
  GROUP BY month
),
monthly_facts AS (
  SELECT kind, at, amount, CAST(date_trunc('month', at AT TIME ZONE 'Asia/Shanghai') AS date) AS month FROM facts
),
months AS (
  SELECT t.month, with_timezone(CAST(t.month + INTERVAL '1' MONTH AS timestamp), 'Asia/Shanghai') AS next_month_start,
         least(with_timezone(CAST(t.month + INTERVAL '1' MONTH AS timestamp), 'Asia/Shanghai'), r.as_of) AS month_end,
         r.as_of
  FROM (SELECT min(month) AS first_month, max(as_of) AS as_of FROM monthly_facts CROSS JOIN data_end) r
  CROSS JOIN UNNEST(sequence(r.first_month, CAST(date_trunc('month', r.as_of AT TIME ZONE 'Asia/Shanghai') AS date),
                             INTERVAL '1' MONTH)) AS t(month)
),
totals AS (
  SELECT m.month, m.month_end, m.as_of,
         count(f.kind) FILTER (WHERE f.kind = 'contract' AND f.month = m.month) AS contracts_signed,
         max(f.at) FILTER (WHERE f.kind = 'contract' AND f.month = m.month) AS last_signed_at,
         sum(f.amount) FILTER (WHERE f.kind = 'contract' AND f.month = m.month) AS contracted,
         sum(f.amount) FILTER (WHERE f.kind = 'invoice' AND f.month = m.month) AS invoiced,
         sum(f.amount) FILTER (WHERE f.kind = 'collected' AND f.month = m.month) AS collected,
         sum(f.amount) FILTER (WHERE f.kind = 'invoice') AS invoiced_to_date,
         sum(f.amount) FILTER (WHERE f.kind = 'settled') AS settled_to_date,
         sum(f.amount) FILTER (WHERE f.kind = 'invoice' AND f.at >= m.month_end - INTERVAL '90' DAY) AS invoiced_last_90_days,
         sum(f.amount) FILTER (WHERE f.kind = 'collected_within_30_days' AND f.month = m.month) AS collected_within_30_days
  FROM months m
  -- Everything up to the month's end; the month's own amounts are filtered by month above.
  LEFT JOIN monthly_facts f ON f.at < m.next_month_start
  GROUP BY m.month, m.month_end, m.as_of
)
SELECT month, month_end, contracts_signed,
       coalesce(contracted, 0) AS contracted,
       coalesce(invoiced, 0) AS invoiced,
       coalesce(collected, 0) AS collected,
       coalesce(invoiced_to_date, 0) - coalesce(settled_to_date, 0) AS receivables_at_month_end,
       coalesce(invoiced_last_90_days, 0) AS invoiced_last_90_days,
       CAST(coalesce(invoiced_to_date, 0) - coalesce(settled_to_date, 0) AS double)
         / CAST(nullif(invoiced_last_90_days, 0) AS double) * 90 AS dso_days,
       coalesce(collected_within_30_days, 0) AS collected_within_30_days,
       CAST(coalesce(collected_within_30_days, 0) AS double) / CAST(nullif(contracted, 0) AS double)
         AS collected_within_30_days_share,
       last_signed_at IS NULL OR last_signed_at + INTERVAL '30' DAY <= as_of AS window_30_days_closed,
       coalesce(cardinality(c.days), 0) AS collection_cycle_payments,
       (element_at(c.days, (cardinality(c.days) + 1) / 2) + element_at(c.days, cardinality(c.days) / 2 + 1)) / 2
         AS collection_cycle_median_days
FROM totals t
LEFT JOIN cycles c USING (month)
