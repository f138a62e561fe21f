package org.salesops.pipelines.metrics.response;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Wires the response-time metric: calls are matched to leads by phone, then each lead's
 * assignments, calls and follow-ups meet in {@link LeadResponseFunction}. The inputs must carry
 * event timestamps and watermarks.
 */
public final class LeadResponseTimes {

    private LeadResponseTimes() {
    }

    /** The response rows and the lead_not_contacted alerts (recipients not yet filled in). */
    public record Streams(DataStream<LeadResponse> responses, DataStream<Alert> alerts) {
    }

    public static Streams compute(DataStream<CrmChange> crm, DataStream<CallRecord> calls, ResponseTimeRules rules) {
        DataStream<LeadPhone> phones = crm
                .flatMap((CrmChange c, org.apache.flink.util.Collector<LeadPhone> out) -> LeadSignals.phones(c).forEach(out::collect))
                .returns(LeadPhone.class).name("lead phones").uid("lead-phones");
        DataStream<LeadSignal> callSignals = calls
                .flatMap((CallRecord c, org.apache.flink.util.Collector<LeadSignal> out) -> LeadSignals.call(c).ifPresent(out::collect))
                .returns(LeadSignal.class).name("connected calls").uid("connected-calls");
        DataStream<LeadSignal> matchedCalls = phones.keyBy(p -> p.phone, TypeInformation.of(String.class))
                .connect(callSignals.keyBy(s -> s.phone, TypeInformation.of(String.class)))
                .process(new CallLeadMatcher(rules)).returns(LeadSignal.class)
                .name("match calls to leads by phone").uid("match-calls-to-leads");

        DataStream<LeadSignal> crmSignals = crm
                .flatMap((CrmChange c, org.apache.flink.util.Collector<LeadSignal> out) -> {
                    LeadSignals.assignment(c).ifPresent(out::collect);
                    LeadSignals.followUp(c).ifPresent(out::collect);
                    LeadSignals.deletion(c).ifPresent(out::collect);
                })
                .returns(LeadSignal.class).name("assignments and follow-ups").uid("assignments-and-follow-ups");
        BroadcastStream<RepIdentity> reps = crm
                .flatMap((CrmChange c, org.apache.flink.util.Collector<RepIdentity> out) -> LeadSignals.rep(c).ifPresent(out::collect))
                .returns(RepIdentity.class).name("rep identities").uid("rep-identities")
                .broadcast(LeadResponseFunction.REPS);

        SingleOutputStreamOperator<LeadResponse> responses = crmSignals.union(matchedCalls)
                .keyBy(s -> s.leadId, TypeInformation.of(Long.class))
                .connect(reps)
                .process(new LeadResponseFunction(rules)).returns(LeadResponse.class)
                .name("lead response time").uid("lead-response-time");
        return new Streams(responses, responses.getSideOutput(LeadResponseFunction.ALERTS));
    }
}
