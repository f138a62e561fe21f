package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Every camt sample written by others either parses into a known number of transactions or is
 * rejected with a known reason; nothing else may escape the parser.
 */
class CamtSamplesTest {

    /** file | transactions when accepted | reason fragment when rejected. */
    private static final String OUTCOMES = """
            camt052/Subite-eu__camt-to-coda/2024-03-11.xml | 0 |
            camt052/genkgo__camt/camt052.v2.xml | 1 |
            camt052/genkgo__camt/camt052.v8.xml | 1 |
            camt052/viafintech__camt_parser/valid_example.xml | 2 |
            camt053/Subite-eu__camt-to-coda/2024-03-07.xml | 3 |
            camt053/Subite-eu__camt-to-coda/BE68793230773034-202411.xml | 268 |
            camt053/Subite-eu__camt-to-coda/account_statement.xml | 3 |
            camt053/dvbern__iso20022/Business_Sample_camt.053.001.04.xml | 3 |
            camt053/dvbern__iso20022/camt.053_P_CH0309000000250090342_380000000_0_2016053100163801.xml | 32 |
            camt053/genkgo__camt/camt053.v2.all-balance-types.xml | | should sum to 3.03 EUR, but they sum to 8.850 EUR
            camt053/genkgo__camt/camt053.v2.five.decimals.xml | | should sum to 8.900 EUR, but they sum to 8.850 EUR
            camt053/genkgo__camt/camt053.v2.minimal.ultimate.xml | | OPBD 18.15 EUR and closing balance CLBD -27.00 SEK are in different currencies
            camt053/genkgo__camt/camt053.v2.minimal.xml | | OPBD 18.15 EUR and closing balance CLBD -27.00 SEK are in different currencies
            camt053/genkgo__camt/camt053.v2.multi.statement.xml | 2 |
            camt053/genkgo__camt/camt053.v2.with-account-name.xml | 1 |
            camt053/genkgo__camt/camt053.v2.with-party-ids.xml | | are in different currencies
            camt053/genkgo__camt/camt053.v2.wrong.xml | | camt.053: BkToCstmrStmt has no Stmt
            camt053/genkgo__camt/camt053.v3.xml | | are in different currencies
            camt053/genkgo__camt/camt053.v4.xml | | are in different currencies
            camt053/genkgo__camt/camt053.v8.xml | | are in different currencies
            camt053/genkgo__camt/camt53.only-Dt-with-DtTm.xml | 0 |
            camt053/prowide__prowide-iso20022/camt.053.001.07.xml | 0 |
            camt053/viafintech__camt_parser/valid_example.xml | 5 |
            camt053/viafintech__camt_parser/valid_example_v4.xml | 32 |
            camt053/viafintech__camt_parser/valid_example_v8.xml | | Stmt[1]/Ntry[3]: booked in EUR on a statement whose balances are in CHF
            camt053/viafintech__camt_parser/valid_example_with_batch.xml | | should sum to 15708.40 EUR, but they sum to 2934.26 EUR
            camt053/viafintech__camt_parser/valid_example_with_datetime.xml | 1 |
            camt053/viafintech__camt_parser/valid_example_with_debit.xml | | from PRCD -33.06 EUR to CLBD 23.06 EUR the booked entries should sum to 56.12 EUR, but they sum to -10.00 EUR
            camt053/viafintech__camt_parser/valid_example_with_instdamt.xml | | should sum to 4400.00 CHF, but they sum to 4500.00 CHF
            camt053/viafintech__camt_parser/valid_example_with_other_id.xml | 0 |
            camt054/Subite-eu__camt-to-coda/2024-03-07.xml | 31 |
            camt054/dvbern__iso20022/200519_camt.054_P_CH2909000000250094239_1111091335_0_2020061900081727_v2009.xml | 2 |
            camt054/dvbern__iso20022/200519_camt.054_P_CH2909000000250094239_1111091335_0_2020061900081727_v2019.xml | 2 |
            camt054/dvbern__iso20022/200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_2019042500372179_v2009.xml | 1 |
            camt054/dvbern__iso20022/camt.054-ES_P_CH0309000000250090342_38000000_0_2016052723011813.xml | 8 |
            camt054/dvbern__iso20022/camt.054_P_CH2909000000250094239_1111111112_0_2022031011011199_v2009.xml | 1 |
            camt054/dvbern__iso20022/camt.054_P_CH2909000000250094239_1111111112_0_2022031011011199_v2019.xml | 1 |
            camt054/dvbern__iso20022/camt.054_P_CH2909000000250094239_1111111119_0_2022030911011199_v2009.xml | 1 |
            camt054/dvbern__iso20022/camt_054_Beispiel_NoCrdtBookedNotReversed.xml | 3 |
            camt054/dvbern__iso20022/camt_054_Beispiel_SammelbuchungEs.xml | 2 |
            camt054/dvbern__iso20022/camt_054_Beispiel_ZA1_ESR_ZE.xml | 1 |
            camt054/genkgo__camt/camt054.v2.with-account-name.xml | 1 |
            camt054/genkgo__camt/camt054.v2.xml | | Ntfctn[1]/Ntry[1]/TxDtls[1]: no Amt or AmtDtls/TxAmt in the entry currency SEK
            camt054/genkgo__camt/camt054.v4.xml | | Ntfctn[1]/Ntry[1]/TxDtls[1]: no Amt or AmtDtls/TxAmt in the entry currency SEK
            camt054/genkgo__camt/camt054.v8-with-UETR.xml | 1 |
            camt054/genkgo__camt/camt054.v8-with-financial-institution.xml | 1 |
            camt054/genkgo__camt/camt054.v8.xml | | Ntfctn[1]/Ntry[1]/TxDtls[1]: no Amt or AmtDtls/TxAmt in the entry currency SEK
            camt054/viafintech__camt_parser/valid_example.xml | 5 |
            """;

    private final CamtParser parser = new CamtParser();

    static Stream<Arguments> outcomes() {
        return OUTCOMES.lines().map(line -> {
            String[] cells = Arrays.stream(line.split("\\|", -1)).map(String::trim).toArray(String[]::new);
            return Arguments.of(cells[0], cells[1].isEmpty() ? null : Integer.valueOf(cells[1]), cells[2]);
        });
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("outcomes")
    void sampleParsesOrIsRejectedWithItsReason(String file, Integer transactions, String reason) throws RejectedInput {
        byte[] document = Samples.read(file);
        if (transactions == null) {
            assertThatThrownBy(() -> parser.parse(document, file))
                    .isExactlyInstanceOf(RejectedInput.class)
                    .hasMessageStartingWith(file + ": camt.05")
                    .hasMessageContaining(reason);
            return;
        }
        List<BankTransaction> parsed = parser.parse(document, file);
        assertThat(parsed).hasSize(transactions);
        assertThat(parsed).extracting(BankTransaction::transactionKey).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(parsed).allSatisfy(tx -> {
            assertThat(tx.sourceFormat()).matches("camt\\.05[234]\\.001\\.(02|04|06|07|08|10)");
            assertThat(tx.messageId()).isNotBlank();
            assertThat(tx.accountId()).isNotBlank();
            assertThat(tx.amount()).isNotNull();
            assertThat(tx.currency()).matches("[A-Z]{3}");
            assertThat(tx.bookedAt()).isNotNull();
            assertThat(tx.status()).isIn("BOOK", "PDNG", "INFO");
            assertThat(tx.referredDocuments()).isNotNull();
        });
        // a re-delivered document gives the same records, keys included: the dedup relies on it
        assertThat(parser.parse(document.clone(), "redelivered")).isEqualTo(parsed);
    }

    @Test
    void everySampleFileIsListed() {
        List<String> listed = outcomes().map(arguments -> (String) arguments.get()[0]).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                Samples.xmlFiles("camt052", "camt053", "camt054").toList());
    }

    @Test
    void theKnownInvalidSampleIsRejected() {
        String file = "camt053/genkgo__camt/camt053.v2.wrong.xml";
        assertThatThrownBy(() -> parser.parse(Samples.read(file), file))
                .isExactlyInstanceOf(RejectedInput.class)
                .hasMessage(file + ": camt.053: BkToCstmrStmt has no Stmt");
    }
}
