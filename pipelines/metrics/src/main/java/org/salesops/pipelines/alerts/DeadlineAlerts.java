package org.salesops.pipelines.alerts;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Wires every deadline rule over CRM changes into one stream of alerts (recipients not yet filled
 * in): the per-record rules of {@link AlertRules}, and the receivable path, which needs a contract's
 * rows together first ({@link ReceivablePathWatch}). The input must carry event timestamps and
 * watermarks.
 */
public final class DeadlineAlerts {

    /** The seed's 静默预警: a receivable step with no action for 48 hours. */
    public static final Threshold RECEIVABLE_STEP_THRESHOLD = Threshold.hours(48);

    private DeadlineAlerts() {
    }

    public static DataStream<Alert> compute(DataStream<CrmChange> crm, WorkingCalendar calendar) {
        AlertRules rules = AlertRules.all(calendar);
        DataStream<SilenceEvent> perRecord = crm
                .flatMap((CrmChange c, Collector<SilenceEvent> out) -> rules.apply(c).forEach(out::collect))
                .returns(SilenceEvent.class).name("deadline rules").uid("deadline-rules");
        DataStream<SilenceEvent> receivablePaths = crm
                .flatMap((CrmChange c, Collector<ReceivableChange> out) -> ReceivableChange.of(c).forEach(out::collect))
                .returns(ReceivableChange.class).name("receivable path changes").uid("receivable-path-changes")
                .keyBy(c -> c.contractId, TypeInformation.of(Long.class))
                .process(new ReceivablePathWatch(RECEIVABLE_STEP_THRESHOLD, calendar)).returns(SilenceEvent.class)
                .name("receivable path watch").uid("receivable-path-watch");
        return perRecord.union(receivablePaths)
                .keyBy(SilenceEvent::key, TypeInformation.of(String.class))
                .process(new SilenceAlertFunction(calendar)).returns(Alert.class)
                .name("silence alerts").uid("silence-alerts");
    }
}
