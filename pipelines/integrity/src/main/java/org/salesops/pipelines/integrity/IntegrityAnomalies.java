package org.salesops.pipelines.integrity;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.metrics.response.CallLeadMatcher;
import org.salesops.pipelines.metrics.response.LeadPhone;
import org.salesops.pipelines.metrics.response.LeadSignal;
import org.salesops.pipelines.metrics.response.LeadSignals;
import org.salesops.pipelines.metrics.response.RepIdentity;
import org.salesops.pipelines.metrics.response.ResponseTimeRules;

/**
 * Wires the four integrity rules over the CRM changes and the call records, into one stream of
 * {@link Anomaly} rows for gold.integrity_anomalies, and the log gap of every backed call follow-up
 * for gold.follow_up_log_gap. The inputs must carry event timestamps (CRM: commit
 * time; calls: when the record became known, e.g. the call's end) and watermarks.
 */
public final class IntegrityAnomalies {

    private IntegrityAnomalies() {
    }

    /** The anomalies, and how late each call follow-up backed by a call record was logged. */
    public record Streams(DataStream<Anomaly> anomalies, DataStream<FollowUpLogGap> logGaps) {
    }

    public static Streams compute(DataStream<CrmChange> crm, DataStream<CallRecord> calls,
                                  IntegritySettings settings) {
        DataStream<Anomaly> backDated = crm.process(new BackDatedRows(settings)).returns(Anomaly.class)
                .name("back-dated rows").uid("integrity-back-dated");

        DataStream<StatusChange> statusChanges = crm
                .flatMap((CrmChange c, Collector<StatusChange> out) -> StatusChange.of(c).ifPresent(out::collect))
                .returns(StatusChange.class).name("lead status changes").uid("integrity-status-changes");
        DataStream<Anomaly> bulkFlips = statusChanges.filter(c -> c.ownerId != null)
                .name("status changes with an owner").uid("integrity-owned-status-changes")
                .keyBy(StatusChange::ownerAndStatus, TypeInformation.of(String.class))
                .process(new BulkStatusFlipDetector(settings)).returns(Anomaly.class)
                .name("bulk status flips").uid("integrity-bulk-status-flips");

        DataStream<Approval> approvals = crm
                .flatMap((CrmChange c, Collector<Approval> out) -> Approval.of(c).ifPresent(out::collect))
                .returns(Approval.class).name("status change approvals").uid("integrity-approvals");
        DataStream<Anomaly> unapproved = statusChanges.keyBy(c -> c.leadId, TypeInformation.of(Long.class))
                .connect(approvals.keyBy(a -> a.leadId, TypeInformation.of(Long.class)))
                .process(new ApprovalCheck(settings)).returns(Anomaly.class)
                .name("unapproved status changes").uid("integrity-unapproved-status-changes");

        SingleOutputStreamOperator<Anomaly> callsWithoutRecord = callsWithoutRecord(crm, calls, settings);
        return new Streams(backDated.union(bulkFlips, unapproved, callsWithoutRecord),
                callsWithoutRecord.getSideOutput(CallWithoutCdrCheck.LOG_GAPS));
    }

    private static SingleOutputStreamOperator<Anomaly> callsWithoutRecord(DataStream<CrmChange> crm, DataStream<CallRecord> calls,
                                                          IntegritySettings settings) {
        DataStream<LeadPhone> phones = crm
                .flatMap((CrmChange c, Collector<LeadPhone> out) -> LeadSignals.phones(c).forEach(out::collect))
                .returns(LeadPhone.class).name("lead phones (integrity)").uid("integrity-lead-phones");
        DataStream<LeadSignal> dialled = calls
                .flatMap((CallRecord c, Collector<LeadSignal> out) -> DialledCalls.signal(c).ifPresent(out::collect))
                .returns(LeadSignal.class).name("dialled calls").uid("integrity-dialled-calls");
        // The response-time matcher keeps calls for its retention; ours is the same setting.
        ResponseTimeRules matching = new ResponseTimeRules(settings.callWindow(), settings.retention());
        DataStream<LeadCallEvent> leadCalls = phones.keyBy(p -> p.phone, TypeInformation.of(String.class))
                .connect(dialled.keyBy(s -> s.phone, TypeInformation.of(String.class)))
                .process(new CallLeadMatcher(matching)).returns(LeadSignal.class)
                .name("match dialled calls to leads").uid("integrity-match-calls-to-leads")
                .map(LeadCallEvent::of).returns(LeadCallEvent.class)
                .name("calls per lead").uid("integrity-calls-per-lead");
        DataStream<LeadCallEvent> logged = crm
                .flatMap((CrmChange c, Collector<LeadCallEvent> out) -> {
                    CallActivity.of(c).forEach(a -> out.collect(LeadCallEvent.of(a)));
                    LeadCallEvent.lead(c).ifPresent(out::collect);
                })
                .returns(LeadCallEvent.class).name("leads and calls logged as follow-ups").uid("integrity-logged-calls");
        BroadcastStream<RepIdentity> reps = crm
                .flatMap((CrmChange c, Collector<RepIdentity> out) -> LeadSignals.rep(c).ifPresent(out::collect))
                .returns(RepIdentity.class).name("rep identities (integrity)").uid("integrity-rep-identities")
                .broadcast(CallWithoutCdrCheck.REPS);
        return logged.union(leadCalls)
                .keyBy(LeadCallEvent::leadId, TypeInformation.of(Long.class))
                .connect(reps)
                .process(new CallWithoutCdrCheck(settings)).returns(Anomaly.class)
                .name("calls without a call record").uid("integrity-calls-without-cdr");
    }
}
