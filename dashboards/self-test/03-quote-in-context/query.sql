-- Each quote sent in the last 30 days, beside what the customer bought before and the contract they are in.
WITH settings AS (
  SELECT 12 AS term_months  -- contracts carry no end date: the assumed term from signing
),
recent AS (
  SELECT q.id AS quote_id, q.sent_at, q.amount, q.currency, q.status, q.feedback_type, q.opportunity_id,
         o.customer_id, q.owner_id
  FROM crm.quotes q
  JOIN crm.opportunities o ON o.id = q.opportunity_id
  WHERE q.sent_at IS NOT NULL
    AND q.sent_at > (SELECT max(sent_at) FROM crm.quotes) - INTERVAL '30' DAY
),
history AS (
  SELECT r.quote_id, k.id AS contract_id, k.contract_no, k.amount, k.signed_at, k.status, k.expected_payment_date,
         k.payment_obstacles, k.commission_rate,
         row_number() OVER (PARTITION BY r.quote_id ORDER BY k.signed_at DESC, k.id DESC) AS recency,
         count(*) OVER (PARTITION BY r.quote_id) AS contracts,
         avg(k.amount) OVER (PARTITION BY r.quote_id) AS average_amount
  FROM recent r
  JOIN crm.contracts k ON k.customer_id = r.customer_id AND k.signed_at < r.sent_at AND k.opportunity_id <> r.opportunity_id
)
SELECT r.quote_id, r.sent_at, c.name AS customer, u.name AS rep, r.amount AS quote_amount, r.currency, r.status,
       coalesce(h.contracts, 0) AS past_contracts,
       h.amount AS last_contract_amount,
       round(h.average_amount, 2) AS average_contract_amount,
       round(CAST(r.amount AS double) / CAST(h.amount AS double) - 1, 3) AS vs_last_price,
       h.contract_no AS last_contract, h.status AS last_contract_status, h.signed_at AS last_signed_at,
       h.expected_payment_date, h.payment_obstacles, h.commission_rate,
       CASE WHEN h.contract_id IS NOT NULL THEN
         greatest(0, date_diff('day', r.sent_at, date_add('month', s.term_months, h.signed_at))) END AS remaining_term_days
FROM recent r
CROSS JOIN settings s
JOIN crm.customers c ON c.id = r.customer_id
LEFT JOIN crm.users u ON u.id = r.owner_id
LEFT JOIN history h ON h.quote_id = r.quote_id AND h.recency = 1
ORDER BY past_contracts DESC, r.sent_at DESC;
