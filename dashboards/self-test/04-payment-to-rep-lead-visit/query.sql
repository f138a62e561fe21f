-- 1. The payment finance just received: the latest customer payment.
SELECT transaction_key, booked_at, amount, payer
FROM gold.payment_trace
ORDER BY booked_at DESC, transaction_key
LIMIT 1;

-- 2. Who, which lead and which visit won it.
SELECT transaction_key, booked_at, amount, payer, match_status, match_rule, invoice_no, contract_no, signed_at, customer_name,
       rep_name, lead_id, channel, opportunity_id, visit_type, visit_at, substr(visit_notes, 1, 40) AS visit_notes
FROM gold.payment_trace
WHERE transaction_key = '{{transaction_key}}';

-- 3. The same trace for every credit: how far each one reaches.
SELECT count(DISTINCT transaction_key) AS credits,
       count(DISTINCT transaction_key) FILTER (WHERE rep_id IS NOT NULL) AS traced_to_rep,
       count(DISTINCT transaction_key) FILTER (WHERE lead_id IS NOT NULL) AS traced_to_lead,
       count(DISTINCT transaction_key) FILTER (WHERE visit_id IS NOT NULL) AS traced_to_visit,
       count(DISTINCT transaction_key) FILTER (WHERE contract_id IS NULL) AS untraced
FROM gold.payment_trace;
