-- gold.lead_status_history: one row per period a lead spent in one status with one owner, from the CRM's
-- change history: valid_from (inclusive) to valid_to (exclusive; null = still so). "The leads as of a date"
-- is one query: WHERE valid_from <= t AND (valid_to IS NULL OR valid_to > t). Times are CDC commit times
-- (when the CRM recorded the change); a deletion opens a final period with status 'deleted'.
CREATE OR REPLACE VIEW gold.lead_status_history AS
SELECT lead_id, channel, owner_id, status, loss_reason, valid_from,
       lead(valid_from) OVER (PARTITION BY lead_id ORDER BY valid_from, change_order) AS valid_to
FROM (
  SELECT id AS lead_id, channel, owner_id, loss_reason, _committed_at AS valid_from,
         row_number() OVER (PARTITION BY id ORDER BY _committed_at, _lsn, _source_offset) AS change_order,
         CASE WHEN _op = 'd' THEN 'deleted' ELSE status END AS status,
         lag(CASE WHEN _op = 'd' THEN 'deleted' ELSE status END)
             OVER (PARTITION BY id ORDER BY _committed_at, _lsn, _source_offset) AS previous_status,
         lag(owner_id) OVER (PARTITION BY id ORDER BY _committed_at, _lsn, _source_offset) AS previous_owner
  FROM raw.crm_leads
  WHERE _op <> 'tombstone'
)
WHERE previous_status IS NULL OR status <> previous_status OR owner_id IS DISTINCT FROM previous_owner
