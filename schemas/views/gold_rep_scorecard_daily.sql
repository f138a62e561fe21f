-- gold.rep_scorecard_daily: one row per rep per day (Asia/Shanghai) from the first to the last day with lead
-- assignments or follow-ups, on which the rep has at least one metric: the three health indicators of the
-- supervisor's board — lead response (median minutes and share within the SLA, of that day's assignments),
-- discovery depth (questions and structured discoveries per follow-up that day) and commitment closure (the
-- commitments due in the 7 days ending that day, as each stands now) — each coloured green, amber or red on
-- the thresholds in gold.scorecard_thresholds (loaded from schemas/config/scorecard.json); health_colour is the
-- worst of them. A metric without a value that day, or without a threshold row, has no colour.
CREATE OR REPLACE VIEW gold.rep_scorecard_daily AS
WITH response AS (
  SELECT owner_id AS rep_id, CAST(assigned_at AT TIME ZONE 'Asia/Shanghai' AS date) AS day,
         count(*) AS assignments,
         count_if(sla_met) AS answered_within_sla,
         array_sort(array_agg(response_minutes) FILTER (WHERE response_minutes IS NOT NULL)) AS minutes
  FROM gold.lead_response
  GROUP BY owner_id, CAST(assigned_at AT TIME ZONE 'Asia/Shanghai' AS date)
),
discovery AS (
  SELECT rep_id, day, follow_ups, avg_questions, discoveries_per_follow_up
  FROM gold.discovery_daily
  WHERE follow_ups > 0
),
commitment_due AS (
  SELECT owner_id AS rep_id, CAST(due_at AT TIME ZONE 'Asia/Shanghai' AS date) AS due_day, outcome
  FROM gold.commitments
  -- Only commitments whose due time has passed have a closure outcome; open and cancelled ones are left out.
  WHERE NOT deleted AND outcome IN ('fulfilled_on_time', 'fulfilled_late', 'overdue_open')
),
calendar AS (
  SELECT day
  FROM (SELECT min(day) AS first_day, max(day) AS last_day
        FROM (SELECT day FROM response UNION ALL SELECT day FROM discovery))
  CROSS JOIN UNNEST(sequence(first_day, last_day, INTERVAL '1' DAY)) AS t(day)
),
closure AS (
  -- The trailing window: a commitment due on day d counts on days d .. d + 6.
  SELECT d.rep_id, c.day,
         count(*) AS commitments_due,
         count_if(d.outcome IN ('fulfilled_on_time', 'fulfilled_late')) AS commitments_fulfilled
  FROM commitment_due d
  JOIN calendar c ON d.due_day BETWEEN c.day - INTERVAL '6' DAY AND c.day
  GROUP BY d.rep_id, c.day
),
metrics AS (
  SELECT r.rep_id, r.day,
         resp.assignments, resp.answered_within_sla,
         CASE WHEN cardinality(resp.minutes) > 0
              THEN (CAST(element_at(resp.minutes, (cardinality(resp.minutes) + 1) / 2) AS double)
                    + element_at(resp.minutes, cardinality(resp.minutes) / 2 + 1)) / 2 END AS response_median_minutes,
         CAST(resp.answered_within_sla AS double) / nullif(resp.assignments, 0) AS response_within_sla_share,
         disc.follow_ups, disc.avg_questions AS questions_per_follow_up, disc.discoveries_per_follow_up,
         clos.commitments_due, clos.commitments_fulfilled,
         CAST(clos.commitments_fulfilled AS double) / nullif(clos.commitments_due, 0) AS commitment_closure_rate
  FROM (SELECT rep_id, day FROM response UNION SELECT rep_id, day FROM discovery UNION SELECT rep_id, day FROM closure) r
  LEFT JOIN response resp ON resp.rep_id = r.rep_id AND resp.day = r.day
  LEFT JOIN discovery disc ON disc.rep_id = r.rep_id AND disc.day = r.day
  LEFT JOIN closure clos ON clos.rep_id = r.rep_id AND clos.day = r.day
),
colours AS (
  -- One colouring rule for every metric: unpivot, compare with the metric's threshold row, pivot back.
  SELECT m.rep_id, m.day,
         map_agg(v.metric, CASE
           WHEN v.value IS NULL OR t.metric IS NULL THEN NULL
           WHEN IF(t.higher_is_better, v.value >= t.green_at, v.value <= t.green_at) THEN 'green'
           WHEN IF(t.higher_is_better, v.value >= t.amber_at, v.value <= t.amber_at) THEN 'amber'
           ELSE 'red' END) AS colour
  FROM metrics m
  CROSS JOIN UNNEST(
    ARRAY['response_median_minutes', 'response_within_sla_share', 'questions_per_follow_up',
          'discoveries_per_follow_up', 'commitment_closure_rate'],
    ARRAY[m.response_median_minutes, m.response_within_sla_share, m.questions_per_follow_up,
          m.discoveries_per_follow_up, m.commitment_closure_rate]) AS v(metric, value)
  LEFT JOIN gold.scorecard_thresholds t ON t.metric = v.metric
  GROUP BY m.rep_id, m.day
)
SELECT m.rep_id, u.name AS rep_name, u.team_id, m.day,
       m.assignments, m.answered_within_sla, m.response_median_minutes, m.response_within_sla_share,
       c.colour['response_median_minutes'] AS response_median_colour,
       c.colour['response_within_sla_share'] AS response_sla_colour,
       m.follow_ups, m.questions_per_follow_up, m.discoveries_per_follow_up,
       c.colour['questions_per_follow_up'] AS questions_colour,
       c.colour['discoveries_per_follow_up'] AS discoveries_colour,
       m.commitments_due, m.commitments_fulfilled, m.commitment_closure_rate,
       c.colour['commitment_closure_rate'] AS commitment_closure_colour,
       CASE
         WHEN contains(map_values(c.colour), 'red') THEN 'red'
         WHEN contains(map_values(c.colour), 'amber') THEN 'amber'
         WHEN contains(map_values(c.colour), 'green') THEN 'green'
       END AS health_colour
FROM metrics m
JOIN colours c ON c.rep_id = m.rep_id AND c.day = m.day
LEFT JOIN crm.users u ON u.id = m.rep_id
