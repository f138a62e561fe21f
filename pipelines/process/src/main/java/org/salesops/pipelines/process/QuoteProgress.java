package org.salesops.pipelines.process;

/** A quote as last known and what was last written for it. A POJO for Flink state. */
public class QuoteProgress {
    public QuoteChange latest;
    /** When a feedback type was first seen on the quote (stands in for an empty feedback_at). */
    public Long feedbackKnownAt;
    public QuoteFeedback reported;

    public QuoteProgress() {
    }
}
