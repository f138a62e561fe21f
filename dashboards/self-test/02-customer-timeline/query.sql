-- 1. What each customer's last six months hold, richest trail first.
WITH horizon AS (
  SELECT max(occurred_at) AS as_of, max(occurred_at) - INTERVAL '6' MONTH AS since FROM crm.activities
)
SELECT t.customer_id, c.name AS customer, count(*) AS events,
       count_if(t.kind = 'call') AS calls,
       count_if(t.kind = 'follow_up') AS follow_ups,
       count_if(t.kind IN ('quote_sent', 'quote_feedback')) AS quotes,
       count_if(t.kind IN ('commitment_registered', 'commitment_fulfilled')) AS commitments,
       count_if(t.kind = 'payment') AS payments,
       (CASE WHEN count_if(t.kind = 'call') > 0 THEN 1 ELSE 0 END
        + CASE WHEN count_if(t.kind = 'follow_up') > 0 THEN 1 ELSE 0 END
        + CASE WHEN count_if(t.kind IN ('quote_sent', 'quote_feedback')) > 0 THEN 1 ELSE 0 END
        + CASE WHEN count_if(t.kind IN ('commitment_registered', 'commitment_fulfilled')) > 0 THEN 1 ELSE 0 END
        + CASE WHEN count_if(t.kind = 'payment') > 0 THEN 1 ELSE 0 END) AS kinds,
       min(t.event_at) AS first_event_at, max(t.event_at) AS last_event_at
FROM gold.interaction_timeline t
JOIN crm.customers c ON c.id = t.customer_id
CROSS JOIN horizon w
WHERE t.event_at > w.since AND t.event_at <= w.as_of
GROUP BY t.customer_id, c.name
ORDER BY kinds DESC, events DESC, t.customer_id;

-- 2. That customer's trail, in the order it happened.
WITH horizon AS (
  SELECT max(occurred_at) AS as_of, max(occurred_at) - INTERVAL '6' MONTH AS since FROM crm.activities
)
SELECT t.event_at, t.kind, t.actor_name AS who, t.summary, t.discoveries, t.objection_type, t.strategy_id, t.amount,
       t.lead_id, t.opportunity_id
FROM gold.interaction_timeline t
CROSS JOIN horizon w
WHERE t.customer_id = {{customer_id}} AND t.event_at > w.since AND t.event_at <= w.as_of
ORDER BY t.event_at, t.step, t.record_id;
