-- Leads per channel and status on 2026-03-15 00:00 Asia/Shanghai, beside the end of the data.
WITH as_of AS (SELECT TIMESTAMP '2026-03-15 00:00:00 Asia/Shanghai' AS t)
SELECT h.channel, h.status,
       count(*) FILTER (WHERE h.valid_from <= as_of.t AND (h.valid_to IS NULL OR h.valid_to > as_of.t)) AS leads_then,
       count(*) FILTER (WHERE h.valid_to IS NULL) AS leads_now
FROM gold.lead_status_history h
CROSS JOIN as_of
WHERE h.status <> 'deleted'
GROUP BY h.channel, h.status
ORDER BY h.channel,
         CASE h.status WHEN 'new' THEN 1 WHEN 'assigned' THEN 2 WHEN 'pending_followup' THEN 3 WHEN 'contacted' THEN 4
                       WHEN 'valid' THEN 5 WHEN 'converted' THEN 6 WHEN 'invalid' THEN 7 WHEN 'lost' THEN 8 END;
