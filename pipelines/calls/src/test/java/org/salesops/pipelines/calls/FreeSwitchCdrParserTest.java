package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.salesops.pipelines.common.RejectedInput;

class FreeSwitchCdrParserTest {

    private static final List<String> SAMPLE = SampleFiles.lines(
            SampleFiles.path("freeswitch-cdr/signalwire__freeswitch-docs/docs-extracted/Master.csv"));

    /** The switch of the docs' sample ran in Madrid (it dials Spanish numbers). */
    private final FreeSwitchCdrParser parser = new FreeSwitchCdrParser(ZoneId.of("Europe/Madrid"));

    @Test
    void readsEveryLineOfTheSample() throws RejectedInput {
        assertThat(SAMPLE).hasSize(5);
        for (String line : SAMPLE) {
            CallRecord call = parser.parse(line);
            assertThat(call.source()).isEqualTo("freeswitch");
            assertThat(call.direction()).isEqualTo("outbound");
            assertThat(call.disposition()).isEqualTo("FAILED");
            assertThat(call.connected()).isFalse();
        }
    }

    @Test
    void readsConcreteValues() throws RejectedInput {
        CallRecord call = parser.parse(SAMPLE.get(0));

        // 16:59:50 in Madrid on 29 May (summer time, UTC+2) is 14:59:50 UTC
        assertThat(call).isEqualTo(new CallRecord("freeswitch", "a5c9f6c0-e752-11e3-8bfb-65b6c3cdac7d",
                Instant.parse("2014-05-29T14:59:50Z"), null, Instant.parse("2014-05-29T14:59:50Z"), 0, 0,
                "outbound", "9007", null, "0034688886392", "+34688886392", "FAILED", false));
    }

    @Test
    void normalisesTheDialledShapesOfTheSample() throws RejectedInput {
        assertThat(SAMPLE.stream().map(this::parseUnchecked).map(CallRecord::remoteNumber))
                .containsExactly("+34688886392", "+34688886392", null, "+34688886392", null);
    }

    @ParameterizedTest(name = "{0} answered={1}")
    @CsvSource(delimiter = '|', value = {
        "NORMAL_CLEARING   | 2014-05-29 16:59:55 | ANSWERED",
        "USER_BUSY         |                     | BUSY",
        "NO_ANSWER         |                     | NO ANSWER",
        "ORIGINATOR_CANCEL |                     | CANCELED",
        "SWITCH_CONGESTION |                     | CONGESTION",
        "CALL_REJECTED     |                     | FAILED"})
    void mapsHangupCausesToDispositions(String cause, String answer, String disposition) throws RejectedInput {
        String line = SAMPLE.get(0)
                .replace("\"NORMAL_CLEARING\"", "\"" + cause + "\"")
                .replace("\"2014-05-29 16:59:50\",\"\",\"2014-05-29 16:59:50\",\"0\",\"0\"",
                        "\"2014-05-29 16:59:50\",\"" + (answer == null ? "" : answer) + "\",\"2014-05-29 17:00:20\",\"30\",\""
                                + (answer == null ? "0" : "25") + "\"");

        CallRecord call = parser.parse(line);

        assertThat(call.disposition()).isEqualTo(disposition);
        assertThat(call.connected()).isEqualTo(answer != null);
    }

    @Test
    void rejectsOtherTemplatesAndBadValues() {
        assertThatThrownBy(() -> parser.parse(SAMPLE.get(0) + ",\"extra\"")).isInstanceOf(RejectedInput.class)
                .hasMessage("FreeSWITCH cdr_csv: 16 columns, expected 15 (the default 'example' template)");
        assertThatThrownBy(() -> parser.parse(SAMPLE.get(0).replace("NORMAL_CLEARING", "normal clearing")))
                .isInstanceOf(RejectedInput.class)
                .hasMessage("FreeSWITCH cdr_csv: column 10 (hangup_cause) 'normal clearing' is not a hangup cause name");
        assertThatThrownBy(() -> parser.parse(SAMPLE.get(0).replace("\"2014-05-29 16:59:50\",\"\"", "\"yesterday\",\"\"")))
                .isInstanceOf(RejectedInput.class)
                .hasMessage("FreeSWITCH cdr_csv: column 5 (start_stamp) 'yesterday' is not a yyyy-MM-dd HH:mm:ss time");
        assertThatThrownBy(() -> parser.parse("")).isInstanceOf(RejectedInput.class)
                .hasMessage("FreeSWITCH cdr_csv: empty line");
    }

    private CallRecord parseUnchecked(String line) {
        try {
            return parser.parse(line);
        } catch (RejectedInput e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
