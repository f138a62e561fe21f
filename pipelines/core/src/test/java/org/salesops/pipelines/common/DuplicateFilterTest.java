package org.salesops.pipelines.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

class DuplicateFilterTest {

    static final OutputTag<Map<String, Object>> DUPLICATES =
            new OutputTag<>("duplicates", TypeInformation.of(new TypeHint<Map<String, Object>>() { }));

    static KafkaRecord record(long offset, String value) {
        return new KafkaRecord("pbx.cdr", 0, offset, 1_000L, null, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An opened harness around the filter, keyed as the job keys it. */
    static KeyedOneInputStreamOperatorTestHarness<String, KafkaRecord, KafkaRecord> opened(DuplicateFilter filter)
            throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(filter), filter::keyOf,
                Types.STRING);
        harness.open();
        return harness;
    }

    @Test
    void secondCopyOfTheSameContentBecomesADeadLetterNamingTheFirst() throws Exception {
        try (var harness = opened(new DuplicateFilter(Duration.ofDays(7), DUPLICATES))) {

            harness.processElement(record(1, "a,b,c"), 1_000L);
            harness.processElement(record(2, "a,b,d"), 1_000L);
            harness.processElement(record(3, "a,b,c"), 1_000L);

            assertThat(harness.extractOutputValues()).extracting(r -> r.offset).containsExactly(1L, 2L);
            var dead = harness.getSideOutput(DUPLICATES);
            assertThat(dead).hasSize(1);
            Map<String, Object> row = dead.peek().getValue();
            assertThat(row).containsEntry("source_offset", 3L).containsEntry("error_kind", "duplicate");
            assertThat((String) row.get("error")).contains("pbx.cdr/0@1");
            assertThat(row).containsEntry("raw_payload", "a,b,c");
        }
    }

    @Test
    void forgetsRecordsAfterItsMemoryAndDropsTheirStateAsLaterRecordsArrive() throws Exception {
        try (var harness = opened(new DuplicateFilter(Duration.ofHours(1), DUPLICATES))) {
            harness.setStateTtlProcessingTime(0);
            for (int i = 0; i < 10; i++) {
                harness.processElement(record(i, "early " + i), 1_000L);
            }
            assertThat(harness.numKeyedStateEntries()).isEqualTo(10);

            harness.setStateTtlProcessingTime(Duration.ofHours(1).toMillis() + 1);
            for (int i = 0; i < 30; i++) {
                harness.processElement(record(10 + i, "later " + i), 2_000L);
            }
            // Cleaned up by the later records' state accesses, with no timer and no full scan.
            assertThat(harness.numKeyedStateEntries()).isEqualTo(30);

            harness.processElement(record(40, "early 0"), 3_000L);
            assertThat(harness.extractOutputValues()).hasSize(41);
            assertThat(harness.getSideOutput(DUPLICATES)).isNullOrEmpty();
        }
    }

    @Test
    void aBusyRowForgetsEachChangeAfterTheMemoryThoughTheRowStaysRemembered() throws Exception {
        byte[] rowKey = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);
        KafkaRecord created = new KafkaRecord("crm.public.leads", 0, 1, 1_000L, rowKey, "c".getBytes(StandardCharsets.UTF_8));
        KafkaRecord updated = new KafkaRecord("crm.public.leads", 0, 2, 2_000L, rowKey, "u".getBytes(StandardCharsets.UTF_8));
        long memory = Duration.ofHours(1).toMillis();

        try (var harness = opened(new DuplicateFilter(Duration.ofHours(1), DUPLICATES))) {
            harness.setStateTtlProcessingTime(0);
            harness.processElement(created, 1_000L);
            at(harness, memory / 2);
            harness.processElement(updated, 2_000L);
            at(harness, memory + 1);
            harness.processElement(created, 3_000L); // the creation is forgotten, the row's state is not
            harness.processElement(updated, 4_000L); // the update is still within memory

            assertThat(harness.extractOutputValues()).extracting(r -> r.offset).containsExactly(1L, 2L, 1L);
            assertThat(harness.getSideOutput(DUPLICATES)).singleElement()
                    .satisfies(r -> assertThat((String) r.getValue().get("error")).contains("crm.public.leads/0@2"));
        }
    }

    /** Moves both the clock of state expiry and the operator's processing time. */
    private static void at(KeyedOneInputStreamOperatorTestHarness<String, KafkaRecord, KafkaRecord> harness, long millis)
            throws Exception {
        harness.setStateTtlProcessingTime(millis);
        harness.setProcessingTime(millis);
    }

    @Test
    void sameValueOnAnotherTopicIsNotADuplicate() {
        KafkaRecord a = record(1, "x");
        KafkaRecord b = new KafkaRecord("bank.camt054", 0, 1, 1_000L, null, a.value);
        assertThat(DuplicateFilter.recordKey(a)).isNotEqualTo(DuplicateFilter.recordKey(b));
    }

    @Test
    void changesOfOneRowShareAKeySoTheyStayInOrderButAreNotDuplicatesOfEachOther() throws Exception {
        byte[] rowKey = "{\"id\":42}".getBytes(StandardCharsets.UTF_8);
        KafkaRecord created = new KafkaRecord("crm.public.leads", 0, 1, 1_000L, rowKey, "c".getBytes(StandardCharsets.UTF_8));
        KafkaRecord updated = new KafkaRecord("crm.public.leads", 0, 2, 2_000L, rowKey, "u".getBytes(StandardCharsets.UTF_8));
        assertThat(DuplicateFilter.recordKey(created)).isEqualTo(DuplicateFilter.recordKey(updated));

        try (var harness = opened(new DuplicateFilter(Duration.ofDays(7), DUPLICATES))) {
            harness.processElement(created, 1_000L);
            harness.processElement(updated, 2_000L);
            harness.processElement(created, 3_000L);

            assertThat(harness.extractOutputValues()).extracting(r -> r.offset).containsExactly(1L, 2L);
            assertThat(harness.getSideOutput(DUPLICATES)).hasSize(1);
        }
    }

    @Test
    void aFileIsTheSameFileUnderAnyNameButAnotherFileUnderTheSameName() throws Exception {
        DuplicateFilter filter = new DuplicateFilter(Duration.ofDays(7), DUPLICATES, Set.of("bank.statements"));
        byte[] statement = ":20:STMT\n:25:1234\n".getBytes(StandardCharsets.UTF_8);
        KafkaRecord dropped = new KafkaRecord("bank.statements", 0, 1, 1_000L, "day1.sta".getBytes(StandardCharsets.UTF_8), statement);
        KafkaRecord renamed = new KafkaRecord("bank.statements", 0, 2, 2_000L,
                "20261128T050000-day1.sta".getBytes(StandardCharsets.UTF_8), statement);
        KafkaRecord corrected = new KafkaRecord("bank.statements", 0, 3, 3_000L, "day1.sta".getBytes(StandardCharsets.UTF_8),
                ":20:STMT\n:25:1235\n".getBytes(StandardCharsets.UTF_8));

        try (var harness = opened(filter)) {
            harness.processElement(dropped, 1_000L);
            harness.processElement(renamed, 2_000L);
            harness.processElement(corrected, 3_000L);

            assertThat(harness.extractOutputValues()).extracting(r -> r.offset).containsExactly(1L, 3L);
            assertThat(harness.getSideOutput(DUPLICATES)).singleElement()
                    .satisfies(r -> assertThat((String) r.getValue().get("error")).contains("bank.statements/0@1"));
        }
    }
}
