package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;

class AlertTruthTest {

    private static final List<String> RULES = List.of(LeadNotContacted.RULE, CommitmentOverdue.RULE,
            QuoteFeedbackMissing.RULE, StageDwell.RULE, CollabTaskDwell.RULE, ReceivableStepDwell.RULE);
    /** Rules whose alerts never escalate: left out of the outcome checks of {@link #RULES}. */
    private static final List<String> WITHOUT_ESCALATION = List.of(DailyReportTruth.RULE);

    private final GeneratedCompany small = Companies.small();
    private final GroundTruth truth = small.groundTruth();

    @Test
    void everyRuleRaisesAlertsInTheSmallCompany() {
        Map<String, Long> perRule = truth.alerts().stream()
                .collect(Collectors.groupingBy(GroundTruth.ExpectedAlert::rule, Collectors.counting()));
        assertThat(perRule).containsOnlyKeys(java.util.stream.Stream.concat(RULES.stream(), WITHOUT_ESCALATION.stream()).toList());
        assertThat(perRule.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
    }

    @Test
    void alertsAreUniqueOrderedAndConsistentWithTheirEpisodes() {
        List<GroundTruth.ExpectedAlert> alerts = truth.alerts();
        assertThat(alerts).extracting(GroundTruth.ExpectedAlert::alertId).doesNotHaveDuplicates();
        assertThat(alerts).isSortedAccordingTo(Comparator.comparing(GroundTruth.ExpectedAlert::dueAt)
                .thenComparing(GroundTruth.ExpectedAlert::alertId));
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.alertId()).startsWith(a.rule() + ":" + a.subjectType() + ":" + a.subjectId() + ":");
            assertThat(a.dueAt()).isBeforeOrEqualTo(truth.lastEventAt());
            if (a.escalatedAt() != null) {
                assertThat(a.escalatedAt()).isAfter(a.dueAt().minusMillis(1)).isBeforeOrEqualTo(truth.lastEventAt());
                if (a.resolvedAt() != null) {
                    assertThat(a.resolvedAt()).isAfter(a.escalatedAt());
                }
            }
            if (a.resolvedAt() != null) {
                assertThat(a.resolvedAt()).isAfter(a.dueAt()).isBeforeOrEqualTo(truth.lastEventAt());
            }
        });
    }

    @Test
    void theDefaultCompanyHasEveryOutcomeForEveryRule() {
        GeneratedCompany company = Companies.defaults();
        List<GroundTruth.ExpectedAlert> alerts = company.groundTruth().alerts();
        for (String rule : RULES) {
            List<GroundTruth.ExpectedAlert> ofRule = alerts.stream().filter(a -> a.rule().equals(rule)).toList();
            assertThat(ofRule).as(rule + " resolved before escalation")
                    .anyMatch(a -> a.resolvedAt() != null && a.escalatedAt() == null);
            assertThat(ofRule).as(rule + " escalated").anyMatch(a -> a.escalatedAt() != null && a.resolvedAt() != null);
            assertThat(ofRule).as(rule + " never resolved").anyMatch(a -> a.resolvedAt() == null);
        }
        // Not raised at all: more episodes (or assignments) than alerts.
        assertThat(company.groundTruth().leadAssignments().size())
                .isGreaterThan((int) alerts.stream().filter(a -> a.rule().equals(LeadNotContacted.RULE)).count());
        for (Supplier<CrmAlertRule> factory : List.<Supplier<CrmAlertRule>>of(CommitmentOverdue::new,
                QuoteFeedbackMissing::new, StageDwell::new, CollabTaskDwell::new, ReceivableStepDwell::new)) {
            CrmAlertRule rule = factory.get();
            company.crmChanges().forEach(rule::see);
            String name = rule.episodes().get(0).rule;
            assertThat(rule.episodes().size()).as(name + " episodes without alert")
                    .isGreaterThan((int) alerts.stream().filter(a -> a.rule().equals(name)).count());
        }
    }

    // The five examples below were checked by hand against the small company's change log.

    @Test
    void leadNeverCalledByItsOwnerEscalatesAndResolvesWhenHandedOver() {
        // Lead 100568 in the snapshot, assigned to 1011 at 2026-03-01T11:34:23Z; 1011 never reaches it;
        // re-assigned to 1014 in a change committed 2026-03-03T13:10:23.113Z, after the 48-hour escalation.
        assertThat(truth.alerts()).contains(new GroundTruth.ExpectedAlert(
                "lead_not_contacted:lead:100568:" + Instant.parse("2026-03-01T11:34:23Z").toEpochMilli(),
                "lead_not_contacted", "lead", 100568, 1011, Instant.parse("2026-03-02T11:34:23Z"),
                Instant.parse("2026-03-03T11:34:23Z"), Instant.parse("2026-03-03T13:10:23.113Z")));
    }

    @Test
    void commitmentFulfilledThreeDaysLateEscalatedAtDuePlusTwoDays() {
        // 810026 (DABE-20260216-005) created 2026-02-16, due 2026-03-02T10:00Z, fulfilled in a change committed
        // 2026-03-05T03:00:00.037Z.
        assertThat(truth.alerts()).contains(new GroundTruth.ExpectedAlert(
                "commitment_overdue:commitment:810026:" + Instant.parse("2026-02-16T05:28:45Z").toEpochMilli(),
                "commitment_overdue", "commitment", 810026, 1014, Instant.parse("2026-03-02T10:00:00Z"),
                Instant.parse("2026-03-04T10:00:00Z"), Instant.parse("2026-03-05T03:00:00.037Z")));
    }

    @Test
    void quoteFeedbackAfterTwoAndAHalfDays() {
        // 800008 sent 2026-03-02T03:25:35Z; feedback decision_chain_unclear committed 2026-03-04T11:14:35.048Z.
        assertThat(truth.alerts()).contains(new GroundTruth.ExpectedAlert(
                "quote_feedback_missing:quote:800008:" + Instant.parse("2026-03-02T03:25:35Z").toEpochMilli(),
                "quote_feedback_missing", "quote", 800008, 1005, Instant.parse("2026-03-03T03:25:35Z"),
                Instant.parse("2026-03-04T03:25:35Z"), Instant.parse("2026-03-04T11:14:35.048Z")));
    }

    @Test
    void opportunitySilentBeforeTheSnapshotIsAlertedAndEscalatedWhenTheSnapshotArrives() {
        // 300028's last action before the snapshot is a follow-up created 2026-02-24T05:00:57Z: due 02-26, escalation
        // 02-28, both before the snapshot, so the alert escalates at once when the snapshot (committed
        // 2026-03-01T22:30:00.047Z) makes it known; the stage change committed 2026-03-02T02:12:05.050Z resolves it.
        Instant snapshot = small.crmChanges().get(0).committedAt();
        assertThat(snapshot).isEqualTo(Instant.parse("2026-03-01T22:30:00.047Z"));
        assertThat(truth.alerts()).contains(new GroundTruth.ExpectedAlert(
                "stage_dwell:opportunity:300028:" + Instant.parse("2026-02-24T05:00:57Z").toEpochMilli(),
                "stage_dwell", "opportunity", 300028, 1018, Instant.parse("2026-02-26T05:00:57Z"),
                snapshot, Instant.parse("2026-03-02T02:12:05.050Z")));
    }

    @Test
    void presalesTaskCountsTheMakeUpSaturdayAsAWorkingDay() {
        // 820026 (sla 2.0) last changed Friday 2026-02-27 12:25:21 Shanghai: 11:34:39 that day, Saturday 28 Feb is a
        // make-up workday (24 h), Sunday off, 12:25:21 on Monday 2 March -> due 2026-03-02T04:25:21Z; four working
        // days -> Wednesday 4 March; done in a change committed 2026-03-05T02:10:21.005Z.
        assertThat(truth.alerts()).contains(new GroundTruth.ExpectedAlert(
                "collab_task_dwell:collab_task:820026:" + Instant.parse("2026-02-27T04:25:21Z").toEpochMilli(),
                "collab_task_dwell", "collab_task", 820026, 1020, Instant.parse("2026-03-02T04:25:21Z"),
                Instant.parse("2026-03-04T04:25:21Z"), Instant.parse("2026-03-05T02:10:21.005Z")));
    }

    @Test
    void movingACommitmentsDueDateBeforeItFallsDueStartsAFreshWatch() {
        GeneratedCompany company = Companies.defaults();
        List<CrmChange> moved = company.crmChanges().stream()
                .filter(c -> c.table().equals("commitments") && c.op().equals("u")
                        && !Objects.equals(c.before().get("due_at"), c.after().get("due_at")))
                .toList();
        assertThat(moved).isNotEmpty();
        Set<String> ids = company.groundTruth().alerts().stream().map(GroundTruth.ExpectedAlert::alertId)
                .collect(Collectors.toSet());
        for (CrmChange change : moved) {
            long id = (Long) change.after().get("id");
            Instant created = (Instant) change.after().get("created_at");
            // The edit came hours before the old due time, so the first watch never alerted.
            assertThat(ids).doesNotContain("commitment_overdue:commitment:" + id + ":" + created.toEpochMilli());
        }
        assertThat(company.groundTruth().alerts()).anyMatch(a -> moved.stream().anyMatch(c ->
                a.alertId().equals("commitment_overdue:commitment:" + c.after().get("id") + ":"
                        + ((Instant) c.after().get("updated_at")).toEpochMilli())
                        && a.dueAt().equals(c.after().get("due_at"))));
    }
}
