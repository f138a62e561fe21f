package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.salesops.pipelines.common.RejectedInput;

class TwilioCallParserTest {

    private static final String OAI = "twilio-call/twilio__twilio-oai/openapi-examples/";
    private static final String PYTHON = "twilio-call/twilio__twilio-python/extracted-from-tests/";
    private static final String SID = "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final JsonMapper JSON = new JsonMapper();

    private final TwilioCallParser parser = new TwilioCallParser();

    static Stream<Path> everySampleFile() {
        return SampleFiles.files("twilio-call", ".json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySampleFile")
    void everySampleFileParsesOrIsRejectedWithAReason(Path file) {
        String json = SampleFiles.read(file);
        try {
            List<CallRecord> calls = parser.parse(json);
            for (CallRecord call : calls) {
                assertThat(call.source()).isEqualTo("twilio");
                assertThat(call.callId()).startsWith("CA").hasSize(34);
                assertThat(call.billableSeconds()).isLessThanOrEqualTo(call.durationSeconds());
                assertThat(call.endedAt()).isAfterOrEqualTo(call.startedAt());
                assertThat(call.connected()).isEqualTo(call.answeredAt() != null);
            }
            int expected = json.contains("\"calls\"") ? JSON.readTree(json).get("calls").size() : 1;
            assertThat(calls).hasSize(expected);
        } catch (RejectedInput e) {
            // only the OpenAPI schema of the resource is not a call
            assertThat(file.getFileName().toString()).isEqualTo("call-resource-schema.json");
            assertThat(e).hasMessage("Twilio Call: neither a Call resource (no 'sid') nor a list page (no 'calls')");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsACompletedOutboundCall() throws RejectedInput {
        CallRecord call = single(OAI + "FetchCall.fetch.http200.json");

        // 60 s from start to end, of which Twilio reports 4 s of talk: answered 4 s before the end
        assertThat(call).isEqualTo(new CallRecord("twilio", SID, Instant.parse("2019-10-18T17:02:00Z"),
                Instant.parse("2019-10-18T17:02:56Z"), Instant.parse("2019-10-18T17:03:00Z"), 60, 4, "outbound",
                null, "+13051416799", "+13051913581", "+13051913581", "ANSWERED", true));
    }

    @Test
    void readsACompletedInboundCallWithTheRepAsTo() throws RejectedInput {
        CallRecord call = single(OAI + "CreateCall.create.http201.json");

        assertThat(call.direction()).isEqualTo("inbound");
        assertThat(call.repNumber()).isEqualTo("+14158675309");
        assertThat(call.remoteNumberRaw()).isEqualTo("+14158675308");
        assertThat(call.startedAt()).isEqualTo("2010-08-31T20:36:29Z");
        assertThat(call.answeredAt()).isEqualTo("2010-08-31T20:36:29Z");
        assertThat(call.endedAt()).isEqualTo("2010-08-31T20:36:44Z");
        assertThat(call.durationSeconds()).isEqualTo(15);
        assertThat(call.billableSeconds()).isEqualTo(15);
        assertThat(call.connected()).isTrue();
    }

    @Test
    void aCanceledCallDidNotTalkWhateverItsDurationSays() throws RejectedInput {
        CallRecord call = single(OAI + "UpdateCall.cancel.http200.json");

        assertThat(call.disposition()).isEqualTo("CANCELED");
        assertThat(call.durationSeconds()).isEqualTo(15);
        assertThat(call.billableSeconds()).isZero();
        assertThat(call.answeredAt()).isNull();
        assertThat(call.connected()).isFalse();
    }

    @Test
    void readsListPagesAndEmptyPages() throws RejectedInput {
        List<CallRecord> page = parser.parse(SampleFiles.read(SampleFiles.path(OAI + "ListCall.readFullPage1.http200.json")));

        assertThat(page).extracting(CallRecord::callId).containsExactly(SID, "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0");
        assertThat(page.get(1).direction()).isEqualTo("inbound");
        assertThat(page.get(1).repNumber()).isEqualTo("+13051913580");
        assertThat(page.get(1).billableSeconds()).isEqualTo(3);
        assertThat(parser.parse(SampleFiles.read(SampleFiles.path(OAI + "ListCall.readEmptyDatesLess.http200.json"))))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "call_fetch.http200.json, FetchCall.fetch.http200.json",
        "call_create.http201.json, CreateCall.create.http201.json",
        "call_cancel.http200.json, UpdateCall.cancel.http200.json",
        "call_read_full_page2.http200.json, ListCall.readFullPage2.http200.json"})
    void theOlderResponseShapeGivesTheSameRecords(String older, String current) throws RejectedInput {
        assertThat(parser.parse(SampleFiles.read(SampleFiles.path(PYTHON + older))))
                .isEqualTo(parser.parse(SampleFiles.read(SampleFiles.path(OAI + current))));
    }

    @Test
    void aSoftphoneRepIsKnownByItsIdentity() throws RejectedInput {
        CallRecord call = parser.parse(fetchCallWith("from", "client:wangli")).get(0);

        assertThat(call.repExtension()).isEqualTo("wangli");
        assertThat(call.repNumber()).isNull();
        assertThat(parser.parse(fetchCallWith("from", "sip:wangli@salesops.sip.twilio.com")).get(0).repExtension())
                .isEqualTo("wangli");
    }

    @Test
    void aChineseCustomerNumberIsNormalised() throws RejectedInput {
        CallRecord call = parser.parse(fetchCallWith("to", "+8613800138000")).get(0);

        assertThat(call.remoteNumber()).isEqualTo("+8613800138000");
    }

    @Test
    void aCallNeverDialledStartsWhenItWasCreatedAndEndsThere() throws RejectedInput {
        ObjectNode call = fetchCall();
        call.put("status", "failed");
        call.putNull("start_time");
        call.put("end_time", "");
        call.putNull("duration");

        CallRecord record = parser.parse(call.toString()).get(0);

        assertThat(record.startedAt()).isEqualTo("2019-10-18T17:00:00Z");
        assertThat(record.endedAt()).isEqualTo(record.startedAt());
        assertThat(record.durationSeconds()).isZero();
        assertThat(record.disposition()).isEqualTo("FAILED");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "status     | in-progress    | Twilio Call " + SID + ": call not finished (status in-progress)",
        "status     | queued         | Twilio Call " + SID + ": call not finished (status queued)",
        "status     | ringing        | Twilio Call " + SID + ": call not finished (status ringing)",
        "status     | hung-up        | Twilio Call " + SID + ": unknown status 'hung-up'",
        "status     |                | Twilio Call " + SID + ": no status",
        "direction  | sideways       | Twilio Call " + SID + ": unknown direction 'sideways'",
        "sid        | CA123          | Twilio Call: sid 'CA123' is not a Call SID (CA and 32 hex digits)",
        "start_time | 2019-10-18 17:02:00 | Twilio Call " + SID + ": start_time '2019-10-18 17:02:00' is not an RFC 2822 date-time",
        "end_time   | Fri, 18 Oct 2019 16:03:00 +0000 | Twilio Call " + SID + ": end_time is before start_time",
        "duration   | -3             | Twilio Call " + SID + ": duration '-3' is not a whole, non-negative number of seconds",
        "duration   | four           | Twilio Call " + SID + ": duration 'four' is not a whole, non-negative number of seconds"})
    void rejectsCallsWithAReason(String field, String value, String reason) {
        assertThatThrownBy(() -> parser.parse(fetchCallWith(field, value)))
                .isInstanceOf(RejectedInput.class).hasMessage(reason);
    }

    @Test
    void rejectsAWholePageNamingTheCallAtFault() throws Exception {
        ObjectNode page = (ObjectNode) JSON.readTree(SampleFiles.read(SampleFiles.path(OAI + "ListCall.readFullPage1.http200.json")));
        ((ObjectNode) page.get("calls").get(1)).put("status", "in-progress");

        assertThatThrownBy(() -> parser.parse(page.toString())).isInstanceOf(RejectedInput.class)
                .hasMessage("Twilio Call list: calls[1] CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0: call not finished (status in-progress)");
    }

    @Test
    void rejectsWhatIsNotACallResource() {
        assertThatThrownBy(() -> parser.parse("{\"sid\": \"CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""))
                .isInstanceOf(RejectedInput.class).hasMessageStartingWith("Twilio Call: not valid JSON (");
        assertThatThrownBy(() -> parser.parse(SampleFiles.read(SampleFiles.path(OAI + "FetchCall.fetch.http200.json")) + " {}"))
                .isInstanceOf(RejectedInput.class).hasMessageStartingWith("Twilio Call: not valid JSON (");
        assertThatThrownBy(() -> parser.parse("[]"))
                .isInstanceOf(RejectedInput.class).hasMessageContaining("neither a Call resource");
        assertThatThrownBy(() -> parser.parse("{\"calls\": {}}"))
                .isInstanceOf(RejectedInput.class).hasMessage("Twilio Call list: 'calls' is not a list");
        assertThatThrownBy(() -> parser.parse("{\"calls\": [42]}"))
                .isInstanceOf(RejectedInput.class).hasMessage("Twilio Call list: calls[0]: not a JSON object");
        assertThatThrownBy(() -> parser.parse(" "))
                .isInstanceOf(RejectedInput.class).hasMessage("Twilio Call: empty message");
    }

    private CallRecord single(String sample) throws RejectedInput {
        List<CallRecord> calls = parser.parse(SampleFiles.read(SampleFiles.path(sample)));
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static ObjectNode fetchCall() {
        try {
            return (ObjectNode) JSON.readTree(SampleFiles.read(SampleFiles.path(OAI + "FetchCall.fetch.http200.json")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fetchCallWith(String field, String value) {
        ObjectNode call = fetchCall();
        if (value == null) {
            call.putNull(field);
        } else {
            call.put(field, value);
        }
        return call.toString();
    }
}
