-- Per channel: what its leads brought (contracted, collected) against the effort they took (leads, follow-ups).
WITH leads AS (
  SELECT id AS lead_id, channel FROM crm.leads
),
effort AS (
  SELECT l.channel, count(DISTINCT l.lead_id) AS leads, count(a.id) AS follow_ups
  FROM leads l
  LEFT JOIN crm.activities a ON a.lead_id = l.lead_id
  GROUP BY l.channel
),
deals AS (
  SELECT l.channel, count(DISTINCT c.id) AS contracts, sum(c.amount) AS contracted
  FROM leads l
  JOIN crm.opportunities o ON o.lead_id = l.lead_id
  JOIN crm.contracts c ON c.opportunity_id = o.id
  GROUP BY l.channel
),
booked AS (
  SELECT l.channel, sum(i.amount) AS invoiced_and_booked
  FROM leads l
  JOIN crm.opportunities o ON o.lead_id = l.lead_id
  JOIN crm.contracts c ON c.opportunity_id = o.id
  JOIN crm.invoices i ON i.contract_id = c.id
  WHERE c.id IN (SELECT contract_id FROM crm.receivable_steps WHERE step = 'finance_booked' AND completed_at IS NOT NULL)
  GROUP BY l.channel
)
SELECT e.channel, e.leads, e.follow_ups, coalesce(d.contracts, 0) AS contracts,
       coalesce(d.contracted, 0) AS contracted_cny, coalesce(b.invoiced_and_booked, 0) AS collected_cny,
       round(100.0 * coalesce(d.contracts, 0) / e.leads, 1) AS lead_to_contract_pct,
       round(coalesce(d.contracted, 0) / e.leads) AS contracted_per_lead_cny,
       round(coalesce(d.contracted, 0) / nullif(e.follow_ups, 0)) AS contracted_per_follow_up_cny,
       round(coalesce(b.invoiced_and_booked, 0) / nullif(e.follow_ups, 0)) AS collected_per_follow_up_cny
FROM effort e
LEFT JOIN deals d ON d.channel = e.channel
LEFT JOIN booked b ON b.channel = e.channel
ORDER BY collected_per_follow_up_cny DESC;
