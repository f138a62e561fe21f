package org.salesops.pipelines.process;

/** Where a registered commitment stands, as known at some moment of event time. */
public enum CommitmentOutcome {
    FULFILLED_ON_TIME, FULFILLED_LATE, OVERDUE_OPEN, OPEN, CANCELLED;

    /**
     * @param fulfilledAt when it was fulfilled (fulfilled_at, or the commit that marked it fulfilled
     *                    when the rep left fulfilled_at empty)
     * @param asOf        the event time of the decision: an open commitment is overdue from due_at on
     */
    public static CommitmentOutcome decide(String status, long dueAt, Long fulfilledAt, long asOf) {
        return switch (status) {
            case "fulfilled" -> fulfilledAt <= dueAt ? FULFILLED_ON_TIME : FULFILLED_LATE;
            case "cancelled" -> CANCELLED;
            default -> dueAt <= asOf ? OVERDUE_OPEN : OPEN;
        };
    }

    public String column() {
        return name().toLowerCase();
    }
}
