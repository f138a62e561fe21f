package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.calls.CallRecord;
import org.salesops.pipelines.common.KafkaRecord;

class RecordRouterTest {

    static final OutputTag<Map<String, Object>> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(new TypeHint<Map<String, Object>>() { }));
    static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    static final String ASTERISK_LINE = "\"\",\"8001\",\"13800138000\",\"default\",\"\"\"Wang\"\" <8001>\",\"SIP/8001-1\","
            + "\"SIP/trunk-2\",\"Dial\",\"SIP/trunk/13800138000\",\"2026-03-02 01:58:00\",\"2026-03-02 01:58:05\","
            + "\"2026-03-02 02:00:00\",\"120\",\"115\",\"ANSWERED\",\"DOCUMENTATION\",\"1772416680.1\",\"\"";

    static OneInputStreamOperatorTestHarness<KafkaRecord, CallRecord> harness(Duration lateness) throws Exception {
        RecordRouter<CallRecord> router = new RecordRouter<>(InputFamily.calls(), DEAD_LETTERS, lateness);
        return ProcessFunctionTestHarnesses.forProcessFunction(router);
    }

    static StreamRecord<KafkaRecord> call(long offset, Instant at, byte[] value) {
        return new StreamRecord<>(new KafkaRecord("pbx.cdr", 0, offset, at.toEpochMilli(), null, value),
                at.toEpochMilli());
    }

    @Test
    void aRecordWithinTheAllowedLatenessIsLoadedAndOneBeyondItIsALateDeadLetterWithItsReason() throws Exception {
        try (var harness = harness(Duration.ofHours(1))) {
            harness.processWatermark(T0.plusSeconds(7_200).toEpochMilli());

            // 59 minutes behind the watermark: still loaded
            harness.processElement(call(1, T0.plusSeconds(3_660), ASTERISK_LINE.getBytes(StandardCharsets.UTF_8)));
            // two hours behind: too late
            harness.processElement(call(2, T0, ASTERISK_LINE.getBytes(StandardCharsets.UTF_8)));

            assertThat(harness.extractOutputValues()).hasSize(1);
            ConcurrentLinkedQueue<StreamRecord<Map<String, Object>>> dead = harness.getSideOutput(DEAD_LETTERS);
            assertThat(dead).hasSize(1);
            Map<String, Object> row = dead.peek().getValue();
            assertThat(row).containsEntry("error_kind", "late").containsEntry("source_offset", 2L)
                    .containsEntry("raw_payload", ASTERISK_LINE).containsEntry("raw_encoding", "utf-8");
            assertThat((String) row.get("error")).contains("PT2H behind the watermark").contains("allowed lateness PT1H");
        }
    }

    @Test
    void aRecordBothMalformedAndLateIsRejectedForWhatIsWrongWithIt() throws Exception {
        try (var harness = harness(Duration.ofHours(1))) {
            harness.processWatermark(T0.plusSeconds(7_200).toEpochMilli());
            harness.processElement(call(3, T0, "\"8001\",\"not a cdr".getBytes(StandardCharsets.UTF_8)));

            assertThat(harness.getSideOutput(DEAD_LETTERS).peek().getValue()).containsEntry("error_kind", "rejected");
        }
    }

    @Test
    void beforeAnyWatermarkNothingIsLate() throws Exception {
        try (var harness = harness(Duration.ZERO)) {
            harness.processElement(call(1, T0, ASTERISK_LINE.getBytes(StandardCharsets.UTF_8)));
            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(harness.getSideOutput(DEAD_LETTERS)).isNull();
        }
    }

    @Test
    void aPayloadThatIsNotUtf8IsKeptByteForByteAsBase64() throws Exception {
        byte[] gb18030 = "招商银行,交易日期\n".getBytes(Charset.forName("GB18030"));
        try (var harness = harness(Duration.ofHours(1))) {
            harness.processElement(call(7, T0, gb18030));

            Map<String, Object> row = harness.getSideOutput(DEAD_LETTERS).peek().getValue();
            assertThat(row).containsEntry("error_kind", "rejected").containsEntry("raw_encoding", "base64");
            assertThat(java.util.Base64.getDecoder().decode((String) row.get("raw_payload"))).isEqualTo(gb18030);
        }
    }
}
