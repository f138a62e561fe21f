package org.salesops.pipelines.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class AlertRecipientsTest {

    private static Alert alertOf(long owner) {
        return Alert.open("lead_not_contacted", "lead", 100, owner, 0, 100, "m");
    }

    @Test
    void anAlertThatArrivesBeforeTheOrgChartWaitsForItsTimeAndGetsEveryRecipient() throws Exception {
        try (KeyedBroadcastOperatorTestHarness<Long, Alert, AlertRecipients.ManagerLink, Alert> harness =
                     ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new AlertRecipients(),
                             alert -> alert.ownerId, Types.LONG, AlertRecipients.MANAGERS)) {
            // given an escalated alert of rep 7 that comes first, as after a restart
            harness.processElement(new StreamRecord<>(alertOf(7).escalated(100), 100));
            assertThat(harness.extractOutputValues()).as("nothing before event time reaches the alert").isEmpty();

            // when the org chart (rep 7 -> supervisor 3 -> director 1) arrives, then both inputs pass time 100
            harness.processBroadcastElement(new StreamRecord<>(new AlertRecipients.ManagerLink(7, 3L), 10));
            harness.processBroadcastElement(new StreamRecord<>(new AlertRecipients.ManagerLink(3, 1L), 10));
            harness.processWatermark(new Watermark(100));
            harness.processBroadcastWatermark(new Watermark(100));

            // then the alert goes out with the owner, the manager and the manager's manager, and nothing waits
            List<Alert> out = harness.extractOutputValues();
            assertThat(out).hasSize(1);
            assertThat(out.get(0).recipients).containsExactly(7L, 3L, 1L);
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void anAlertWhoseTimeHasPassedGoesOutAtOnceInArrivalOrder() throws Exception {
        try (KeyedBroadcastOperatorTestHarness<Long, Alert, AlertRecipients.ManagerLink, Alert> harness =
                     ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(new AlertRecipients(),
                             alert -> alert.ownerId, Types.LONG, AlertRecipients.MANAGERS)) {
            harness.processBroadcastElement(new StreamRecord<>(new AlertRecipients.ManagerLink(7, 3L), 10));
            harness.processWatermark(new Watermark(200));
            harness.processBroadcastWatermark(new Watermark(200));

            harness.processElement(new StreamRecord<>(alertOf(7), 150));
            harness.processElement(new StreamRecord<>(alertOf(7).resolved(160), 160));

            List<Alert> out = harness.extractOutputValues();
            assertThat(out).extracting(a -> a.status).containsExactly(Alert.OPEN, Alert.RESOLVED);
            assertThat(out.get(0).recipients).containsExactly(7L, 3L);
        }
    }
}
