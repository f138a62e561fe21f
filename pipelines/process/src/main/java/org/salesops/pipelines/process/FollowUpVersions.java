package org.salesops.pipelines.process;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by activity id: passes on each new state of a follow-up once. Re-deliveries and changes
 * older than the one applied are dropped; a change that leaves every column as it was emits
 * nothing. When an edit moves a follow-up to another rep or day, the old version is withdrawn on
 * {@link #WITHDRAWN}, so the daily aggregate of the old rep and day forgets it. The last state is
 * kept for the retention after its change.
 */
public class FollowUpVersions extends KeyedProcessFunction<Long, FollowUpDiscovery, FollowUpDiscovery> {

    public static final OutputTag<FollowUpDiscovery> WITHDRAWN =
            new OutputTag<>("withdrawn-follow-ups", TypeInformation.of(FollowUpDiscovery.class));

    private final long retentionMillis;
    private transient ValueState<FollowUpDiscovery> latest;

    public FollowUpVersions(ProcessSettings settings) {
        this.retentionMillis = settings.retention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", FollowUpDiscovery.class));
    }

    @Override
    public void processElement(FollowUpDiscovery followUp, Context ctx, Collector<FollowUpDiscovery> out) throws Exception {
        FollowUpDiscovery known = latest.value();
        if (known != null && !followUp.version.isAfter(known.version)) {
            return;
        }
        latest.update(followUp);
        ctx.timerService().registerEventTimeTimer(followUp.version.committedAt + retentionMillis);
        if (known != null && known.sameContent(followUp)) {
            return;
        }
        boolean moved = known != null && !known.deleted
                && (known.ownerId != followUp.ownerId || !known.occurredDay.equals(followUp.occurredDay));
        if (moved) {
            ctx.output(WITHDRAWN, known.withdrawnBy(followUp.version));
        }
        out.collect(followUp);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FollowUpDiscovery> out) throws Exception {
        FollowUpDiscovery known = latest.value();
        if (known != null && known.version.committedAt + retentionMillis <= timestamp) {
            latest.clear();
        }
    }
}
