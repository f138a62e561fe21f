package org.salesops.pipelines.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** One row of gold.quote_feedback: a sent quote, its customer feedback and the key-node rule. */
public class QuoteFeedback {
    public long quoteId;
    public long opportunityId;
    public long ownerId;
    public long sentAt;
    public String feedbackType;
    /** feedback_at, or when the feedback type became known if the rep left feedback_at empty. */
    public Long feedbackAt;
    /** Null while the window is still running without feedback. */
    public Boolean feedbackInTime;
    public Long stageAdvancedAt;
    public String advancedToStage;
    public boolean violation;
    public boolean deleted;

    public QuoteFeedback() {
    }

    public Double feedbackHours() {
        return feedbackAt == null ? null : (feedbackAt - sentAt) / 3_600_000.0;
    }

    public QuoteFeedback asDeleted() {
        QuoteFeedback d = copy();
        d.deleted = true;
        return d;
    }

    private QuoteFeedback copy() {
        QuoteFeedback c = new QuoteFeedback();
        c.quoteId = quoteId;
        c.opportunityId = opportunityId;
        c.ownerId = ownerId;
        c.sentAt = sentAt;
        c.feedbackType = feedbackType;
        c.feedbackAt = feedbackAt;
        c.feedbackInTime = feedbackInTime;
        c.stageAdvancedAt = stageAdvancedAt;
        c.advancedToStage = advancedToStage;
        c.violation = violation;
        c.deleted = deleted;
        return c;
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("quote_id", quoteId);
        row.put("opportunity_id", opportunityId);
        row.put("owner_id", ownerId);
        row.put("sent_at", CrmValues.instant(sentAt));
        row.put("feedback_type", feedbackType);
        row.put("feedback_at", CrmValues.instant(feedbackAt));
        row.put("feedback_hours", feedbackHours());
        row.put("feedback_within_window", feedbackInTime);
        row.put("stage_advanced_at", CrmValues.instant(stageAdvancedAt));
        row.put("advanced_to_stage", advancedToStage);
        row.put("violation", violation);
        row.put("deleted", deleted);
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuoteFeedback q && quoteId == q.quoteId && opportunityId == q.opportunityId
                && ownerId == q.ownerId && sentAt == q.sentAt && Objects.equals(feedbackType, q.feedbackType)
                && Objects.equals(feedbackAt, q.feedbackAt) && Objects.equals(feedbackInTime, q.feedbackInTime)
                && Objects.equals(stageAdvancedAt, q.stageAdvancedAt) && Objects.equals(advancedToStage, q.advancedToStage)
                && violation == q.violation && deleted == q.deleted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(quoteId, feedbackAt, violation);
    }

    @Override
    public String toString() {
        return "QuoteFeedback(quote " + quoteId + " sent " + CrmValues.instant(sentAt) + ", " + feedbackType + " at "
                + CrmValues.instant(feedbackAt) + ", in time " + feedbackInTime + ", violation " + violation
                + (violation ? " (" + advancedToStage + " at " + CrmValues.instant(stageAdvancedAt) + ")" : "")
                + (deleted ? ", deleted" : "") + ")";
    }
}
