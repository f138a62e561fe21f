package org.salesops.pipelines.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/**
 * A quote sent to a customer needs the customer's feedback logged within 24 h (escalation at 48 h).
 * Feedback, acceptance, rejection, a return to draft or a delete end the wait.
 */
public final class QuoteFeedbackRule implements AlertRule {

    private static final long serialVersionUID = 1L;
    public static final String RULE = "quote_feedback_missing";
    public static final String SUBJECT = "quote";
    static final long DEADLINE_MILLIS = Duration.ofHours(24).toMillis();
    static final long ESCALATION_MILLIS = Duration.ofHours(48).toMillis();

    @Override
    public List<SilenceEvent> events(CrmChange change) {
        if (!"quotes".equals(change.table())) {
            return List.of();
        }
        long id = CrmRows.id(change);
        Map<String, Object> row = change.after();
        if (CrmRows.removed(change)) {
            return List.of(SilenceEvent.stop(RULE, id));
        }
        Long sentAt = CrmRows.millis(row, "sent_at");
        boolean awaitingFeedback = "sent".equals(CrmRows.text(row, "status")) && sentAt != null
                && row.get("feedback_type") == null;
        if (!awaitingFeedback) {
            return List.of(SilenceEvent.stop(RULE, id));
        }
        String message = "报价未获客户反馈 Quote feedback missing: quote " + id + " " + row.get("amount") + " "
                + CrmRows.text(row, "currency");
        return List.of(SilenceEvent.watch(RULE, SUBJECT, id, CrmRows.bigint(row, "owner_id"), sentAt,
                sentAt + DEADLINE_MILLIS, sentAt + ESCALATION_MILLIS, message, null));
    }
}
