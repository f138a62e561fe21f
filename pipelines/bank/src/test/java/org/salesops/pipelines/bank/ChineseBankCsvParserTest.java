package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Field values from the Chinese bank exports. Where a sample's balances were made up and do not
 * chain (CMB debit, ICBC, ABC, BOCOM debit), the rows here keep the sample's header, preamble and
 * cell style with balances that do.
 */
class ChineseBankCsvParserTest {

    private static final String BOC_DEBIT = "cn-bank-export/deb-sig__double-entry-generator/boc/debit/example-boc-records.csv";
    private static final String CMB_DEBIT = "cn-bank-export/deb-sig__double-entry-generator/cmb/debit/example-cmb-records.csv";
    private static final String ICBC_DEBIT_V2 = """
            明细查询文件下载

            卡号: 1234****9876,"卡别名: 这是卡别名"

            子账户序号: 00000,子账户类别: 活期,"子账户别名: "

            交易日期,摘要,交易详情,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名,对方账户
            2023-05-02     \t,"消费                \t","                              \t","广东三元麦当劳食品有    \t","CHN   \t",钞        \t,"-    \t","-    \t",-    \t,"      \t","13.40     \t",人民币     \t,"1,221.16     \t","深圳市财付通支付科技有限公司     \t","1234****9876       \t",
            2023-04-22     \t,"他行汇入            \t","                              \t","      \t","CHN   \t",钞        \t,"-    \t","-    \t",-    \t,"1,234.56     \t","      \t",人民币     \t,"1,234.56     \t","李四     \t","6222****0001       \t",
            \s
            人民币合计,,,,,,,,,"1,234.56          \t","13.40          \t",
            """;

    private final ChineseBankCsvParser parser = new ChineseBankCsvParser();

    private List<BankTransaction> parse(String file) throws RejectedInput {
        return parser.parse(Samples.read(file), file);
    }

    private List<BankTransaction> parseText(String csv) throws RejectedInput {
        return parser.parse(csv.getBytes(StandardCharsets.UTF_8), "export.csv");
    }

    @Test
    void cmbDebitSignedAmountsAndCounterpartyWithAccount() throws RejectedInput {
        List<BankTransaction> txs = parseText("""
                记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要
                2024-01-01,CNY,"1,234.00","1,271.66",代发住房公积金,北京住房公积金管理中心1111111111,01月01日约定提取
                2024-01-01,CNY,"-1,000.00",271.66,转账汇款,张三 66666666666666,转账
                2024-01-20,CNY,-3.00,268.66,一网通支付,国网电力有限公司99999999999999,供电
                """);

        assertThat(txs).extracting(BankTransaction::amount).containsExactly(new BigDecimal("1234.00"),
                new BigDecimal("-1000.00"), new BigDecimal("-3.00"));
        BankTransaction transfer = txs.get(1);
        assertThat(transfer.sourceFormat()).isEqualTo("csv.cmb-debit");
        assertThat(transfer.currency()).isEqualTo("CNY");
        assertThat(transfer.bookingDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(transfer.bookedAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(transfer.counterpartyName()).isEqualTo("张三");
        assertThat(transfer.counterpartyAccount()).isEqualTo("66666666666666");
        assertThat(transfer.remittanceUnstructured()).isEqualTo("转账");
        assertThat(transfer.bankTransactionCode()).isEqualTo("转账汇款");
        assertThat(transfer.accountId()).as("the CMB export does not name the account").isNull();
        assertThat(txs.get(0).counterpartyName()).isEqualTo("北京住房公积金管理中心");
        assertThat(txs.get(0).counterpartyAccount()).isEqualTo("1111111111");
    }

    @Test
    void cmbCreditCardYearFromTheTitleAndPurchasesAsDebits() throws RejectedInput {
        List<BankTransaction> txs = parse("cn-bank-export/deb-sig__double-entry-generator/cmb/credit/example-cmb-records.csv");

        assertThat(txs).extracting(BankTransaction::bookingDate).containsExactly(LocalDate.of(2023, 12, 29),
                LocalDate.of(2023, 12, 30), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 3),
                LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 7));
        // repayments credit the card account, purchases debit it
        assertThat(txs).extracting(BankTransaction::amount).containsExactly(new BigDecimal("1.23"),
                new BigDecimal("345.67"), new BigDecimal("30.00"), new BigDecimal("-56.78"), new BigDecimal("3.90"),
                new BigDecimal("-8000.00"));
        assertThat(txs.get(3).remittanceUnstructured()).isEqualTo("掌上生活影票-电影票");
    }

    @Test
    void icbcDebitV2PreambleAccountPaddedCellsAndTotals() throws RejectedInput {
        List<BankTransaction> txs = parseText(ICBC_DEBIT_V2);

        assertThat(txs).hasSize(2);
        BankTransaction purchase = txs.get(0);
        assertThat(purchase.sourceFormat()).isEqualTo("csv.icbc-debit");
        assertThat(purchase.accountId()).isEqualTo("1234****9876");
        assertThat(purchase.amount()).isEqualByComparingTo("-13.40");
        assertThat(purchase.currency()).isEqualTo("CNY");
        assertThat(purchase.bankTransactionCode()).isEqualTo("消费");
        assertThat(purchase.remittanceUnstructured()).isEqualTo("广东三元麦当劳食品有");
        assertThat(purchase.counterpartyName()).isEqualTo("深圳市财付通支付科技有限公司");
        assertThat(purchase.counterpartyAccount()).isEqualTo("1234****9876");
        assertThat(txs.get(1).amount()).isEqualByComparingTo("1234.56");
        assertThat(txs.get(1).counterpartyName()).isEqualTo("李四");
    }

    @Test
    void icbcDebitV1IsTheSameLayoutWithoutTheOptionalColumns() {
        String file = "cn-bank-export/deb-sig__double-entry-generator/icbc/debit-v1/example-icbc-debit-v1-records.csv";

        // recognised and read up to the balance, which the sample masks
        assertThatThrownBy(() -> parse(file)).isExactlyInstanceOf(RejectedInput.class)
                .hasMessage(file + ": csv.icbc-debit: line 8: 余额 'xx,yyyy.zz' is not an amount");
    }

    @Test
    void bocDebitNewestFirstWithTimesInBeijingTime() throws RejectedInput {
        List<BankTransaction> txs = parse(BOC_DEBIT);

        assertThat(txs).hasSize(17);
        BankTransaction first = txs.get(0);
        assertThat(first.accountId()).isEqualTo("3167");
        assertThat(first.amount()).isEqualByComparingTo("-71.89");
        assertThat(first.bookedAt()).isEqualTo(Instant.parse("2025-08-22T09:57:17Z"));
        assertThat(first.bookingDate()).isEqualTo(LocalDate.of(2025, 8, 22));
        assertThat(first.counterpartyName()).isEqualTo("张三");
        assertThat(first.counterpartyAccount()).isEqualTo("6226******5669");
        assertThat(first.remittanceUnstructured()).as("the ---------- placeholder is no text").isNull();
        assertThat(first.bankTransactionCode()).isEqualTo("无卡支付");
        BankTransaction salary = txs.get(11);
        assertThat(salary.amount()).isEqualByComparingTo("5771.00");
        assertThat(salary.counterpartyName()).isEqualTo("美金数据有限公司");
    }

    @Test
    void bocCreditCardWithIncomeAndExpenseColumnsAndRepeatedRows() throws RejectedInput {
        List<BankTransaction> txs = parse("cn-bank-export/deb-sig__double-entry-generator/boc/credit/example-boc-records.csv");

        assertThat(txs.get(0).amount()).isEqualByComparingTo("-50.00");
        assertThat(txs.get(2).amount()).isEqualByComparingTo("0.01");
        assertThat(txs.get(13).currency()).isEqualTo("USD");
        assertThat(txs.get(13).amount()).isEqualByComparingTo("-3.72");
        // two identical rows (70.48 on 2024-12-24) are two transactions with two keys
        assertThat(txs.get(7)).usingRecursiveComparison().ignoringFields("transactionKey").isEqualTo(txs.get(9));
        assertThat(txs).extracting(BankTransaction::transactionKey).doesNotHaveDuplicates();
    }

    @Test
    void bocomCreditCardDirectionFromTheTransactionType() throws RejectedInput {
        List<BankTransaction> txs =
                parse("cn-bank-export/deb-sig__double-entry-generator/bocom_credit/example-bocom_credit-records.csv");

        assertThat(txs).extracting(BankTransaction::amount).containsExactly(new BigDecimal("123.18"),
                new BigDecimal("1.99"), new BigDecimal("666.60"), new BigDecimal("13.50"), new BigDecimal("-2.99"),
                new BigDecimal("-10.00"), new BigDecimal("-10.74"), new BigDecimal("-49.85"));
        assertThat(txs.get(0).remittanceUnstructured()).isEqualTo("退货 支付宝-滴滴顺风车");
    }

    @Test
    void bocomDebitDirectionColumn() throws RejectedInput {
        List<BankTransaction> txs = parseText("""
                序号,交易日期,交易时间,交易类型,借贷,交易金额,余额,对方账号,对方户名,交易地点,摘要
                1,2024-03-03,09:20:43,存款利息,贷 Cr,0.02,45.67,1323132313211331313,应付个人活期储蓄存款利息,批处理,
                2,2024-04-04,11:46:44,其他交易,借 Dr,10.00,35.67,6666666666666666,哈哈,网络支付,银联入账(哈哈/其它)转账
                """);

        assertThat(txs).extracting(BankTransaction::amount).containsExactly(new BigDecimal("0.02"),
                new BigDecimal("-10.00"));
        assertThat(txs.get(1).counterpartyName()).isEqualTo("哈哈");
        assertThat(txs.get(1).counterpartyAccount()).isEqualTo("6666666666666666");
        assertThat(txs.get(1).remittanceUnstructured()).isEqualTo("银联入账(哈哈/其它)转账");
        assertThat(txs.get(1).bookedAt()).isEqualTo(Instant.parse("2024-04-04T03:46:44Z"));
    }

    @Test
    void abcDebitLogNumberAsBankReference() throws RejectedInput {
        List<BankTransaction> txs = parseText("""
                交易日期,交易时间,交易摘要,交易金额,本次余额,对手信息,日 志 号,交易渠道,交易附言
                20240101,123456,转存,+10000.00,11000.00,哈哈,369396693,超级网银,转账
                20240102,132324,财付通,-10.00,10990.00,微信支付北京一卡通,369333999,电子商务,UA01234123412341234微信支付-北京一卡通
                20240104,,结息,+0.01,10990.01,--,0000000000,,个人活期结息
                """);

        BankTransaction deposit = txs.get(0);
        assertThat(deposit.sourceFormat()).isEqualTo("csv.abc-debit");
        assertThat(deposit.amount()).isEqualByComparingTo("10000.00");
        assertThat(deposit.bookedAt()).isEqualTo(Instant.parse("2024-01-01T04:34:56Z"));
        assertThat(deposit.accountServicerReference()).isEqualTo("369396693");
        assertThat(deposit.counterpartyName()).isEqualTo("哈哈");
        BankTransaction interest = txs.get(2);
        assertThat(interest.accountServicerReference()).as("0000000000 is no reference").isNull();
        assertThat(interest.counterpartyName()).isNull();
        assertThat(interest.bookedAt()).isEqualTo(Instant.parse("2024-01-04T00:00:00Z"));
    }

    @Test
    void cgbCreditCardAmountsTurnedToTheAccountsView() throws RejectedInput {
        List<BankTransaction> txs =
                parse("cn-bank-export/deb-sig__double-entry-generator/cgb_credit/example-cgb_credit-records.csv");

        assertThat(txs).extracting(BankTransaction::amount).containsExactly(new BigDecimal("-15.90"),
                new BigDecimal("97.20"), new BigDecimal("-387.42"), new BigDecimal("1130.68"));
        assertThat(txs.get(0).bookingDate()).isEqualTo(LocalDate.of(2025, 1, 6));
    }

    @Test
    void gb18030CopyOfAUtf8ExportReadsTheSame(@TempDir Path dir) throws IOException, RejectedInput {
        Charset gb18030 = Charset.forName("GB18030");
        byte[] utf8 = Samples.read(BOC_DEBIT);
        Path copy = Files.write(dir.resolve("boc.csv"), new String(utf8, StandardCharsets.UTF_8).getBytes(gb18030));
        byte[] gb = Files.readAllBytes(copy);

        assertThat(isUtf8(gb)).as("the copy is no longer UTF-8").isFalse();
        assertThat(parser.parse(gb, "boc.csv")).isEqualTo(parser.parse(utf8, "boc.csv"));
    }

    @Test
    void utf8WithByteOrderMarkReadsTheSame() throws RejectedInput {
        byte[] utf8 = Samples.read(BOC_DEBIT);
        byte[] withBom = ByteBuffer.allocate(utf8.length + 3).put(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})
                .put(utf8).array();

        assertThat(parser.parse(withBom, "boc.csv")).isEqualTo(parser.parse(utf8, "boc.csv"));
    }

    @Test
    void balanceThatDoesNotChainRejectsTheFileWithItsLines() {
        assertThatThrownBy(() -> parse(CMB_DEBIT)).isExactlyInstanceOf(RejectedInput.class)
                .hasMessage(CMB_DEBIT + ": csv.cmb-debit: lines 3 and 4 do not chain: balance 271.66 (line 3) plus"
                        + " -3.00 (line 4) is 268.66, but line 4 says 81.22");
    }

    @Test
    void aDatedRowAfterTheTotalsIsAnError() {
        String csv = ICBC_DEBIT_V2 + "2023-04-01,消费,,,,,,,,,1.00,人民币,1,233.56,某人,\n";

        assertThatThrownBy(() -> parseText(csv)).isExactlyInstanceOf(RejectedInput.class)
                .hasMessage("export.csv: csv.icbc-debit: line 12: a dated row after the table ended at line 10");
    }

    @Test
    void paymentAppExportsAreRejectedWithTheReason() {
        // the Alipay sample is GBK: its header on line 25 is found only after the GB18030 fallback
        String alipay = "cn-bank-export/deb-sig__double-entry-generator/alipay/example-alipay-records.csv";

        assertThatThrownBy(() -> parse(alipay)).isExactlyInstanceOf(RejectedInput.class)
                .hasMessageStartingWith(alipay + ": line 25: the header of Alipay (支付宝), a payment app, not a bank");
    }

    @Test
    void unknownHeaderAndBrokenCellsAreRejected() {
        assertThatThrownBy(() -> parseText("日期,金额\n2024-01-01,1.00\n")).isExactlyInstanceOf(RejectedInput.class)
                .hasMessageStartingWith("export.csv: no known bank CSV header in the first 40 lines; known layouts:"
                        + " csv.cmb-debit, csv.cmb-credit, csv.icbc-debit");
        assertThatThrownBy(() -> parseText("""
                记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要
                2024-02-30,CNY,1.00,1.00,转账,,
                """)).hasMessage("export.csv: csv.cmb-debit: line 2: 记账日期 '2024-02-30' is not a calendar date");
        assertThatThrownBy(() -> parseText("""
                记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要
                2024-02-03,比特币,1.00,1.00,转账,,
                """)).hasMessage("export.csv: csv.cmb-debit: line 2: 货币 '比特币' is not a known currency");
        assertThatThrownBy(() -> parseText("""
                记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要
                2024-02-03,RMX,1.00,1.00,转账,,
                """)).hasMessage("export.csv: csv.cmb-debit: line 2: 货币 'RMX' is not an ISO 4217 currency code");
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
