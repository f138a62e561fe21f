package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salesops.pipelines.crm.CrmChange;

/**
 * commitment_overdue: an open commitment is due at due_at and escalates 48 hours later. Moving
 * due_at restarts the clock from that edit; fulfilling, cancelling or deleting ends it.
 */
final class CommitmentOverdue implements CrmAlertRule {

    static final String RULE = "commitment_overdue";
    private static final Duration ESCALATION = Duration.ofHours(48);

    private final AlertEpisodes episodes = new AlertEpisodes();

    @Override
    public void see(CrmChange change) {
        if (!change.table().equals("commitments") || change.op().equals("tombstone")) {
            return;
        }
        Map<String, Object> row = change.row();
        long id = (Long) row.get("id");
        if (change.op().equals("d") || !"open".equals(change.after().get("status"))) {
            episodes.end(id, change.committedAt());
            return;
        }
        AlertEpisode current = episodes.current(id);
        if (current == null) {
            // Created, read in the snapshot, or (never in this company) re-opened.
            Instant start = change.op().equals("u") ? (Instant) row.get("updated_at") : (Instant) row.get("created_at");
            episodes.start(episode(row, start, change.committedAt()));
        } else if (!Objects.equals(change.before().get("due_at"), row.get("due_at"))) {
            episodes.start(episode(row, (Instant) row.get("updated_at"), change.committedAt()));
        }
    }

    @Override
    public List<AlertEpisode> episodes() {
        return episodes.all();
    }

    private static AlertEpisode episode(Map<String, Object> row, Instant silenceStart, Instant knownAt) {
        Instant dueAt = (Instant) row.get("due_at");
        return new AlertEpisode(RULE, "commitment", (Long) row.get("id"), (Long) row.get("owner_id"), silenceStart,
                dueAt, dueAt.plus(ESCALATION), knownAt);
    }
}
