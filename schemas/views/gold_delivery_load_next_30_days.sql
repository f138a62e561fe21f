-- gold.delivery_load_next_30_days: one row per delivery engineer per day of the 30 days starting on the day
-- (Asia/Shanghai) of the latest delivery-schedule change in the data — the data is a history, so "today" is where
-- it ends, not now(): the hours booked on each engineer (hours_per_day of every tentative or confirmed schedule,
-- as it is now, covering that day), the data behind the 30-day load heatmap (负载热力图). Weekend days are rows
-- with is_working_day false and no hours; public holidays and make-up workdays are not known to this view.
-- Engineers are users with role 'delivery' and anyone else a schedule is assigned to.
CREATE OR REPLACE VIEW gold.delivery_load_next_30_days AS
WITH horizon AS (
  SELECT CAST(max(_committed_at) AT TIME ZONE 'Asia/Shanghai' AS date) AS first_day
  FROM raw.crm_delivery_schedule
  -- A tombstone is no change: its time is the Kafka record's, not the commit's.
  WHERE _op <> 'tombstone'
),
days AS (
  SELECT day, day_of_week(day) <= 5 AS is_working_day
  FROM horizon
  CROSS JOIN UNNEST(sequence(first_day, first_day + INTERVAL '29' DAY, INTERVAL '1' DAY)) AS t(day)
),
open_schedules AS (
  -- Clipped to the horizon before expanding, so a long date range cannot blow up sequence(); a reversed one (end
  -- before start: covers no day) is left out, as sequence() fails on a start after its stop.
  SELECT s.id, s.assignee_id, s.status, s.hours_per_day,
         greatest(s.start_date, h.first_day) AS from_day,
         least(s.end_date, h.first_day + INTERVAL '29' DAY) AS to_day
  FROM crm.delivery_schedule s
  CROSS JOIN horizon h
  WHERE s.status IN ('tentative', 'confirmed')
    AND s.start_date <= s.end_date
    AND s.start_date <= h.first_day + INTERVAL '29' DAY AND s.end_date >= h.first_day
),
booked AS (
  SELECT o.assignee_id, t.day, o.status, o.hours_per_day
  FROM open_schedules o
  CROSS JOIN UNNEST(sequence(o.from_day, o.to_day, INTERVAL '1' DAY)) AS t(day)
),
engineers AS (
  SELECT id AS engineer_id FROM crm.users WHERE role = 'delivery'
  UNION
  SELECT assignee_id FROM open_schedules
)
SELECT e.engineer_id, u.name AS engineer_name, u.team_id, d.day, d.is_working_day,
       count(b.assignee_id) FILTER (WHERE d.is_working_day) AS schedules,
       coalesce(sum(b.hours_per_day) FILTER (WHERE d.is_working_day AND b.status = 'confirmed'), 0) AS confirmed_hours,
       coalesce(sum(b.hours_per_day) FILTER (WHERE d.is_working_day AND b.status = 'tentative'), 0) AS tentative_hours,
       coalesce(sum(b.hours_per_day) FILTER (WHERE d.is_working_day), 0) AS scheduled_hours
FROM engineers e
CROSS JOIN days d
LEFT JOIN booked b ON b.assignee_id = e.engineer_id AND b.day = d.day
LEFT JOIN crm.users u ON u.id = e.engineer_id
GROUP BY e.engineer_id, u.name, u.team_id, d.day, d.is_working_day
