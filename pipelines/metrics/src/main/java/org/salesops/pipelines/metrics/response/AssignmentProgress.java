package org.salesops.pipelines.metrics.response;

/** What has been reported so far for one assignment; kept in state until its retention ends. */
public class AssignmentProgress {
    public long ownerId;
    /** The first contact last reported, or null. */
    public Long reportedContactAt;
    /** The kind of that contact, or null. */
    public LeadSignal.Kind reportedKind;
    /** A row has been emitted (with or without contact). */
    public boolean reported;
    /** When the assignment became known (event time). */
    public long knownAt;
    /** Where its lead_not_contacted alert stands. */
    public AlertStage alert = AlertStage.UNDECIDED;

    public enum AlertStage { UNDECIDED, NONE, OPEN, ESCALATED, RESOLVED }

    public AssignmentProgress() {
    }

    public AssignmentProgress(long ownerId, long knownAt) {
        this.ownerId = ownerId;
        this.knownAt = knownAt;
    }
}
