package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.salesops.pipelines.crm.CrmChange;

/**
 * The daily reports as the CRM's change record shows them (the rule is in {@link GroundTruth}):
 * each rep's status per working day, the reports nobody owed, and the daily_report_missing alerts.
 * Reads the users and daily_reports changes in commit order; a change is known at its commit.
 */
final class DailyReportTruth {

    static final String RULE = "daily_report_missing";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalTime DEADLINE = LocalTime.of(20, 0);
    static final List<String> BREAKTHROUGHS = List.of("purchase_time_confirmed", "budget_confirmed", "tech_owner_involved");
    private static final long RETENTION_DAYS = 35;

    private record PersonVersion(Instant at, boolean rep) {
    }

    private record ReportVersion(Instant at, long id, long repId, LocalDate day, String breakthroughs, String evidence,
                                 String nextActions, String supportNeeded, Instant submittedAt, boolean present) {

        boolean sameContent(ReportVersion o) {
            return o != null && present == o.present && repId == o.repId && day.equals(o.day)
                    && Objects.equals(breakthroughs, o.breakthroughs) && Objects.equals(evidence, o.evidence)
                    && Objects.equals(nextActions, o.nextActions) && Objects.equals(supportNeeded, o.supportNeeded)
                    && Objects.equals(submittedAt, o.submittedAt);
        }
    }

    private final Map<Long, List<PersonVersion>> people = new TreeMap<>();
    private final Map<Long, List<ReportVersion>> reports = new TreeMap<>();
    private final List<GroundTruth.DailyReportDay> days = new ArrayList<>();
    private final List<AlertEpisode> episodes = new ArrayList<>();

    DailyReportTruth(List<CrmChange> crmChanges, Instant lastEventAt) {
        for (CrmChange change : crmChanges) {
            if (change.op().equals("tombstone")) {
                continue;
            }
            Map<String, Object> row = change.row();
            if (change.table().equals("users")) {
                boolean rep = change.after() != null && "rep".equals(row.get("role")) && !Boolean.FALSE.equals(row.get("active"));
                people.computeIfAbsent((Long) row.get("id"), p -> new ArrayList<>()).add(new PersonVersion(change.committedAt(), rep));
            } else if (change.table().equals("daily_reports")) {
                reports.computeIfAbsent((Long) row.get("id"), r -> new ArrayList<>()).add(new ReportVersion(
                        change.committedAt(), (Long) row.get("id"), (Long) row.get("rep_id"), (LocalDate) row.get("report_date"),
                        (String) row.get("breakthroughs"), (String) row.get("evidence"), (String) row.get("next_actions"),
                        (String) row.get("support_needed"), (Instant) row.get("submitted_at"), change.after() != null));
            }
        }
        Set<String> owed = new LinkedHashSet<>();
        LocalDate first = crmChanges.isEmpty() ? null : crmChanges.get(0).committedAt().atZone(SHANGHAI).toLocalDate();
        for (LocalDate day = first; day != null && !deadline(day).isAfter(lastEventAt); day = day.plusDays(1)) {
            if (!ChinaWorkdays.isWorkingDay(day)) {
                continue;
            }
            for (long person : people.keySet()) {
                if (isRep(person, deadline(day))) {
                    owed.add(person + "@" + day);
                    decideOwed(person, day);
                }
            }
        }
        notDue(owed);
        days.sort(Comparator.comparing(GroundTruth.DailyReportDay::reportDate).thenComparingLong(GroundTruth.DailyReportDay::repId));
    }

    List<GroundTruth.DailyReportDay> days() {
        return List.copyOf(days);
    }

    List<AlertEpisode> episodes() {
        return List.copyOf(episodes);
    }

    static Instant deadline(LocalDate day) {
        return day.atTime(DEADLINE).atZone(SHANGHAI).toInstant();
    }

    private void decideOwed(long person, LocalDate day) {
        Instant deadline = deadline(day);
        List<ReportVersion> byDeadline = present(person, day, deadline);
        Instant decidedAt = deadline;
        String status = "on_time";
        if (byDeadline.isEmpty()) {
            Instant late = firstArrivalAfter(person, day, deadline);
            AlertEpisode episode = new AlertEpisode(RULE, "rep", person, person,
                    day.atStartOfDay(SHANGHAI).toInstant(), deadline, Instant.MAX /* never escalates */, deadline);
            episodes.add(episode);
            if (late == null) {
                days.add(new GroundTruth.DailyReportDay(person, day, "missing", true, null, null, 0, null, false, false));
                return;
            }
            episode.endedAt(late);
            decidedAt = late;
            status = "late";
        }
        List<ReportVersion> decided = present(person, day, decidedAt);
        days.add(row(person, day, status, null, decided, present(person, day, Instant.MAX).size(),
                changedAfter(person, day, decidedAt)));
    }

    /** Reports that were not owed: by someone not a rep, or for a day off; history from before the rep was known is not judged. */
    private void notDue(Set<String> owed) {
        Map<String, Instant> firstArrival = new LinkedHashMap<>();
        for (List<ReportVersion> versions : reports.values()) {
            for (ReportVersion v : versions) {
                if (v.present) {
                    firstArrival.merge(v.repId + "@" + v.day, v.at, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        firstArrival.forEach((key, arrivedAt) -> {
            if (owed.contains(key)) {
                return;
            }
            long person = Long.parseLong(key.substring(0, key.indexOf('@')));
            LocalDate day = LocalDate.parse(key.substring(key.indexOf('@') + 1));
            if (!arrivedAt.isBefore(deadline(day).plus(Duration.ofDays(RETENTION_DAYS)))) {
                return;
            }
            String reason;
            if (!isRep(person, arrivedAt)) {
                reason = "not_a_rep";
            } else if (!ChinaWorkdays.isWorkingDay(day) && !deadline(day).isBefore(repSince(person, arrivedAt))) {
                reason = "non_working_day";
            } else {
                return;
            }
            List<ReportVersion> now = present(person, day, Instant.MAX);
            days.add(row(person, day, "not_due", reason, now, now.size(), false));
        });
    }

    private static GroundTruth.DailyReportDay row(long person, LocalDate day, String status, String reason,
                                                  List<ReportVersion> content, int submissions, boolean edited) {
        Set<String> ticked = new LinkedHashSet<>();
        boolean evidence = false;
        for (ReportVersion v : content) {
            if (v.breakthroughs != null) {
                for (String tick : v.breakthroughs.split(";")) {
                    ticked.add(tick.trim());
                }
            }
            evidence |= v.evidence != null && !v.evidence.isBlank();
        }
        List<String> ordered = BREAKTHROUGHS.stream().filter(ticked::contains).toList();
        Long first = content.isEmpty() ? null : content.get(0).id;
        return new GroundTruth.DailyReportDay(person, day, status, reason == null, reason, first, submissions,
                ordered.isEmpty() ? null : String.join(";", ordered), evidence, edited);
    }

    /** The person's reports of the day as known at the instant, the earliest known first. */
    private List<ReportVersion> present(long person, LocalDate day, Instant at) {
        List<ReportVersion> found = new ArrayList<>();
        Map<Long, Instant> knownSince = new HashMap<>();
        for (List<ReportVersion> versions : reports.values()) {
            ReportVersion last = null;
            for (ReportVersion v : versions) {
                if (v.at.isAfter(at)) {
                    break;
                }
                if (v.present && v.repId == person && v.day.equals(day) && (last == null || !last.present)) {
                    knownSince.put(v.id, v.at);
                }
                last = v;
            }
            if (last != null && last.present && last.repId == person && last.day.equals(day)) {
                found.add(last);
            }
        }
        found.sort(Comparator.comparing((ReportVersion v) -> knownSince.get(v.id)).thenComparingLong(ReportVersion::id));
        return found;
    }

    private Instant firstArrivalAfter(long person, LocalDate day, Instant after) {
        Instant first = null;
        for (List<ReportVersion> versions : reports.values()) {
            for (ReportVersion v : versions) {
                if (v.present && v.repId == person && v.day.equals(day) && v.at.isAfter(after)
                        && (first == null || v.at.isBefore(first))) {
                    first = v.at;
                }
            }
        }
        return first;
    }

    /** Whether any report of the person's day changed what it says, appeared or went after the instant. */
    private boolean changedAfter(long person, LocalDate day, Instant after) {
        for (List<ReportVersion> versions : reports.values()) {
            ReportVersion previous = null;
            for (ReportVersion v : versions) {
                boolean concerns = v.repId == person && v.day.equals(day)
                        || previous != null && previous.repId == person && previous.day.equals(day);
                if (v.at.isAfter(after) && concerns && !v.sameContent(previous)) {
                    return true;
                }
                previous = v;
            }
        }
        return false;
    }

    private boolean isRep(long person, Instant at) {
        boolean rep = false;
        for (PersonVersion v : people.getOrDefault(person, List.of())) {
            if (v.at.isAfter(at)) {
                break;
            }
            rep = v.rep;
        }
        return rep;
    }

    /** When the person last became a rep, at or before the instant. */
    private Instant repSince(long person, Instant at) {
        Instant since = null;
        boolean rep = false;
        for (PersonVersion v : people.getOrDefault(person, List.of())) {
            if (v.at.isAfter(at)) {
                break;
            }
            if (v.rep && !rep) {
                since = v.at;
            }
            rep = v.rep;
        }
        return since;
    }
}
