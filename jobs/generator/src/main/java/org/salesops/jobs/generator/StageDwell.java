package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.salesops.pipelines.crm.CrmChange;

/**
 * stage_dwell: an opportunity in an open stage with no action for 48 hours alerts its owner and
 * escalates at 96. Action is a change of the opportunity (a new updated_at) or a follow-up logged
 * on it (from the follow-up's created_at); winning, losing or deleting it ends the watch.
 */
final class StageDwell implements CrmAlertRule {

    static final String RULE = "stage_dwell";
    private static final Set<String> CLOSED = Set.of("won", "lost");
    private static final Duration DUE = Duration.ofHours(48);
    private static final Duration ESCALATION = Duration.ofHours(96);

    private final AlertEpisodes episodes = new AlertEpisodes();
    /** Owner of each opportunity currently in an open stage. */
    private final Map<Long, Long> openOwners = new HashMap<>();

    @Override
    public void see(CrmChange change) {
        if (change.op().equals("tombstone")) {
            return;
        }
        if (change.table().equals("opportunities")) {
            opportunity(change);
        } else if (change.table().equals("activities") && !change.op().equals("u") && !change.op().equals("d")) {
            Long opportunityId = (Long) change.after().get("opportunity_id");
            if (opportunityId != null && openOwners.containsKey(opportunityId)) {
                action(opportunityId, openOwners.get(opportunityId), (Instant) change.after().get("created_at"),
                        change.committedAt());
            }
        }
    }

    @Override
    public List<AlertEpisode> episodes() {
        return episodes.all();
    }

    private void opportunity(CrmChange change) {
        Map<String, Object> row = change.row();
        long id = (Long) row.get("id");
        if (change.op().equals("d") || CLOSED.contains((String) row.get("stage"))) {
            openOwners.remove(id);
            episodes.end(id, change.committedAt());
            return;
        }
        long owner = (Long) row.get("owner_id");
        openOwners.put(id, owner);
        action(id, owner, (Instant) row.get("updated_at"), change.committedAt());
    }

    /**
     * Silence restarts only from a later moment: a change with the same updated_at is no news, and
     * the snapshot's older follow-ups do not reopen a silence a later change already ended.
     */
    private void action(long opportunityId, long owner, Instant at, Instant knownAt) {
        AlertEpisode current = episodes.current(opportunityId);
        if (current == null || at.isAfter(current.silenceStart)) {
            episodes.start(new AlertEpisode(RULE, "opportunity", opportunityId, owner, at, at.plus(DUE),
                    at.plus(ESCALATION), knownAt));
        }
    }
}
