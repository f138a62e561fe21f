-- 1. The snapshots of raw.crm_leads, oldest first.
SELECT committed_at, snapshot_id, operation,
       summary['added-records'] AS added_records, summary['total-records'] AS total_records
FROM raw."crm_leads$snapshots"
ORDER BY committed_at;

-- 2. Lead change events per kind at the first snapshot, and now.
SELECT coalesce(t0._op, t1._op) AS op, coalesce(t0.events, 0) AS events_at_first_snapshot, coalesce(t1.events, 0) AS events_now
FROM (SELECT _op, count(*) AS events FROM raw.crm_leads FOR TIMESTAMP AS OF TIMESTAMP '{{committed_at}}' GROUP BY _op) t0
FULL JOIN (SELECT _op, count(*) AS events FROM raw.crm_leads GROUP BY _op) t1 ON t1._op = t0._op
ORDER BY op;
