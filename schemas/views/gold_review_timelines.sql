-- gold.review_timelines: one row per step behind each weekly review pick (gold.review_picks), in the order it
-- happened up to the meeting — 回溯每步动作背后的判断依据: the lead's assignment, calls with its number, follow-ups
-- with their discoveries, objection and strategy, quotes and their feedback, commitments, stage changes — on the
-- opportunity or on its lead before the opportunity existed (from gold.interaction_timeline). seq numbers the
-- steps of one pick from 1.
CREATE OR REPLACE VIEW gold.review_timelines AS
SELECT p.week_start, p.review_at, p.team_id, p.team_name, p.pick_rank, p.opportunity_id, p.lead_id,
       row_number() OVER (PARTITION BY p.week_start, p.team_id, p.opportunity_id
                          ORDER BY t.event_at, t.step, t.record_id) AS seq,
       t.event_at, t.kind, t.actor_id, t.actor_name, t.summary, t.discoveries, t.objection_type, t.strategy_id,
       t.amount, t.status, t.record_id
FROM gold.review_picks p
JOIN gold.interaction_timeline t
  ON (t.opportunity_id = p.opportunity_id OR (p.lead_id IS NOT NULL AND t.lead_id = p.lead_id))
 AND t.event_at <= p.review_at
