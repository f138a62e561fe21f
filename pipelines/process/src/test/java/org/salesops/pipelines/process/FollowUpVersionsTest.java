package org.salesops.pipelines.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.process.Crm.activity;
import static org.salesops.pipelines.process.Crm.at;
import static org.salesops.pipelines.process.Crm.create;
import static org.salesops.pipelines.process.Crm.delete;
import static org.salesops.pipelines.process.Crm.update;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;

class FollowUpVersionsTest {

    static final ProcessSettings SETTINGS = ProcessSettings.defaults();
    KeyedOneInputStreamOperatorTestHarness<Long, FollowUpDiscovery, FollowUpDiscovery> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new FollowUpVersions(SETTINGS),
                f -> f.activityId, Types.LONG);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    void send(CrmChange change) throws Exception {
        harness.processElement(FollowUpDiscovery.of(change, SETTINGS.zone()), change.committedAt().toEpochMilli());
    }

    List<FollowUpDiscovery> withdrawn() {
        var out = harness.getSideOutput(FollowUpVersions.WITHDRAWN);
        return out == null ? List.of() : out.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void readsDepthFromTheActivityRow() throws Exception {
        send(create("activities", activity(1, 7, 300L, 0, 4, "budget_confirmed; purchase_time_confirmed;budget_confirmed",
                "客户说:今年这块预算大概80万左右", "预算大概80万。"), 0.5));

        FollowUpDiscovery f = harness.extractOutputValues().get(0);
        Map<String, Object> row = f.toRow();
        assertThat(row).containsEntry("activity_id", 1L).containsEntry("owner_id", 7L)
                .containsEntry("questions_asked", 4).containsEntry("discovery_count", 2)
                .containsEntry("discoveries", List.of("budget_confirmed", "purchase_time_confirmed"))
                .containsEntry("evidence_present", true).containsEntry("deleted", false)
                .containsEntry("occurred_day", LocalDate.of(2026, 3, 2));
    }

    @Test
    void duplicatesAndStaleChangesEmitNothing() throws Exception {
        Map<String, Object> first = activity(1, 7, 300L, 0, 2, null, null, "跟进");
        Map<String, Object> edited = activity(1, 7, 300L, 0, 5, "budget_confirmed", null, "跟进");
        CrmChange created = create("activities", first, 0.5);
        CrmChange edit = update("activities", first, edited, 3);
        send(created);
        send(edit);
        send(created);                                        // re-delivered after the edit: older, ignored
        send(edit);                                           // re-delivered: same version, ignored
        send(update("activities", edited, edited, 4));        // a change that alters no column we show

        assertThat(harness.extractOutputValues()).extracting(f -> f.questionsAsked).containsExactly(2, 5);
        assertThat(withdrawn()).isEmpty();
    }

    @Test
    void anEditMovingTheFollowUpToAnotherDayWithdrawsItFromTheOldDay() throws Exception {
        Map<String, Object> first = activity(1, 7, 300L, 0, 2, null, null, "跟进");
        Map<String, Object> moved = activity(1, 7, 300L, 24, 2, null, null, "跟进");   // next day
        send(create("activities", first, 0.5));
        send(update("activities", first, moved, 25));

        assertThat(withdrawn()).singleElement().satisfies(w -> {
            assertThat(w.deleted).isTrue();
            assertThat(w.occurredDay).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(w.version.committedAt).isEqualTo(at(25));
        });
        assertThat(harness.extractOutputValues()).extracting(f -> f.occurredDay)
                .containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
    }

    @Test
    void aDeletionIsReportedAndTheStateExpiresAfterTheRetention() throws Exception {
        Map<String, Object> first = activity(1, 7, 300L, 0, 2, null, null, "跟进");
        send(create("activities", first, 0.5));
        send(delete("activities", first, 2));
        harness.processWatermark(at(2) + SETTINGS.retention().toMillis());

        assertThat(harness.extractOutputValues()).extracting(f -> f.deleted).containsExactly(false, true);
        HarnessState.assertNothingLeaks(harness);
    }
}
