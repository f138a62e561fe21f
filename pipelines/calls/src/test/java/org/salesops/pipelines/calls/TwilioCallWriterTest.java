package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

class TwilioCallWriterTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String SID = "CAfedcba9876543210fedcba9876543210";
    private static final Instant START = Instant.parse("2024-03-05T02:15:07Z");
    private static final JsonMapper JSON = new JsonMapper();

    private final TwilioCallWriter writer = new TwilioCallWriter(ACCOUNT);
    private final TwilioCallParser parser = new TwilioCallParser();

    @Test
    void outboundConnectedCallReadsBackEqual() throws RejectedInput {
        CallRecord call = new CallRecord("twilio", SID, START, START.plusSeconds(11), START.plusSeconds(200), 200, 189,
                "outbound", null, "+8613912345678", "13800138000", "+8613800138000", "ANSWERED", true);

        assertThat(parser.parse(writer.toJson(call))).containsExactly(call);
    }

    @Test
    void inboundUnansweredCallReadsBackEqual() throws RejectedInput {
        CallRecord call = new CallRecord("twilio", SID, START, null, START.plusSeconds(25), 25, 0,
                "inbound", null, "+8613912345678", "+8675512345678", "+8675512345678", "NO ANSWER", false);

        assertThat(parser.parse(writer.toJson(call))).containsExactly(call);
    }

    @Test
    void softphoneRepReadsBackEqual() throws RejectedInput {
        CallRecord call = new CallRecord("twilio", SID, START, null, START.plusSeconds(8), 8, 0,
                "outbound", "wangli", null, "+8613800138000", "+8613800138000", "CANCELED", false);

        String json = writer.toJson(call);

        assertThat(json).contains("\"from\":\"client:wangli\"");
        assertThat(parser.parse(json)).containsExactly(call);
    }

    @Test
    void writesTheCurrentShapeOfTheCallResource() throws Exception {
        CallRecord call = new CallRecord("twilio", SID, START, null, START.plusSeconds(25), 25, 0,
                "inbound", null, "+8613912345678", "+8675512345678", "+8675512345678", "BUSY", false);
        JsonNode current = JSON.readTree(SampleFiles.read(
                SampleFiles.path("twilio-call/twilio__twilio-oai/openapi-examples/FetchCall.fetch.http200.json")));

        JsonNode written = JSON.readTree(writer.toJson(call));

        assertThat(names(written)).isEqualTo(names(current));
        assertThat(names(written.get("subresource_uris"))).isEqualTo(names(current.get("subresource_uris")));
        assertThat(written.get("subresource_uris").get("user_defined_messages").asText())
                .isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Calls/" + SID + "/UserDefinedMessages.json");
        assertThat(written.get("start_time").asText()).isEqualTo("Tue, 05 Mar 2024 02:15:07 +0000");
        assertThat(written.get("status").asText()).isEqualTo("busy");
        assertThat(written.get("direction").asText()).isEqualTo("inbound");
        assertThat(written.get("duration").isNull()).isTrue();
        assertThat(written.get("to").asText()).isEqualTo("+8613912345678");
    }

    @Test
    void refusesWhatTwilioCannotCarry() {
        CallRecord internal = new CallRecord("asterisk", "1709605200.44", START, START, START.plusSeconds(3), 3, 3,
                "internal", "201", null, "202", null, "ANSWERED", true);

        assertThatThrownBy(() -> writer.toJson(internal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inbound or outbound");
        assertThatThrownBy(() -> new TwilioCallWriter("ACxyz")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
