-- gold.payment_trace: one row per customer payment received and contract it pays (回款溯源): the invoice and
-- contract, the opportunity and its lead with the channel it came from, the rep who owns the contract, and the
-- follow-ups that won it — the last visit or meeting (拜访) before the contract was signed, and the last follow-up
-- of any kind. Which invoices a credit pays is payment matching's answer (gold.payment_allocations, applied by the
-- engine or confirmed by finance); a credit matching has not applied (suggested, unmatched) has one row with the
-- trace empty and its match status saying why. Duplicates, returns and the bank's own postings are left out.
CREATE OR REPLACE VIEW gold.payment_trace AS
WITH credits AS (
  SELECT account_id, transaction_key, bank_reference, booked_at, amount, currency, payer_name AS payer,
         status AS match_status, rule AS match_rule, customer_id
  FROM gold.payment_matches
  WHERE status IN ('auto_matched', 'confirmed', 'suggested', 'unmatched') AND amount > 0
),
won_by AS (
  -- Per contract, the follow-ups before signing on its opportunity or on the opportunity's lead: the last visit or
  -- meeting, and the last of any kind.
  SELECT k.id AS contract_id,
         element_at(array_agg(CAST(ROW(a.id, a.type, a.occurred_at, a.notes)
                                   AS ROW(id bigint, type varchar, at timestamp(6) with time zone, notes varchar))
                              ORDER BY a.occurred_at DESC, a.id DESC) FILTER (WHERE a.type IN ('visit', 'meeting')), 1) AS visit,
         element_at(array_agg(CAST(ROW(a.id, a.type, a.occurred_at)
                                   AS ROW(id bigint, type varchar, at timestamp(6) with time zone))
                              ORDER BY a.occurred_at DESC, a.id DESC), 1) AS last_follow_up
  FROM crm.contracts k
  JOIN crm.opportunities o ON o.id = k.opportunity_id
  JOIN crm.activities a ON (a.opportunity_id = o.id OR (o.lead_id IS NOT NULL AND a.lead_id = o.lead_id))
  WHERE a.occurred_at <= k.signed_at
  GROUP BY k.id
)
SELECT c.transaction_key, c.bank_reference, c.booked_at, c.amount, c.currency, c.payer, c.match_status, c.match_rule,
       p.amount AS applied_amount, p.invoice_id, p.invoice_no, k.id AS contract_id, k.contract_no, k.signed_at,
       coalesce(k.customer_id, c.customer_id) AS customer_id, cu.name AS customer_name,
       o.id AS opportunity_id, o.lead_id, l.channel,
       k.owner_id AS rep_id, u.name AS rep_name, u.team_id,
       w.visit.id AS visit_id, w.visit.type AS visit_type, w.visit.at AS visit_at, w.visit.notes AS visit_notes,
       w.last_follow_up.id AS last_follow_up_id, w.last_follow_up.type AS last_follow_up_type,
       w.last_follow_up.at AS last_follow_up_at
FROM credits c
LEFT JOIN gold.payment_allocations p
  ON p.account_id = c.account_id AND p.transaction_key = c.transaction_key AND p.amount > 0
LEFT JOIN crm.contracts k ON k.id = p.contract_id
LEFT JOIN crm.customers cu ON cu.id = coalesce(k.customer_id, c.customer_id)
LEFT JOIN crm.opportunities o ON o.id = k.opportunity_id
LEFT JOIN crm.leads l ON l.id = o.lead_id
LEFT JOIN crm.users u ON u.id = k.owner_id
LEFT JOIN won_by w ON w.contract_id = k.id
