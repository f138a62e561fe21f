package org.salesops.pipelines.process;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by commitment id: keeps gold.commitments current. Each newer change is reported with its
 * outcome as of its commit time; an open commitment becomes overdue_open on an event-time timer at
 * due_at (a postponed due_at simply registers a later timer). Re-deliveries and stale changes are
 * dropped, an unchanged row is not written twice, and the state is cleared once the retention has
 * passed both the last change and the due date.
 */
public class CommitmentLifeFunction extends KeyedProcessFunction<Long, CommitmentChange, CommitmentLife> {

    private final long retentionMillis;
    private transient ValueState<CommitmentChange> latest;
    private transient ValueState<CommitmentLife> reported;
    private transient ValueState<Long> fulfilledKnownAt;

    public CommitmentLifeFunction(ProcessSettings settings) {
        this.retentionMillis = settings.retention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", CommitmentChange.class));
        reported = getRuntimeContext().getState(new ValueStateDescriptor<>("reported", CommitmentLife.class));
        fulfilledKnownAt = getRuntimeContext().getState(new ValueStateDescriptor<>("fulfilled-known-at", Long.class));
    }

    @Override
    public void processElement(CommitmentChange change, Context ctx, Collector<CommitmentLife> out) throws Exception {
        CommitmentChange known = latest.value();
        if (known != null && !change.version.isAfter(known.version)) {
            return;
        }
        latest.update(change);
        if (!"fulfilled".equals(change.status)) {
            fulfilledKnownAt.clear();
        } else if (fulfilledKnownAt.value() == null) {
            fulfilledKnownAt.update(change.version.committedAt);
        }
        long asOf = Math.max(change.version.committedAt, ctx.timerService().currentWatermark());
        if ("open".equals(change.status) && change.dueAt > asOf) {
            ctx.timerService().registerEventTimeTimer(change.dueAt);
        }
        ctx.timerService().registerEventTimeTimer(Math.max(change.version.committedAt, change.dueAt) + retentionMillis);
        report(change, asOf, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CommitmentLife> out) throws Exception {
        CommitmentChange known = latest.value();
        if (known == null) {
            return;
        }
        if (Math.max(known.version.committedAt, known.dueAt) + retentionMillis <= timestamp) {
            latest.clear();
            reported.clear();
            fulfilledKnownAt.clear();
            return;
        }
        report(known, timestamp, out);
    }

    private void report(CommitmentChange change, long asOf, Collector<CommitmentLife> out) throws Exception {
        CommitmentLife life = CommitmentLife.of(change, fulfilledKnownAt.value(), asOf);
        if (!life.equals(reported.value())) {
            reported.update(life);
            out.collect(life);
        }
    }
}
