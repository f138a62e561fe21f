package org.salesops.pipelines.process;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** One row of gold.unregistered_commitments: a promise in a follow-up's notes that was never registered. */
public class UnregisteredCommitment {
    public static final String UNREGISTERED = "unregistered";
    public static final String WITHDRAWN = "withdrawn";

    public long activityId;
    public long customerId;
    public long ownerId;
    public Long leadId;
    public Long opportunityId;
    public long occurredAt;
    public String phrase;
    public long registrationDeadline;
    public String status;

    public UnregisteredCommitment() {
    }

    public static UnregisteredCommitment of(PromiseSignal promise, long registrationDeadline) {
        UnregisteredCommitment u = new UnregisteredCommitment();
        u.activityId = promise.activityId;
        u.customerId = promise.customerId;
        u.ownerId = promise.ownerId;
        u.leadId = promise.leadId;
        u.opportunityId = promise.opportunityId;
        u.occurredAt = promise.occurredAt;
        u.phrase = promise.phrase;
        u.registrationDeadline = registrationDeadline;
        u.status = UNREGISTERED;
        return u;
    }

    /** The same promise, no longer counted: registered after all, edited, or deleted. */
    public UnregisteredCommitment withdrawn() {
        UnregisteredCommitment w = new UnregisteredCommitment();
        w.activityId = activityId;
        w.customerId = customerId;
        w.ownerId = ownerId;
        w.leadId = leadId;
        w.opportunityId = opportunityId;
        w.occurredAt = occurredAt;
        w.phrase = phrase;
        w.registrationDeadline = registrationDeadline;
        w.status = WITHDRAWN;
        return w;
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("activity_id", activityId);
        row.put("customer_id", customerId);
        row.put("owner_id", ownerId);
        row.put("lead_id", leadId);
        row.put("opportunity_id", opportunityId);
        row.put("occurred_at", Instant.ofEpochMilli(occurredAt));
        row.put("phrase", phrase);
        row.put("registration_deadline", Instant.ofEpochMilli(registrationDeadline));
        row.put("status", status);
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnregisteredCommitment u && activityId == u.activityId && customerId == u.customerId
                && ownerId == u.ownerId && Objects.equals(leadId, u.leadId) && Objects.equals(opportunityId, u.opportunityId)
                && occurredAt == u.occurredAt && Objects.equals(phrase, u.phrase)
                && registrationDeadline == u.registrationDeadline && Objects.equals(status, u.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(activityId, status);
    }

    @Override
    public String toString() {
        return "Unregistered(activity " + activityId + " customer " + customerId + " '" + phrase + "' " + status + ")";
    }
}
