package org.salesops.pipelines.integrity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Rule unapproved_status_change, keyed by lead. A change of the lead's status to one of
 * {@link IntegritySettings#approvalStatuses()} needs a status_change_requests row for the lead and
 * that status, approved, with decided_at within T (the approval window) before or after the change.
 * Decided at max(change + T, when the change became known), when every approval that could count is
 * known: the result does not depend on arrival order. Requests are kept for the retention after their
 * latest version, which wins over older ones whatever the order they arrive in.
 */
public class ApprovalCheck extends KeyedCoProcessFunction<Long, StatusChange, Approval, Anomaly> {

    private final List<String> statuses;
    private final long windowMillis;
    private final long retentionMillis;

    /** Status changes waiting for their decision, by when they are decided. */
    private transient MapState<Long, List<StatusChange>> pending;
    /** The latest known version of each request, approved or not, by request id. */
    private transient MapState<Long, Approval> requests;

    public ApprovalCheck(IntegritySettings settings) {
        this.statuses = settings.approvalStatuses();
        this.windowMillis = settings.approvalWindow().toMillis();
        this.retentionMillis = settings.retention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending-changes",
                Types.LONG, Types.LIST(TypeInformation.of(StatusChange.class))));
        requests = getRuntimeContext().getMapState(new MapStateDescriptor<>("requests", Long.class, Approval.class));
    }

    @Override
    public void processElement1(StatusChange change, Context ctx, Collector<Anomaly> out) throws Exception {
        if (!statuses.contains(change.toStatus)) {
            return;
        }
        long knownAt = ctx.timestamp() != null ? ctx.timestamp() : change.at;
        long decideAt = Math.max(change.at + windowMillis, knownAt);
        List<StatusChange> due = pending.get(decideAt);
        List<StatusChange> changes = due == null ? new ArrayList<>() : new ArrayList<>(due);
        if (!changes.contains(change)) {
            changes.add(change);
            pending.put(decideAt, changes);
        }
        ctx.timerService().registerEventTimeTimer(decideAt);
    }

    @Override
    public void processElement2(Approval request, Context ctx, Collector<Anomaly> out) throws Exception {
        Approval known = requests.get(request.requestId);
        if (known != null && known.version > request.version) {
            return;
        }
        requests.put(request.requestId, request);
        ctx.timerService().registerEventTimeTimer(keptUntil(request));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        List<Long> decided = new ArrayList<>();
        for (Map.Entry<Long, List<StatusChange>> due : pending.entries()) {
            if (due.getKey() > watermark) {
                continue;
            }
            decided.add(due.getKey());
            for (StatusChange change : due.getValue()) {
                if (!approved(change)) {
                    out.collect(Anomaly.unapprovedStatusChange(change.leadId, change.ownerId, change.toStatus, change.at,
                            due.getKey(), Duration.ofMillis(windowMillis)));
                }
            }
        }
        for (Long key : decided) {
            pending.remove(key);
        }
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, Approval> r : requests.entries()) {
            if (keptUntil(r.getValue()) <= watermark) {
                expired.add(r.getKey());
            }
        }
        for (Long id : expired) {
            requests.remove(id);
        }
        if (pending.isEmpty()) {
            pending.clear();
        }
        if (requests.isEmpty()) {
            requests.clear();
        }
    }

    /** A request is kept for the retention after its latest version (or its decision, if later). */
    private long keptUntil(Approval request) {
        return Math.max(request.version, request.decidedAt) + retentionMillis;
    }

    private boolean approved(StatusChange change) throws Exception {
        for (Approval a : requests.values()) {
            if (a.approved && a.toStatus != null && a.toStatus.equals(change.toStatus) && Math.abs(a.decidedAt - change.at) <= windowMillis) {
                return true;
            }
        }
        return false;
    }
}
