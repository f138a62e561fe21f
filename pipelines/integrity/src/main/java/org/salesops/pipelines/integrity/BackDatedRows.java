package org.salesops.pipelines.integrity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Rule back_dated: a lead, activity or opportunity written with a created_at at least
 * {@link IntegritySettings#backDatedAfter()} before the commit that wrote it — an insert ({@code c}), or
 * an update that moves created_at. Snapshot reads ({@code r}) are never back-dated: they are committed
 * when Debezium starts, long after rows were really entered, so their commit time says nothing.
 * Stateless: the commit time is in the change itself.
 */
public class BackDatedRows extends ProcessFunction<CrmChange, Anomaly> {

    private static final Map<String, String> SUBJECTS = Map.of(
            "leads", "lead", "activities", "activity", "opportunities", "opportunity");
    private static final Set<String> OWNED = Set.of("activities", "opportunities");

    private final long thresholdMillis;

    public BackDatedRows(IntegritySettings settings) {
        this.thresholdMillis = settings.backDatedAfter().toMillis();
    }

    @Override
    public void processElement(CrmChange change, Context ctx, Collector<Anomaly> out) {
        String subject = SUBJECTS.get(change.table());
        if (subject == null || change.after() == null || !writesCreatedAt(change)) {
            return;
        }
        Map<String, Object> row = change.after();
        Instant createdAt = (Instant) row.get("created_at");
        long enteredAt = change.committedAt().toEpochMilli();
        if (createdAt == null || enteredAt - createdAt.toEpochMilli() < thresholdMillis) {
            return;
        }
        boolean lead = change.table().equals("leads");
        // Leads record who typed them in; activities and opportunities only their owner.
        Long user = lead && row.get("created_by") != null ? (Long) row.get("created_by") : (Long) row.get("owner_id");
        Long leadId = lead ? (Long) row.get("id") : (Long) row.get("lead_id");
        out.collect(Anomaly.backDated(subject, (Long) row.get("id"), user, leadId, createdAt.toEpochMilli(), enteredAt));
    }

    private static boolean writesCreatedAt(CrmChange change) {
        return switch (change.op()) {
            case "c" -> true;
            case "u" -> change.before() == null
                    || !Objects.equals(change.before().get("created_at"), change.after().get("created_at"));
            default -> false;
        };
    }
}
