package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.salesops.pipelines.common.RejectedInput;

class AsteriskCdrParserTest {

    private static final String SAMPLES = "asterisk-cdr";

    /** A rep on extension 201 dials a customer's mobile through outside line 9; she answers. */
    private static final String OUTBOUND =
            "\"\",\"201\",\"913800138000\",\"from-internal\",\"\"\"Wang Li\"\" <201>\",\"PJSIP/201-0000001a\","
            + "\"PJSIP/trunk-0000001b\",\"Dial\",\"PJSIP/913800138000@trunk,60,tT\",\"2024-03-05 02:15:07\","
            + "\"2024-03-05 02:15:19\",\"2024-03-05 02:19:40\",273,261,\"ANSWERED\",\"DOCUMENTATION\","
            + "\"1709604907.26\",\"\"";

    private final AsteriskCdrParser parser = new AsteriskCdrParser();

    static Stream<Arguments> everySampleLine() {
        List<Arguments> lines = new ArrayList<>();
        for (Path file : SampleFiles.files(SAMPLES, ".csv")) {
            List<String> content = SampleFiles.lines(file);
            for (int i = 0; i < content.size(); i++) {
                lines.add(Arguments.of(file.getFileName() + ":" + (i + 1), content.get(i)));
            }
        }
        return lines.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySampleLine")
    void everySampleLineIsAConsistentCallRecord(String where, String line) throws RejectedInput {
        List<String> columns = CsvLine.split(line);

        CallRecord call = parser.parse(line);

        assertThat(call.source()).isEqualTo("asterisk");
        assertThat(call.callId()).isEqualTo(columns.get(16));
        assertThat(call.disposition()).isEqualTo(columns.get(14));
        assertThat(call.durationSeconds()).isEqualTo(Integer.parseInt(columns.get(12)));
        assertThat(call.billableSeconds()).isEqualTo(Integer.parseInt(columns.get(13)))
                .isLessThanOrEqualTo(call.durationSeconds());
        assertThat(call.endedAt()).isAfterOrEqualTo(call.startedAt());
        assertThat(call.answeredAt() == null).isEqualTo(columns.get(10).isEmpty());
        assertThat(call.connected()).isEqualTo(call.disposition().equals("ANSWERED") && call.billableSeconds() > 0);
        // The pseudonymiser replaced every number, extensions included, with a US-looking 10-digit
        // number: no side is an extension, so each call counts as inbound, and none of the numbers
        // is a dialable Chinese one.
        assertThat(call.direction()).isEqualTo("inbound");
        assertThat(call.remoteNumberRaw()).isEqualTo(columns.get(1));
        assertThat(call.remoteNumber()).isNull();
        assertThat(call.repExtension()).isNull();
    }

    @Test
    void readsConcreteValuesOfTheSmallSample() throws RejectedInput {
        List<String> lines = SampleFiles.lines(SampleFiles.path(SAMPLES + "/fafeitsch__cdrcsv-report-generator/smallcdr.csv"));

        CallRecord unanswered = parser.parse(lines.get(0));
        CallRecord talked = parser.parse(lines.get(1));

        assertThat(unanswered).isEqualTo(new CallRecord("asterisk", "1498555635.0",
                Instant.parse("2017-06-27T09:27:15Z"), null, Instant.parse("2017-06-27T09:27:15Z"), 0, 0,
                "inbound", null, null, "917-375-0980", null, "NO ANSWER", false));
        assertThat(talked.callId()).isEqualTo("1498559343.3");
        assertThat(talked.startedAt()).isEqualTo("2017-06-27T10:29:03Z");
        assertThat(talked.answeredAt()).isEqualTo("2017-06-27T10:29:14Z");
        assertThat(talked.endedAt()).isEqualTo("2017-06-27T10:35:45Z");
        assertThat(talked.durationSeconds()).isEqualTo(402);
        assertThat(talked.billableSeconds()).isEqualTo(390);
        assertThat(talked.disposition()).isEqualTo("ANSWERED");
        assertThat(talked.connected()).isTrue();
    }

    @Test
    void answeredWithoutTalkTimeIsNotConnected() throws RejectedInput {
        // cdr.csv: the Hangup application answered and hung up at once
        CallRecord call = SampleFiles.lines(SampleFiles.path(SAMPLES + "/fafeitsch__cdrcsv-report-generator/cdr.csv"))
                .stream().filter(l -> l.contains("\"1497965747.54\"")).map(this::parseUnchecked).findFirst().orElseThrow();

        assertThat(call.disposition()).isEqualTo("ANSWERED");
        assertThat(call.answeredAt()).isEqualTo("2017-06-20T13:35:47Z");
        assertThat(call.billableSeconds()).isZero();
        assertThat(call.connected()).isFalse();
    }

    @Test
    void readsBareAndQuotedEmptyColumnsAlike() throws RejectedInput {
        // the same CDR, written by cdr_csv (bare empty answer) and re-quoted in the other sample
        String dir = SAMPLES + "/fafeitsch__cdrcsv-report-generator/";
        String quoted = SampleFiles.lines(SampleFiles.path(dir + "smallcdr.csv")).get(0);
        String bare = SampleFiles.lines(SampleFiles.path(dir + "smallcdr_wo_parallelcalls.csv")).get(0);

        assertThat(bare).startsWith(",\"917-375-0980\"").contains("\"2017-06-27 09:27:15\",,\"2017");
        assertThat(parser.parse(bare)).isEqualTo(parser.parse(quoted));
    }

    @Test
    void countsDispositionsOfTheLargeSample() {
        List<CallRecord> calls = SampleFiles.lines(SampleFiles.path(SAMPLES + "/fafeitsch__cdrcsv-report-generator/cdr.csv"))
                .stream().map(this::parseUnchecked).toList();

        Map<String, Long> byDisposition = calls.stream()
                .collect(Collectors.groupingBy(CallRecord::disposition, Collectors.counting()));
        assertThat(calls).hasSize(218);
        assertThat(byDisposition).containsExactlyInAnyOrderEntriesOf(Map.of("ANSWERED", 133L, "NO ANSWER", 83L, "BUSY", 2L));
        assertThat(calls.stream().filter(CallRecord::connected)).hasSize(109);
    }

    @Test
    void outboundCallStripsTheOutsideLineDigit() throws RejectedInput {
        CallRecord call = parser.parse(OUTBOUND);

        assertThat(call).isEqualTo(new CallRecord("asterisk", "1709604907.26",
                Instant.parse("2024-03-05T02:15:07Z"), Instant.parse("2024-03-05T02:15:19Z"),
                Instant.parse("2024-03-05T02:19:40Z"), 273, 261, "outbound", "201", null,
                "913800138000", "+8613800138000", "ANSWERED", true));
    }

    @Test
    void aPbxWithoutOutsideLineDigitKeepsTheNineAsDialled() throws RejectedInput {
        assertThat(new AsteriskCdrParser("").parse(OUTBOUND).remoteNumber()).isNull();
        assertThat(new AsteriskCdrParser("").parse(with(OUTBOUND, "dst", "075512345678")).remoteNumber())
                .isEqualTo("+8675512345678");
        assertThat(parser.parse(with(OUTBOUND, "dst", "9075512345678")).remoteNumber()).isEqualTo("+8675512345678");
    }

    @Test
    void inboundCallToAnExtension() throws RejectedInput {
        String line = with(with(with(OUTBOUND, "src", "+86 138 0013 8000"), "dst", "202"), "dstchannel", "");

        CallRecord call = parser.parse(line);

        assertThat(call.direction()).isEqualTo("inbound");
        assertThat(call.repExtension()).isEqualTo("202");
        assertThat(call.repNumber()).isNull();
        assertThat(call.remoteNumberRaw()).isEqualTo("+86 138 0013 8000");
        assertThat(call.remoteNumber()).isEqualTo("+8613800138000");
    }

    @Test
    void inboundCallToTheCompanyNumberTakenByARingGroupMember() throws RejectedInput {
        String line = with(with(with(OUTBOUND, "src", "13800138000"), "dst", "075588886666"),
                "dstchannel", "PJSIP/203-0000001b");

        CallRecord call = parser.parse(line);

        assertThat(call.direction()).isEqualTo("inbound");
        assertThat(call.repExtension()).isEqualTo("203");
        assertThat(call.repNumber()).isEqualTo("+8675588886666");
        assertThat(call.remoteNumber()).isEqualTo("+8613800138000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "PJSIP/203-0000001b, 203",
        "SIP/211553-00000003, 211553",
        "Local/204@from-queue-00000012;2, 204"})
    void theAnsweringExtensionComesFromTheChannelName(String channel, String extension) throws RejectedInput {
        String line = with(with(with(OUTBOUND, "src", "13800138000"), "dst", "600"), "dstchannel", channel);

        assertThat(parser.parse(line).repExtension()).isEqualTo(extension);
    }

    @Test
    void extensionToExtensionIsInternal() throws RejectedInput {
        CallRecord call = parser.parse(with(OUTBOUND, "dst", "202"));

        assertThat(call.direction()).isEqualTo("internal");
        assertThat(call.repExtension()).isEqualTo("201");
        assertThat(call.remoteNumberRaw()).isEqualTo("202");
        assertThat(call.remoteNumber()).isNull();
    }

    @Test
    void readsTheTwentyOneColumnsOfNewCdrColumns() throws RejectedInput {
        String line = OUTBOUND + ",\"\",\"1709604907.25\",3";

        assertThat(parser.parse(line)).isEqualTo(parser.parse(OUTBOUND));
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {16, 17, 19, 20, 22})
    void rejectsOtherColumnCounts(int count) throws RejectedInput {
        List<String> columns = new ArrayList<>(CsvLine.split(OUTBOUND));
        while (columns.size() < count) {
            columns.add("");
        }
        String line = String.join(",", columns.subList(0, count).stream().map(CsvLine::quoted).toList());

        assertThatThrownBy(() -> parser.parse(line)).isInstanceOf(RejectedInput.class)
                .hasMessage("Asterisk cdr_csv: " + count + " columns, expected 18 (loguniqueid and loguserfield on)"
                        + " or 21 (also newcdrcolumns)");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "start       | 2024-02-30 10:00:00 | column 10 (start) '2024-02-30 10:00:00' is not a yyyy-MM-dd HH:mm:ss time",
        "start       | 05/03/2024 02:15:07 | column 10 (start) '05/03/2024 02:15:07' is not a yyyy-MM-dd HH:mm:ss time",
        "answer      | 2024-03-05T02:15:19 | column 11 (answer) '2024-03-05T02:15:19' is not a yyyy-MM-dd HH:mm:ss time",
        "end         | ''                  | column 12 (end) is empty",
        "duration    | -5                  | column 13 (duration) '-5' is not a whole, non-negative number of seconds",
        "billsec     | 2.5                 | column 14 (billsec) '2.5' is not a whole, non-negative number of seconds",
        "billsec     | 300                 | billsec 300 is longer than duration 273",
        "disposition | HUNG UP             | column 15 (disposition) 'HUNG UP' is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION",
        "disposition | answered            | column 15 (disposition) 'answered' is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION",
        "disposition | CANCELED            | column 15 (disposition) 'CANCELED' is not ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION",
        "uniqueid    | ''                  | column 17 (uniqueid) is empty",
        "end         | 2024-03-05 02:00:00 | end 2024-03-05 02:00:00 is before start 2024-03-05 02:15:07",
        "answer      | 2024-03-05 03:00:00 | answer 2024-03-05 03:00:00 is outside start-end"})
    void rejectsBadValuesNamingTheColumn(String column, String value, String reason) {
        assertThatThrownBy(() -> parser.parse(with(OUTBOUND, column, value)))
                .isInstanceOf(RejectedInput.class).hasMessage("Asterisk cdr_csv: " + reason);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "\n", "\r\n"})
    void rejectsEmptyLines(String line) {
        assertThatThrownBy(() -> parser.parse(line)).isInstanceOf(RejectedInput.class)
                .hasMessage("Asterisk cdr_csv: empty line");
    }

    @Test
    void rejectsBrokenCsv() {
        assertThatThrownBy(() -> parser.parse(OUTBOUND.substring(0, OUTBOUND.indexOf("Wang") + 4)))
                .isInstanceOf(RejectedInput.class).hasMessage("CSV: column 5 opens a quote that is never closed");
    }

    /** The line with one column replaced, every column quoted as cdr_csv quotes text. */
    static String with(String line, String column, String value) {
        try {
            List<String> columns = new ArrayList<>(CsvLine.split(line));
            columns.set(AsteriskCdrParser.COLUMNS.indexOf(column), value);
            return columns.stream().map(CsvLine::quoted).collect(Collectors.joining(","));
        } catch (RejectedInput e) {
            throw new IllegalArgumentException(e);
        }
    }

    private CallRecord parseUnchecked(String line) {
        try {
            return parser.parse(line);
        } catch (RejectedInput e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
