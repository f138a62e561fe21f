-- Each rep's days from their first assigned lead to their first complete cycle, newest rep first.
WITH joined AS (
  SELECT id AS rep_id, min(_committed_at) AS first_seen, bool_or(_op = 'c') AS created_live
  FROM raw.crm_users
  WHERE _op <> 'tombstone'
  GROUP BY id
),
cycles AS (
  -- Complete when both the first contact and a follow-up with a discovery have happened (often the same call,
  -- whose follow-up is logged with its start rounded down).
  SELECT r.owner_id AS rep_id, r.lead_id, r.assigned_at, r.first_contact_at,
         greatest(r.first_contact_at, min(a.occurred_at)) AS discovery_at
  FROM gold.lead_response r
  JOIN crm.activities a
    ON a.lead_id = r.lead_id AND a.owner_id = r.owner_id AND a.discoveries IS NOT NULL
   AND a.occurred_at >= r.assigned_at
  WHERE r.first_contact_at IS NOT NULL
  GROUP BY r.owner_id, r.lead_id, r.assigned_at, r.first_contact_at
),
first_cycle AS (
  SELECT rep_id, lead_id, first_contact_at, discovery_at,
         row_number() OVER (PARTITION BY rep_id ORDER BY discovery_at, lead_id) AS place
  FROM cycles
),
per_rep AS (
  SELECT owner_id AS rep_id, min(assigned_at) AS first_assigned_at FROM gold.lead_response GROUP BY owner_id
)
SELECT u.name AS rep, u.id AS rep_id, t.name AS team, j.created_live AS new_rep, p.first_assigned_at,
       fc.lead_id AS first_cycle_lead, fc.first_contact_at AS first_cycle_contact_at, fc.discovery_at AS first_cycle_at,
       round(date_diff('second', p.first_assigned_at, fc.discovery_at) / 86400e0, 2) AS days_to_first_cycle,
       round(date_diff('second', p.first_assigned_at, (SELECT max(occurred_at) FROM crm.activities)) / 86400e0, 1)
         AS days_observed
FROM per_rep p
JOIN crm.users u ON u.id = p.rep_id AND u.role = 'rep'
JOIN joined j ON j.rep_id = p.rep_id
LEFT JOIN crm.teams t ON t.id = u.team_id
LEFT JOIN first_cycle fc ON fc.rep_id = p.rep_id AND fc.place = 1
ORDER BY j.first_seen DESC, p.first_assigned_at DESC, u.id;
