package org.salesops.pipelines.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.routine.DailyReportFunctionTest.at;
import static org.salesops.pipelines.routine.DailyReportFunctionTest.report;
import static org.salesops.pipelines.routine.DailyReportFunctionTest.user;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.alerts.WorkingCalendar;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmRow;

/** The wiring on a MiniCluster at parallelism 2, over a small hand-made CRM history of two reps and a supervisor. */
class DailyReportStatusesTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    static List<CrmChange> history() {
        List<CrmChange> h = new ArrayList<>();
        // the snapshot on Monday morning: two reps and their supervisor, and a report of the Friday before
        h.add(CrmRow.snapshot("users", user(1002, "supervisor", true), at("2026-03-02T06:30")));
        h.add(CrmRow.snapshot("users", user(1007, "rep", true), at("2026-03-02T06:30")));
        h.add(CrmRow.snapshot("users", user(1008, "rep", true), at("2026-03-02T06:30")));
        h.add(CrmRow.snapshot("daily_reports", report(699001, 1007, MONDAY.minusDays(3), null, null, "2026-02-27T19:00"),
                at("2026-03-02T06:30")));
        // Monday: 1007 on time (twice), 1008 the next morning; the supervisor writes one too
        h.add(CrmRow.created("daily_reports", report(700001, 1007, MONDAY, "budget_confirmed", "客户说:今年这块预算大概50万左右",
                "2026-03-02T19:00"), at("2026-03-02T19:00")));
        h.add(CrmRow.created("daily_reports", report(700002, 1007, MONDAY, "budget_confirmed", null, "2026-03-02T19:02"),
                at("2026-03-02T19:02")));
        h.add(CrmRow.created("daily_reports", report(700003, 1002, MONDAY, null, null, "2026-03-02T19:30"),
                at("2026-03-02T19:30")));
        h.add(CrmRow.created("daily_reports", report(700004, 1008, MONDAY, null, null, "2026-03-03T09:00"),
                at("2026-03-03T09:00")));
        // Tuesday: 1007 on time, 1008 nothing; both leave on Wednesday morning
        h.add(CrmRow.created("daily_reports", report(700005, 1007, MONDAY.plusDays(1), "tech_owner_involved", null,
                "2026-03-03T18:00"), at("2026-03-03T18:00")));
        h.add(CrmRow.updated("users", user(1007, "rep", true), user(1007, "supervisor", true), at("2026-03-04T09:00")));
        h.add(CrmRow.updated("users", user(1008, "rep", true), user(1008, "rep", false), at("2026-03-04T09:00:01")));
        // a deleted follow-up's tombstone: the parser gives it no commit time (its event time is the Kafka record's)
        h.add(new CrmChange("activities", "tombstone", Map.of("id", 500001L), null, null, null, null));
        return h;
    }

    @Test
    void decidesEveryRepAndDayAndRaisesTheMissingReportAlerts() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<CrmChange> crm = env.fromData(history(), TypeInformation.of(CrmChange.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<CrmChange>forBoundedOutOfOrderness(Duration.ofMinutes(5))
                        .withTimestampAssigner((c, ts) -> (c.committedAt() == null ? at("2026-03-04T09:00:02")
                                : c.committedAt()).toEpochMilli()));

        DailyReportStatuses.Streams streams = DailyReportStatuses.compute(crm, DailyReportSettings.defaults(),
                WorkingCalendar.china());
        CloseableIterator<DailyReportStatus> statuses = streams.statuses().collectAsync();
        CloseableIterator<Alert> alerts = streams.alerts().collectAsync();
        env.execute("daily report status test");

        Map<String, String> table = new java.util.TreeMap<>();
        List<DailyReportStatus> rows = new ArrayList<>();
        statuses.forEachRemaining(rows::add);
        rows.forEach(r -> table.put(r.repId + "@" + r.day(), r.status + "/" + r.submissions));
        assertThat(table).containsExactly(
                Map.entry("1002@2026-03-02", "not_due/1"),
                Map.entry("1007@2026-03-02", "on_time/2"),
                Map.entry("1007@2026-03-03", "on_time/1"),
                Map.entry("1008@2026-03-02", "late/1"),
                Map.entry("1008@2026-03-03", "missing/0"));

        List<Alert> raised = new ArrayList<>();
        alerts.forEachRemaining(raised::add);
        assertThat(raised.stream().map(a -> a.subjectId + " " + a.status).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("1008 open", "1008 resolved", "1008 open");
        assertThat(rows).as("Wednesday's deadline lies beyond the data").noneMatch(r -> r.day().equals(MONDAY.plusDays(2)));
    }
}
