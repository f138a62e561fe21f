package org.salesops.pipelines.routine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of gold.daily_report_status: a rep's daily report for one day, as decided. Also the
 * operator's keyed state per day, so a late report or a later edit changes the decided row.
 */
public class DailyReportStatus {

    public static final String ON_TIME = "on_time";
    public static final String LATE = "late";
    public static final String MISSING = "missing";
    public static final String NOT_DUE = "not_due";
    public static final String NON_WORKING_DAY = "non_working_day";
    public static final String NOT_A_REP = "not_a_rep";

    public long repId;
    /** Days since 1970-01-01. */
    public long reportDay;
    public Long teamId;
    public long deadlineAt;
    public String status;
    public boolean counted;
    public String notDueReason;
    public Long reportId;
    public Long submittedAt;
    public Long knownAt;
    public int submissions;
    public String breakthroughs;
    public int breakthroughCount;
    public String evidence;
    public boolean editedAfterDeadline;

    public DailyReportStatus() {
    }

    /** A day a rep owed: on time, late or missing, with what the reports say. */
    static DailyReportStatus owed(long repId, LocalDate day, Long teamId, long deadlineAt, String status, DayContent content) {
        DailyReportStatus s = new DailyReportStatus();
        s.repId = repId;
        s.reportDay = day.toEpochDay();
        s.teamId = teamId;
        s.deadlineAt = deadlineAt;
        s.status = status;
        s.counted = true;
        return s.with(content);
    }

    /** A report nobody owed, for the given reason. */
    static DailyReportStatus notDue(long repId, LocalDate day, Long teamId, long deadlineAt, String reason, DayContent content) {
        DailyReportStatus s = owed(repId, day, teamId, deadlineAt, NOT_DUE, content);
        s.counted = false;
        s.notDueReason = reason;
        return s;
    }

    /** The same day with the reports' content as it stands now. */
    DailyReportStatus with(DayContent content) {
        DailyReportStatus s = copy();
        s.submissions = content.submissions();
        s.reportId = content.empty() ? null : content.first().latest.reportId;
        s.submittedAt = content.empty() ? null : content.first().latest.submittedAt;
        s.knownAt = content.empty() ? null : content.first().knownAt;
        s.breakthroughs = content.breakthroughs().isEmpty() ? null : String.join(";", content.breakthroughs());
        s.breakthroughCount = content.breakthroughs().size();
        s.evidence = content.evidence();
        return s;
    }

    /** The decided day after its reports changed: the status and the ticks stay, the change is noted. */
    DailyReportStatus editedLater(int submissionsNow) {
        DailyReportStatus s = copy();
        s.submissions = submissionsNow;
        s.editedAfterDeadline = true;
        return s;
    }

    DailyReportStatus withStatus(String newStatus) {
        DailyReportStatus s = copy();
        s.status = newStatus;
        return s;
    }

    public LocalDate day() {
        return LocalDate.ofEpochDay(reportDay);
    }

    public boolean evidencePresent() {
        return evidence != null;
    }

    private DailyReportStatus copy() {
        DailyReportStatus s = new DailyReportStatus();
        s.repId = repId;
        s.reportDay = reportDay;
        s.teamId = teamId;
        s.deadlineAt = deadlineAt;
        s.status = status;
        s.counted = counted;
        s.notDueReason = notDueReason;
        s.reportId = reportId;
        s.submittedAt = submittedAt;
        s.knownAt = knownAt;
        s.submissions = submissions;
        s.breakthroughs = breakthroughs;
        s.breakthroughCount = breakthroughCount;
        s.evidence = evidence;
        s.editedAfterDeadline = editedAfterDeadline;
        return s;
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("rep_id", repId);
        row.put("report_date", day());
        row.put("team_id", teamId);
        row.put("deadline_at", Instant.ofEpochMilli(deadlineAt));
        row.put("status", status);
        row.put("counted", counted);
        row.put("not_due_reason", notDueReason);
        row.put("report_id", reportId);
        row.put("submitted_at", submittedAt == null ? null : Instant.ofEpochMilli(submittedAt));
        row.put("known_at", knownAt == null ? null : Instant.ofEpochMilli(knownAt));
        row.put("submissions", submissions);
        row.put("breakthroughs", breakthroughs);
        row.put("breakthrough_count", breakthroughCount);
        row.put("evidence_present", evidencePresent());
        row.put("unevidenced_breakthroughs", evidencePresent() ? 0 : breakthroughCount);
        row.put("evidence", evidence);
        row.put("edited_after_deadline", editedAfterDeadline);
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyReportStatus s && repId == s.repId && reportDay == s.reportDay
                && Objects.equals(teamId, s.teamId) && deadlineAt == s.deadlineAt && Objects.equals(status, s.status)
                && counted == s.counted && Objects.equals(notDueReason, s.notDueReason)
                && Objects.equals(reportId, s.reportId) && Objects.equals(submittedAt, s.submittedAt)
                && Objects.equals(knownAt, s.knownAt) && submissions == s.submissions
                && Objects.equals(breakthroughs, s.breakthroughs) && breakthroughCount == s.breakthroughCount
                && Objects.equals(evidence, s.evidence) && editedAfterDeadline == s.editedAfterDeadline;
    }

    @Override
    public int hashCode() {
        return Objects.hash(repId, reportDay, status);
    }

    @Override
    public String toString() {
        return "DailyReport(" + repId + " " + day() + " " + status + (notDueReason == null ? "" : " " + notDueReason)
                + " submissions " + submissions + " ticks " + breakthroughs + (evidencePresent() ? " with evidence" : "")
                + (editedAfterDeadline ? " edited after deadline" : "") + ")";
    }
}
