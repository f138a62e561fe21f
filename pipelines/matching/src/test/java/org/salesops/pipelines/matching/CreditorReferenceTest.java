package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditorReferenceTest {

    @Test
    void theStandardsExampleIsValidInPrintAndCompactForm() {
        assertThat(CreditorReference.isValid("RF18 5390 0754 7034")).isTrue();
        assertThat(CreditorReference.isValid("RF18539007547034")).isTrue();
        assertThat(CreditorReference.isValid("rf18539007547034")).isTrue();
    }

    @Test
    void aWrongCheckDigitOrAWrongCharacterFails() {
        assertThat(CreditorReference.isValid("RF19539007547034")).isFalse();
        assertThat(CreditorReference.isValid("RF18539007547035")).isFalse();
        assertThat(CreditorReference.isValid("RF18")).isFalse();
        assertThat(CreditorReference.isValid("RF18-5390")).isFalse();
        assertThat(CreditorReference.isValid("RF1853900754703412345678901")).isFalse();
    }

    @Test
    void thePayloadIsTheDocumentNumber() {
        assertThat(CreditorReference.payload("RF32 INV2 0260 0451 2")).contains("INV2026004512");
        assertThat(CreditorReference.payload("RF33INV2026004512")).isEmpty();
    }

    @Test
    void foundInFreeTextWithoutTheWordsAroundIt() {
        assertThat(CreditorReference.find("货款 RF32 INV2 0260 0451 2 谢谢")).contains("RF32INV2026004512");
        assertThat(CreditorReference.find("ref RF18 5390 0754 7034 INV-2026")).contains("RF18539007547034");
        assertThat(CreditorReference.find("ＲＦ１８５３９００７５４７０３４")).contains("RF18539007547034");
        assertThat(CreditorReference.find("RF19 5390 0754 7034")).isEmpty();
        assertThat(CreditorReference.find("PERF18539007547034")).isEmpty();
        assertThat(CreditorReference.find(null)).isEmpty();
    }
}
