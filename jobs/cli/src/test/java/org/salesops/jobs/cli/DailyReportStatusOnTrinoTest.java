package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.jobs.generator.GroundTruth;

/** The daily reports on the real Trino: every rep and day as the generator's ground truth has it, and the weekly rates. */
class DailyReportStatusOnTrinoTest {

    static CompanyOnTheStack run;
    static Connection trino;
    static GroundTruth truth;

    @BeforeAll
    static void theCompanyOnTheStack() throws Exception {
        run = CompanyOnTheStack.get();
        trino = run.trino;
        truth = run.company.groundTruth();
    }

    @Test
    void everyRepAndDayIsDecidedAsTheGroundTruthSays() throws SQLException {
        Set<String> expected = new HashSet<>();
        for (GroundTruth.DailyReportDay d : truth.dailyReports()) {
            expected.add(row(d.repId(), d.reportDate().toString(), d.status(), d.counted(), d.notDueReason(), d.reportId(),
                    d.submissions(), d.breakthroughs(), d.evidencePresent(), d.editedAfterDeadline()));
        }
        Set<String> actual = new HashSet<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT rep_id, CAST(report_date AS varchar), status, counted, not_due_reason, report_id, submissions,
                       breakthroughs, evidence_present, edited_after_deadline
                FROM gold.daily_report_status""")) {
            while (rs.next()) {
                actual.add(row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                        (Long) rs.getObject(6), rs.getInt(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10)));
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theWeeklyRatesCountEachOwedDayOnce() throws SQLException {
        assertThat(run.single("""
                SELECT count(*) FROM gold.daily_report_weekly
                WHERE on_time + late + missing <> days_owed OR on_time_rate > submitted_rate OR submitted_rate > 1""")).isZero();
        assertThat(run.single("SELECT sum(days_owed) FROM gold.daily_report_weekly WHERE level = 'rep'"))
                .isEqualTo(run.single("SELECT count(*) FROM gold.daily_report_status WHERE counted"))
                .isEqualTo(run.single("SELECT sum(days_owed) FROM gold.daily_report_weekly WHERE level = 'team'"));
        assertThat(run.single("SELECT count(DISTINCT team_id) FROM gold.daily_report_weekly WHERE level = 'team'"))
                .isEqualTo(3);
    }

    static String row(long rep, String day, String status, boolean counted, String reason, Long reportId, int submissions,
                      String breakthroughs, boolean evidence, boolean edited) {
        return rep + "|" + day + "|" + status + "|" + counted + "|" + reason + "|" + reportId + "|" + submissions + "|"
                + breakthroughs + "|" + evidence + "|" + edited;
    }
}
