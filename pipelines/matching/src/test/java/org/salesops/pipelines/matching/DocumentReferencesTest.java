package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentReferencesTest {

    static final DocumentReferences DOCUMENTS = new DocumentReferences(List.of("INV", "HT"));
    static final String INVOICE = DOCUMENTS.key("INV-2026-004512");

    static List<String> keys(String text) {
        return DOCUMENTS.find(text).stream().map(DocumentReferences.Reference::key).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"货款 INV-2026-004512", "INV-2026-004512", "付INV2026004512发票款", "支付发票INV-2026-004512款项",
            "支付发票ＩＮＶ－２０２６－００４５１２款项", "inv 2026 4512", "Inv.2026/004512", "INV_2026_004512 12000元",
            "发票号:INV 2026-004512"})
    void anInvoiceNumberInEveryFormHasOneKey(String memo) {
        assertThat(keys(memo)).containsExactly(INVOICE);
    }

    @Test
    void severalNumbersEachOnceInTheOrderWritten() {
        assertThat(keys("发票号INV-2026-004513,INV-2026-004512,INV2026004513"))
                .containsExactly(DOCUMENTS.key("INV-2026-004513"), INVOICE);
    }

    @Test
    void contractNumbersToo() {
        String contract = DOCUMENTS.key("HT-2026-00123");
        assertThat(keys("HT-2026-00123合同款")).containsExactly(contract);
        assertThat(keys("合同HT-2026-00123 首付款")).containsExactly(contract);
        assertThat(contract).isNotEqualTo(INVOICE);
    }

    @Test
    void thePayerWritesHowHeWroteIt() {
        assertThat(DOCUMENTS.find("付INV2026004512发票款").get(0).written()).isEqualTo("INV2026004512");
    }

    @Test
    void lettersInsideAWordAreNoPrefix() {
        assertThat(keys("WHT-2026-00123 SHIPMENT 货款")).isEmpty();
        assertThat(keys(null)).isEmpty();
        assertThat(keys("货款")).isEmpty();
    }

    @Test
    void aNumberOfAnotherFormKeysAsItsLettersAndDigits() {
        assertThat(DOCUMENTS.key("FP-88/123")).isEqualTo("RAW|FP88123").isEqualTo(DOCUMENTS.key("fp 88 123"));
    }
}
