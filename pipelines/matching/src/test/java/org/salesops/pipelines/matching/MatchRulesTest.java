package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.matching.Company.HENGXIN;
import static org.salesops.pipelines.matching.Company.SHUNDA;
import static org.salesops.pipelines.matching.Company.contract;
import static org.salesops.pipelines.matching.Company.credit;
import static org.salesops.pipelines.matching.Company.customerRow;
import static org.salesops.pipelines.matching.Company.hengxin;
import static org.salesops.pipelines.matching.Company.invoice;
import static org.salesops.pipelines.matching.Company.shunda;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salesops.pipelines.crm.CrmRow;

/**
 * The rules one by one, on the engine without Flink. Two customers: 顺达建材 with contract
 * HT-2026-00123 (invoices INV-2026-004512 30 000.00 and INV-2026-004513 70 000.00) and 恒信五金 with
 * HT-2026-00124 (INV-2026-004520 12 000.00).
 */
class MatchRulesTest {

    Engine engine;

    @BeforeEach
    void company() {
        engine = new Engine().send(shunda(0), hengxin(0),
                contract(840001L, SHUNDA, "HT-2026-00123", "100000.00", "0.0500", 0),
                contract(840002L, HENGXIN, "HT-2026-00124", "12000.00", "0.0400", 0),
                invoice(850001L, 840001L, SHUNDA, "INV-2026-004512", "30000.00", 1),
                invoice(850002L, 840001L, SHUNDA, "INV-2026-004513", "70000.00", 2),
                invoice(850003L, 840002L, HENGXIN, "INV-2026-004520", "12000.00", 1));
    }

    static List<String> applied(PaymentMatch m) {
        return m.active().stream().map(a -> a.invoiceNo + "=" + Money.text(a.amount)).toList();
    }

    static List<String> proposed(PaymentMatch m) {
        return m.proposed.stream().map(a -> a.invoiceNo).toList();
    }

    @Test
    void anInvoiceNumberInTheMemo() {
        PaymentMatch m = engine.pay(credit("B1", "30000.00", 10).payer("某某公司", "999").memo("付INV2026004512发票款"));
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(m.rule).isEqualTo("invoice_reference");
        assertThat(m.amountFit).isEqualTo("exact");
        assertThat(m.confidence).isEqualTo(0.99);
        assertThat(m.customerId).isEqualTo(SHUNDA);
        assertThat(applied(m)).containsExactly("INV-2026-004512=30000.00");
        assertThat(m.explanation).contains("附言含发票号INV-2026-004512").contains(" / ")
                .contains("the remittance names invoice INV-2026-004512").contains("applied automatically");
    }

    @Test
    void structuredReferredDocuments() {
        PaymentMatch m = engine.pay(credit("B1", "100000.00", 10).documents("INV-2026-004512", "INV-2026-004513"));
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(applied(m)).containsExactly("INV-2026-004512=30000.00", "INV-2026-004513=70000.00");
        assertThat(m.confidence).isEqualTo(0.96);
    }

    @Test
    void anRfCreditorReferenceCarryingTheInvoiceNumber() {
        PaymentMatch m = engine.pay(credit("B1", "70000.00", 10).creditorReference("RF05INV2026004513"));
        assertThat(m.rule).isEqualTo("creditor_reference");
        assertThat(applied(m)).containsExactly("INV-2026-004513=70000.00");
    }

    @Test
    void anRfReferenceWithWrongCheckDigitsIsIgnoredAndSaidSo() {
        PaymentMatch m = engine.pay(credit("B1", "70000.00", 10).creditorReference("RF06INV2026004513"));
        assertThat(m.rule).isNotEqualTo("creditor_reference");
        assertThat(m.explanation).contains("校验位不符").contains("fails its check digits");
    }

    @Test
    void aContractNumberPaysItsOldestOpenInstallment() {
        PaymentMatch m = engine.pay(credit("B1", "30000.00", 10).memo("HT-2026-00123合同款"));
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(m.rule).isEqualTo("contract_reference");
        assertThat(applied(m)).containsExactly("INV-2026-004512=30000.00");
    }

    @Test
    void aContractNumberAndTheCustomersOtherOpenInvoice() {
        engine.send(contract(840003L, SHUNDA, "HT-2026-00125", "5000.00", null, 0),
                invoice(850004L, 840003L, SHUNDA, "INV-2026-004530", "5000.00", 3));
        PaymentMatch m = engine.pay(credit("B1", "35000.00", 10).memo("合同HT-2026-00123 货款"));
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(applied(m)).containsExactly("INV-2026-004512=30000.00", "INV-2026-004530=5000.00");
        assertThat(m.explanation).contains("其他未结发票INV-2026-004530").contains("other open invoice INV-2026-004530");
    }

    @Test
    void aKnownPayerAccount() {
        PaymentMatch m = engine.pay(credit("B1", "70000.00", 10).payer("张三", "6222 0000 1111 2222").memo("货款"));
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(m.rule).isEqualTo("payer_account");
        assertThat(m.confidence).isEqualTo(0.95);
        assertThat(applied(m)).containsExactly("INV-2026-004513=70000.00");
        assertThat(m.explanation).contains("付款账号6222000011112222登记在顺达建材(20001)名下");
    }

    @ParameterizedTest
    @ValueSource(strings = {"佛山市顺达建材有限公司", "顺达建材", "佛山市顺达建材有限公司广州分公司",
            "Foshan Shunda Building Materials Co., Ltd.", "SHUNDA JIANCAI", "佛山市顺达建材有线公司"})
    void everyNameTheCustomerGoesBy(String payer) {
        PaymentMatch m = engine.pay(credit("B1", "30000.00", 10).payer(payer, "8888").memo("货款"));
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(m.rule).isEqualTo("payer_name");
        assertThat(applied(m)).containsExactly("INV-2026-004512=30000.00");
    }

    @Test
    void aTypoInTheName() {
        PaymentMatch m = engine.pay(credit("B1", "12000.00", 10).payer("杭州市恒心五金有限公司", "8888"));
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(m.rule).isEqualTo("similar_name");
        assertThat(m.confidence).isEqualTo(0.83);
        assertThat(m.explanation).contains("相似度0.83").contains("83% like");
    }

    @Test
    void oneShortNameForTwoCustomersWithTheSameAmountOpenIsSuggestedNamingBoth() {
        engine.send(CrmRow.created("customers", customerRow(20003L, "顺达建材", "杭州市顺达建材有限公司", null, null),
                        Company.instant(0)),
                contract(840003L, 20003L, "HT-2026-00125", "30000.00", null, 0),
                invoice(850004L, 840003L, 20003L, "INV-2026-004530", "30000.00", 3));
        PaymentMatch m = engine.pay(credit("B1", "30000.00", 10).payer("顺达建材", "8888"));
        assertThat(m.status).isEqualTo(PaymentMatch.SUGGESTED);
        assertThat(m.active()).isEmpty();
        assertThat(proposed(m)).containsExactlyInAnyOrder("INV-2026-004512", "INV-2026-004530");
        assertThat(m.explanation).contains("顺达建材(20001)").contains("顺达建材(20003)").contains("finance to decide");
    }

    @Test
    void theAmountTellsTwoNamesakesApart() {
        engine.send(CrmRow.created("customers", customerRow(20003L, "顺达建材", "杭州市顺达建材有限公司", null, null),
                Company.instant(0)));
        PaymentMatch m = engine.pay(credit("B1", "70000.00", 10).payer("顺达建材", "8888"));
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(m.confidence).isEqualTo(0.81);
        assertThat(applied(m)).containsExactly("INV-2026-004513=70000.00");
    }

    @Test
    void onlyTheAmountIsASuggestion() {
        PaymentMatch m = engine.pay(credit("B1", "12000.00", 10).payer("深圳市速达物流有限公司", "8888").memo("运费退款"));
        assertThat(m.status).isEqualTo(PaymentMatch.SUGGESTED);
        assertThat(m.rule).isEqualTo("amount_only");
        assertThat(proposed(m)).containsExactly("INV-2026-004520");
        assertThat(m.confidence).isEqualTo(0.5);
    }

    @Test
    void nothingFitsIsUnmatched() {
        PaymentMatch m = engine.pay(credit("B1", "4321.00", 10).payer("广东省机电设备招标中心有限公司", "8888").memo("投标保证金退回"));
        assertThat(m.status).isEqualTo(PaymentMatch.UNMATCHED);
        assertThat(m.rule).isEqualTo("none");
        assertThat(m.confidence).isZero();
        assertThat(m.explanation).contains("neither the payer nor an open invoice of this amount is known");
    }

    @Test
    void aReferenceContradictedByTheAccountIsOnlySuggested() {
        PaymentMatch m = engine.pay(credit("B1", "12000.00", 10).payer("张三", "6222000011112222").memo("INV-2026-004520"));
        assertThat(m.status).isEqualTo(PaymentMatch.SUGGESTED);
        assertThat(m.explanation).contains("but the payer account is 顺达建材(20001)'s");
    }

    @Test
    void quotingAnInvoicePaidAlreadyIsAPossibleDoublePayment() {
        engine.pay(credit("B1", "12000.00", 10).memo("INV-2026-004520"));
        PaymentMatch again = engine.pay(credit("B2", "12000.00", 11).memo("INV-2026-004520"));
        assertThat(again.status).isEqualTo(PaymentMatch.UNMATCHED);
        assertThat(again.customerId).isEqualTo(HENGXIN);
        assertThat(again.explanation).contains("INV-2026-004520 is paid already").contains("possibly paid twice");
    }

    @Test
    void thePayersOnlyOpenInvoicePartlyPaidByAKnownAccount() {
        engine.pay(credit("B1", "30000.00", 10).memo("INV-2026-004512"));
        PaymentMatch m = engine.pay(credit("B2", "20000.00", 11).payer("张三", "6222000011112222"));
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(m.amountFit).isEqualTo("partial");
        assertThat(applied(m)).containsExactly("INV-2026-004513=20000.00");
        assertThat(m.explanation).contains("50000.00 stays open");
    }

    @Test
    void aPartialPaymentWithSeveralOpenInvoicesIsSuggested() {
        PaymentMatch m = engine.pay(credit("B1", "20000.00", 10).payer("张三", "6222000011112222"));
        assertThat(m.status).isEqualTo(PaymentMatch.SUGGESTED);
        assertThat(m.amountFit).isEqualTo("partial");
        assertThat(proposed(m)).containsExactly("INV-2026-004512");
    }

    @Test
    void theBanksOwnPostingsDebitsAndPendingEntriesAreNoCustomerPayments() {
        PaymentMatch interest = engine.pay(credit("B1", "1234.56", 10).payer("招商银行股份有限公司深圳分行", null)
                .memo("结息").code("ACMT/MDOP/INTR"));
        assertThat(interest.status).isEqualTo(PaymentMatch.NOT_A_CUSTOMER_PAYMENT);
        PaymentMatch debit = engine.pay(credit("B2", "-500.00", 10).payer("某供应商", "1234"));
        assertThat(debit.status).isEqualTo(PaymentMatch.NOT_A_CUSTOMER_PAYMENT);
        PaymentMatch pending = engine.pay(credit("B3", "30000.00", 10).memo("INV-2026-004512").pending());
        assertThat(pending.status).isEqualTo(PaymentMatch.PENDING);
        assertThat(pending.active()).isEmpty();
        PaymentMatch booked = engine.pay(credit("B3", "30000.00", 10.5).memo("INV-2026-004512"));
        assertThat(booked.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
    }
}
