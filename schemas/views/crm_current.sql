-- crm.{table}: one row per {table} record as it is now (the latest change of each id, deleted ids left out).
-- One view per CRM table, created from this template; the history stays in raw.crm_{table}.
CREATE OR REPLACE VIEW crm.{table} AS
SELECT {columns}
FROM (
  SELECT *, row_number() OVER (PARTITION BY {key} ORDER BY _committed_at DESC, _lsn DESC, _source_offset DESC) AS change_rank
  FROM raw.crm_{table}
  WHERE _op <> 'tombstone'
)
WHERE change_rank = 1 AND _op <> 'd'
