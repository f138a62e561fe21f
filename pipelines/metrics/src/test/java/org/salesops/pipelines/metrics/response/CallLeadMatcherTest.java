package org.salesops.pipelines.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallLeadMatcherTest {

    static final String PHONE = "+8613912345678";
    static final long T0 = 1_772_000_000_000L;

    KeyedTwoInputStreamOperatorTestHarness<String, LeadPhone, LeadSignal, LeadSignal> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new CallLeadMatcher(ResponseTimeRules.defaults())),
                p -> p.phone, s -> s.phone, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void aCallReachesEveryLeadWithThatPhoneWhicheverArrivesFirst() throws Exception {
        LeadSignal call = LeadSignal.call(PHONE, T0, "8001", null);

        harness.processElement1(new LeadPhone(PHONE, 1L, true), T0 - 1000);
        harness.processElement2(call, T0);
        harness.processElement1(new LeadPhone(PHONE, 2L, true), T0 + 1000); // known a little later

        assertThat(harness.extractOutputValues()).containsExactlyInAnyOrder(call.forLead(1L), call.forLead(2L));
    }

    @Test
    void aPhoneNoLongerTheLeadsGetsNoMoreCalls() throws Exception {
        harness.processElement1(new LeadPhone(PHONE, 1L, true), T0);
        harness.processElement1(new LeadPhone(PHONE, 1L, false), T0 + 1);
        harness.processElement2(LeadSignal.call(PHONE, T0 + 2, "8001", null), T0 + 2);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void callsAreForgottenAfterTheLatenessAndOnlyLeadPhonesRemain() throws Exception {
        harness.processElement1(new LeadPhone(PHONE, 1L, true), T0);
        harness.processElement2(LeadSignal.call(PHONE, T0, "8001", null), T0);

        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        harness.processElement1(new LeadPhone(PHONE, 3L, true), Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the phone -> leads map, reference data
    }
}
