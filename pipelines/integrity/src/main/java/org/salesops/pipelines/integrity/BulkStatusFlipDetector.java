package org.salesops.pipelines.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Rule bulk_status_flip, keyed by {@link StatusChange#ownerAndStatus()}. The CRM does not record who
 * changed a lead, so a flip is attributed to the lead's owner: the generator's evasion (and the seed's)
 * is a rep setting their own stale leads to pending_followup in a few minutes.
 *
 * <p>A burst starts at a change when at least N distinct leads were set to the same status by the same
 * owner within M after it (N = {@link IntegritySettings#bulkFlipLeads()}, M = its window); it goes on
 * while the next change follows the previous one within M. One anomaly per burst, listing its leads,
 * decided once the watermark is M past its last change, so the result does not depend on arrival
 * order. The same change delivered twice counts once.
 */
public class BulkStatusFlipDetector extends KeyedProcessFunction<String, StatusChange, Anomaly> {

    private static final Comparator<StatusChange> IN_TIME_ORDER =
            Comparator.comparingLong((StatusChange c) -> c.at).thenComparingLong(c -> c.leadId);

    private final int minLeads;
    private final long windowMillis;

    /** Changes not yet ruled in or out of a burst, by lead and time (so a re-delivery is kept once). */
    private transient MapState<String, StatusChange> changes;

    public BulkStatusFlipDetector(IntegritySettings settings) {
        this.minLeads = settings.bulkFlipLeads();
        this.windowMillis = settings.bulkFlipWindow().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        changes = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("status-changes", String.class, StatusChange.class));
    }

    @Override
    public void processElement(StatusChange change, Context ctx, Collector<Anomaly> out) throws Exception {
        if (change.ownerId == null) {
            return;
        }
        changes.put(change.leadId + "@" + change.at, change);
        ctx.timerService().registerEventTimeTimer(change.at + windowMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        List<StatusChange> pending = new ArrayList<>();
        changes.values().forEach(pending::add);
        pending.sort(IN_TIME_ORDER);
        int i = 0;
        while (i < pending.size()) {
            StatusChange first = pending.get(i);
            if (first.at + windowMillis > watermark) {
                break;
            }
            int end = i;
            while (end + 1 < pending.size() && pending.get(end + 1).at <= first.at + windowMillis) {
                end++;
            }
            if (distinctLeads(pending, i, end).size() < minLeads) {
                forget(first);
                i++;
                continue;
            }
            while (end + 1 < pending.size() && pending.get(end + 1).at <= pending.get(end).at + windowMillis) {
                end++;
            }
            long lastAt = pending.get(end).at;
            if (lastAt + windowMillis > watermark) {
                break;
            }
            out.collect(Anomaly.bulkStatusFlip(first.ownerId, first.toStatus, List.copyOf(distinctLeads(pending, i, end)),
                    first.at, lastAt, lastAt + windowMillis));
            for (int k = i; k <= end; k++) {
                forget(pending.get(k));
            }
            i = end + 1;
        }
        if (changes.isEmpty()) {
            changes.clear();
        }
    }

    private static Set<Long> distinctLeads(List<StatusChange> inOrder, int from, int to) {
        Set<Long> leads = new LinkedHashSet<>();
        for (int k = from; k <= to; k++) {
            leads.add(inOrder.get(k).leadId);
        }
        return leads;
    }

    private void forget(StatusChange change) throws Exception {
        changes.remove(change.leadId + "@" + change.at);
    }
}
