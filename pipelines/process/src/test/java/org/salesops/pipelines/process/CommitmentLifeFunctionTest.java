package org.salesops.pipelines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.process.Crm.at;
import static org.salesops.pipelines.process.Crm.commitment;
import static org.salesops.pipelines.process.Crm.create;
import static org.salesops.pipelines.process.Crm.update;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;

class CommitmentLifeFunctionTest {

    static final ProcessSettings SETTINGS = ProcessSettings.defaults();
    KeyedOneInputStreamOperatorTestHarness<Long, CommitmentChange, CommitmentLife> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CommitmentLifeFunction(SETTINGS),
                c -> c.commitmentId, Types.LONG);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    void send(CrmChange change) throws Exception {
        harness.processElement(CommitmentChange.of(change), change.committedAt().toEpochMilli());
    }

    List<String> outcomes() {
        return harness.extractOutputValues().stream().map(c -> c.outcome.column()).toList();
    }

    void endOfInput() throws Exception {
        harness.processWatermark(Long.MAX_VALUE);
    }

    @Test
    void fulfilledBeforeItsDueTimeIsOnTime() throws Exception {
        Map<String, Object> open = commitment(1, 300, 0, 48, "open", null);
        send(create("commitments", open, 0));
        send(update("commitments", open, commitment(1, 300, 0, 48, "fulfilled", 30.0), 30));
        endOfInput();

        assertThat(outcomes()).containsExactly("open", "fulfilled_on_time");
        assertThat(harness.extractOutputValues().get(1).toRow()).containsEntry("code", "DABE-20260302-001")
                .containsEntry("evidence_present", true).containsEntry("status", "fulfilled")
                .containsEntry("fulfilled_at", Crm.instant(30));
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void anOpenCommitmentTurnsOverdueAtItsDueTimeNotAtTheNextEvent() throws Exception {
        Map<String, Object> open = commitment(1, 300, 0, 48, "open", null);
        send(create("commitments", open, 0));
        harness.processWatermark(at(48) - 1);
        assertThat(outcomes()).containsExactly("open");
        harness.processWatermark(at(48));
        assertThat(outcomes()).containsExactly("open", "overdue_open");
        assertThat(harness.extractOutputStreamRecords().get(1).getTimestamp()).isEqualTo(at(48));

        // fulfilled the next day: late
        send(update("commitments", open, commitment(1, 300, 0, 48, "fulfilled", 60.0), 60));
        endOfInput();
        assertThat(outcomes()).containsExactly("open", "overdue_open", "fulfilled_late");
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void aPostponedDueTimeMovesTheOverdueDecision() throws Exception {
        Map<String, Object> open = commitment(1, 300, 0, 48, "open", null);
        Map<String, Object> postponed = commitment(1, 300, 0, 96, "open", null);
        send(create("commitments", open, 0));
        send(update("commitments", open, postponed, 44));
        harness.processWatermark(at(95));
        assertThat(outcomes()).containsExactly("open", "open");   // the new due_at is written at once
        assertThat(harness.extractOutputValues()).extracting(c -> c.dueAt).containsExactly(at(48), at(96));
        harness.processWatermark(at(96));
        assertThat(outcomes()).containsExactly("open", "open", "overdue_open");
        endOfInput();
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void duplicatesAndStaleChangesAreIgnored() throws Exception {
        Map<String, Object> open = commitment(1, 300, 0, 48, "open", null);
        CrmChange created = create("commitments", open, 0);
        CrmChange cancelled = update("commitments", open, commitment(1, 300, 0, 48, "cancelled", null), 10);
        send(created);
        send(cancelled);
        send(created);          // re-delivered, older than what was applied
        send(cancelled);        // re-delivered
        endOfInput();

        assertThat(outcomes()).containsExactly("open", "cancelled");
        HarnessState.assertNothingLeaks(harness);
    }

    @Test
    void withoutFulfilledAtTheCommitThatFulfilledItDecides() throws Exception {
        Map<String, Object> open = commitment(1, 300, 0, 48, "open", null);
        send(create("commitments", open, 0));
        send(update("commitments", open, commitment(1, 300, 0, 48, "fulfilled", null), 50));
        endOfInput();

        assertThat(outcomes()).containsExactly("open", "fulfilled_late");
        assertThat(harness.extractOutputValues().get(1).fulfilledAt).isNull();
    }

    @Test
    void aCommitmentRegisteredAfterItsDueTimeIsOverdueAtOnce() throws Exception {
        // the snapshot reveals an old open commitment long after it fell due
        send(create("commitments", commitment(1, 300, 0, 48, "open", null), 200));
        endOfInput();
        assertThat(outcomes()).containsExactly("overdue_open");
        HarnessState.assertNothingLeaks(harness);
    }
}
