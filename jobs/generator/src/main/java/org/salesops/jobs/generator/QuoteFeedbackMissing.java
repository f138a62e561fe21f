package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.salesops.pipelines.crm.CrmChange;

/**
 * quote_feedback_missing: a quote sent without the customer's feedback recorded is due 24 hours
 * after sent_at and escalates at 48. Feedback, acceptance, rejection or deletion ends it.
 */
final class QuoteFeedbackMissing implements CrmAlertRule {

    static final String RULE = "quote_feedback_missing";
    private static final Duration DUE = Duration.ofHours(24);
    private static final Duration ESCALATION = Duration.ofHours(48);

    private final AlertEpisodes episodes = new AlertEpisodes();

    @Override
    public void see(CrmChange change) {
        if (!change.table().equals("quotes") || change.op().equals("tombstone")) {
            return;
        }
        Map<String, Object> row = change.row();
        long id = (Long) row.get("id");
        Instant sentAt = (Instant) row.get("sent_at");
        boolean awaitingFeedback = !change.op().equals("d") && "sent".equals(row.get("status")) && sentAt != null
                && row.get("feedback_type") == null;
        if (!awaitingFeedback) {
            episodes.end(id, change.committedAt());
            return;
        }
        AlertEpisode current = episodes.current(id);
        if (current == null || !current.silenceStart.equals(sentAt)) {
            episodes.start(new AlertEpisode(RULE, "quote", id, (Long) row.get("owner_id"), sentAt, sentAt.plus(DUE),
                    sentAt.plus(ESCALATION), change.committedAt()));
        }
    }

    @Override
    public List<AlertEpisode> episodes() {
        return episodes.all();
    }
}
