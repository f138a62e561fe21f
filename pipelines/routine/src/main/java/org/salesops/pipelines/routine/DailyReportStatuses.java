package org.salesops.pipelines.routine;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.alerts.WorkingCalendar;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Wires the daily-report status over CRM changes (users and daily_reports), which must carry their
 * commit times as event timestamps, with watermarks: one row per rep and day for
 * gold.daily_report_status, and the daily_report_missing alerts for the shared alert stream (their
 * recipients are added there, from the org chart).
 */
public final class DailyReportStatuses {

    private DailyReportStatuses() {
    }

    /** The rows of gold.daily_report_status (each element's {@code toRow()}; the sink upserts) and the alerts. */
    public record Streams(DataStream<DailyReportStatus> statuses, DataStream<Alert> alerts) {
    }

    public static Streams compute(DataStream<CrmChange> crm, DailyReportSettings settings, WorkingCalendar calendar) {
        BroadcastStream<Long> clock = crm.process(new EventClock()).returns(Long.class)
                .name("event clock").uid("daily-report-clock")
                .broadcast(DailyReportFunction.CLOCK);
        SingleOutputStreamOperator<DailyReportStatus> statuses = crm
                .flatMap((CrmChange c, Collector<RoutineEvent> out) -> RoutineEvent.of(c).forEach(out::collect))
                .returns(RoutineEvent.class).name("daily-report events").uid("daily-report-events")
                .keyBy(e -> e.personId, TypeInformation.of(Long.class))
                .connect(clock)
                .process(new DailyReportFunction(settings, calendar)).returns(DailyReportStatus.class)
                .name("daily report per rep and day").uid("daily-report-status");
        return new Streams(statuses, statuses.getSideOutput(DailyReportFunction.ALERTS));
    }
}
