package org.salesops.pipelines.alerts;

import org.salesops.pipelines.crm.CrmRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.crm.CrmRow.created;
import static org.salesops.pipelines.crm.CrmRow.row;
import static org.salesops.pipelines.crm.CrmRow.snapshot;
import static org.salesops.pipelines.crm.CrmRow.tombstone;
import static org.salesops.pipelines.crm.CrmRow.updated;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitmentOverdueRuleTest {

    static final long COMMITMENT = 3L;
    static final long OWNER = 7L;
    static final Instant CREATED = Instant.parse("2026-03-02T02:00:00Z");
    static final Instant DUE = Instant.parse("2026-03-04T10:00:00Z");
    static final long H48 = 48 * 3600_000L;
    static final String MESSAGE = "承诺已逾期 Commitment overdue: DABE-20260302-001 下周三上线测试环境";

    final CommitmentOverdueRule rule = new CommitmentOverdueRule();
    AlertHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new AlertHarness();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static CrmRow commitment() {
        return row().with("id", COMMITMENT).with("code", "DABE-20260302-001").with("customer_id", 100L)
                .with("opportunity_id", null).with("owner_id", OWNER).with("content", "下周三上线测试环境")
                .with("due_at", DUE).with("evidence_ref", null).with("status", "open").with("fulfilled_at", null)
                .with("created_at", CREATED).with("updated_at", CREATED);
    }

    static Alert opened(Instant silenceStart, Instant due) {
        return Alert.open("commitment_overdue", "commitment", COMMITMENT, OWNER, silenceStart.toEpochMilli(),
                due.toEpochMilli(), MESSAGE);
    }

    @Test
    void anOpenCommitmentIsWatchedFromItsCreationUntilItsDueTime() {
        assertThat(rule.events(created("commitments", commitment(), CREATED))).containsExactly(
                SilenceEvent.watch("commitment_overdue", "commitment", COMMITMENT, OWNER, CREATED.toEpochMilli(),
                        DUE.toEpochMilli(), DUE.toEpochMilli() + H48, MESSAGE, null));
        assertThat(rule.events(snapshot("commitments", commitment(), CREATED)).get(0).silenceStart)
                .isEqualTo(CREATED.toEpochMilli());
    }

    @Test
    void fulfilledCancelledAndDeletedCommitmentsStop() {
        SilenceEvent stop = SilenceEvent.stop("commitment_overdue", COMMITMENT);
        assertThat(rule.events(updated("commitments", commitment(), commitment().with("status", "fulfilled"),
                DUE))).containsExactly(stop);
        assertThat(rule.events(updated("commitments", commitment(), commitment().with("status", "cancelled"),
                DUE))).containsExactly(stop);
        assertThat(rule.events(CrmRow.deleted("commitments", commitment(), DUE))).containsExactly(stop);
        assertThat(rule.events(tombstone("commitments", COMMITMENT, DUE))).containsExactly(stop);
    }

    @Test
    void onlyAnEditOfTheDueTimeStartsANewEpisode() {
        Instant edit = Instant.parse("2026-03-03T08:00:00Z");
        CrmRow evidence = commitment().with("evidence_ref", "IMG-1").with("updated_at", edit);
        assertThat(rule.events(updated("commitments", commitment(), evidence, edit)).get(0).silenceStart)
                .isEqualTo(CREATED.toEpochMilli());

        CrmRow moved = commitment().with("due_at", DUE.plusSeconds(86_400)).with("updated_at", edit);
        SilenceEvent watch = rule.events(updated("commitments", commitment(), moved, edit)).get(0);
        assertThat(watch.silenceStart).isEqualTo(edit.toEpochMilli());
        assertThat(watch.deadline).isEqualTo(DUE.plusSeconds(86_400).toEpochMilli());
    }

    @Test
    void overdueAtTheDueTimeEscalatedTwoDaysLaterResolvedWhenFulfilled() throws Exception {
        harness.send(created("commitments", commitment(), CREATED));
        harness.watermark(DUE.toEpochMilli() - 1);
        assertThat(harness.alerts()).isEmpty();
        harness.watermark(DUE);
        assertThat(harness.alerts()).containsExactly(opened(CREATED, DUE));

        harness.watermark(DUE.toEpochMilli() + H48);
        Alert escalated = opened(CREATED, DUE).escalated(DUE.toEpochMilli() + H48);
        assertThat(harness.alerts()).containsExactly(opened(CREATED, DUE), escalated);

        Instant fulfilled = DUE.plusSeconds(3 * 86_400);
        harness.send(updated("commitments", commitment(), commitment().with("status", "fulfilled")
                .with("fulfilled_at", fulfilled).with("updated_at", fulfilled), fulfilled));
        harness.endOfInput();
        assertThat(harness.alerts()).containsExactly(opened(CREATED, DUE), escalated,
                escalated.resolved(fulfilled.toEpochMilli()));
        harness.assertNothingLeaks();
    }

    @Test
    void dueDateEditedBeforeItPassedMovesTheDeadline() throws Exception {
        Instant edit = Instant.parse("2026-03-03T08:00:00Z");
        Instant newDue = DUE.plusSeconds(86_400);
        harness.send(created("commitments", commitment(), CREATED));
        harness.send(updated("commitments", commitment(), commitment().with("due_at", newDue)
                .with("updated_at", edit), edit));

        harness.watermark(newDue.toEpochMilli() - 1);
        assertThat(harness.alerts()).isEmpty();
        harness.watermark(newDue);
        assertThat(harness.alerts()).containsExactly(opened(edit, newDue));
    }

    @Test
    void dueDateEditedAfterTheAlertResolvesItAndWatchesTheNewDate() throws Exception {
        Instant edit = DUE.plusSeconds(3600);
        Instant newDue = DUE.plusSeconds(2 * 86_400);
        harness.send(created("commitments", commitment(), CREATED));
        harness.watermark(DUE);
        harness.send(updated("commitments", commitment(), commitment().with("due_at", newDue)
                .with("updated_at", edit), edit));
        harness.watermark(newDue);

        assertThat(harness.alerts()).containsExactly(opened(CREATED, DUE),
                opened(CREATED, DUE).resolved(edit.toEpochMilli()), opened(edit, newDue));
        harness.send(tombstone("commitments", COMMITMENT, newDue.plusSeconds(60)));
        harness.endOfInput();
        assertThat(harness.alerts()).hasSize(4);
        harness.assertNothingLeaks();
    }

    @Test
    void aCommitmentFirstSeenAfterItsDueTimeOpensAtOnce() throws Exception {
        Instant seen = DUE.plusSeconds(5 * 3600);
        harness.send(snapshot("commitments", commitment(), seen));
        harness.watermark(seen);

        assertThat(harness.alerts()).containsExactly(opened(CREATED, DUE));
        assertThat(harness.alerts().get(0).dueAt).isEqualTo(DUE.toEpochMilli());
    }
}
