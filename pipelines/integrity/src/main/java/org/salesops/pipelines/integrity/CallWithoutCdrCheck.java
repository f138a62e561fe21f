package org.salesops.pipelines.integrity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.salesops.pipelines.metrics.response.LeadSignal;
import org.salesops.pipelines.metrics.response.RepIdentity;

/**
 * Rule call_without_cdr, keyed by lead. A follow-up logged as a call is backed when the telephone
 * system has a call (answered or not, either direction) between the activity's owner — by PBX extension
 * or work number, from the broadcast rep identities — and the lead's phone, started within W (the call
 * window) before or after the activity's occurred_at. Decided at max(occurred_at + W, when the activity
 * became known); a lead with no phone has no calls, so its logged calls are all unbacked. A lead never
 * seen (deleted before Debezium's snapshot) cannot be checked: its phone is unknown, so its follow-ups are
 * skipped. Calls are kept for the retention after they started, for activities that become known late
 * (a late log, the snapshot); that the lead exists is kept while it does, and for the retention after
 * its deletion.
 *
 * <p>A backed call follow-up also tells how late it was written down: the nearest such call and the
 * entry time go to the side output {@link #LOG_GAPS}.
 */
public class CallWithoutCdrCheck extends KeyedBroadcastProcessFunction<Long, LeadCallEvent, RepIdentity, Anomaly> {

    public static final MapStateDescriptor<Long, RepIdentity> REPS =
            new MapStateDescriptor<>("integrity-reps", Long.class, RepIdentity.class);

    public static final OutputTag<FollowUpLogGap> LOG_GAPS =
            new OutputTag<>("follow-up-log-gaps", TypeInformation.of(FollowUpLogGap.class));

    private final long windowMillis;
    private final long retentionMillis;

    /** The latest version of each logged call (or its withdrawal) waiting for its decision, by activity id. */
    private transient MapState<Long, CallActivity> pending;
    private transient ListState<LeadSignal> calls;
    /** The lead's latest row version: kept while it exists, and for the retention after its deletion. */
    private transient ValueState<LeadCallEvent.LeadRow> lead;

    public CallWithoutCdrCheck(IntegritySettings settings) {
        this.windowMillis = settings.callWindow().toMillis();
        this.retentionMillis = settings.retention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("logged-calls", Long.class, CallActivity.class));
        calls = getRuntimeContext().getListState(new ListStateDescriptor<>("lead-calls", LeadSignal.class));
        lead = getRuntimeContext().getState(new ValueStateDescriptor<>("lead", LeadCallEvent.LeadRow.class));
    }

    @Override
    public void processElement(LeadCallEvent event, ReadOnlyContext ctx, Collector<Anomaly> out) throws Exception {
        if (event.lead != null) {
            LeadCallEvent.LeadRow known = lead.value();
            if (known == null || known.version <= event.lead.version) {
                lead.update(event.lead);
                if (event.lead.deleted) {
                    ctx.timerService().registerEventTimeTimer(event.lead.version + retentionMillis);
                }
            }
            return;
        }
        if (event.call != null) {
            calls.add(event.call);
            ctx.timerService().registerEventTimeTimer(event.call.at + retentionMillis);
            return;
        }
        CallActivity activity = event.activity;
        CallActivity known = pending.get(activity.activityId);
        if (known != null && known.version > activity.version) {
            return;
        }
        // A withdrawal is kept until its own decision time too, so an older version arriving late stays dead.
        long knownAt = ctx.timestamp() != null ? ctx.timestamp() : activity.occurredAt;
        long decideAt = Math.max(activity.occurredAt + windowMillis, knownAt);
        pending.put(activity.activityId, activity.decidedAt(decideAt));
        ctx.timerService().registerEventTimeTimer(decideAt);
    }

    @Override
    public void processBroadcastElement(RepIdentity rep, Context ctx, Collector<Anomaly> out) throws Exception {
        ctx.getBroadcastState(REPS).put(rep.userId, rep);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        List<LeadSignal> known = new ArrayList<>();
        calls.get().forEach(known::add);
        ReadOnlyBroadcastState<Long, RepIdentity> reps = ctx.getBroadcastState(REPS);
        List<Long> decided = new ArrayList<>();
        for (Map.Entry<Long, CallActivity> entry : pending.entries()) {
            CallActivity activity = entry.getValue();
            if (activity.decideAt > watermark) {
                continue;
            }
            decided.add(entry.getKey());
            if (!activity.logged || lead.value() == null) {
                continue;
            }
            LeadSignal call = nearestCall(activity, reps.get(activity.ownerId), known);
            if (call == null) {
                out.collect(Anomaly.callWithoutCdr(activity.activityId, activity.ownerId, activity.leadId,
                        activity.occurredAt, activity.decideAt, Duration.ofMillis(windowMillis)));
            } else {
                ctx.output(LOG_GAPS, new FollowUpLogGap(activity, call.at));
            }
        }
        for (Long id : decided) {
            pending.remove(id);
        }
        if (pending.isEmpty()) {
            pending.clear();
        }
        LeadCallEvent.LeadRow row = lead.value();
        if (row != null && row.deleted && row.version + retentionMillis <= watermark) {
            lead.clear();
        }
        List<LeadSignal> kept = known.stream().filter(c -> c.at + retentionMillis > watermark).toList();
        if (kept.isEmpty()) {
            calls.clear();
        } else if (kept.size() < known.size()) {
            calls.update(kept);
        }
    }

    /**
     * The call the follow-up describes: of the owner's calls with the lead within the window, the one
     * nearest to the stated time, an answered call before any unanswered attempt (a follow-up records a
     * conversation; the attempts around it are not what it logs); null when there is none.
     */
    private LeadSignal nearestCall(CallActivity activity, RepIdentity owner, List<LeadSignal> known) {
        if (owner == null) {
            return null;
        }
        Comparator<LeadSignal> better = Comparator.comparing((LeadSignal c) -> !c.connected)
                .thenComparingLong(c -> Math.abs(c.at - activity.occurredAt))
                .thenComparingLong(c -> c.at);
        return known.stream()
                .filter(c -> Math.abs(c.at - activity.occurredAt) <= windowMillis && owner.madeCall(c))
                .min(better).orElse(null);
    }
}
