package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salesops.pipelines.common.RejectedInput;

/** Opening booked balance + booked entries = closing booked balance, on real statements. */
class BalanceReconciliationTest {

    private static final String POSTFINANCE =
            "camt053/dvbern__iso20022/camt.053_P_CH0309000000250090342_380000000_0_2016053100163801.xml";
    private static final String GERMAN = "camt053/viafintech__camt_parser/valid_example.xml";

    private final CamtParser parser = new CamtParser();

    @ParameterizedTest
    @ValueSource(strings = {
            "camt053/Subite-eu__camt-to-coda/BE68793230773034-202411.xml",
            "camt053/Subite-eu__camt-to-coda/2024-03-07.xml",
            "camt053/Subite-eu__camt-to-coda/account_statement.xml",
            "camt053/dvbern__iso20022/Business_Sample_camt.053.001.04.xml",
            POSTFINANCE,
            "camt053/genkgo__camt/camt053.v2.multi.statement.xml",
            GERMAN,
            "camt053/viafintech__camt_parser/valid_example_v4.xml",
            "camt052/viafintech__camt_parser/valid_example.xml"})
    void realStatementsReconcile(String file) throws RejectedInput {
        CamtDocument document = new CamtReader().read(Samples.read(file), file);

        assertThat(document.reports()).allSatisfy(report -> {
            assertThat(report.opening()).isNotNull();
            assertThat(report.closing()).isNotNull();
            BigDecimal booked = report.transactions().stream()
                    .filter(tx -> tx.status().equals("BOOK"))
                    .map(BankTransaction::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(report.opening().signedAmount().add(booked))
                    .isEqualByComparingTo(report.closing().signedAmount());
        });
        assertThat(parser.parse(Samples.read(file), file)).hasSize(
                document.reports().stream().mapToInt(report -> report.transactions().size()).sum());
    }

    @Test
    void aMonthOfBookingsAddsUpToTheBalanceMovement() throws RejectedInput {
        String file = "camt053/Subite-eu__camt-to-coda/BE68793230773034-202411.xml";
        BigDecimal total = parser.parse(Samples.read(file), file).stream()
                .map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(total).isEqualByComparingTo(new BigDecimal("87539.12").subtract(new BigDecimal("59370.37")));
    }

    @Test
    void oneCentOffRejectsTheWholeStatementNamingExpectedAndActual() {
        // the first 15.53 is the amount of a returned direct debit entry
        byte[] broken = Samples.edited(POSTFINANCE, "<Amt Ccy=\"CHF\">15.53</Amt>", "<Amt Ccy=\"CHF\">15.54</Amt>");

        assertThatThrownBy(() -> parser.parse(broken, "statement.xml"))
                .isInstanceOf(RejectedInput.class)
                .hasMessage("statement.xml: camt.053 Stmt[1]: statement 20160430375204000008574 does not reconcile:"
                        + " from OPBD 322152.16 CHF to CLBD 322689.77 CHF the booked entries should sum to"
                        + " 537.61 CHF, but they sum to 537.60 CHF");
    }

    @Test
    void pendingEntriesDoNotMoveTheBookedBalance() {
        // the German sample's third entry (+1.00) is needed to explain its balances
        byte[] pending = Samples.edited(GERMAN, "<Amt Ccy=\"EUR\">1.00</Amt>\n      <CdtDbtInd>CRDT</CdtDbtInd>\n      <Sts>BOOK</Sts>",
                "<Amt Ccy=\"EUR\">1.00</Amt>\n      <CdtDbtInd>CRDT</CdtDbtInd>\n      <Sts>PDNG</Sts>");

        assertThatThrownBy(() -> parser.parse(pending, "german.xml"))
                .isInstanceOf(RejectedInput.class)
                .hasMessageContaining("should sum to -10.00 EUR, but they sum to -11.00 EUR");
    }

    @Test
    void eachStatementOfAMultiStatementMessageIsReconciled() {
        String file = "camt053/genkgo__camt/camt053.v2.multi.statement.xml";
        byte[] broken = Samples.edited(file, "<Amt Ccy=\"EUR\">7.00</Amt>", "<Amt Ccy=\"EUR\">7.50</Amt>");

        assertThatThrownBy(() -> parser.parse(broken, file))
                .isInstanceOf(RejectedInput.class)
                .hasMessageContaining("camt.053 Stmt[2]: statement 254EURNL26VAYB8060476890 does not reconcile")
                .hasMessageContaining("should sum to -7.00 EUR, but they sum to -7.50 EUR");
    }
}
