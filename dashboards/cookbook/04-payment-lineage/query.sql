-- 1. The payment to trace: the latest customer credit payment matching applied to an invoice (by the engine or
--    confirmed by finance), with the rule that found the invoice.
SELECT m.account_id, m.transaction_key, m.booked_at, m.amount, m.payer_name, m.remittance,
       m.status AS match_status, m.rule AS match_rule
FROM gold.payment_matches m
WHERE m.amount > 0 AND m.status IN ('auto_matched', 'confirmed')
  AND EXISTS (SELECT 1 FROM gold.payment_allocations a
              WHERE a.account_id = m.account_id AND a.transaction_key = m.transaction_key AND a.amount > 0)
ORDER BY m.booked_at DESC, m.transaction_key
LIMIT 1;

-- 2. Its lineage: each invoice the credit settles (gold.payment_allocations, the matching engine's link), its
--    contract, opportunity, lead, channel, the rep who owns the contract, the team and the follow-ups.
WITH chain AS (
  SELECT a.transaction_key, a.booked_at, a.amount AS applied_amount, a.invoice_no, c.contract_no, c.signed_at,
         o.id AS opportunity_id, o.stage, o.lead_id, c.owner_id
  FROM gold.payment_allocations a
  JOIN crm.contracts c ON c.id = a.contract_id
  JOIN crm.opportunities o ON o.id = c.opportunity_id
  WHERE a.account_id = '{{account_id}}' AND a.transaction_key = '{{transaction_key}}' AND a.amount > 0
),
follow_ups AS (
  SELECT a.opportunity_id AS via_opportunity, NULL AS via_lead, a.occurred_at, a.type, a.notes
  FROM crm.activities a WHERE a.opportunity_id IN (SELECT opportunity_id FROM chain)
  UNION ALL
  SELECT NULL, a.lead_id, a.occurred_at, a.type, a.notes
  FROM crm.activities a WHERE a.opportunity_id IS NULL AND a.lead_id IN (SELECT lead_id FROM chain)
)
SELECT ch.transaction_key, ch.booked_at, ch.applied_amount, ch.invoice_no, ch.contract_no, ch.signed_at,
       ch.opportunity_id, ch.stage, ch.lead_id, l.channel, u.name AS rep, t.name AS team,
       f.occurred_at AS follow_up_at, f.type AS follow_up_type, substr(f.notes, 1, 40) AS follow_up_notes
FROM chain ch
LEFT JOIN crm.leads l ON l.id = ch.lead_id
LEFT JOIN crm.users u ON u.id = ch.owner_id
LEFT JOIN crm.teams t ON t.id = u.team_id
LEFT JOIN follow_ups f ON f.via_opportunity = ch.opportunity_id OR f.via_lead = ch.lead_id
ORDER BY ch.invoice_no, f.occurred_at;
