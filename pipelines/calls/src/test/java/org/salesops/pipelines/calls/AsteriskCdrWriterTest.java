package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

class AsteriskCdrWriterTest {

    private static final Instant START = Instant.parse("2024-03-05T02:15:07Z");

    private final AsteriskCdrParser parser = new AsteriskCdrParser();

    @Test
    void writesWhatCdrCsvWrites() {
        CallRecord unanswered = new CallRecord("asterisk", "1709604907.26", START, null, START.plusSeconds(31),
                31, 0, "outbound", "201", null, "913800138000", "+8613800138000", "NO ANSWER", false);

        String line = AsteriskCdrWriter.format(unanswered, "from-internal", "PJSIP");

        String channelSuffix = String.format("%08x", "1709604907.26".hashCode());
        String trunkSuffix = String.format("%08x", "1709604907.26".hashCode() + 1);
        assertThat(line).isEqualTo("\"\",\"201\",\"913800138000\",\"from-internal\",\"\"\"\"\" <201>\","
                + "\"PJSIP/201-" + channelSuffix + "\",\"PJSIP/trunk-" + trunkSuffix + "\",\"Dial\","
                + "\"PJSIP/913800138000@trunk\",\"2024-03-05 02:15:07\",,\"2024-03-05 02:15:38\",31,0,"
                + "\"NO ANSWER\",\"DOCUMENTATION\",\"1709604907.26\",\"\"");
    }

    @Test
    void outboundConnectedCallReadsBackEqual() throws RejectedInput {
        CallRecord call = new CallRecord("asterisk", "1709604907.26", START, START.plusSeconds(12),
                START.plusSeconds(273), 273, 261, "outbound", "201", null, "913800138000", "+8613800138000",
                "ANSWERED", true);

        assertThat(parser.parse(AsteriskCdrWriter.format(call, "from-internal", "PJSIP"))).isEqualTo(call);
    }

    @Test
    void inboundBusyCallToAnExtensionReadsBackEqual() throws RejectedInput {
        CallRecord call = new CallRecord("asterisk", "1709605000.31", START, null, START.plusSeconds(4), 4, 0,
                "inbound", "202", null, "0755-12345678", "+8675512345678", "BUSY", false);

        assertThat(parser.parse(AsteriskCdrWriter.format(call, "from-trunk", "SIP"))).isEqualTo(call);
    }

    @Test
    void inboundCallToTheCompanyNumberReadsBackEqual() throws RejectedInput {
        CallRecord call = new CallRecord("asterisk", "1709605100.40", START, START.plusSeconds(9),
                START.plusSeconds(130), 130, 121, "inbound", "203", "+8675588886666", "+86 139 1234 5678",
                "+8613912345678", "ANSWERED", true);

        String line = AsteriskCdrWriter.format(call, "from-trunk", "PJSIP");

        assertThat(line).contains("\"PJSIP/trunk-").contains("\"PJSIP/203-");
        assertThat(parser.parse(line)).isEqualTo(call);
    }

    @Test
    void internalCallReadsBackEqual() throws RejectedInput {
        CallRecord call = new CallRecord("asterisk", "1709605200.44", START, START.plusSeconds(3),
                START.plusSeconds(63), 63, 60, "internal", "201", null, "202", null, "ANSWERED", true);

        assertThat(parser.parse(AsteriskCdrWriter.format(call, "from-internal", "PJSIP"))).isEqualTo(call);
    }

    @Test
    void refusesWhatAsteriskCannotCarry() {
        CallRecord canceled = new CallRecord("twilio", "CA0123456789abcdef0123456789abcdef", START, null, START, 0, 0,
                "outbound", "201", null, "13800138000", "+8613800138000", "CANCELED", false);
        CallRecord noRep = new CallRecord("asterisk", "1.1", START, null, START, 0, 0,
                "outbound", null, null, "13800138000", "+8613800138000", "NO ANSWER", false);

        assertThatThrownBy(() -> AsteriskCdrWriter.format(canceled, "from-internal", "PJSIP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Asterisk disposition");
        assertThatThrownBy(() -> AsteriskCdrWriter.format(noRep, "from-internal", "PJSIP"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repExtension is needed");
    }
}
