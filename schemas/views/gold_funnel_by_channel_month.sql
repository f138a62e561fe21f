-- gold.funnel_by_channel_month: one row per channel and month of the lead's arrival (Asia/Shanghai): how many of
-- those leads reached each step, and the conversion from each step to the next.
CREATE OR REPLACE VIEW gold.funnel_by_channel_month AS
WITH cohort AS (
  SELECT lead_id, channel, date_trunc('month', reached_at AT TIME ZONE 'Asia/Shanghai') AS month
  FROM gold.funnel_steps WHERE step = 'lead'
),
reached AS (
  SELECT c.channel, CAST(c.month AS date) AS month,
         count(DISTINCT c.lead_id) AS leads,
         count(DISTINCT CASE WHEN s.step = 'valid_lead' THEN s.lead_id END) AS valid_leads,
         count(DISTINCT CASE WHEN s.step = 'opportunity' THEN s.lead_id END) AS opportunities,
         count(DISTINCT CASE WHEN s.step = 'quote' THEN s.lead_id END) AS quotes,
         count(DISTINCT CASE WHEN s.step = 'contract' THEN s.lead_id END) AS contracts,
         count(DISTINCT CASE WHEN s.step = 'first_payment' THEN s.lead_id END) AS first_payments
  FROM cohort c LEFT JOIN gold.funnel_steps s ON s.lead_id = c.lead_id
  GROUP BY c.channel, CAST(c.month AS date)
)
SELECT channel, month, leads, valid_leads, opportunities, quotes, contracts, first_payments,
       round(CAST(valid_leads AS double) / nullif(leads, 0), 3) AS valid_rate,
       round(CAST(opportunities AS double) / nullif(valid_leads, 0), 3) AS opportunity_rate,
       round(CAST(quotes AS double) / nullif(opportunities, 0), 3) AS quote_rate,
       round(CAST(contracts AS double) / nullif(quotes, 0), 3) AS contract_rate,
       round(CAST(first_payments AS double) / nullif(contracts, 0), 3) AS payment_rate
FROM reached
