package org.salesops.pipelines.metrics.response;

import java.util.Objects;

/**
 * Something that happened to a lead and matters for its response time: an assignment to an owner,
 * a connected call with the lead's phone, a follow-up logged on the lead, or the lead's deletion.
 * A POJO for Flink state.
 */
public class LeadSignal {

    public enum Kind { ASSIGNMENT, CALL, FOLLOW_UP, DELETION }

    public Kind kind;
    /** Lead id; for a call, unknown (0) until the call is matched to a lead by phone. */
    public long leadId;
    /** Business time in epoch millis: assigned_at, call start, the follow-up's occurred_at, or the deletion's commit. */
    public long at;
    /** The owner assigned (ASSIGNMENT) or the rep who logged the follow-up (FOLLOW_UP). */
    public Long userId;
    /** CALL: the rep's PBX extension, or null. */
    public String repExtension;
    /** CALL: the rep's work number in E.164, or null. */
    public String repNumber;
    /** CALL: the customer's number in E.164, by which the call is matched to leads. */
    public String phone;
    /** CALL: the call was answered (a conversation took place). */
    public boolean connected;
    /** When it became known in event time: a call's end; for others set from the element's timestamp (0 until then). */
    public long knownAt;

    public LeadSignal() {
    }

    private LeadSignal(Kind kind, long leadId, long at, Long userId, String repExtension, String repNumber,
                       String phone) {
        this.kind = kind;
        this.phone = phone;
        this.leadId = leadId;
        this.at = at;
        this.userId = userId;
        this.repExtension = repExtension;
        this.repNumber = repNumber;
    }

    public static LeadSignal assignment(long leadId, long assignedAt, long ownerId) {
        return new LeadSignal(Kind.ASSIGNMENT, leadId, assignedAt, ownerId, null, null, null);
    }

    public static LeadSignal followUp(long leadId, long occurredAt, long ownerId) {
        return new LeadSignal(Kind.FOLLOW_UP, leadId, occurredAt, ownerId, null, null, null);
    }

    public static LeadSignal deletion(long leadId, long deletedAt) {
        return new LeadSignal(Kind.DELETION, leadId, deletedAt, null, null, null, null);
    }

    public static LeadSignal call(String phone, long startedAt, String repExtension, String repNumber) {
        return new LeadSignal(Kind.CALL, 0L, startedAt, null, repExtension, repNumber, phone);
    }

    public LeadSignal forLead(long lead) {
        LeadSignal s = new LeadSignal(kind, lead, at, userId, repExtension, repNumber, phone);
        s.knownAt = knownAt;
        s.connected = connected;
        return s;
    }

    /** This call, answered or not. */
    public LeadSignal answered(boolean answered) {
        LeadSignal s = forLead(leadId);
        s.connected = answered;
        return s;
    }

    public LeadSignal knownAt(long time) {
        LeadSignal s = forLead(leadId);
        s.knownAt = time;
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeadSignal s && kind == s.kind && leadId == s.leadId && at == s.at
                && Objects.equals(userId, s.userId) && Objects.equals(repExtension, s.repExtension)
                && Objects.equals(repNumber, s.repNumber) && connected == s.connected;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, leadId, at, userId, repExtension, repNumber);
    }

    @Override
    public String toString() {
        return kind + "(lead " + leadId + " at " + java.time.Instant.ofEpochMilli(at) + ", user " + userId
                + ", ext " + repExtension + ", number " + repNumber + ")";
    }
}
