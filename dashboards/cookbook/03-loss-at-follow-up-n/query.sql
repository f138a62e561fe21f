-- Lost opportunities by the number of follow-ups before the loss.
WITH per_reason AS (
  SELECT follow_ups_before_loss, coalesce(loss_reason, '(none)') AS loss_reason, count(*) AS lost
  FROM gold.lost_at_follow_up
  GROUP BY follow_ups_before_loss, coalesce(loss_reason, '(none)')
),
per_count AS (
  SELECT follow_ups_before_loss, sum(lost) AS lost, max_by(loss_reason, lost) AS top_loss_reason
  FROM per_reason
  GROUP BY follow_ups_before_loss
)
SELECT follow_ups_before_loss, lost,
       round(100.0 * lost / sum(lost) OVER (), 1) AS share_pct,
       round(100.0 * sum(lost) OVER (ORDER BY follow_ups_before_loss) / sum(lost) OVER (), 1) AS cumulative_pct,
       top_loss_reason
FROM per_count
ORDER BY follow_ups_before_loss;
