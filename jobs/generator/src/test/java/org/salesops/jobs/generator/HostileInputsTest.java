package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.salesops.jobs.generator.HostileInput.Outcome;

/** The hostile corpus: large enough, every family and defect, reproducible from its seed. */
class HostileInputsTest {

    private static final List<HostileInput> corpus = new HostileInputs(20261128L).create();

    @Test
    void overAThousandRecordsAcrossAllThreeFamilies() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(1_000);
        Map<String, Long> perFamily = corpus.stream().collect(Collectors.groupingBy(HostileInput::family, Collectors.counting()));
        assertThat(perFamily).containsOnlyKeys(HostileInput.CRM, HostileInput.CALLS, HostileInput.BANK);
        assertThat(perFamily.values()).allSatisfy(n -> assertThat(n).isGreaterThan(250));
        assertThat(corpus).extracting(HostileInput::expected).contains(Outcome.values());
    }

    @Test
    void everyKindOfHostilityTheIssueNames() {
        Set<String> defects = corpus.stream().map(HostileInput::defect).collect(Collectors.toSet());
        assertThat(defects).contains("truncated", "wrong-type-time", "huge-field", "gb18030", "xxe-file", "xxe-url",
                "xxe-utf16", "billion-laughs", "csv-injection", "unknown-enum", "clock-skew-payload",
                "duplicate-of-csv-injection", "out-of-order-flood");
        for (String family : List.of(HostileInput.CRM, HostileInput.CALLS, HostileInput.BANK)) {
            assertThat(corpus).filteredOn(i -> i.family().equals(family)).extracting(HostileInput::defect)
                    .contains("truncated", "huge-field", "csv-injection", "binary-garbage", "out-of-order-flood")
                    .anySatisfy(d -> assertThat(d).startsWith("duplicate-of-"))
                    .anySatisfy(d -> assertThat(d).startsWith("wrong-type"))
                    .anySatisfy(d -> assertThat(d).startsWith("unknown-enum"))
                    .anySatisfy(d -> assertThat(d).startsWith("clock-skew"));
        }
    }

    @Test
    void theXmlAttacksCarryTheirDoctypeAndTheHugeFieldsStillFitADefaultKafkaMessage() {
        assertThat(corpus).filteredOn(i -> i.defect().startsWith("xxe") || i.defect().equals("billion-laughs"))
                .hasSizeGreaterThanOrEqualTo(4 * HostileInputs.DEFAULT_ROUNDS)
                .allSatisfy(i -> assertThat(text(i).replace("\u0000", "")).contains("<!DOCTYPE"));
        assertThat(corpus).filteredOn(i -> i.defect().equals("huge-field"))
                .allSatisfy(i -> assertThat(i.record().value().length).isBetween(HostileInputs.HUGE, 1_000_000));
    }

    @Test
    void wrongEncodingsAreBytesNoUtf8DecoderAccepts() {
        assertThat(corpus).filteredOn(i -> i.defect().startsWith("gb18030-declared-utf8") || i.defect().equals("gb18030"))
                .hasSize(3 * HostileInputs.DEFAULT_ROUNDS)
                .allSatisfy(i -> assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(i.record().value()))).as(i.defect())
                        .isInstanceOf(java.nio.charset.CharacterCodingException.class));
    }

    @Test
    void aDuplicateIsAByteIdenticalCopyOfAnEarlierRecord() {
        for (int i = 0; i < corpus.size(); i++) {
            HostileInput input = corpus.get(i);
            if (input.expected() == Outcome.DUPLICATE) {
                assertThat(corpus.subList(0, i)).anySatisfy(earlier -> {
                    assertThat(earlier.record().topic()).isEqualTo(input.record().topic());
                    assertThat(earlier.record().key()).isEqualTo(input.record().key());
                    assertThat(earlier.record().value()).isEqualTo(input.record().value());
                });
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        List<HostileInput> again = new HostileInputs(20261128L).create();
        List<HostileInput> other = new HostileInputs(7L).create();
        assertThat(again).hasSameSizeAs(corpus);
        for (int i = 0; i < corpus.size(); i++) {
            assertThat(again.get(i).record().value()).isEqualTo(corpus.get(i).record().value());
            assertThat(again.get(i).record().timestamp()).isEqualTo(corpus.get(i).record().timestamp());
        }
        assertThat(Arrays.equals(other.get(0).record().value(), corpus.get(0).record().value())).isFalse();
    }

    private static String text(HostileInput input) {
        byte[] value = input.record().value();
        return value[0] == (byte) 0xFE || value[0] == (byte) 0xFF
                ? new String(value, StandardCharsets.UTF_16) : new String(value, StandardCharsets.UTF_8);
    }
}
