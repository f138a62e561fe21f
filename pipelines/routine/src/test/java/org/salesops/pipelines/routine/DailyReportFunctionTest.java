package org.salesops.pipelines.routine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.alerts.WorkingCalendar;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmRow;

/**
 * The daily-report operator alone, driven by hand-made CRM changes and watermarks. Every test ends
 * with the rep leaving and time running out, and then no timer and no state may be left.
 */
class DailyReportFunctionTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DailyReportSettings SETTINGS = DailyReportSettings.defaults();
    static final long REP = 1007L;
    static final long SUPERVISOR = 1002L;
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    KeyedBroadcastOperatorTestHarness<Long, RoutineEvent, Long, DailyReportStatus> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new DailyReportFunction(SETTINGS, WorkingCalendar.china()), e -> e.personId, Types.LONG,
                DailyReportFunction.CLOCK);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    // ---- the story of each test, in CRM changes ----

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static long millis(String localDateTime) {
        return at(localDateTime).toEpochMilli();
    }

    static CrmRow user(long id, String role, boolean active) {
        return CrmRow.row().with("id", id).with("name", "王芳").with("role", role).with("team_id", 1L)
                .with("manager_id", SUPERVISOR).with("active", active);
    }

    static CrmRow report(long id, long rep, LocalDate day, String breakthroughs, String evidence, String submitted) {
        return CrmRow.row().with("id", id).with("rep_id", rep).with("report_date", day)
                .with("breakthroughs", breakthroughs).with("evidence", evidence).with("next_actions", "明天回访两条新线索")
                .with("submitted_at", at(submitted)).with("updated_at", at(submitted));
    }

    /** The rep is in the CRM's initial snapshot on Monday morning. */
    void repKnownMondayMorning() throws Exception {
        send(CrmRow.snapshot("users", user(REP, "rep", true), at("2026-03-02T06:30")));
    }

    void repLeaves(String when) throws Exception {
        send(CrmRow.updated("users", user(REP, "rep", true), user(REP, "rep", false), at(when)));
    }

    void send(CrmChange change) throws Exception {
        for (RoutineEvent event : RoutineEvent.of(change)) {
            harness.processElement(event, change.committedAt().toEpochMilli());
        }
    }

    void timeReaches(String localDateTime) throws Exception {
        harness.watermark(millis(localDateTime));
    }

    /** Time runs out, and nothing may be left behind. */
    void endAndAssertNothingLeaks() throws Exception {
        harness.watermark(Long.MAX_VALUE);
        assertThat(harness.numEventTimeTimers()).as("event-time timers left").isZero();
        HeapKeyedStateBackend<?> backend = (HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend();
        assertThat(backend.numKeyValueStateEntries()).as("keyed state entries left").isZero();
    }

    List<DailyReportStatus> rows() {
        return harness.extractOutputValues();
    }

    /** The row each rep and day ends with, as the upsert sink keeps it. */
    Map<String, DailyReportStatus> table() {
        return rows().stream().collect(Collectors.toMap(r -> r.repId + "@" + r.day(), r -> r, (a, b) -> b));
    }

    DailyReportStatus day(long rep, LocalDate day) {
        return table().get(rep + "@" + day);
    }

    List<Alert> alerts() {
        var emitted = harness.getSideOutput(DailyReportFunction.ALERTS);
        return emitted == null ? List.of() : emitted.stream().map(StreamRecord::getValue).toList();
    }

    // ---- the tests ----

    @Test
    void aReportKnownByTheDeadlineIsOnTimeWithItsTicksAndEvidence() throws Exception {
        repKnownMondayMorning();
        send(CrmRow.created("daily_reports", report(700001, REP, MONDAY, "budget_confirmed;purchase_time_confirmed",
                "客户说:我们计划3月启动招标", "2026-03-02T18:10"), at("2026-03-02T18:10:00.050")));
        timeReaches("2026-03-02T19:59:59.999");
        assertThat(rows()).as("decided at the deadline, not before").isEmpty();

        timeReaches("2026-03-02T20:00");
        DailyReportStatus monday = day(REP, MONDAY);
        assertThat(monday.status).isEqualTo(DailyReportStatus.ON_TIME);
        assertThat(monday.toRow()).containsEntry("counted", true).containsEntry("team_id", 1L)
                .containsEntry("breakthroughs", "purchase_time_confirmed;budget_confirmed")
                .containsEntry("breakthrough_count", 2).containsEntry("evidence_present", true)
                .containsEntry("unevidenced_breakthroughs", 0).containsEntry("submissions", 1)
                .containsEntry("report_id", 700001L).containsEntry("deadline_at", at("2026-03-02T20:00"))
                .containsEntry("known_at", at("2026-03-02T18:10:00.050"));
        assertThat(alerts()).isEmpty();

        repLeaves("2026-03-03T10:00");
        endAndAssertNothingLeaks();
    }

    @Test
    void aMissingReportAlertsAtTheDeadlineAndALateOneResolvesIt() throws Exception {
        repKnownMondayMorning();
        timeReaches("2026-03-02T20:00");

        assertThat(day(REP, MONDAY).status).isEqualTo(DailyReportStatus.MISSING);
        assertThat(harness.getSideOutput(DailyReportFunction.ALERTS)).singleElement()
                .satisfies(r -> assertThat(r.getTimestamp()).as("raised at the deadline").isEqualTo(millis("2026-03-02T20:00")));
        Alert open = alerts().get(0);
        assertThat(open.alertId).isEqualTo("daily_report_missing:rep:1007:" + millis("2026-03-02T00:00"));
        assertThat(open.status).isEqualTo(Alert.OPEN);
        assertThat(open.ownerId).isEqualTo(REP);
        assertThat(open.dueAt).isEqualTo(millis("2026-03-02T20:00"));
        assertThat(open.message).contains("日报", "Daily report", "2026-03-02");

        // written the next morning
        send(CrmRow.created("daily_reports", report(700002, REP, MONDAY, null, null, "2026-03-03T09:12"),
                at("2026-03-03T09:12")));
        timeReaches("2026-03-03T09:12");
        DailyReportStatus late = day(REP, MONDAY);
        assertThat(late.status).isEqualTo(DailyReportStatus.LATE);
        assertThat(late.toRow()).containsEntry("counted", true).containsEntry("report_id", 700002L)
                .containsEntry("breakthrough_count", 0).containsEntry("evidence_present", false);
        assertThat(alerts()).hasSize(2);
        assertThat(alerts().get(1).alertId).isEqualTo(open.alertId);
        assertThat(alerts().get(1).status).isEqualTo(Alert.RESOLVED);
        assertThat(alerts().get(1).resolvedAt).isEqualTo(millis("2026-03-03T09:12"));

        repLeaves("2026-03-03T10:00");
        endAndAssertNothingLeaks();
    }

    @Test
    void aReportCommittedAtTheDeadlineItselfIsInTime() throws Exception {
        repKnownMondayMorning();
        send(CrmRow.created("daily_reports", report(700001, REP, MONDAY, null, null, "2026-03-02T19:59:59"),
                at("2026-03-02T20:00")));
        timeReaches("2026-03-02T20:00");

        assertThat(day(REP, MONDAY).status).isEqualTo(DailyReportStatus.ON_TIME);
        assertThat(alerts()).isEmpty();
        repLeaves("2026-03-03T10:00");
        endAndAssertNothingLeaks();
    }

    @Test
    void aReportSubmittedTwiceCountsOnceWithEachTickOnce() throws Exception {
        repKnownMondayMorning();
        send(CrmRow.created("daily_reports", report(700001, REP, MONDAY, "budget_confirmed", null, "2026-03-02T18:00"),
                at("2026-03-02T18:00")));
        send(CrmRow.created("daily_reports", report(700002, REP, MONDAY, "budget_confirmed;tech_owner_involved",
                "客户说:下次让我们技术总监一起来听", "2026-03-02T18:04"), at("2026-03-02T18:04")));
        timeReaches("2026-03-02T20:00");

        DailyReportStatus monday = day(REP, MONDAY);
        assertThat(rows()).hasSize(1);
        assertThat(monday.status).isEqualTo(DailyReportStatus.ON_TIME);
        assertThat(monday.toRow()).containsEntry("submissions", 2).containsEntry("report_id", 700001L)
                .containsEntry("breakthroughs", "budget_confirmed;tech_owner_involved")
                .containsEntry("breakthrough_count", 2).containsEntry("evidence", "客户说:下次让我们技术总监一起来听");
        repLeaves("2026-03-03T10:00");
        endAndAssertNothingLeaks();
    }

    @Test
    void anEditAfterTheDeadlineIsNotedButChangesNeitherStatusNorTicks() throws Exception {
        repKnownMondayMorning();
        CrmRow submitted = report(700001, REP, MONDAY, "budget_confirmed", null, "2026-03-02T18:00");
        send(CrmRow.created("daily_reports", submitted, at("2026-03-02T18:00")));
        timeReaches("2026-03-02T20:00");
        // the next morning the rep ticks two more breakthroughs and adds evidence
        CrmRow edited = submitted.copy().with("breakthroughs", "budget_confirmed;purchase_time_confirmed;tech_owner_involved")
                .with("evidence", "客户说:我们计划5月启动招标").with("updated_at", at("2026-03-03T08:45"));
        send(CrmRow.updated("daily_reports", submitted, edited, at("2026-03-03T08:45")));
        timeReaches("2026-03-03T08:45");

        DailyReportStatus monday = day(REP, MONDAY);
        assertThat(monday.status).isEqualTo(DailyReportStatus.ON_TIME);
        assertThat(monday.toRow()).containsEntry("edited_after_deadline", true)
                .containsEntry("breakthroughs", "budget_confirmed").containsEntry("breakthrough_count", 1)
                .containsEntry("evidence_present", false).containsEntry("unevidenced_breakthroughs", 1);
        repLeaves("2026-03-03T10:00");
        endAndAssertNothingLeaks();
    }

    @Test
    void anEditBeforeTheDeadlineCountsAsTheReport() throws Exception {
        repKnownMondayMorning();
        CrmRow submitted = report(700001, REP, MONDAY, "budget_confirmed", null, "2026-03-02T18:00");
        send(CrmRow.created("daily_reports", submitted, at("2026-03-02T18:00")));
        send(CrmRow.updated("daily_reports", submitted, submitted.copy().with("evidence", "客户说:预算大概80万左右")
                .with("updated_at", at("2026-03-02T18:30")), at("2026-03-02T18:30")));
        timeReaches("2026-03-02T20:00");

        assertThat(day(REP, MONDAY).toRow()).containsEntry("status", "on_time").containsEntry("evidence_present", true)
                .containsEntry("edited_after_deadline", false).containsEntry("known_at", at("2026-03-02T18:00"));
        repLeaves("2026-03-03T10:00");
        endAndAssertNothingLeaks();
    }

    @Test
    void aReportForANonWorkingDayIsWrittenNotDueAndNoWeekendIsAwaited() throws Exception {
        repKnownMondayMorning();
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        send(CrmRow.created("daily_reports", report(700009, REP, saturday, "budget_confirmed", "客户说:今年这块预算大概50万左右",
                "2026-03-07T16:00"), at("2026-03-07T16:00")));
        repLeaves("2026-03-09T10:00");
        timeReaches("2026-03-09T10:00");

        assertThat(day(REP, saturday).toRow()).containsEntry("status", "not_due").containsEntry("counted", false)
                .containsEntry("not_due_reason", "non_working_day").containsEntry("breakthrough_count", 1);
        assertThat(table().keySet()).as("Monday to Friday decided, the weekend not awaited")
                .containsExactlyInAnyOrder("1007@2026-03-02", "1007@2026-03-03", "1007@2026-03-04", "1007@2026-03-05",
                        "1007@2026-03-06", "1007@2026-03-07");
        assertThat(alerts()).hasSize(5).allSatisfy(a -> assertThat(a.rule).isEqualTo(DailyReportFunction.RULE));
        endAndAssertNothingLeaks();
    }

    @Test
    void followsChinasCalendarThroughTheSpringFestivalAndItsMakeUpSaturday() throws Exception {
        send(CrmRow.snapshot("users", user(REP, "rep", true), at("2026-02-13T07:00")));
        repLeaves("2026-02-25T07:00");
        timeReaches("2026-02-25T07:00");

        assertThat(table().keySet()).containsExactlyInAnyOrder("1007@2026-02-13", "1007@2026-02-14", "1007@2026-02-24");
        endAndAssertNothingLeaks();
    }

    @Test
    void aReportBySomeoneWhoIsNotARepIsNotDueAndRaisesNothing() throws Exception {
        send(CrmRow.snapshot("users", user(SUPERVISOR, "supervisor", true), at("2026-03-02T06:30")));
        send(CrmRow.created("daily_reports", report(700003, SUPERVISOR, MONDAY, null, null, "2026-03-02T18:30"),
                at("2026-03-02T18:30")));
        timeReaches("2026-03-04T00:00");

        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.toRow()).containsEntry("rep_id", SUPERVISOR)
                .containsEntry("status", "not_due").containsEntry("not_due_reason", "not_a_rep")
                .containsEntry("counted", false).containsEntry("team_id", null));
        assertThat(alerts()).isEmpty();
        endAndAssertNothingLeaks();
    }

    @Test
    void reDeliveredAndStaleChangesAreIgnored() throws Exception {
        repKnownMondayMorning();
        CrmRow submitted = report(700001, REP, MONDAY, "budget_confirmed", null, "2026-03-02T18:00");
        CrmChange created = CrmRow.created("daily_reports", submitted, at("2026-03-02T18:00"));
        CrmChange edited = CrmRow.updated("daily_reports", submitted,
                submitted.copy().with("breakthroughs", "budget_confirmed;tech_owner_involved"), at("2026-03-02T18:20"));
        send(created);
        send(edited);
        send(created); // re-delivered after the edit: older, ignored
        send(edited);  // re-delivered: the same version, ignored
        send(CrmRow.snapshot("users", user(REP, "rep", true), at("2026-03-02T06:30"))); // the snapshot again
        timeReaches("2026-03-02T20:00");

        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.toRow()).containsEntry("submissions", 1)
                .containsEntry("breakthroughs", "budget_confirmed;tech_owner_involved")
                .containsEntry("edited_after_deadline", false));
        repLeaves("2026-03-03T10:00");
        endAndAssertNothingLeaks();
    }

    @Test
    void daysBeforeThePipelineKnewTheRepAreNotJudged() throws Exception {
        // The initial snapshot brings the rep and last Friday's report together on Monday morning.
        repKnownMondayMorning();
        send(CrmRow.snapshot("daily_reports", report(699990, REP, LocalDate.of(2026, 2, 27), "budget_confirmed", null,
                "2026-02-27T19:00"), at("2026-03-02T06:30")));
        repLeaves("2026-03-02T12:00");
        timeReaches("2026-03-03T00:00");

        assertThat(rows()).isEmpty();
        assertThat(alerts()).as("left before Monday's deadline: not owed").isEmpty();
        endAndAssertNothingLeaks();
    }

    @Test
    void aRepHiredDuringTheDayOwesThatDaysReport() throws Exception {
        send(CrmRow.created("users", user(REP, "rep", true), at("2026-03-05T09:30")));
        timeReaches("2026-03-05T20:00");

        assertThat(day(REP, LocalDate.of(2026, 3, 5)).status).isEqualTo(DailyReportStatus.MISSING);
        repLeaves("2026-03-06T09:00");
        endAndAssertNothingLeaks();
    }

    @Test
    void aReportMovedToAnotherDayLeavesItsFirstDay() throws Exception {
        repKnownMondayMorning();
        CrmRow forTuesday = report(700001, REP, MONDAY.plusDays(1), "budget_confirmed", null, "2026-03-02T18:00");
        send(CrmRow.created("daily_reports", forTuesday, at("2026-03-02T18:00")));
        send(CrmRow.updated("daily_reports", forTuesday, forTuesday.copy().with("report_date", MONDAY),
                at("2026-03-02T18:05")));
        timeReaches("2026-03-03T20:00");

        assertThat(day(REP, MONDAY).status).isEqualTo(DailyReportStatus.ON_TIME);
        assertThat(day(REP, MONDAY.plusDays(1)).status).isEqualTo(DailyReportStatus.MISSING);
        repLeaves("2026-03-04T10:00");
        endAndAssertNothingLeaks();
    }

    @Test
    void whenABoundedInputEndsTheDaysTheDataReachedAreDecidedAndNoMore() throws Exception {
        // No watermark until the end of the input: the final one jumps to the end of time.
        repKnownMondayMorning();
        repLeaves("2026-03-04T10:00");
        harness.processBroadcastElement(millis("2026-03-04T10:00"), millis("2026-03-04T10:00"));
        endAndAssertNothingLeaks();

        assertThat(table().keySet()).containsExactlyInAnyOrder("1007@2026-03-02", "1007@2026-03-03");
    }

    @Test
    void aRepStillOnThePayrollWhenTheInputEndsAwaitsNothingBeyondTheData() throws Exception {
        repKnownMondayMorning();
        harness.processBroadcastElement(millis("2026-03-03T21:00"), millis("2026-03-03T21:00"));
        harness.watermark(Long.MAX_VALUE);

        assertThat(table().keySet()).containsExactlyInAnyOrder("1007@2026-03-02", "1007@2026-03-03");
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aDayIsForgottenAfterTheRetentionAndAReportForItThenChangesNothing() throws Exception {
        repKnownMondayMorning();
        timeReaches("2026-03-02T20:00");
        assertThat(day(REP, MONDAY).status).isEqualTo(DailyReportStatus.MISSING);
        String afterRetention = LocalDateTime.of(MONDAY, SETTINGS.deadline()).plus(SETTINGS.retention()).toString();
        repLeaves(afterRetention);
        send(CrmRow.created("daily_reports", report(700001, REP, MONDAY, null, null, afterRetention), at(afterRetention)));
        timeReaches(afterRetention);

        assertThat(rows().stream().filter(r -> r.day().equals(MONDAY)).map(r -> r.status))
                .containsExactly(DailyReportStatus.MISSING);
        endAndAssertNothingLeaks();
    }
}
