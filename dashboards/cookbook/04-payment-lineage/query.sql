-- 1. The payment to trace: the latest credit that quotes an invoice number, and that number.
SELECT transaction_key, booked_at, amount, counterparty_name, remittance_unstructured,
       coalesce(regexp_extract(remittance_unstructured, 'INV-\d{4}-\d+'), element_at(referred_documents, 1)) AS invoice_no
FROM raw.bank_transactions
WHERE amount > 0 AND (regexp_like(remittance_unstructured, 'INV-\d{4}-\d+') OR cardinality(referred_documents) > 0)
ORDER BY booked_at DESC
LIMIT 1;

-- 2. Its lineage: invoice, contract, opportunity, lead, channel, rep, team and follow-ups.
WITH payment AS (
  SELECT transaction_key, booked_at, amount
  FROM raw.bank_transactions
  WHERE transaction_key = '{{transaction_key}}'
),
chain AS (
  SELECT p.transaction_key, p.booked_at, p.amount, i.invoice_no, c.contract_no, c.signed_at,
         o.id AS opportunity_id, o.stage, o.lead_id, o.owner_id
  FROM payment p
  JOIN crm.invoices i ON i.invoice_no = '{{invoice_no}}'
  JOIN crm.contracts c ON c.id = i.contract_id
  JOIN crm.opportunities o ON o.id = c.opportunity_id
),
follow_ups AS (
  SELECT a.opportunity_id AS via_opportunity, NULL AS via_lead, a.occurred_at, a.type, a.notes
  FROM crm.activities a WHERE a.opportunity_id IN (SELECT opportunity_id FROM chain)
  UNION ALL
  SELECT NULL, a.lead_id, a.occurred_at, a.type, a.notes
  FROM crm.activities a WHERE a.opportunity_id IS NULL AND a.lead_id IN (SELECT lead_id FROM chain)
)
SELECT ch.transaction_key, ch.booked_at, ch.amount, ch.invoice_no, ch.contract_no, ch.signed_at, ch.opportunity_id,
       ch.stage, ch.lead_id, l.channel, u.name AS rep, t.name AS team,
       f.occurred_at AS follow_up_at, f.type AS follow_up_type, substr(f.notes, 1, 40) AS follow_up_notes
FROM chain ch
LEFT JOIN crm.leads l ON l.id = ch.lead_id
LEFT JOIN crm.users u ON u.id = ch.owner_id
LEFT JOIN crm.teams t ON t.id = u.team_id
LEFT JOIN follow_ups f ON f.via_opportunity = ch.opportunity_id OR f.via_lead = ch.lead_id
ORDER BY f.occurred_at;
