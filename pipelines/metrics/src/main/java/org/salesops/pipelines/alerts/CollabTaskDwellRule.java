package org.salesops.pipelines.alerts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.salesops.pipelines.crm.CrmChange;

/**
 * A cross-role task (sales -> presales -> delivery -> customer success) untouched past its SLA alerts
 * its assignee: sla_workdays working days on the calendar when set (presales answer in 2.0), else
 * 48 h; escalation at twice that. Any change of the task starts the silence again from updated_at.
 */
public final class CollabTaskDwellRule implements AlertRule {

    private static final long serialVersionUID = 1L;
    public static final String RULE = "collab_task_dwell";
    public static final String SUBJECT = "collab_task";
    static final Threshold DEFAULT_THRESHOLD = Threshold.hours(48);
    private static final Set<String> WAITING = Set.of("open", "in_progress");

    private final WorkingCalendar calendar;

    public CollabTaskDwellRule(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<SilenceEvent> events(CrmChange change) {
        if (!"collab_tasks".equals(change.table())) {
            return List.of();
        }
        long id = CrmRows.id(change);
        Map<String, Object> row = change.after();
        if (CrmRows.removed(change) || !WAITING.contains(CrmRows.text(row, "status"))) {
            return List.of(SilenceEvent.stop(RULE, id));
        }
        Long assignee = CrmRows.bigint(row, "assignee_id");
        if (assignee == null) {
            return List.of(); // nobody to alert until the task is assigned
        }
        BigDecimal sla = (BigDecimal) row.get("sla_workdays");
        Threshold threshold = sla == null ? DEFAULT_THRESHOLD : Threshold.workingDays(sla.doubleValue());
        long start = CrmRows.millis(row, "updated_at");
        String message = "协作任务超时未处理 Collaboration task waiting past " + threshold + ": "
                + CrmRows.text(row, "kind") + " " + CrmRows.text(row, "from_role") + " -> "
                + CrmRows.text(row, "to_role") + ", task " + id;
        return List.of(SilenceEvent.dwell(RULE, SUBJECT, id, assignee, start, threshold, calendar, message));
    }
}
