-- gold.funnel_steps: one row per lead and funnel step it reached — lead, valid_lead, opportunity, quote,
-- contract, first_payment — with when it first reached it, and the lead's channel and owner. first_payment is
-- the booking date of the first bank credit the matching engine applied to an invoice of the lead's contracts
-- (gold.payment_allocations with an amount still applied: undone allocations do not count).
CREATE OR REPLACE VIEW gold.funnel_steps AS
WITH lead_facts AS (
  SELECT id AS lead_id, channel, owner_id
  FROM (
    SELECT id, channel, owner_id,
           row_number() OVER (PARTITION BY id ORDER BY _committed_at DESC, _lsn DESC) AS change_rank
    FROM raw.crm_leads WHERE _op <> 'tombstone'
  ) WHERE change_rank = 1
),
opportunity_lead AS (
  SELECT DISTINCT id AS opportunity_id, lead_id FROM raw.crm_opportunities WHERE lead_id IS NOT NULL AND _op <> 'tombstone'
),
contract_lead AS (
  SELECT DISTINCT c.id AS contract_id, o.lead_id
  FROM raw.crm_contracts c JOIN opportunity_lead o ON o.opportunity_id = c.opportunity_id
  WHERE c._op <> 'tombstone'
),
steps AS (
  SELECT id AS lead_id, 'lead' AS step, 1 AS step_order, min(created_at) AS reached_at
  FROM raw.crm_leads WHERE _op IN ('c', 'r') GROUP BY id
  UNION ALL
  SELECT id, 'valid_lead', 2, min(_committed_at)
  FROM raw.crm_leads WHERE status IN ('valid', 'converted') GROUP BY id
  UNION ALL
  SELECT lead_id, 'opportunity', 3, min(created_at)
  FROM raw.crm_opportunities WHERE lead_id IS NOT NULL AND _op IN ('c', 'r') GROUP BY lead_id
  UNION ALL
  SELECT o.lead_id, 'quote', 4, min(q.sent_at)
  FROM raw.crm_quotes q JOIN opportunity_lead o ON o.opportunity_id = q.opportunity_id
  WHERE q.sent_at IS NOT NULL GROUP BY o.lead_id
  UNION ALL
  SELECT o.lead_id, 'contract', 5, min(c.signed_at)
  FROM raw.crm_contracts c JOIN opportunity_lead o ON o.opportunity_id = c.opportunity_id
  WHERE c._op <> 'tombstone' GROUP BY o.lead_id
  UNION ALL
  SELECT cl.lead_id, 'first_payment', 6, min(a.booked_at)
  FROM gold.payment_allocations a JOIN contract_lead cl ON cl.contract_id = a.contract_id
  WHERE a.amount > 0 GROUP BY cl.lead_id
)
SELECT s.lead_id, s.step, s.step_order, s.reached_at, f.channel, f.owner_id
FROM steps s JOIN lead_facts f ON f.lead_id = s.lead_id
