package org.salesops.pipelines.integrity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salesops.pipelines.crm.CrmChange;

/**
 * A follow-up logged as a call on a lead (activities.type = 'call' with a lead_id), or the withdrawal of
 * one (deleted, re-typed, moved to another lead). Follow-ups with no lead are not checked: the CRM keeps
 * no phone for customers, so there is no number to look for. Versions of one activity can arrive out
 * of order (the changes travel through parallel tasks), so each carries its commit time: the latest wins.
 * A POJO for Flink state.
 */
public class CallActivity {
    public long activityId;
    public long leadId;
    public long ownerId;
    /** When the rep says the call took place. */
    public long occurredAt;
    /** When it was entered in the CRM (activities.created_at). */
    public long loggedAt;
    /** False: this activity is no longer a call on this lead; forget it. */
    public boolean logged;
    /** The commit time of the change this comes from. */
    public long version;
    /** When it is decided (event time); set by the rule. */
    public long decideAt;

    public CallActivity() {
    }

    public CallActivity(long activityId, long leadId, long ownerId, long occurredAt, long loggedAt, boolean logged,
                        long version) {
        this.activityId = activityId;
        this.leadId = leadId;
        this.ownerId = ownerId;
        this.occurredAt = occurredAt;
        this.loggedAt = loggedAt;
        this.logged = logged;
        this.version = version;
    }

    /** What a change of activities means for the check: nothing, a withdrawal, a call logged, or both. */
    public static List<CallActivity> of(CrmChange change) {
        List<CallActivity> events = new ArrayList<>();
        if (!"activities".equals(change.table()) || change.op().equals("tombstone")) {
            return events;
        }
        long version = change.committedAt().toEpochMilli();
        CallActivity before = callOnLead(change.before(), version);
        CallActivity after = callOnLead(change.after(), version);
        if (before != null && (after == null || after.leadId != before.leadId)) {
            events.add(before.withdrawn());
        }
        if (after != null && !after.sameClaim(before)) {
            events.add(after);
        }
        return events;
    }

    private static CallActivity callOnLead(Map<String, Object> row, long version) {
        if (row == null || !"call".equals(row.get("type"))) {
            return null;
        }
        Long lead = (Long) row.get("lead_id");
        Long owner = (Long) row.get("owner_id");
        Instant occurredAt = (Instant) row.get("occurred_at");
        if (lead == null || owner == null || occurredAt == null) {
            return null;
        }
        Instant createdAt = (Instant) row.get("created_at");
        return new CallActivity((Long) row.get("id"), lead, owner, occurredAt.toEpochMilli(),
                createdAt == null ? version : createdAt.toEpochMilli(), true, version);
    }

    private boolean sameClaim(CallActivity other) {
        return other != null && other.leadId == leadId && other.ownerId == ownerId && other.occurredAt == occurredAt;
    }

    private CallActivity withdrawn() {
        return new CallActivity(activityId, leadId, ownerId, occurredAt, loggedAt, false, version);
    }

    CallActivity decidedAt(long time) {
        CallActivity a = new CallActivity(activityId, leadId, ownerId, occurredAt, loggedAt, logged, version);
        a.decideAt = time;
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallActivity a && activityId == a.activityId && leadId == a.leadId && ownerId == a.ownerId
                && occurredAt == a.occurredAt && loggedAt == a.loggedAt && logged == a.logged && version == a.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(activityId, leadId, occurredAt, logged);
    }

    @Override
    public String toString() {
        return (logged ? "call logged " : "withdrawn ") + activityId + " on lead " + leadId + " by " + ownerId + " at "
                + Instant.ofEpochMilli(occurredAt);
    }
}
