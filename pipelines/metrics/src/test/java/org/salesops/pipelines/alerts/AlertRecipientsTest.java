package org.salesops.pipelines.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recipients from the org chart as of the alert's time, whichever input arrives first: rep 1001 reports
 * to supervisor 2001, who reports to director 3001.
 */
class AlertRecipientsTest {

    static final long REP = 1001L;
    static final long SUPERVISOR = 2001L;
    static final long DIRECTOR = 3001L;
    static final long NEW_SUPERVISOR = 2002L;

    KeyedBroadcastOperatorTestHarness<Long, Alert, AlertRecipients.ManagerLink, Alert> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new AlertRecipients(),
                alert -> alert.ownerId, Types.LONG, AlertRecipients.MANAGERS);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static Alert overdueLead(long dueAt) {
        return Alert.open("lead_not_contacted", "lead", 7L, REP, dueAt - 100, dueAt, "线索超时未联系 / lead not contacted");
    }

    void orgChart(long committedAt, long user, Long manager) throws Exception {
        harness.processBroadcastElement(new AlertRecipients.ManagerLink(user, manager), committedAt);
    }

    @Test
    void anAlertThatArrivesBeforeTheOrgChartWaitsForItsTimeAndThenReachesTheManagers() throws Exception {
        Alert open = overdueLead(1_000);
        harness.processElement(open, 1_000);
        harness.processElement(open.escalated(2_000), 2_000);
        // the chart was committed before the deadline, but its input ran behind
        orgChart(500, REP, SUPERVISOR);
        orgChart(500, SUPERVISOR, DIRECTOR);
        assertThat(harness.extractOutputValues()).as("nothing before the watermark passes the alert").isEmpty();

        harness.watermark(2_000);

        List<Alert> sent = harness.extractOutputValues();
        assertThat(sent).extracting(a -> a.status).containsExactly(Alert.OPEN, Alert.ESCALATED);
        assertThat(sent.get(0).recipients).containsExactly(REP, SUPERVISOR);
        assertThat(sent.get(1).recipients).containsExactly(REP, SUPERVISOR, DIRECTOR);
        endAndAssertNothingLeaks();
    }

    @Test
    void aReorganisationAfterTheAlertReachesOnlyItsLaterVersions() throws Exception {
        orgChart(500, REP, SUPERVISOR);
        orgChart(500, SUPERVISOR, DIRECTOR);
        orgChart(500, NEW_SUPERVISOR, DIRECTOR);
        Alert open = overdueLead(1_000);
        harness.processElement(open, 1_000);
        harness.watermark(1_000);
        // the rep moves to another supervisor at 1,500; the alert escalates at 2,000
        orgChart(1_500, REP, NEW_SUPERVISOR);
        harness.processElement(open.escalated(2_000), 2_000);
        harness.watermark(2_000);

        List<Alert> sent = harness.extractOutputValues();
        assertThat(sent.get(0).recipients).containsExactly(REP, SUPERVISOR);
        assertThat(sent.get(1).recipients).containsExactly(REP, NEW_SUPERVISOR, DIRECTOR);
        endAndAssertNothingLeaks();
    }

    @Test
    void anAlertBehindTheWatermarkGoesAtTheNextOneAndAnOwnerWithoutManagerIsToldAlone() throws Exception {
        harness.watermark(5_000);
        harness.processElement(overdueLead(1_000), 1_000);
        harness.watermark(5_001);

        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(alert -> assertThat(alert.recipients).containsExactly(REP));
        endAndAssertNothingLeaks();
    }

    /** Time runs out, and nothing may be left behind. */
    void endAndAssertNothingLeaks() throws Exception {
        harness.watermark(Long.MAX_VALUE);
        assertThat(harness.numEventTimeTimers()).as("event-time timers left").isZero();
        HeapKeyedStateBackend<?> backend = (HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend();
        assertThat(backend.numKeyValueStateEntries()).as("keyed state entries left").isZero();
    }
}
