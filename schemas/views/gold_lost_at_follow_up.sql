-- gold.lost_at_follow_up: one row per lost opportunity: when it was lost, why, and how many follow-ups it
-- (or its lead, before the opportunity existed) had had by then — the seed's "lost between the 3rd and 5th
-- follow-up" is a GROUP BY follow_ups_before_loss on this view. Lead, owner and reason are those of its latest
-- change in a lost stage.
CREATE OR REPLACE VIEW gold.lost_at_follow_up AS
WITH lost AS (
  SELECT id AS opportunity_id, max_by(lead_id, _committed_at) AS lead_id, max_by(owner_id, _committed_at) AS owner_id,
         max_by(loss_reason, _committed_at) AS loss_reason, min(_committed_at) AS lost_at
  FROM raw.crm_opportunities WHERE stage = 'lost' AND _op <> 'tombstone'
  GROUP BY id
)
SELECT l.opportunity_id, l.lead_id, l.owner_id, l.loss_reason, l.lost_at,
       count(a.id) AS follow_ups_before_loss
FROM lost l
LEFT JOIN crm.activities a
  ON (a.opportunity_id = l.opportunity_id OR (a.opportunity_id IS NULL AND a.lead_id = l.lead_id))
 AND a.occurred_at <= l.lost_at
GROUP BY l.opportunity_id, l.lead_id, l.owner_id, l.loss_reason, l.lost_at
