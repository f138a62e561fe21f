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
 * Every Chinese bank or payment-app export sample, through the statement-file entry point as it
 * arrives from the watched folder: parsed into a known number of transactions, or rejected with a
 * known reason. The rejected bank CSVs are converter examples with made-up balances that do not
 * chain (or are masked); Excel files and payment apps are rejected by decision.
 */
class ChineseBankCsvSamplesTest {

    private static final String DIR = "cn-bank-export/deb-sig__double-entry-generator/";

    /** file below DIR | transactions when accepted | start of the reason when rejected. */
    private static final String OUTCOMES = """
            abc_debit/example-abc_debit-records.csv | | csv.abc-debit: lines 2 and 3 do not chain
            alipay/example-alipay-records.csv | | line 25: the header of Alipay (支付宝), a payment app, not a bank
            boc/credit/example-boc-records.csv | 14 |
            boc/debit/example-boc-records.csv | 17 |
            bocom_credit/example-bocom_credit-records.csv | 8 |
            bocom_debit/example-bocom_debit-records.csv | | csv.bocom-debit: lines 2 and 3 do not chain
            ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls | | an Excel workbook or other archive
            cgb_credit/example-cgb_credit-records.csv | 4 |
            citic/credit/example-citic-records.xls | | an Excel workbook or other archive
            cmb/credit/example-cmb-records.csv | 6 |
            cmb/debit/example-cmb-records.csv | | csv.cmb-debit: lines 3 and 4 do not chain
            icbc/credit/example-icbc-credit-records.csv | | csv.icbc-credit: lines 8 and 9 do not chain
            icbc/debit-v1/example-icbc-debit-v1-records.csv | | csv.icbc-debit: line 8: 余额 'xx,yyyy.zz' is not an amount
            icbc/debit-v2/example-icbc-debit-v2-records.csv | | csv.icbc-debit: line 8: 余额 'xx,yyyy.zz' is not an amount
            spdb_debit/example-spdb_debit-records.xls | | an Excel workbook or other archive
            wechat/example-wechat-records.csv | | line 17: the header of WeChat Pay (微信支付), a payment app, not a bank
            wechat/example-wechat-records.xlsx | | an Excel workbook or other archive
            """;

    private final StatementFileParser parser = new StatementFileParser();

    static Stream<Arguments> outcomes() {
        return OUTCOMES.lines().map(line -> {
            String[] cells = Arrays.stream(line.split("\\|", -1)).map(String::trim).toArray(String[]::new);
            return Arguments.of(DIR + cells[0], cells[1].isEmpty() ? null : Integer.valueOf(cells[1]), cells[2]);
        });
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("outcomes")
    void sampleParsesOrIsRejectedWithItsReason(String file, Integer transactions, String reason) throws RejectedInput {
        byte[] export = Samples.read(file);
        if (transactions == null) {
            assertThatThrownBy(() -> parser.parse(export, file))
                    .isExactlyInstanceOf(RejectedInput.class)
                    .hasMessageStartingWith(file + ": " + reason);
            return;
        }
        List<BankTransaction> parsed = parser.parse(export, file);
        assertThat(parsed).hasSize(transactions);
        assertThat(parsed).extracting(BankTransaction::transactionKey).doesNotHaveDuplicates()
                .allMatch(key -> key.matches("sha256:[0-9a-f]{32}"));
        assertThat(parsed).allSatisfy(tx -> {
            assertThat(tx.sourceFormat()).startsWith("csv.");
            assertThat(tx.messageId()).matches("sha256:[0-9a-f]{32}");
            assertThat(tx.amount()).isNotNull();
            assertThat(tx.currency()).matches("[A-Z]{3}");
            assertThat(tx.bookingDate()).isNotNull();
            assertThat(tx.bookedAt()).isNotNull();
            assertThat(tx.status()).isEqualTo("BOOK");
            assertThat(tx.reversal()).isFalse();
        });
        assertThat(parser.parse(export.clone(), "redelivered")).isEqualTo(parsed);
    }

    @Test
    void everySampleFileIsListed() {
        List<String> listed = outcomes().map(arguments -> (String) arguments.get()[0]).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(Samples.files("cn-bank-export").toList());
    }
}
