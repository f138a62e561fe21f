-- gold.opportunity_stage_history: one row per period an opportunity spent in one stage, from the CRM's
-- change history: valid_from (inclusive) to valid_to (exclusive; null = still so), with the amount and owner
-- of that period. "The pipeline as of a date" is one query on valid_from / valid_to. Times are CDC commit
-- times; a deletion opens a final period with stage 'deleted'.
CREATE OR REPLACE VIEW gold.opportunity_stage_history AS
SELECT opportunity_id, lead_id, customer_id, owner_id, stage, amount, loss_reason, valid_from,
       lead(valid_from) OVER (PARTITION BY opportunity_id ORDER BY valid_from, change_order) AS valid_to
FROM (
  SELECT id AS opportunity_id, lead_id, customer_id, owner_id, amount, loss_reason, _committed_at AS valid_from,
         row_number() OVER (PARTITION BY id ORDER BY _committed_at, _lsn, _source_offset) AS change_order,
         CASE WHEN _op = 'd' THEN 'deleted' ELSE stage END AS stage,
         lag(CASE WHEN _op = 'd' THEN 'deleted' ELSE stage END)
             OVER (PARTITION BY id ORDER BY _committed_at, _lsn, _source_offset) AS previous_stage,
         lag(owner_id) OVER (PARTITION BY id ORDER BY _committed_at, _lsn, _source_offset) AS previous_owner
  FROM raw.crm_opportunities
  WHERE _op <> 'tombstone'
)
WHERE previous_stage IS NULL OR stage <> previous_stage OR owner_id IS DISTINCT FROM previous_owner
