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

    public AssignmentProgress() {
    }

    public AssignmentProgress(long ownerId) {
        this.ownerId = ownerId;
    }
}
