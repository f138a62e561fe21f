package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.salesops.pipelines.common.RejectedInput;

class CallRecordParserTest {

    private final CallRecordParser parser = new CallRecordParser();

    /** Every message the samples hold: each CSV line, and each Twilio JSON file. */
    static Stream<Arguments> everySampleMessage() {
        List<Arguments> messages = new ArrayList<>();
        List<Path> csv = new ArrayList<>(SampleFiles.files("asterisk-cdr", ".csv"));
        csv.addAll(SampleFiles.files("freeswitch-cdr", ".csv"));
        for (Path file : csv) {
            List<String> lines = SampleFiles.lines(file);
            for (int i = 0; i < lines.size(); i++) {
                messages.add(Arguments.of(file.getFileName() + ":" + (i + 1), lines.get(i)));
            }
        }
        for (Path file : SampleFiles.files("twilio-call", ".json")) {
            messages.add(Arguments.of(file.getFileName().toString(), SampleFiles.read(file)));
        }
        return messages.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySampleMessage")
    void everySampleMessageGivesRecordsOrAReason(String where, String message) {
        try {
            List<CallRecord> calls = parser.parse(message);
            String expectedSource = message.startsWith("{") ? "twilio"
                    : where.startsWith("Master.csv") ? "freeswitch" : "asterisk";
            assertThat(calls).allSatisfy(call -> assertThat(call.source()).isEqualTo(expectedSource));
        } catch (RejectedInput e) {
            assertThat(where).isEqualTo("call-resource-schema.json");
            assertThat(e.getMessage()).startsWith("Twilio Call: ");
        }
    }

    @Test
    void dispatchesEachFormatToItsParser() throws RejectedInput {
        String asterisk = SampleFiles.lines(SampleFiles.path(
                "asterisk-cdr/fafeitsch__cdrcsv-report-generator/smallcdr_wo_parallelcalls.csv")).get(1);
        String freeSwitch = SampleFiles.lines(SampleFiles.path(
                "freeswitch-cdr/signalwire__freeswitch-docs/docs-extracted/Master.csv")).get(1);
        String twilio = SampleFiles.read(SampleFiles.path(
                "twilio-call/twilio__twilio-oai/openapi-examples/ListCall.readFullPage2.http200.json"));

        assertThat(parser.parse(asterisk)).containsExactly(new AsteriskCdrParser().parse(asterisk));
        assertThat(parser.parse(freeSwitch)).containsExactly(new FreeSwitchCdrParser(ZoneId.of("UTC")).parse(freeSwitch));
        assertThat(parser.parse(twilio)).isEqualTo(new TwilioCallParser().parse(twilio));
    }

    @Test
    void readsFreeSwitchStampsInTheGivenZone() throws RejectedInput {
        String line = SampleFiles.lines(SampleFiles.path(
                "freeswitch-cdr/signalwire__freeswitch-docs/docs-extracted/Master.csv")).get(0);

        CallRecordParser shanghai = new CallRecordParser(new AsteriskCdrParser(), ZoneId.of("Asia/Shanghai"));

        assertThat(shanghai.parse(line).get(0).startedAt()).isEqualTo("2014-05-29T08:59:50Z");
    }

    @Test
    void survivesJavaSerialisationAsFlinkShipsFunctionsToTaskManagers() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new CallRecordParser(new AsteriskCdrParser("0"), ZoneId.of("Asia/Shanghai")));
        }
        CallRecordParser copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (CallRecordParser) in.readObject();
        }
        String line = SampleFiles.lines(SampleFiles.path(
                "freeswitch-cdr/signalwire__freeswitch-docs/docs-extracted/Master.csv")).get(0);

        assertThat(copy.parse(line).get(0).startedAt()).isEqualTo("2014-05-29T08:59:50Z");
    }

    @Test
    void toleratesLeadingBlanksAndAByteOrderMark() throws RejectedInput {
        String line = SampleFiles.lines(SampleFiles.path(
                "asterisk-cdr/fafeitsch__cdrcsv-report-generator/smallcdr.csv")).get(1);

        assertThat(parser.parse("\uFEFF" + line + "\n")).isEqualTo(parser.parse(line));
        assertThat(parser.parse("  \n{\"calls\": []}")).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\n\n", "\uFEFF"})
    void rejectsEmptyMessages(String message) {
        assertThatThrownBy(() -> parser.parse(message)).isInstanceOf(RejectedInput.class)
                .hasMessage("pbx.cdr: empty message");
    }

    @Test
    void rejectsCsvOfNeitherPbx() {
        assertThatThrownBy(() -> parser.parse("\"2024-03-05 02:15:07\",\"201\",\"13800138000\",35"))
                .isInstanceOf(RejectedInput.class).hasMessageStartingWith("Asterisk cdr_csv: 4 columns, expected 18");
        assertThatThrownBy(() -> parser.parse("[{\"sid\": \"CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}]"))
                .isInstanceOf(RejectedInput.class).hasMessageContaining("neither a Call resource");
    }
}
