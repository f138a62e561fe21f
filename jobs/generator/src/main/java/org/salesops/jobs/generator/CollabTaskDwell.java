package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.salesops.pipelines.crm.CrmChange;

/**
 * collab_task_dwell: an open or in-progress task with an assignee and no change for its SLA alerts
 * the assignee and escalates at twice the SLA. The SLA is sla_workdays working days on China's
 * calendar when set, else 48 hours. Done, cancelled, deleted, or any change (a new updated_at,
 * which starts a new watch) ends it.
 */
final class CollabTaskDwell implements CrmAlertRule {

    static final String RULE = "collab_task_dwell";
    private static final Set<String> ACTIVE = Set.of("open", "in_progress");
    private static final Duration DEFAULT_SLA = Duration.ofHours(48);

    private final AlertEpisodes episodes = new AlertEpisodes();

    @Override
    public void see(CrmChange change) {
        if (!change.table().equals("collab_tasks") || change.op().equals("tombstone")) {
            return;
        }
        Map<String, Object> row = change.row();
        long id = (Long) row.get("id");
        Long assignee = (Long) row.get("assignee_id");
        if (change.op().equals("d") || !ACTIVE.contains((String) row.get("status")) || assignee == null) {
            episodes.end(id, change.committedAt());
            return;
        }
        Instant start = (Instant) row.get("updated_at");
        AlertEpisode current = episodes.current(id);
        if (current != null && current.silenceStart.equals(start)) {
            return;
        }
        BigDecimal workdays = (BigDecimal) row.get("sla_workdays");
        Instant dueAt = workdays == null ? start.plus(DEFAULT_SLA) : ChinaWorkdays.afterWorkingDays(start, workdays);
        Instant escalationAt = workdays == null ? start.plus(DEFAULT_SLA.multipliedBy(2))
                : ChinaWorkdays.afterWorkingDays(start, workdays.multiply(BigDecimal.valueOf(2)));
        episodes.start(new AlertEpisode(RULE, "collab_task", id, assignee, start, dueAt, escalationAt,
                change.committedAt()));
    }

    @Override
    public List<AlertEpisode> episodes() {
        return episodes.all();
    }
}
