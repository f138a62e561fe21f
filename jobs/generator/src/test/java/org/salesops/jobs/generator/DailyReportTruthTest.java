package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The daily reports of the small company: every working day decided, and each bad input present once. */
class DailyReportTruthTest {

    private final GroundTruth truth = Companies.small().groundTruth();
    private final List<GroundTruth.DailyReportDay> days = truth.dailyReports();

    @Test
    void everyRepOwesEachWorkingDayOfTheLiveWeekAndTheHistoryIsNotJudged() {
        List<GroundTruth.DailyReportDay> owed = days.stream().filter(GroundTruth.DailyReportDay::counted).toList();
        assertThat(owed).extracting(GroundTruth.DailyReportDay::reportDate).allSatisfy(d -> assertThat(d)
                .isBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6)));
        // 15 reps for five days, and the rep hired on Thursday morning owes Thursday and Friday.
        assertThat(owed).hasSize(15 * 5 + 2);
        assertThat(owed).extracting(GroundTruth.DailyReportDay::status).contains("on_time", "late", "missing")
                .containsOnly("on_time", "late", "missing");
    }

    @Test
    void theBadInputsAreEachThere() {
        assertThat(days).filteredOn(d -> d.submissions() > 1).singleElement()
                .satisfies(d -> assertThat(d.counted()).isTrue());
        // besides the reps' own small edits minutes after a late report
        assertThat(days).filteredOn(GroundTruth.DailyReportDay::editedAfterDeadline)
                .anyMatch(d -> d.status().equals("on_time"));
        assertThat(days).filteredOn(d -> "non_working_day".equals(d.notDueReason())).singleElement()
                .satisfies(d -> assertThat(d.reportDate().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY));
        assertThat(days).filteredOn(d -> "not_a_rep".equals(d.notDueReason())).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo("not_due"));
    }

    @Test
    void eachMissingReportIsAnAlertResolvedWhenTheReportCameLate() {
        List<GroundTruth.ExpectedAlert> alerts = truth.alerts().stream()
                .filter(a -> a.rule().equals(DailyReportTruth.RULE)).toList();
        long missingAtTheDeadline = days.stream().filter(d -> d.status().equals("missing") || d.status().equals("late")).count();
        assertThat(alerts).hasSize((int) missingAtTheDeadline).allSatisfy(a -> {
            assertThat(a.escalatedAt()).isNull();
            assertThat(a.ownerId()).isEqualTo(a.subjectId());
            assertThat(a.dueAt().atZone(DailyReportTruth.SHANGHAI).toLocalTime()).isEqualTo(DailyReportTruth.DEADLINE);
        });
        assertThat(alerts).anyMatch(a -> a.resolvedAt() != null).anyMatch(a -> a.resolvedAt() == null);
    }
}
