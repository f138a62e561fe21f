package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.matching.Company.SHUNDA;
import static org.salesops.pipelines.matching.Company.cancelled;
import static org.salesops.pipelines.matching.Company.contract;
import static org.salesops.pipelines.matching.Company.credit;
import static org.salesops.pipelines.matching.Company.decision;
import static org.salesops.pipelines.matching.Company.invoice;
import static org.salesops.pipelines.matching.Company.invoiceRow;
import static org.salesops.pipelines.matching.Company.shunda;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmRow;

/**
 * The operator in a Flink test harness, one finance scenario per test. 顺达建材 has contract
 * HT-2026-00123 (100 000.00, commission 5 %) with invoices INV-2026-004512 (30 000.00) and
 * INV-2026-004513 (70 000.00), issued at hours 1 and 2.
 */
class PaymentMatchingFunctionTest {

    static final long FIRST = 850001L;
    static final long SECOND = 850002L;

    MatchingHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new MatchingHarness();
        harness.send(company());
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static CrmChange[] company() {
        return new CrmChange[] {shunda(0), contract(840001L, SHUNDA, "HT-2026-00123", "100000.00", "0.0500", 0),
                invoice(FIRST, 840001L, SHUNDA, "INV-2026-004512", "30000.00", 1),
                invoice(SECOND, 840001L, SHUNDA, "INV-2026-004513", "70000.00", 2)};
    }

    static List<String> applied(PaymentMatch m) {
        return MatchRulesTest.applied(m);
    }

    static String open(InvoiceBalance b) {
        return b.status + " " + Money.text(b.openAmount);
    }

    @Test
    void aReferencedInvoiceIsMatchedAtOnceItsBalanceClosedAndHalfTheCommissionReleased() throws Exception {
        // given a credit naming the first invoice
        harness.send(credit("B1", "30000.00", 10).payer("佛山市顺达建材有限公司", null).memo("货款 INV-2026-004512"));

        // when the watermark passes it, not before
        harness.watermark(9.9);
        assertThat(harness.matches()).isEmpty();
        harness.watermark(10);

        // then it is applied, the invoice is paid, the first milestone releases 2 500.00
        PaymentMatch m = harness.latest("B1");
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(m.rule).isEqualTo("invoice_reference");
        assertThat(applied(m)).containsExactly("INV-2026-004512=30000.00");
        assertThat(m.updatedAt).isEqualTo(Company.at(10));
        assertThat(open(harness.balance(FIRST))).isEqualTo("paid 0.00");
        assertThat(open(harness.balance(SECOND))).isEqualTo("open 70000.00");
        assertThat(harness.commission()).extracting(e -> e.milestone + " " + e.kind + " " + Money.text(e.amount) + " " + e.trigger)
                .containsExactly("first_payment release 2500.00 B1");
        harness.endOfInput();
        harness.assertNothingLeaks();
    }

    @Test
    void aShortfallWithinTheFeeToleranceSettlesTheInvoiceBeyondItIsAPartialPayment() throws Exception {
        harness.send(credit("B1", "29975.00", 10).memo("INV-2026-004512"),
                credit("B2", "69900.00", 11).memo("INV-2026-004513"));
        harness.endOfInput();

        PaymentMatch fee = harness.latest("B1");
        assertThat(fee.amountFit).isEqualTo("within_fee");
        assertThat(fee.feeAmount()).isEqualByComparingTo("25.00");
        assertThat(fee.unappliedAmount()).isEqualByComparingTo("0");
        assertThat(fee.explanation).contains("差额25.00在手续费容差内").contains("written off as the bank's fee");
        assertThat(open(harness.balance(FIRST))).isEqualTo("paid 0.00");
        assertThat(harness.balance(FIRST).feeAmount).isEqualByComparingTo("25.00");

        PaymentMatch partial = harness.latest("B2");
        assertThat(partial.amountFit).isEqualTo("partial");
        assertThat(open(harness.balance(SECOND))).isEqualTo("partially_paid 100.00");
        harness.assertNothingLeaks();
    }

    @Test
    void onePaymentForBothInvoicesReleasesTheWholeCommission() throws Exception {
        harness.send(credit("B1", "100000.00", 10).payer("Shunda Jiancai", null).memo("货款"));
        harness.endOfInput();

        PaymentMatch m = harness.latest("B1");
        assertThat(m.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(m.rule).isEqualTo("payer_name");
        assertThat(applied(m)).containsExactly("INV-2026-004512=30000.00", "INV-2026-004513=70000.00");
        assertThat(m.allocationRows()).extracting(PaymentAllocation::invoiceId).containsExactly(FIRST, SECOND);
        assertThat(harness.commission()).extracting(e -> e.milestone).containsExactly("first_payment", "paid_in_full");
        harness.assertNothingLeaks();
    }

    @Test
    void aPartialPaymentLeavesTheRestOpenTheNextPaymentClosesIt() throws Exception {
        harness.send(credit("B1", "12000.00", 10).memo("合同HT-2026-00123 首付款"));
        harness.watermark(10);
        assertThat(harness.latest("B1").amountFit).isEqualTo("partial");
        assertThat(open(harness.balance(FIRST))).isEqualTo("partially_paid 18000.00");

        harness.send(credit("B2", "18000.00", 20).memo("INV-2026-004512"));
        harness.endOfInput();
        assertThat(harness.latest("B2").amountFit).isEqualTo("exact");
        assertThat(open(harness.balance(FIRST))).isEqualTo("paid 0.00");
        assertThat(harness.balance(FIRST).payments).isEqualTo(2);
        assertThat(harness.commission()).hasSize(1);
        harness.assertNothingLeaks();
    }

    @Test
    void theSameBookingReportedTwiceIsFlaggedAndAppliedOnce() throws Exception {
        Company.Credit notified = credit("B1", "30000.00", 10).payer("顺达建材", "8888").memo("INV-2026-004512");
        harness.send(notified, notified);                                     // re-delivered: the same key
        harness.send(credit("B1", "30000.00", 10.5).key("B1/1").payer("顺达建材", "8888").memo("INV-2026-004512"));
        harness.endOfInput();

        assertThat(harness.matches()).extracting(m -> m.payment.transactionKey + " " + m.status)
                .containsExactly("B1 auto_matched", "B1/1 duplicate");
        PaymentMatch duplicate = harness.latest("B1/1");
        assertThat(duplicate.duplicateOf).isEqualTo("B1");
        assertThat(duplicate.active()).isEmpty();
        assertThat(duplicate.explanation).contains("not applied twice");
        assertThat(open(harness.balance(FIRST))).isEqualTo("paid 0.00");
        assertThat(harness.balance(FIRST).payments).isEqualTo(1);
        harness.assertNothingLeaks();
    }

    @Test
    void bookingsWithoutAnyReferenceInAStatementExportedAgainAreFlaggedOccurrenceForOccurrence() throws Exception {
        // given a statement with two alike bookings the bank gave no reference (the same payer paying the same amount
        // with the same memo twice that day), and the same statement exported again under another statement id
        for (String statement : List.of("S1", "S2")) {
            for (int line = 1; line <= 2; line++) {
                harness.send(credit(statement + "/#" + line, "30000.00", statement.equals("S1") ? 10 : 20).withoutReference()
                        .message(statement).payer("顺达建材", "8888").memo("货款 HT-2026-00123"));
            }
        }
        // and a third report of the same statement that has only the first of them
        harness.send(credit("S3/#1", "30000.00", 30).withoutReference().message("S3").payer("顺达建材", "8888")
                .memo("货款 HT-2026-00123"));
        harness.endOfInput();

        // then both bookings of the first statement are applied, each once; every later report of them is a duplicate
        assertThat(harness.latest("S1/#1").status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(harness.latest("S1/#2").status).isNotEqualTo(PaymentMatch.DUPLICATE);
        assertThat(List.of("S2/#1", "S2/#2", "S3/#1")).extracting(k -> harness.latest(k).status + " of " + harness.latest(k).duplicateOf)
                .containsExactly("duplicate of S1/#1", "duplicate of S1/#2", "duplicate of S1/#1");
        assertThat(harness.balance(FIRST).appliedAmount.add(harness.balance(SECOND).appliedAmount)).isEqualByComparingTo(
                harness.latest("S1/#1").appliedAmount().add(harness.latest("S1/#2").appliedAmount()));
        assertThat(harness.balance(FIRST).payments + harness.balance(SECOND).payments)
                .isEqualTo(harness.latest("S1/#1").active().size() + harness.latest("S1/#2").active().size());
        harness.assertNothingLeaks();
    }

    @Test
    void aTransactionOfZeroIsNoCustomerPaymentAndSaysWhy() throws Exception {
        harness.send(credit("Z1", "0.00", 10).payer("顺达建材", "8888").memo("INV-2026-004512"));
        harness.endOfInput();

        PaymentMatch zero = harness.latest("Z1");
        assertThat(zero.status).isEqualTo(PaymentMatch.NOT_A_CUSTOMER_PAYMENT);
        assertThat(zero.explanation).contains("金额为0").contains("an amount of 0");
        assertThat(zero.active()).isEmpty();
        assertThat(open(harness.balance(FIRST))).isEqualTo("open 30000.00");
        harness.assertNothingLeaks();
    }

    @Test
    void aReturnUndoesTheMatchReopensTheInvoiceAndClawsTheCommissionBack() throws Exception {
        harness.send(credit("B1", "30000.00", 10).payer("顺达建材", "8888").endToEnd("E2E1").memo("INV-2026-004512"));
        harness.watermark(10);
        harness.send(credit("R1", "-30000.00", 30).payer("顺达建材", "8888").endToEnd("E2E1").returned());
        harness.endOfInput();

        PaymentMatch original = harness.latest("B1");
        assertThat(original.status).isEqualTo(PaymentMatch.REVERSED);
        assertThat(original.reversedBy).isEqualTo("R1");
        assertThat(original.allocations).extracting(a -> a.status).containsExactly(Allocation.UNDONE);
        PaymentMatch reversal = harness.latest("R1");
        assertThat(reversal.status).isEqualTo(PaymentMatch.REVERSAL);
        assertThat(reversal.reversalOf).isEqualTo("B1");
        assertThat(reversal.explanation).contains("INV-2026-004512重新打开").contains("open again");
        assertThat(open(harness.balance(FIRST))).isEqualTo("open 30000.00");
        assertThat(harness.commission()).extracting(e -> e.kind + " " + Money.text(e.amount) + " " + e.trigger)
                .containsExactly("release 2500.00 B1", "clawback -2500.00 R1");
        harness.assertNothingLeaks();
    }

    @Test
    void twoEquallyGoodCandidatesAreSuggestedNamingBothAndNothingIsApplied() throws Exception {
        // 100 000 settles the two invoices of HT-2026-00123 or the two of HT-2026-00124 (50 000 each)
        harness.send(contract(840002L, SHUNDA, "HT-2026-00124", "100000.00", null, 0),
                invoice(850003L, 840002L, SHUNDA, "INV-2026-004520", "50000.00", 3),
                invoice(850004L, 840002L, SHUNDA, "INV-2026-004521", "50000.00", 3));
        harness.send(credit("B1", "100000.00", 10).payer("佛山市顺达建材有限公司", null).memo("货款"));
        harness.endOfInput();

        PaymentMatch m = harness.latest("B1");
        assertThat(m.status).isEqualTo(PaymentMatch.SUGGESTED);
        assertThat(m.active()).isEmpty();
        assertThat(m.proposed).extracting(a -> a.invoiceNo).containsExactly("INV-2026-004512", "INV-2026-004513",
                "INV-2026-004520", "INV-2026-004521");
        assertThat(m.explanation).contains("同样可能是INV-2026-004520、INV-2026-004521")
                .contains("it could as well be INV-2026-004520, INV-2026-004521");
        assertThat(harness.balances()).noneMatch(b -> b.appliedAmount.signum() > 0);
        harness.assertNothingLeaks();
    }

    @Test
    void financeConfirmsASuggestionAndTheNextPaymentFromThatAccountIsRecognised() throws Exception {
        // a payer nobody knows, paying an amount only one invoice has open: a suggestion
        harness.send(credit("B1", "30000.00", 10).payer("广州某贸易商行", "6217000099998888").memo("往来款"));
        harness.watermark(10);
        assertThat(harness.latest("B1").status).isEqualTo(PaymentMatch.SUGGESTED);

        // finance confirms it
        harness.send(decision(880001L, "B1", FIRST, "confirm", 12));
        harness.watermark(12);
        PaymentMatch confirmed = harness.latest("B1");
        assertThat(confirmed.status).isEqualTo(PaymentMatch.CONFIRMED);
        assertThat(confirmed.rule).isEqualTo("finance_decision");
        assertThat(confirmed.decidedBy).isEqualTo(1005L);
        assertThat(confirmed.allocations).extracting(a -> a.status).containsExactly(Allocation.CONFIRMED);
        assertThat(confirmed.explanation).contains("财务(用户1005)确认").contains("confirmed by finance (user 1005)");
        assertThat(open(harness.balance(FIRST))).isEqualTo("paid 0.00");

        // the same account pays the other invoice: matched by what finance taught
        harness.send(credit("B2", "70000.00", 20).payer("广州某贸易商行", "6217000099998888"));
        harness.endOfInput();
        PaymentMatch next = harness.latest("B2");
        assertThat(next.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(next.rule).isEqualTo("learned_account");
        assertThat(next.explanation).contains("曾经财务确认属于顺达建材(20001)");
        harness.assertNothingLeaks();
    }

    @Test
    void financeRejectsASuggestionItIsNeverProposedAgainForThatCredit() throws Exception {
        harness.send(credit("B1", "30000.00", 10).payer("广州某贸易商行", "6217000099998888"));
        harness.send(decision(880001L, "B1", FIRST, "reject", 12));
        harness.send(decision(880001L, "B1", FIRST, "reject", 12));          // re-delivered
        harness.endOfInput();

        PaymentMatch m = harness.latest("B1");
        assertThat(m.status).isEqualTo(PaymentMatch.UNMATCHED);
        assertThat(m.proposed).isEmpty();
        assertThat(m.decidedBy).isEqualTo(1005L);
        assertThat(m.explanation).contains("否定了INV-2026-004512").contains("rejected INV-2026-004512");
        assertThat(harness.matches()).extracting(r -> r.status).containsExactly("suggested", "unmatched");
        assertThat(open(harness.balance(FIRST))).isEqualTo("open 30000.00");
        harness.assertNothingLeaks();
    }

    @Test
    void aRejectedAutoMatchIsUndoneAndOnlySuggestedFromThen() throws Exception {
        harness.send(credit("B1", "30000.00", 10).payer("顺达建材", null));
        harness.watermark(10);
        assertThat(harness.latest("B1").status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        harness.send(decision(880001L, "B1", FIRST, "reject", 12));
        harness.endOfInput();
        // the rest of the customer's open invoices is a suggestion at most now
        PaymentMatch m = harness.latest("B1");
        assertThat(m.status).isEqualTo(PaymentMatch.SUGGESTED);
        assertThat(m.proposed).extracting(a -> a.invoiceNo).containsExactly("INV-2026-004513");
        assertThat(m.allocations).extracting(a -> a.status).containsExactly(Allocation.UNDONE);
        assertThat(open(harness.balance(FIRST))).isEqualTo("open 30000.00");
        assertThat(harness.commission()).extracting(e -> e.kind).containsExactly("release", "clawback");
        harness.assertNothingLeaks();
    }

    @Test
    void confirmingWhatTheEngineDidMovesNoMoney() throws Exception {
        harness.send(credit("B1", "100000.00", 10).payer("Shunda Jiancai", null));
        harness.watermark(10);
        int balances = harness.balances().size();
        harness.send(decision(880001L, "B1", FIRST, "confirm", 12), decision(880002L, "B1", SECOND, "confirm", 12));
        harness.endOfInput();

        PaymentMatch m = harness.latest("B1");
        assertThat(m.status).isEqualTo(PaymentMatch.CONFIRMED);
        assertThat(m.allocations).extracting(a -> a.invoiceNo + " " + a.status)
                .containsExactly("INV-2026-004512 confirmed", "INV-2026-004513 confirmed");
        assertThat(m.explanation).contains("the amount equals the open balance of INV-2026-004512, INV-2026-004513 together");
        assertThat(harness.balances()).hasSize(balances);
        assertThat(harness.commission()).extracting(e -> e.kind).containsExactly("release", "release");
        harness.assertNothingLeaks();
    }

    @Test
    void financeOverrulesAnAutomaticMatchOfAnotherCredit() throws Exception {
        // B1 is matched to the first invoice by amount and name; finance says B2 paid it
        harness.send(credit("B1", "30000.00", 10).payer("顺达建材", null),
                credit("B2", "30000.00", 11).payer("某某", "6217000099998888"));
        harness.send(decision(880001L, "B2", FIRST, "confirm", 12));
        harness.endOfInput();

        assertThat(applied(harness.latest("B2"))).containsExactly("INV-2026-004512=30000.00");
        PaymentMatch b1 = harness.latest("B1");
        assertThat(b1.active()).isEmpty();
        assertThat(b1.explanation).contains("gave way to B2");
        assertThat(open(harness.balance(FIRST))).isEqualTo("paid 0.00");
        harness.assertNothingLeaks();
    }

    @Test
    void aDecisionCommittedBeforeItsCreditWaitsForIt() throws Exception {
        harness.send(decision(880001L, "B1", SECOND, "confirm", 5));
        harness.send(credit("B1", "70000.00", 10).payer("某某", "6217000099998888"));
        harness.endOfInput();
        assertThat(harness.latest("B1").status).isEqualTo(PaymentMatch.CONFIRMED);
        assertThat(open(harness.balance(SECOND))).isEqualTo("paid 0.00");
        harness.assertNothingLeaks();
    }

    @Test
    void aCancelledInvoiceGivesItsMoneyBackAndItsReplacementTakesIt() throws Exception {
        harness.send(credit("B1", "30000.00", 10).payer("顺达建材", null).memo("INV-2026-004512"));
        harness.watermark(10);

        // the invoice is cancelled and re-issued under a new number
        CrmRow first = invoiceRow(FIRST, 840001L, SHUNDA, "INV-2026-004512", "30000.00", 1);
        harness.send(cancelled(first, 20));
        harness.watermark(20);
        PaymentMatch given = harness.latest("B1");
        assertThat(given.status).isNotEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(given.explanation).contains("INV-2026-004512 was cancelled");
        assertThat(open(harness.balance(FIRST))).isEqualTo("cancelled 0.00");

        harness.send(invoice(850005L, 840001L, SHUNDA, "INV-2026-004530", "30000.00", 21));
        harness.endOfInput();
        PaymentMatch again = harness.latest("B1");
        assertThat(again.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
        assertThat(applied(again)).containsExactly("INV-2026-004530=30000.00");
        assertThat(again.allocationRows()).extracting(a -> a.invoiceNo() + " " + a.status())
                .containsExactly("INV-2026-004512 undone", "INV-2026-004530 applied");
        harness.assertNothingLeaks();
    }

    @Test
    void creditsBookedBeforeTheCrmKnewTheirInvoicesAreMatchedWhenItDoes() throws Exception {
        try (MatchingHarness replay = new MatchingHarness()) {
            // the bank's history first, the CRM snapshot (commit time 100) after it
            replay.send(credit("B1", "12000.00", 10).memo("HT-2026-00123 合同款"),
                    credit("B2", "18000.00", 11).payer("张三", "6222000011112222"));
            replay.watermark(50);
            assertThat(replay.latest("B1").status).isEqualTo(PaymentMatch.UNMATCHED);
            replay.send(shunda(100), contract(840001L, SHUNDA, "HT-2026-00123", "100000.00", "0.0500", 100),
                    invoice(FIRST, 840001L, SHUNDA, "INV-2026-004512", "30000.00", 100),
                    invoice(SECOND, 840001L, SHUNDA, "INV-2026-004513", "70000.00", 100));
            replay.endOfInput();

            assertThat(applied(replay.latest("B1"))).containsExactly("INV-2026-004512=12000.00");
            assertThat(applied(replay.latest("B2"))).containsExactly("INV-2026-004512=18000.00");
            assertThat(open(replay.balance(FIRST))).isEqualTo("paid 0.00");
            replay.assertNothingLeaks();
        }
    }

    @Test
    void anyArrivalOrderWithinTheWatermarkGivesTheSameResult() throws Exception {
        List<Object> inputs = new ArrayList<>(List.of(company()));
        inputs.addAll(List.of(credit("B1", "12000.00", 10).memo("HT-2026-00123 首付款"),
                credit("B2", "88000.00", 10).payer("顺达建材", null),
                credit("B3", "30000.00", 12).payer("某某", "6217000099998888"),
                decision(880001L, "B3", SECOND, "reject", 13),
                credit("R2", "-88000.00", 14).payer("顺达建材", null).returned()));
        List<Map<String, Object>> expected = null;
        Random random = new Random(42);
        for (int round = 0; round < 4; round++) {
            try (MatchingHarness h = new MatchingHarness()) {
                for (Object input : inputs) {
                    if (input instanceof CrmChange c) {
                        h.send(c);
                    } else {
                        h.send((Company.Credit) input);
                    }
                }
                h.endOfInput();
                List<Map<String, Object>> rows = h.matches().stream().map(PaymentMatch::toRow).toList();
                if (expected == null) {
                    expected = rows;
                    assertThat(rows).isNotEmpty();
                } else {
                    assertThat(rows).isEqualTo(expected);
                }
                h.assertNothingLeaks();
            }
            Collections.shuffle(inputs, random);
        }
    }
}
