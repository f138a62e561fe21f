package org.salesops.pipelines.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.routine.DailyReportFunctionTest.at;
import static org.salesops.pipelines.routine.DailyReportFunctionTest.report;
import static org.salesops.pipelines.routine.DailyReportFunctionTest.user;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmRow;

/** What one CRM change tells the daily-report operator, and about whom. */
class RoutineEventTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void aUserIsARepOnlyWithRoleRepActiveAndNotDeleted() {
        assertThat(RoutineEvent.of(CrmRow.created("users", user(1007, "rep", true), at("2026-03-02T09:00"))))
                .singleElement().satisfies(e -> assertThat(e.rep).isTrue());
        assertThat(RoutineEvent.of(CrmRow.created("users", user(1007, "rep", false), at("2026-03-02T09:00"))))
                .singleElement().satisfies(e -> assertThat(e.rep).isFalse());
        assertThat(RoutineEvent.of(CrmRow.created("users", user(1002, "supervisor", true), at("2026-03-02T09:00"))))
                .singleElement().satisfies(e -> assertThat(e.rep).isFalse());
        assertThat(RoutineEvent.of(CrmRow.deleted("users", user(1007, "rep", true), at("2026-03-02T09:00"))))
                .singleElement().satisfies(e -> assertThat(e.rep).isFalse());
        assertThat(RoutineEvent.of(CrmRow.tombstone("users", 1007, at("2026-03-02T09:00")))).isEmpty();
    }

    @Test
    void aReportMovedToAnotherRepLeavesTheFirstRepsDay() {
        CrmRow mine = report(700001, 1007, MONDAY, "budget_confirmed", null, "2026-03-02T18:00");
        List<RoutineEvent> events = RoutineEvent.of(CrmRow.updated("daily_reports", mine, mine.copy().with("rep_id", 1008L),
                at("2026-03-02T18:30")));

        assertThat(events).extracting(e -> e.personId + (e.removed ? " removed" : " present"))
                .containsExactly("1007 removed", "1008 present");
        assertThat(events).allSatisfy(e -> assertThat(e.day()).isEqualTo(MONDAY));
    }

    @Test
    void otherTablesSayNothing() {
        assertThat(RoutineEvent.of(CrmRow.created("activities", CrmRow.row().with("id", 1L), at("2026-03-02T09:00")))).isEmpty();
    }
}
