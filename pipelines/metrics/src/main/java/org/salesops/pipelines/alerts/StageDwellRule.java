package org.salesops.pipelines.alerts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.salesops.pipelines.crm.CrmChange;

/**
 * An open opportunity with no action for 48 h alerts its owner (escalation at 96 h). Any change of
 * the opportunity starts the silence again from its updated_at; a follow-up (activity) logged on it
 * restarts it from the follow-up's logging time. Won, lost or deleted opportunities await nothing.
 */
public final class StageDwellRule implements AlertRule {

    private static final long serialVersionUID = 1L;
    public static final String RULE = "stage_dwell";
    public static final String SUBJECT = "opportunity";
    static final Threshold THRESHOLD = Threshold.hours(48);
    private static final Set<String> CLOSED = Set.of("won", "lost");

    private final WorkingCalendar calendar;

    public StageDwellRule(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<SilenceEvent> events(CrmChange change) {
        return switch (change.table()) {
            case "opportunities" -> opportunity(change);
            case "activities" -> followUp(change);
            default -> List.of();
        };
    }

    private List<SilenceEvent> opportunity(CrmChange change) {
        long id = CrmRows.id(change);
        Map<String, Object> row = change.after();
        if (CrmRows.removed(change) || CLOSED.contains(CrmRows.text(row, "stage"))) {
            return List.of(SilenceEvent.stop(RULE, id));
        }
        long start = CrmRows.millis(row, "updated_at");
        String message = "商机阶段停滞 Opportunity stalled in stage " + CrmRows.text(row, "stage") + ": opportunity " + id;
        return List.of(SilenceEvent.dwell(RULE, SUBJECT, id, CrmRows.bigint(row, "owner_id"), start, THRESHOLD, calendar,
                message));
    }

    /** Only a newly logged activity is an action; edits of old ones are not. */
    private static List<SilenceEvent> followUp(CrmChange change) {
        boolean logged = "c".equals(change.op()) || "r".equals(change.op());
        Long opportunity = logged ? CrmRows.bigint(change.after(), "opportunity_id") : null;
        if (opportunity == null) {
            return List.of();
        }
        return List.of(SilenceEvent.touch(RULE, opportunity, CrmRows.millis(change.after(), "created_at")));
    }
}
