package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.jobs.cli.ViewRows.key;
import static org.salesops.jobs.cli.ViewRows.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.jobs.cli.ViewRows.Row;

/**
 * The supervisor views, each recomputed by hand. A test reads the rows the view reads (gold tables,
 * the crm.* current-state views, the raw change history, the stage history) with plain SELECTs,
 * computes the view's result from its definition (its header comment, schemas/config/scorecard.json)
 * in Java, and requires the view to hold exactly those rows: every key, every column, doubles to a
 * relative 1e-9. "The view returns rows" would not catch a wrong window, join, median or rounding;
 * this does.
 */
class SupervisorViewsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Set<String> OPEN_SCHEDULE = Set.of("tentative", "confirmed");

    private static Connection trino;

    @BeforeAll
    static void theSmallCompanyIsOnTheStack() throws Exception {
        trino = CompanyOnTheStack.get().trino;
    }

    // ---------------------------------------------------------------- gold.rep_scorecard_daily

    @Test
    void repScorecardIsEachRepsResponseDiscoveryAndClosureMetricsPerDayColouredOnTheConfiguredThresholds()
            throws Exception {
        Map<Long, Row> users = byId("SELECT id, name, team_id FROM crm.users");
        Map<String, Threshold> thresholds = Threshold.fromConfig();

        Map<RepDay, List<Row>> assignments = new HashMap<>();
        for (Row r : rows("SELECT owner_id, assigned_at, sla_met, response_minutes FROM gold.lead_response")) {
            assignments.computeIfAbsent(new RepDay(r.lng("owner_id"), day(r.at("assigned_at"))), k -> new ArrayList<>())
                    .add(r);
        }
        Map<RepDay, Row> discovery = new HashMap<>();
        for (Row r : rows("SELECT rep_id, day, follow_ups, avg_questions, discoveries_per_follow_up FROM gold.discovery_daily")) {
            // A day whose follow-ups were all deleted or moved after it was written stays as a row with none: no metric.
            if (r.lng("follow_ups") > 0) {
                discovery.put(new RepDay(r.lng("rep_id"), r.date("day")), r);
            }
        }
        // The board covers the first to the last day with assignments or follow-ups (of any rep): closure rows
        // exist on those days only.
        List<LocalDate> activeDays = Stream.concat(assignments.keySet().stream(), discovery.keySet().stream())
                .map(RepDay::day).toList();
        LocalDate firstDay = Collections.min(activeDays);
        LocalDate lastDay = Collections.max(activeDays);
        Map<RepDay, long[]> closure = new HashMap<>(); // {due in the 7 days ending that day, of them fulfilled}
        for (Row c : rows("SELECT owner_id, due_at, outcome, deleted FROM gold.commitments")) {
            String outcome = c.str("outcome");
            // Only a commitment due by now (or fulfilled) has a closure outcome: open (not yet due) and cancelled stay out.
            if (c.bool("deleted") || !Set.of("fulfilled_on_time", "fulfilled_late", "overdue_open").contains(outcome)) {
                continue;
            }
            LocalDate due = day(c.at("due_at"));
            for (int k = 0; k < 7; k++) {
                LocalDate d = due.plusDays(k);
                if (!d.isBefore(firstDay) && !d.isAfter(lastDay)) {
                    long[] counts = closure.computeIfAbsent(new RepDay(c.lng("owner_id"), d), x -> new long[2]);
                    counts[0]++;
                    counts[1] += outcome.startsWith("fulfilled_") ? 1 : 0;
                }
            }
        }

        Set<RepDay> repDays = new HashSet<>(assignments.keySet());
        repDays.addAll(discovery.keySet());
        repDays.addAll(closure.keySet());
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        Map<String, Integer> healthSeen = new HashMap<>();
        for (RepDay rd : repDays) {
            List<Row> assigned = assignments.get(rd);
            Long assignmentCount = assigned == null ? null : (long) assigned.size();
            Long withinSla = assigned == null ? null : assigned.stream().filter(r -> r.bool("sla_met")).count();
            Double medianMinutes = assigned == null ? null
                    : median(assigned.stream().map(r -> r.lng("response_minutes")).filter(Objects::nonNull).toList());
            Double slaShare = assigned == null ? null : (double) withinSla / assignmentCount;
            Row disc = discovery.get(rd);
            Long followUps = disc == null ? null : disc.lng("follow_ups");
            Double questions = disc == null ? null : disc.dbl("avg_questions");
            Double discoveries = disc == null ? null : disc.dbl("discoveries_per_follow_up");
            long[] clos = closure.get(rd);
            Long due = clos == null ? null : clos[0];
            Long fulfilled = clos == null ? null : clos[1];
            Double closureRate = clos == null ? null : (double) clos[1] / clos[0];

            String medianColour = Threshold.colour(thresholds, "response_median_minutes", medianMinutes);
            String slaColour = Threshold.colour(thresholds, "response_within_sla_share", slaShare);
            String questionsColour = Threshold.colour(thresholds, "questions_per_follow_up", questions);
            String discoveriesColour = Threshold.colour(thresholds, "discoveries_per_follow_up", discoveries);
            String closureColour = Threshold.colour(thresholds, "commitment_closure_rate", closureRate);
            String health = worst(medianColour, slaColour, questionsColour, discoveriesColour, closureColour);
            healthSeen.merge(String.valueOf(health), 1, Integer::sum);

            Row user = users.get(rd.rep());
            expected.put(key(rd.rep(), rd.day()), values(
                    user == null ? null : user.str("name"), user == null ? null : user.lng("team_id"),
                    assignmentCount, withinSla, medianMinutes, slaShare, medianColour, slaColour,
                    followUps, questions, discoveries, questionsColour, discoveriesColour,
                    due, fulfilled, closureRate, closureColour, health));
        }

        System.out.println("SupervisorViewsTest: rep_scorecard_daily rows " + expected.size() + ", health " + healthSeen);
        assertThat(healthSeen).as("the company has healthy and unhealthy rep-days").containsKeys("red", "green");
        assertViewHoldsExactly("gold.rep_scorecard_daily", List.of("rep_id", "day"),
                List.of("rep_name", "team_id", "assignments", "answered_within_sla", "response_median_minutes",
                        "response_within_sla_share", "response_median_colour", "response_sla_colour",
                        "follow_ups", "questions_per_follow_up", "discoveries_per_follow_up", "questions_colour",
                        "discoveries_colour", "commitments_due", "commitments_fulfilled", "commitment_closure_rate",
                        "commitment_closure_colour", "health_colour"),
                expected);
    }

    /** Thresholds as configured, read from the configuration file rather than from the table loaded from it. */
    private record Threshold(double greenAt, double amberAt, boolean higherIsBetter) {

        static Map<String, Threshold> fromConfig() throws IOException {
            Map<String, Threshold> thresholds = new HashMap<>();
            try (InputStream in = SupervisorViewsTest.class.getResourceAsStream("/schemas/config/scorecard.json")) {
                for (JsonNode m : new ObjectMapper().readTree(in).get("metrics")) {
                    thresholds.put(m.get("metric").asText(), new Threshold(m.get("green_at").asDouble(),
                            m.get("amber_at").asDouble(), m.get("higher_is_better").asBoolean()));
                }
            }
            assertThat(thresholds).hasSize(5);
            return thresholds;
        }

        /** Green when the value reaches green_at, amber when it reaches amber_at, red otherwise; no value, no colour. */
        static String colour(Map<String, Threshold> thresholds, String metric, Double value) {
            Threshold t = thresholds.get(metric);
            if (t == null || value == null) {
                return null;
            }
            return t.reaches(value, t.greenAt) ? "green" : t.reaches(value, t.amberAt) ? "amber" : "red";
        }

        private boolean reaches(double value, double threshold) {
            return higherIsBetter ? value >= threshold : value <= threshold;
        }
    }

    private static String worst(String... colours) {
        List<String> present = Arrays.asList(colours);
        for (String colour : List.of("red", "amber", "green")) {
            if (present.contains(colour)) {
                return colour;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- gold.collaboration_breakpoints_monthly

    @Test
    void collaborationBreakpointsAreEachTeamsUnregisteredPromisesLatePresalesTasksAndStaleSchedulesPerMonth()
            throws Exception {
        Map<Long, Row> users = byId("SELECT id, name, team_id FROM crm.users");
        Map<Long, Row> teams = byId("SELECT id, name, region FROM crm.teams");
        Map<Long, Row> opportunities = byId("SELECT id, owner_id FROM crm.opportunities");
        Map<Long, Row> tasks = byId("SELECT id, opportunity_id, kind FROM crm.collab_tasks");
        // Per (user, month): {unregistered promises, presales tasks past their SLA, stale delivery schedules}.
        Map<List<Object>, long[]> perUser = new HashMap<>();

        for (Row u : rows("SELECT owner_id, occurred_at, status FROM gold.unregistered_commitments")) {
            if (u.str("status").equals("unregistered")) {
                perUser.computeIfAbsent(key(u.lng("owner_id"), month(u.at("occurred_at"))), k -> new long[3])[0]++;
            }
        }

        Map<Long, Instant> firstLate = new HashMap<>();
        for (Row a : rows("SELECT rule, subject_type, subject_id, due_at FROM gold.alerts")) {
            if (a.str("rule").equals("collab_task_dwell") && a.str("subject_type").equals("collab_task")) {
                // One alert per silence: a task silent twice counts once, in the month it was first late.
                firstLate.merge(a.lng("subject_id"), a.at("due_at"), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        firstLate.forEach((taskId, firstDue) -> {
            Row task = tasks.get(taskId);
            if (task != null && Set.of("presales_solution", "technical_review").contains(task.str("kind"))) {
                Row opportunity = opportunities.get(task.lng("opportunity_id"));
                Long salesOwner = opportunity == null ? null : opportunity.lng("owner_id");
                perUser.computeIfAbsent(key(salesOwner, month(firstDue)), k -> new long[3])[1]++;
            }
        });

        Map<Long, List<Row>> historyOf = new HashMap<>();
        for (Row c : rows("SELECT id, opportunity_id, assignee_id, status, _op, _committed_at, _lsn, _source_offset, "
                + "updated_at FROM raw.crm_delivery_schedule")) {
            if (!c.str("_op").equals("tombstone")) {
                historyOf.computeIfAbsent(c.lng("id"), k -> new ArrayList<>()).add(c);
            }
        }
        historyOf.values().forEach(h -> h.sort(CHANGE_ORDER));
        Instant dataStart = historyOf.values().stream().map(h -> h.get(0).at("_committed_at")).min(Comparator.naturalOrder()).orElseThrow();
        Instant dataEnd = historyOf.values().stream().map(h -> h.get(h.size() - 1).at("_committed_at")).max(Comparator.naturalOrder()).orElseThrow();
        for (YearMonth m = YearMonth.from(dataStart.atZone(SHANGHAI)); !m.isAfter(YearMonth.from(dataEnd.atZone(SHANGHAI)));
             m = m.plusMonths(1)) {
            // Month end, except in the month the data ends in: there, where the data ends.
            Instant monthEnd = m.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();
            Instant asOf = monthEnd.isBefore(dataEnd) ? monthEnd : dataEnd;
            for (List<Row> history : historyOf.values()) {
                Row state = null;
                for (Row change : history) {
                    if (!change.at("_committed_at").isAfter(asOf)) {
                        state = change;
                    }
                }
                if (state == null || state.str("_op").equals("d") || !OPEN_SCHEDULE.contains(state.str("status"))) {
                    continue;
                }
                // A snapshot row was read, not changed, at its commit time: it last changed at its updated_at.
                Instant lastChanged = state.str("_op").equals("r") ? state.at("updated_at") : state.at("_committed_at");
                if (lastChanged.isBefore(asOf.minus(Duration.ofDays(7)))) {
                    Row opportunity = state.lng("opportunity_id") == null ? null : opportunities.get(state.lng("opportunity_id"));
                    Long user = opportunity != null ? opportunity.lng("owner_id") : state.lng("assignee_id");
                    perUser.computeIfAbsent(key(user, m.atDay(1)), k -> new long[3])[2]++;
                }
            }
        }

        Map<List<Object>, long[]> perTeam = new HashMap<>();
        perUser.forEach((userMonth, counts) -> {
            Row user = userMonth.get(0) == null ? null : users.get((Long) userMonth.get(0));
            Long team = user == null ? null : user.lng("team_id");
            long[] sums = perTeam.computeIfAbsent(key(team, userMonth.get(1)), k -> new long[3]);
            for (int i = 0; i < 3; i++) {
                sums[i] += counts[i];
            }
        });
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        long[] totals = new long[3];
        perTeam.forEach((teamMonth, sums) -> {
            Row team = teamMonth.get(0) == null ? null : teams.get((Long) teamMonth.get(0));
            expected.put(teamMonth, values(team == null ? null : team.str("name"), team == null ? null : team.str("region"),
                    sums[0], sums[1], sums[2], sums[0] + sums[1] + sums[2]));
            for (int i = 0; i < 3; i++) {
                totals[i] += sums[i];
            }
        });

        System.out.println("SupervisorViewsTest: collaboration_breakpoints_monthly rows " + expected.size()
                + ", unregistered/presales late/stale schedules " + Arrays.toString(totals));
        assertThat(totals).as("the company has every kind of breakpoint").doesNotContain(0L);
        assertViewHoldsExactly("gold.collaboration_breakpoints_monthly", List.of("team_id", "month"),
                List.of("team_name", "region", "unregistered_commitments", "presales_tasks_past_sla",
                        "delivery_schedules_not_updated", "breakpoints"),
                expected);
    }

    /** The order of a CRM record's changes, as crm.* reads it: commit time, log position, Kafka offset. */
    private static final Comparator<Row> CHANGE_ORDER = Comparator.<Row, Instant>comparing(r -> r.at("_committed_at"))
            .thenComparing(r -> r.lng("_lsn"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r.lng("_source_offset"));

    // ---------------------------------------------------------------- gold.delivery_load_next_30_days

    @Test
    void deliveryLoadIsTheHoursOfEachEngineersOpenSchedulesOnEachWorkingDayOfTheThirtyDaysFromTheLastChange()
            throws Exception {
        Instant lastChange = rows("SELECT _op, _committed_at FROM raw.crm_delivery_schedule").stream()
                .filter(c -> !c.str("_op").equals("tombstone")).map(c -> c.at("_committed_at"))
                .max(Comparator.naturalOrder()).orElseThrow();
        LocalDate firstDay = day(lastChange);
        LocalDate lastDay = firstDay.plusDays(29);
        List<Row> openInHorizon = rows("SELECT id, assignee_id, start_date, end_date, hours_per_day, status "
                + "FROM crm.delivery_schedule").stream()
                .filter(s -> OPEN_SCHEDULE.contains(s.str("status")))
                .filter(s -> !max(s.date("start_date"), firstDay).isAfter(min(s.date("end_date"), lastDay)))
                .toList();
        List<Row> users = rows("SELECT id, name, team_id, role FROM crm.users");
        Map<Long, Row> userById = new HashMap<>();
        Set<Long> engineers = new HashSet<>();
        for (Row u : users) {
            userById.put(u.lng("id"), u);
            if (u.str("role").equals("delivery")) {
                engineers.add(u.lng("id"));
            }
        }
        openInHorizon.forEach(s -> engineers.add(s.lng("assignee_id")));

        Map<List<Object>, List<Object>> expected = new HashMap<>();
        BigDecimal allHours = BigDecimal.ZERO;
        for (long engineer : engineers) {
            Row user = userById.get(engineer);
            for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                boolean working = day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
                LocalDate d = day;
                List<Row> booked = !working ? List.of() : openInHorizon.stream()
                        .filter(s -> s.lng("assignee_id") == engineer)
                        .filter(s -> !s.date("start_date").isAfter(d) && !s.date("end_date").isBefore(d))
                        .toList();
                BigDecimal confirmed = hours(booked, "confirmed");
                BigDecimal tentative = hours(booked, "tentative");
                allHours = allHours.add(confirmed).add(tentative);
                expected.put(key(engineer, day), values(user == null ? null : user.str("name"),
                        user == null ? null : user.lng("team_id"), working, (long) booked.size(), confirmed, tentative,
                        confirmed.add(tentative)));
            }
        }

        System.out.println("SupervisorViewsTest: delivery_load_next_30_days from " + firstDay + ", rows " + expected.size()
                + ", hours " + allHours);
        assertThat(allHours).as("engineers are booked in the horizon").isPositive();
        assertViewHoldsExactly("gold.delivery_load_next_30_days", List.of("engineer_id", "day"),
                List.of("engineer_name", "team_id", "is_working_day", "schedules", "confirmed_hours", "tentative_hours",
                        "scheduled_hours"),
                expected);
    }

    private static BigDecimal hours(List<Row> schedules, String status) {
        return schedules.stream().filter(s -> s.str("status").equals(status)).map(s -> s.dec("hours_per_day"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ---------------------------------------------------------------- gold.objection_playbook

    @Test
    void objectionPlaybookIsWhatBecameOfTheOpportunitiesEachStrategyWasUsedOn() throws Exception {
        Map<Long, List<Row>> periodsOf = new HashMap<>();
        Map<Long, Set<Long>> opportunitiesOfLead = new HashMap<>();
        for (Row p : rows("SELECT opportunity_id, lead_id, stage, valid_from, valid_to FROM gold.opportunity_stage_history")) {
            periodsOf.computeIfAbsent(p.lng("opportunity_id"), k -> new ArrayList<>()).add(p);
            if (p.lng("lead_id") != null) {
                opportunitiesOfLead.computeIfAbsent(p.lng("lead_id"), k -> new HashSet<>()).add(p.lng("opportunity_id"));
            }
        }
        periodsOf.values().forEach(ps -> ps.sort(Comparator.comparing(p -> p.at("valid_from"))));

        Map<List<Object>, Tally> tallies = new HashMap<>();
        for (Row f : rows("SELECT id, lead_id, opportunity_id, objection_type, strategy_id, occurred_at FROM crm.activities")) {
            if (f.str("objection_type") == null || f.str("strategy_id") == null) {
                continue;
            }
            Tally tally = tallies.computeIfAbsent(key(f.str("objection_type"), f.str("strategy_id")), k -> new Tally());
            Instant at = f.at("occurred_at");
            Set<Long> concerned = f.lng("opportunity_id") != null ? Set.of(f.lng("opportunity_id"))
                    : opportunitiesOfLead.getOrDefault(f.lng("lead_id"), Set.of());
            tally.followUps.add(f.lng("id"));
            if (concerned.isEmpty()) {
                tally.withoutOpportunity.add(f.lng("id"));
            }
            for (long opportunity : concerned) {
                tally.opportunities.add(opportunity);
                List<Row> periods = periodsOf.getOrDefault(opportunity, List.of());
                // Not existing yet (or lost) at the follow-up is stage 0: being created is advancing.
                int before = periods.stream()
                        .filter(p -> !p.at("valid_from").isAfter(at) && (p.at("valid_to") == null || p.at("valid_to").isAfter(at)))
                        .mapToInt(p -> stageOrder(p.str("stage"))).max().orElse(0);
                OptionalInt bestWithin14Days = periods.stream()
                        .filter(p -> p.at("valid_from").isAfter(at) && !p.at("valid_from").isAfter(at.plus(Duration.ofDays(14))))
                        .mapToInt(p -> stageOrder(p.str("stage"))).filter(o -> o > 0).max();
                if (bestWithin14Days.isPresent() && bestWithin14Days.getAsInt() > before) {
                    tally.advanced.add(opportunity);
                }
                // Won after the follow-up: moved into won at or after it; a later period of an opportunity already
                // won (under a new owner, say) is no new win.
                for (int i = 0; i < periods.size(); i++) {
                    boolean entersWon = periods.get(i).str("stage").equals("won")
                            && (i == 0 || !periods.get(i - 1).str("stage").equals("won"));
                    if (entersWon && !periods.get(i).at("valid_from").isBefore(at)) {
                        tally.won.add(opportunity);
                    }
                }
            }
        }

        Map<List<Object>, List<Object>> expected = new HashMap<>();
        tallies.forEach((strategy, t) -> expected.put(strategy, values((long) t.followUps.size(),
                (long) t.withoutOpportunity.size(), (long) t.opportunities.size(), (long) t.advanced.size(),
                (long) t.won.size(), rate(t.advanced.size(), t.opportunities.size()),
                rate(t.won.size(), t.opportunities.size()))));

        System.out.println("SupervisorViewsTest: objection_playbook rows " + expected.size() + ", advanced "
                + tallies.values().stream().mapToInt(t -> t.advanced.size()).sum() + ", won "
                + tallies.values().stream().mapToInt(t -> t.won.size()).sum() + ", follow-ups without opportunity "
                + tallies.values().stream().mapToInt(t -> t.withoutOpportunity.size()).sum());
        assertThat(tallies.values()).as("some strategies were followed by progress")
                .anyMatch(t -> !t.advanced.isEmpty()).anyMatch(t -> !t.won.isEmpty());
        assertViewHoldsExactly("gold.objection_playbook", List.of("objection_type", "strategy_id"),
                List.of("follow_ups", "follow_ups_without_opportunity", "opportunities", "advanced_within_14_days", "won",
                        "next_stage_rate", "win_rate"),
                expected);
    }

    private static final class Tally {
        final Set<Long> followUps = new HashSet<>();
        final Set<Long> withoutOpportunity = new HashSet<>();
        final Set<Long> opportunities = new HashSet<>();
        final Set<Long> advanced = new HashSet<>();
        final Set<Long> won = new HashSet<>();
    }

    /** qualification < needs_analysis < ... < won; lost, deleted and anything else are not on the ladder (0). */
    private static int stageOrder(String stage) {
        return List.of("qualification", "needs_analysis", "solution", "quote", "negotiation", "contract", "won")
                .indexOf(stage) + 1;
    }

    /** A share rounded half up to three decimals, as the view shows it; none of nothing. */
    private static Double rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf((double) part / whole).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    // ---------------------------------------------------------------- gold.commitment_closure_weekly

    @Test
    void commitmentClosureWeeklyCountsEachRepsCommitmentsByOutcomeInTheWeekTheyFallDue() throws Exception {
        Map<Long, Row> users = byId("SELECT id, name, team_id FROM crm.users");
        List<String> outcomes = List.of("fulfilled_on_time", "fulfilled_late", "overdue_open", "open", "cancelled");
        Map<List<Object>, long[]> perWeek = new HashMap<>(); // {due, one per outcome above, with evidence}
        for (Row c : rows("SELECT owner_id, due_at, outcome, evidence_present, deleted FROM gold.commitments")) {
            if (c.bool("deleted")) {
                continue;
            }
            assertThat(outcomes).as("outcome of commitment due %s", c.at("due_at")).contains(c.str("outcome"));
            long[] counts = perWeek.computeIfAbsent(key(c.lng("owner_id"), week(day(c.at("due_at")))), k -> new long[7]);
            counts[0]++;
            counts[1 + outcomes.indexOf(c.str("outcome"))]++;
            counts[6] += c.bool("evidence_present") ? 1 : 0;
        }

        Map<List<Object>, List<Object>> expected = new HashMap<>();
        perWeek.forEach((repWeek, n) -> {
            Row user = users.get((Long) repWeek.get(0));
            long fulfilled = n[1] + n[2];
            // Rates are over the commitments whose due time has passed and that were not cancelled.
            long decided = fulfilled + n[3];
            expected.put(repWeek, values(user == null ? null : user.str("name"), user == null ? null : user.lng("team_id"),
                    n[0], n[1], n[2], n[3], n[4], n[5], n[6],
                    decided == 0 ? null : (double) fulfilled / decided, decided == 0 ? null : (double) n[1] / decided));
        });

        assertThat(perWeek.values()).as("the company has late and missed commitments")
                .anyMatch(n -> n[2] > 0).anyMatch(n -> n[3] > 0);
        assertViewHoldsExactly("gold.commitment_closure_weekly", List.of("rep_id", "week_start"),
                List.of("rep_name", "team_id", "commitments_due", "fulfilled_on_time", "fulfilled_late", "overdue_open",
                        "not_yet_due", "cancelled", "with_evidence", "closure_rate", "on_time_rate"),
                expected);
    }

    // ---------------------------------------------------------------- gold.follow_up_log_gap_weekly

    @Test
    void followUpLogGapWeeklyIsTheExactMedianMaximumAndLateShareOfEachRepsGapsPerWeekOfTheCall() throws Exception {
        Map<Long, Row> users = byId("SELECT id, name, team_id FROM crm.users");
        Map<List<Object>, List<Long>> gapsPerWeek = new HashMap<>();
        for (Row g : rows("SELECT owner_id, call_started_at, gap_minutes FROM gold.follow_up_log_gap")) {
            gapsPerWeek.computeIfAbsent(key(g.lng("owner_id"), week(day(g.at("call_started_at")))), k -> new ArrayList<>())
                    .add(g.lng("gap_minutes"));
        }

        Map<List<Object>, List<Object>> expected = new HashMap<>();
        gapsPerWeek.forEach((repWeek, gaps) -> {
            Row user = users.get((Long) repWeek.get(0));
            long late = gaps.stream().filter(m -> m > 12 * 60).count();
            expected.put(repWeek, values(user == null ? null : user.str("name"), user == null ? null : user.lng("team_id"),
                    (long) gaps.size(), median(gaps) / 60, Collections.max(gaps) / 60.0, (double) late / gaps.size()));
        });

        assertThat(expected.values()).as("the seed's late loggers are in the data").anyMatch(v -> (Double) v.get(5) > 0);
        assertViewHoldsExactly("gold.follow_up_log_gap_weekly", List.of("rep_id", "week_start"),
                List.of("rep_name", "team_id", "call_follow_ups", "median_gap_hours", "max_gap_hours", "late_share"),
                expected);
    }

    // ---------------------------------------------------------------- helpers

    private record RepDay(long rep, LocalDate day) {
    }

    private static Map<Long, Row> byId(String sql) throws SQLException {
        return ViewRows.byId(trino, sql);
    }

    private static List<Row> rows(String sql) throws SQLException {
        return ViewRows.rows(trino, sql);
    }

    private static void assertViewHoldsExactly(String view, List<String> keyColumns, List<String> valueColumns,
                                               Map<List<Object>, List<Object>> expected) throws SQLException {
        ViewRows.assertViewHoldsExactly(trino, view, keyColumns, valueColumns, expected);
    }


    /** The middle value, or the mean of the two middle ones; none of nothing. */
    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(SHANGHAI).toLocalDate();
    }

    private static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate month(Instant instant) {
        return day(instant).withDayOfMonth(1);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
