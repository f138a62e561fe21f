-- gold.objection_playbook: one row per objection type and playbook strategy used against it (activities as they
-- are now, both fields filled): how many follow-ups used it, how many distinct opportunities they concern (the
-- follow-up's own, else every opportunity of its lead), how many of those advanced to a later stage within 14 days
-- after such a follow-up, and how many were won after one. next_stage_rate and win_rate are shares of those
-- opportunities. Stages come from gold.opportunity_stage_history, ordered qualification < needs_analysis <
-- solution < quote < negotiation < contract < won; an opportunity that did not exist yet at the follow-up
-- advances by being created. Won after one means moved into won at or after the follow-up: a later period of an
-- opportunity already won (the stage history opens one when the owner changes) is no new win. Follow-ups whose
-- lead never got an opportunity are counted apart.
CREATE OR REPLACE VIEW gold.objection_playbook AS
WITH follow_ups AS (
  SELECT id AS activity_id, lead_id, opportunity_id, objection_type, strategy_id, occurred_at
  FROM crm.activities
  WHERE objection_type IS NOT NULL AND strategy_id IS NOT NULL
),
stages AS (
  SELECT opportunity_id, lead_id, stage, valid_from, valid_to,
         CASE stage WHEN 'qualification' THEN 1 WHEN 'needs_analysis' THEN 2 WHEN 'solution' THEN 3
                    WHEN 'quote' THEN 4 WHEN 'negotiation' THEN 5 WHEN 'contract' THEN 6 WHEN 'won' THEN 7 END AS stage_order,
         lag(stage) OVER (PARTITION BY opportunity_id ORDER BY valid_from) AS previous_stage
  FROM gold.opportunity_stage_history
),
lead_opportunities AS (
  SELECT DISTINCT lead_id, opportunity_id FROM stages WHERE lead_id IS NOT NULL
),
concerned AS (
  SELECT f.activity_id, f.objection_type, f.strategy_id, f.occurred_at, f.opportunity_id
  FROM follow_ups f WHERE f.opportunity_id IS NOT NULL
  UNION ALL
  SELECT f.activity_id, f.objection_type, f.strategy_id, f.occurred_at, lo.opportunity_id
  FROM follow_ups f LEFT JOIN lead_opportunities lo ON lo.lead_id = f.lead_id
  WHERE f.opportunity_id IS NULL
),
outcomes AS (
  SELECT c.activity_id, c.objection_type, c.strategy_id, c.opportunity_id,
         coalesce(max(s.stage_order) FILTER (WHERE s.valid_from <= c.occurred_at
                                             AND (s.valid_to IS NULL OR s.valid_to > c.occurred_at)), 0) AS order_before,
         max(s.stage_order) FILTER (WHERE s.valid_from > c.occurred_at
                                    AND s.valid_from <= c.occurred_at + INTERVAL '14' DAY) AS best_order_within_14_days,
         count_if(s.stage = 'won' AND s.previous_stage IS DISTINCT FROM 'won' AND s.valid_from >= c.occurred_at) > 0
           AS won_after
  FROM concerned c
  LEFT JOIN stages s ON s.opportunity_id = c.opportunity_id
  GROUP BY c.activity_id, c.objection_type, c.strategy_id, c.opportunity_id, c.occurred_at
)
SELECT objection_type, strategy_id,
       count(DISTINCT activity_id) AS follow_ups,
       count(DISTINCT IF(opportunity_id IS NULL, activity_id)) AS follow_ups_without_opportunity,
       count(DISTINCT opportunity_id) AS opportunities,
       count(DISTINCT IF(best_order_within_14_days > order_before, opportunity_id)) AS advanced_within_14_days,
       count(DISTINCT IF(won_after, opportunity_id)) AS won,
       round(CAST(count(DISTINCT IF(best_order_within_14_days > order_before, opportunity_id)) AS double)
             / nullif(count(DISTINCT opportunity_id), 0), 3) AS next_stage_rate,
       round(CAST(count(DISTINCT IF(won_after, opportunity_id)) AS double)
             / nullif(count(DISTINCT opportunity_id), 0), 3) AS win_rate
FROM outcomes
GROUP BY objection_type, strategy_id
