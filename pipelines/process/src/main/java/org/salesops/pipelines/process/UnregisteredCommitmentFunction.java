package org.salesops.pipelines.process;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by customer: follow-ups whose notes promise something (input 1) against the commitments
 * registered for that customer (input 2).
 *
 * <p>A promise counts as registered when a commitment for the same customer (by any rep: a
 * colleague may register it) has created_at from the start of the follow-up's day (company time
 * zone; the register is often filled in before the call is logged) up to occurred_at + the
 * registration window (24 h). The decision is taken on an event-time timer at occurred_at + 24 h,
 * so a registration made within the window is always seen first. Afterwards a fact that changes it
 * (a registration known late, the notes edited, the follow-up deleted) rewrites the row as
 * {@code withdrawn}; the sink upserts by activity id. Follow-ups without a customer are not
 * considered: commitments are registered per customer, so there is nothing to check against.
 */
public class UnregisteredCommitmentFunction
        extends KeyedCoProcessFunction<Long, PromiseSignal, Registration, UnregisteredCommitment> {

    private final ZoneId zone;
    private final long windowMillis;
    private final long retentionMillis;

    private transient MapState<Long, PendingPromise> promises;
    private transient MapState<Long, Registration> registrations;

    public UnregisteredCommitmentFunction(ProcessSettings settings) {
        this.zone = settings.zone();
        this.windowMillis = settings.registrationWindow().toMillis();
        this.retentionMillis = settings.retention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        promises = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("promises", Long.class, PendingPromise.class));
        registrations = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("registrations", Long.class, Registration.class));
    }

    @Override
    public void processElement1(PromiseSignal signal, Context ctx, Collector<UnregisteredCommitment> out) throws Exception {
        PendingPromise known = promises.get(signal.activityId);
        if (known != null && !signal.version.isAfter(known.signal.version)) {
            return;
        }
        if (known == null && signal.withdrawn()) {
            return;
        }
        promises.put(signal.activityId, new PendingPromise(signal, known == null ? null : known.reported));
        long decideAt = signal.occurredAt + windowMillis;
        ctx.timerService().registerEventTimeTimer(decideAt);
        ctx.timerService().registerEventTimeTimer(signal.version.committedAt);
        ctx.timerService().registerEventTimeTimer(Math.max(decideAt, signal.version.committedAt) + retentionMillis);
    }

    @Override
    public void processElement2(Registration registration, Context ctx, Collector<UnregisteredCommitment> out) throws Exception {
        Registration known = registrations.get(registration.commitmentId);
        if (known != null && !registration.version.isAfter(known.version)) {
            return;
        }
        registrations.put(registration.commitmentId, registration);
        ctx.timerService().registerEventTimeTimer(registration.version.committedAt);
        ctx.timerService().registerEventTimeTimer(
                Math.max(registration.createdAt, registration.version.committedAt) + retentionMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<UnregisteredCommitment> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        List<Registration> registered = new ArrayList<>();
        registrations.values().forEach(r -> {
            if (!r.removed) {
                registered.add(r);
            }
        });
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, PendingPromise> e : promises.entries()) {
            PendingPromise p = e.getValue();
            if (decide(p, registered, watermark, out)) {
                promises.put(e.getKey(), p);
            }
            long decideAt = p.signal.occurredAt + windowMillis;
            if (Math.max(decideAt, p.signal.version.committedAt) + retentionMillis <= watermark) {
                expired.add(e.getKey());
            }
        }
        for (Long activity : expired) {
            promises.remove(activity);
        }
        List<Long> forgotten = new ArrayList<>();
        for (Registration r : registrations.values()) {
            if (Math.max(r.createdAt, r.version.committedAt) + retentionMillis <= watermark) {
                forgotten.add(r.commitmentId);
            }
        }
        for (Long commitment : forgotten) {
            registrations.remove(commitment);
        }
    }

    /** Writes the row the promise now deserves, if that is not the row last written; true when it wrote. */
    private boolean decide(PendingPromise p, List<Registration> registered, long watermark,
                           Collector<UnregisteredCommitment> out) {
        long decideAt = p.signal.occurredAt + windowMillis;
        if (!p.signal.withdrawn() && decideAt > watermark) {
            return false;
        }
        boolean counts = !p.signal.withdrawn() && !isRegistered(p.signal, registered);
        if (counts) {
            UnregisteredCommitment row = UnregisteredCommitment.of(p.signal, decideAt);
            if (!row.equals(p.reported)) {
                out.collect(row);
                p.reported = row;
                return true;
            }
        } else if (p.reported != null) {
            out.collect(p.reported.withdrawn());
            p.reported = null;
            return true;
        }
        return false;
    }

    private boolean isRegistered(PromiseSignal promise, List<Registration> registered) {
        long from = Instant.ofEpochMilli(promise.occurredAt).atZone(zone).toLocalDate().atStartOfDay(zone)
                .toInstant().toEpochMilli();
        long until = promise.occurredAt + windowMillis;
        return registered.stream().anyMatch(r -> r.createdAt >= from && r.createdAt <= until);
    }
}
