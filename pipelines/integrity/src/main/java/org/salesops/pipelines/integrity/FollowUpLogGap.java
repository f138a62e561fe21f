package org.salesops.pipelines.integrity;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of gold.follow_up_log_gap (schemas/tables/gold/follow_up_log_gap.json): a follow-up logged
 * as a call, the real call it describes, and how long after that call it was written down — the
 * seed's rep who logs at 9 in the morning what he said on the phone at 4 the afternoon before.
 * A POJO for Flink.
 */
public class FollowUpLogGap {
    public long activityId;
    public long leadId;
    public long ownerId;
    /** The call record's start. */
    public long callStartedAt;
    /** What the rep typed as the time of the call. */
    public long occurredAt;
    /** When the follow-up was entered in the CRM. */
    public long loggedAt;

    public FollowUpLogGap() {
    }

    public FollowUpLogGap(CallActivity activity, long callStartedAt) {
        this.activityId = activity.activityId;
        this.leadId = activity.leadId;
        this.ownerId = activity.ownerId;
        this.callStartedAt = callStartedAt;
        this.occurredAt = activity.occurredAt;
        this.loggedAt = activity.loggedAt;
    }

    /** Whole minutes from the call's start to the entry; negative if the CRM clock says it was logged first. */
    public long gapMinutes() {
        return Math.floorDiv(loggedAt - callStartedAt, 60_000L);
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("activity_id", activityId);
        row.put("lead_id", leadId);
        row.put("owner_id", ownerId);
        row.put("call_started_at", Instant.ofEpochMilli(callStartedAt));
        row.put("occurred_at", Instant.ofEpochMilli(occurredAt));
        row.put("logged_at", Instant.ofEpochMilli(loggedAt));
        row.put("gap_minutes", gapMinutes());
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FollowUpLogGap g && activityId == g.activityId && leadId == g.leadId && ownerId == g.ownerId
                && callStartedAt == g.callStartedAt && occurredAt == g.occurredAt && loggedAt == g.loggedAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(activityId, callStartedAt, loggedAt);
    }

    @Override
    public String toString() {
        return "FollowUpLogGap(activity " + activityId + ", call " + Instant.ofEpochMilli(callStartedAt) + ", logged "
                + Instant.ofEpochMilli(loggedAt) + ", " + gapMinutes() + " min)";
    }
}
