package org.salesops.pipelines.metrics.response;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by a phone number in E.164: remembers which leads have that phone and turns each connected
 * call with it into a call signal for each of those leads. A call is kept for the retention after it
 * started, so a lead whose phone becomes known later (a snapshot reveals old leads) still gets it.
 */
public class CallLeadMatcher extends KeyedCoProcessFunction<String, LeadPhone, LeadSignal, LeadSignal> {

    private final long retentionMillis;

    private transient MapState<Long, Boolean> leads;
    private transient ListState<LeadSignal> recentCalls;

    public CallLeadMatcher(ResponseTimeRules rules) {
        this.retentionMillis = rules.retention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        leads = getRuntimeContext().getMapState(new MapStateDescriptor<>("leads", Long.class, Boolean.class));
        recentCalls = getRuntimeContext().getListState(new ListStateDescriptor<>("recent-calls", LeadSignal.class));
    }

    @Override
    public void processElement1(LeadPhone phone, Context ctx, Collector<LeadSignal> out) throws Exception {
        if (!phone.active) {
            leads.remove(phone.leadId);
            if (leads.isEmpty()) {
                leads.clear();
            }
            return;
        }
        if (!leads.contains(phone.leadId)) {
            leads.put(phone.leadId, true);
            for (LeadSignal call : recentCalls.get()) {
                out.collect(call.forLead(phone.leadId));
            }
        }
    }

    @Override
    public void processElement2(LeadSignal call, Context ctx, Collector<LeadSignal> out) throws Exception {
        for (Long lead : leads.keys()) {
            out.collect(call.forLead(lead));
        }
        recentCalls.add(call);
        ctx.timerService().registerEventTimeTimer(call.at + retentionMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LeadSignal> out) throws Exception {
        List<LeadSignal> kept = new ArrayList<>();
        for (LeadSignal call : recentCalls.get()) {
            if (call.at + retentionMillis > ctx.timerService().currentWatermark()) {
                kept.add(call);
            }
        }
        if (kept.isEmpty()) {
            recentCalls.clear();
        } else {
            recentCalls.update(kept);
        }
    }
}
