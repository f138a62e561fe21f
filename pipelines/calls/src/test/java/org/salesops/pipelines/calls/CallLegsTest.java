package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

class CallLegsTest {

    private static final Instant START = Instant.parse("2024-03-05T02:15:07Z");

    private final List<CallRecord> sample = parse("fafeitsch__cdrcsv-report-generator/cdr.csv");

    @Test
    void ringGroupLegsOfTheSampleBecomeOneCallEach() {
        Map<String, CallRecord> calls = merged(sample);

        assertThat(sample).hasSize(218);
        assertThat(calls).hasSize(174);
        // two phones rang; one stopped ringing after 10 s, the other was answered and talked 514 s
        assertThat(calls.get("1497952162.0").disposition()).isEqualTo("ANSWERED");
        assertThat(calls.get("1497952162.0").billableSeconds()).isEqualTo(514);
        // the answered leg comes first in the file here, and still wins
        assertThat(calls.get("1497963411.35").billableSeconds()).isEqualTo(12);
        // two unanswered legs ending together: the longer one
        assertThat(calls.get("1497955026.13").durationSeconds()).isEqualTo(19);
    }

    @Test
    void theChoiceDoesNotDependOnArrivalOrder() {
        List<CallRecord> reversed = new ArrayList<>(sample);
        Collections.reverse(reversed);

        assertThat(merged(reversed)).isEqualTo(merged(sample));
    }

    @Test
    void connectedBeatsLongerUnanswered() {
        CallRecord rang = new CallRecord("asterisk", "1.1", START, null, START.plusSeconds(60), 60, 0, "inbound",
                "201", null, "13800138000", "+8613800138000", "NO ANSWER", false);
        CallRecord talked = new CallRecord("asterisk", "1.1", START, START.plusSeconds(5), START.plusSeconds(20), 20, 15,
                "inbound", "202", null, "13800138000", "+8613800138000", "ANSWERED", true);

        assertThat(CallLegs.preferred(rang, talked)).isSameAs(talked);
        assertThat(CallLegs.preferred(talked, rang)).isSameAs(talked);
        assertThatThrownBy(() -> CallLegs.preferred(rang, new CallRecord("asterisk", "1.2", START, null, START, 0, 0,
                "inbound", null, null, "", null, "NO ANSWER", false))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, CallRecord> merged(List<CallRecord> records) {
        return records.stream().collect(Collectors.toMap(CallRecord::callId, r -> r, CallLegs::preferred));
    }

    private static List<CallRecord> parse(String file) {
        AsteriskCdrParser parser = new AsteriskCdrParser();
        List<CallRecord> records = new ArrayList<>();
        for (String line : SampleFiles.lines(SampleFiles.path("asterisk-cdr/" + file))) {
            try {
                records.add(parser.parse(line));
            } catch (RejectedInput e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return records;
    }
}
