package org.salesops.pipelines.routine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.process.ChangeVersion;

/**
 * What one CRM change tells the daily-report operator about one person (the key, users.id): who
 * they are now (a users change) or one of their daily reports as the change leaves it. A POJO for
 * Flink; its element timestamp is the change's commit time.
 */
public class RoutineEvent {

    public static final String PERSON = "person";
    public static final String REPORT = "report";

    public String kind;
    public long personId;
    public ChangeVersion version;

    /** PERSON: a rep on the payroll (role rep, active, not deleted). */
    public boolean rep;
    /** PERSON: users.team_id. */
    public Long teamId;

    /** REPORT: daily_reports.id. */
    public long reportId;
    /** REPORT: report_date as days since 1970-01-01. */
    public long reportDay;
    public String breakthroughs;
    public String evidence;
    public String nextActions;
    public String supportNeeded;
    public Long submittedAt;
    /** REPORT: the row is gone for this person: deleted, or moved to another rep. */
    public boolean removed;

    public RoutineEvent() {
    }

    /** The events of one change: none for other tables and tombstones, two when a report moves to another rep. */
    public static List<RoutineEvent> of(CrmChange change) {
        if ("tombstone".equals(change.op())) {
            return List.of();
        }
        if ("users".equals(change.table())) {
            return person(change);
        }
        if ("daily_reports".equals(change.table())) {
            return reports(change);
        }
        return List.of();
    }

    private static List<RoutineEvent> person(CrmChange change) {
        Map<String, Object> row = change.row();
        Long id = (Long) row.get("id");
        if (id == null) {
            return List.of();
        }
        RoutineEvent e = new RoutineEvent();
        e.kind = PERSON;
        e.personId = id;
        e.version = ChangeVersion.of(change);
        e.rep = change.after() != null && "rep".equals(row.get("role")) && !Boolean.FALSE.equals(row.get("active"));
        e.teamId = (Long) row.get("team_id");
        return List.of(e);
    }

    private static List<RoutineEvent> reports(CrmChange change) {
        List<RoutineEvent> events = new ArrayList<>();
        Map<String, Object> before = change.before();
        Map<String, Object> after = change.after();
        Long movedFrom = before == null || after == null ? null : (Long) before.get("rep_id");
        if (movedFrom != null && !movedFrom.equals(after.get("rep_id"))) {
            // The old rep's day loses the report; REPLICA IDENTITY FULL gives its old date too.
            report(change, before, true).ifPresent(events::add);
        }
        report(change, change.row(), after == null).ifPresent(events::add);
        return events;
    }

    private static Optional<RoutineEvent> report(CrmChange change, Map<String, Object> row, boolean removed) {
        Long id = (Long) row.get("id");
        Long rep = (Long) row.get("rep_id");
        LocalDate day = (LocalDate) row.get("report_date");
        if (id == null || rep == null || day == null) {
            return Optional.empty();
        }
        RoutineEvent e = new RoutineEvent();
        e.kind = REPORT;
        e.personId = rep;
        e.version = ChangeVersion.of(change);
        e.reportId = id;
        e.reportDay = day.toEpochDay();
        e.breakthroughs = (String) row.get("breakthroughs");
        e.evidence = (String) row.get("evidence");
        e.nextActions = (String) row.get("next_actions");
        e.supportNeeded = (String) row.get("support_needed");
        Instant submitted = (Instant) row.get("submitted_at");
        e.submittedAt = submitted == null ? null : submitted.toEpochMilli();
        e.removed = removed;
        return Optional.of(e);
    }

    public LocalDate day() {
        return LocalDate.ofEpochDay(reportDay);
    }

    public boolean isPerson() {
        return PERSON.equals(kind);
    }

    /** What the rep wrote, and whether the row is there: an update that leaves it all as it was is no edit. */
    boolean sameReportAs(RoutineEvent other) {
        return other != null && reportDay == other.reportDay && removed == other.removed
                && Objects.equals(breakthroughs, other.breakthroughs) && Objects.equals(evidence, other.evidence)
                && Objects.equals(nextActions, other.nextActions) && Objects.equals(supportNeeded, other.supportNeeded)
                && Objects.equals(submittedAt, other.submittedAt);
    }

    @Override
    public String toString() {
        return isPerson()
                ? "Person(" + personId + (rep ? " rep" : " not a rep") + " team " + teamId + " @" + version + ")"
                : "Report(" + reportId + " by " + personId + " for " + day() + (removed ? " removed" : "") + " @" + version + ")";
    }
}
