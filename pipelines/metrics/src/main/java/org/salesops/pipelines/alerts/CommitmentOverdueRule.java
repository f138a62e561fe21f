package org.salesops.pipelines.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.salesops.pipelines.crm.CrmChange;

/**
 * A registered commitment (承诺登记) still open at its due time alerts its owner; 48 h later it
 * escalates. Moving the due date starts a new episode from the edit, so the earlier alert resolves
 * and the new date is watched.
 */
public final class CommitmentOverdueRule implements AlertRule {

    private static final long serialVersionUID = 1L;
    public static final String RULE = "commitment_overdue";
    public static final String SUBJECT = "commitment";
    static final long ESCALATION_MILLIS = Duration.ofHours(48).toMillis();

    @Override
    public List<SilenceEvent> events(CrmChange change) {
        if (!"commitments".equals(change.table())) {
            return List.of();
        }
        long id = CrmRows.id(change);
        if (CrmRows.removed(change) || !"open".equals(CrmRows.text(change.after(), "status"))) {
            return List.of(SilenceEvent.stop(RULE, id));
        }
        Map<String, Object> row = change.after();
        long due = CrmRows.millis(row, "due_at");
        long start = dueDateEdited(change) ? CrmRows.millis(row, "updated_at") : CrmRows.millis(row, "created_at");
        String message = "承诺已逾期 Commitment overdue: " + CrmRows.text(row, "code") + " " + CrmRows.text(row, "content");
        return List.of(SilenceEvent.watch(RULE, SUBJECT, id, CrmRows.bigint(row, "owner_id"), start, due,
                due + ESCALATION_MILLIS, message, null));
    }

    /** Needs the full before image (REPLICA IDENTITY FULL); a snapshot read cannot tell, so counts from creation. */
    private static boolean dueDateEdited(CrmChange change) {
        return "u".equals(change.op()) && change.before() != null && change.before().get("due_at") != null
                && !Objects.equals(change.before().get("due_at"), change.after().get("due_at"));
    }
}
