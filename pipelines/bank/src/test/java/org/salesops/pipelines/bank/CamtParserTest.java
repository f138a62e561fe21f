package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

/** Field values read from real samples, one behaviour per test. */
class CamtParserTest {

    private final CamtParser parser = new CamtParser();

    private List<BankTransaction> parse(String file) throws RejectedInput {
        return parser.parse(Samples.read(file), file);
    }

    private static BankTransaction byKey(List<BankTransaction> txs, String key) {
        return txs.stream().filter(tx -> tx.transactionKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void postFinanceBatchBookingIsSplitIntoItsTransactions() throws RejectedInput {
        List<BankTransaction> txs = parse("camt054/dvbern__iso20022/"
                + "200519_camt.054_P_CH2909000000250094239_1111091335_0_2020061900081727_v2019.xml");

        assertThat(txs).containsExactly(
                new BankTransaction("2000000000000000", "camt.054.001.08", "20200618375204295372463",
                        "CH2909000000250094239", new BigDecimal("778.29"), "CHF",
                        LocalDate.of(2020, 6, 18), LocalDate.of(2020, 6, 18), Instant.parse("2020-06-18T00:00:00Z"),
                        "BOOK", false, "1000000000000000", "1006265-aic5dL-75dzf3jk9-cf2d5e9",
                        "Bernasconi Maria", "CH5109000000250092291", null, "539115429773825311971477453",
                        List.of(), "PMNT/RCDT/AUTT"),
                new BankTransaction("3000000000000000", "camt.054.001.08", "20200618375204295372463",
                        "CH2909000000250094239", new BigDecimal("913.93"), "CHF",
                        LocalDate.of(2020, 6, 18), LocalDate.of(2020, 6, 18), Instant.parse("2020-06-18T00:00:00Z"),
                        "BOOK", false, "1000000000000000", null,
                        "Bernasconi Maria", "CH5109000000250092291", null, "662437765447746478179744715",
                        List.of(), "PMNT/RCDT/AUTT"));
    }

    @Test
    void postFinanceStatementSplitsATenPaymentIsrBatch() throws RejectedInput {
        List<BankTransaction> batch = parse("camt053/dvbern__iso20022/"
                + "camt.053_P_CH0309000000250090342_380000000_0_2016053100163801.xml").stream()
                .filter(tx -> "20160530007602769939022000000012".equals(tx.accountServicerReference()))
                .toList();

        assertThat(batch).hasSize(10);
        assertThat(batch.stream().map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1000.00");
        BankTransaction maria = byKey(batch, "160527CH00T3KXDV");
        assertThat(maria.amount()).isEqualByComparingTo("200.00");
        assertThat(maria.counterpartyName()).isEqualTo("Bernasconi Maria");
        assertThat(maria.counterpartyAccount()).isEqualTo("CH4444444444444444444");
        assertThat(maria.creditorReference()).isEqualTo("000000000002016030002463591");
        assertThat(maria.bookingDate()).isEqualTo(LocalDate.of(2016, 5, 27));
        assertThat(maria.valueDate()).isEqualTo(LocalDate.of(2016, 5, 30));
    }

    @Test
    void v08CreditWithRfCreditorReference() throws RejectedInput {
        // the statement's balances do not match its entries (see CamtSamplesTest); its fields still read
        String file = "camt053/viafintech__camt_parser/valid_example_v8.xml";
        List<BankTransaction> txs = new CamtReader().read(Samples.read(file), file).reports().get(0).transactions();

        BankTransaction rf = txs.get(1);
        assertThat(rf.creditorReference()).isEqualTo("RF38000000000000000000552");
        assertThat(rf.amount()).isEqualByComparingTo("88.85");
        assertThat(rf.currency()).isEqualTo("CHF");
        assertThat(rf.sourceFormat()).isEqualTo("camt.053.001.08");
        assertThat(rf.status()).isEqualTo("BOOK");
        assertThat(rf.counterpartyName()).isEqualTo("Finanz AG");
        assertThat(rf.endToEndId()).isEqualTo("435A9287E088BDB1D97FAABD181C70C8");
        assertThat(rf.transactionKey()).isEqualTo("0123171DO5126811");
        assertThat(rf.accountServicerReference()).isEqualTo("2022172PH0003127");
        assertThat(rf.bankTransactionCode()).isEqualTo("PMNT/RCDT/VCOM");
        assertThat(txs.get(0).remittanceUnstructured()).isEqualTo("INVOICE R77561");
    }

    @Test
    void v08DebitNamesThePayee() throws RejectedInput {
        String file = "camt053/viafintech__camt_parser/valid_example_v8.xml";
        BankTransaction debit = new CamtReader().read(Samples.read(file), file).reports().get(0).transactions().get(2);

        assertThat(debit.amount()).isEqualTo(new BigDecimal("-20.97"));
        assertThat(debit.currency()).isEqualTo("EUR");
        assertThat(debit.counterpartyName()).isEqualTo("DHL Express (Schweiz) AG");
        assertThat(debit.counterpartyAccount()).isEqualTo("CH2222222222222222222");
        assertThat(debit.creditorReference()).isEqualTo("000000270148751802165444888");
        assertThat(debit.endToEndId()).isEqualTo("1208481");
    }

    @Test
    void ultimateDebtorStandsInWhenNoDebtorIsNamed() throws RejectedInput {
        // balances in two currencies, so rejected as a document (see CamtSamplesTest)
        String file = "camt053/genkgo__camt/camt053.v2.minimal.ultimate.xml";
        BankTransaction credit = new CamtReader().read(Samples.read(file), file).reports().get(0).transactions().get(0);

        assertThat(credit.amount()).isEqualTo(new BigDecimal("8.85"));
        assertThat(credit.counterpartyName()).isEqualTo("DEBTOR NAME NM");
        assertThat(credit.creditorReference()).isEqualTo("4654654654654654");
        assertThat(credit.bankTransactionCode()).isEqualTo("544");
    }

    @Test
    void batchDebitIsSplitAndKeyedByEntryReferenceAndIndex() throws RejectedInput {
        List<BankTransaction> txs = parse("camt053/viafintech__camt_parser/valid_example.xml");

        BankTransaction first = byKey(txs, "2013122711513230000/1");
        BankTransaction second = byKey(txs, "2013122711513230000/2");
        assertThat(first.amount()).isEqualTo(new BigDecimal("-3.50"));
        assertThat(second.amount()).isEqualTo(new BigDecimal("-2.50"));
        assertThat(first.counterpartyName()).isEqualTo("Testkonto Nummer 1");
        assertThat(first.counterpartyAccount()).isEqualTo("DE14740618130000033626");
        assertThat(first.endToEndId()).isEqualTo("STZV-EtE27122013-11:02-1");
        assertThat(second.remittanceUnstructured()).isEqualTo("Sammelueberweisung 1. Zahlung   TAN:283044");
        assertThat(first.bankTransactionCode()).isEqualTo("NMSC+201");
    }

    @Test
    void returnedDirectDebitIsANegativeReversalNamingThePayer() throws RejectedInput {
        List<BankTransaction> txs = parse("camt053/dvbern__iso20022/"
                + "camt.053_P_CH0309000000250090342_380000000_0_2016053100163801.xml");

        BankTransaction reversal = byKey(txs, "TST_205-2091679-6");
        assertThat(reversal.reversal()).isTrue();
        assertThat(reversal.amount()).isEqualTo(new BigDecimal("-6.00"));
        assertThat(reversal.status()).isEqualTo("BOOK");
        // the return keeps the parties of the collection it reverses: the payer is the debtor
        assertThat(reversal.counterpartyName()).isEqualTo("Bernasconi Maria");
        assertThat(reversal.counterpartyAccount()).isEqualTo("CH3709000000250094580");
        assertThat(reversal.endToEndId()).isEqualTo("EndToEnd-2B6C-CHDDBB5");
        assertThat(reversal.remittanceUnstructured()).isEqualTo("Mitteilung 128");
        assertThat(reversal.bankTransactionCode()).isEqualTo("PMNT/RDDT/PMDD");
        assertThat(txs).filteredOn(BankTransaction::reversal).hasSize(2);
    }

    @Test
    void pendingEntryWithoutBookingDateTakesTheNotificationTime() throws RejectedInput {
        List<BankTransaction> txs = parse("camt054/dvbern__iso20022/camt_054_Beispiel_NoCrdtBookedNotReversed.xml");

        assertThat(txs).extracting(BankTransaction::status).containsExactly("BOOK", "PDNG", "BOOK");
        BankTransaction pending = txs.get(1);
        assertThat(pending.transactionKey()).isEqualTo("170557CH00T3HG30/1");
        assertThat(pending.amount()).isEqualTo(new BigDecimal("2.00"));
        assertThat(pending.bookingDate()).isNull();
        assertThat(pending.bookedAt()).isEqualTo(Instant.parse("2017-07-26T14:00:30Z"));
        assertThat(pending.counterpartyName()).isEqualTo("Ada Lovelace");
        assertThat(pending.creditorReference()).isEqualTo("184365082655685438543854377");
        // a DBIT entry whose lone TxDtls says CRDT: the entry is what was booked
        assertThat(txs.get(2).amount()).isEqualTo(new BigDecimal("-3.00"));
    }

    @Test
    void nettedBatchOfAdvicesKeepsEachTransactionsSignAndAcceptanceTime() throws RejectedInput {
        List<BankTransaction> txs = parse("camt054/Subite-eu__camt-to-coda/2024-03-07.xml");

        assertThat(txs).hasSize(31).allSatisfy(tx -> {
            assertThat(tx.status()).isEqualTo("INFO");
            assertThat(tx.bookingDate()).isNull();
            assertThat(tx.sourceFormat()).isEqualTo("camt.054.001.10");
        });
        assertThat(txs.stream().map(BankTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("6329");
        assertThat(txs).filteredOn(tx -> tx.amount().signum() < 0).extracting(BankTransaction::amount)
                .containsExactly(new BigDecimal("-3"), new BigDecimal("-3"));
        assertThat(txs.get(0).amount()).isEqualTo(new BigDecimal("300"));
        assertThat(txs.get(0).bookedAt()).isEqualTo(Instant.parse("2024-03-05T23:07:10Z"));
    }

    @Test
    void statementWithoutEntryStatusOrBalanceIndicatorIsReadAsBookedAndCredit() throws RejectedInput {
        List<BankTransaction> txs = parse("camt053/Subite-eu__camt-to-coda/2024-03-07.xml");

        assertThat(txs).extracting(BankTransaction::amount).containsExactly(
                new BigDecimal("828531.98"), new BigDecimal("-0.2"), new BigDecimal("-5793.97"));
        assertThat(txs).allSatisfy(tx -> {
            assertThat(tx.status()).isEqualTo("BOOK");
            assertThat(tx.accountId()).isEqualTo("LT625883379695428516");
            assertThat(tx.bookedAt()).isEqualTo(Instant.parse("2024-03-07T17:47:17.828Z"));
        });
        assertThat(txs.get(0).transactionKey()).isEqualTo("REF000000025239/1");
        assertThat(txs.get(0).bankTransactionCode()).isEqualTo("ATSISK");
    }

    @Test
    void loneTransactionInForeignCurrencyTakesTheBookedAmount() throws RejectedInput {
        List<BankTransaction> txs = parse("camt053/dvbern__iso20022/Business_Sample_camt.053.001.04.xml");

        BankTransaction fx = byKey(txs, "AAAASESS-FP-CONF-FX/1");
        assertThat(fx.amount()).isEqualTo(new BigDecimal("30000"));
        assertThat(fx.currency()).isEqualTo("SEK");
        assertThat(fx.endToEndId()).isEqualTo("AAAASS1085FINPSS");
        BankTransaction credit = byKey(txs, "AAAASESS-FP-CN_98765/01/1");
        assertThat(credit.bookedAt()).isEqualTo(Instant.parse("2010-10-18T12:15:00Z"));
        assertThat(credit.bookingDate()).isEqualTo(LocalDate.of(2010, 10, 18));
        assertThat(credit.counterpartyName()).isEqualTo("MUELLER");
    }

    @Test
    void ustrdFillerIsNoRemittanceAndEntriesWithoutReferencesGetDigestKeys() throws RejectedInput {
        List<BankTransaction> txs = parse("camt053/Subite-eu__camt-to-coda/account_statement.xml");

        assertThat(txs).allSatisfy(tx -> {
            assertThat(tx.remittanceUnstructured()).isNull();
            assertThat(tx.transactionKey()).matches("sha256:[0-9a-f]{32}");
        });
        assertThat(txs.get(2).counterpartyName()).isEqualTo("Theta Solutions");
        assertThat(txs.get(2).amount()).isEqualTo(new BigDecimal("789904.4"));
    }

    @Test
    void documentInsideABusinessApplicationHeaderEnvelopeIsFound() throws RejectedInput {
        String file = "camt053/prowide__prowide-iso20022/camt.053.001.07.xml";
        CamtDocument document = new CamtReader().read(Samples.read(file), file);

        assertThat(document.sourceFormat()).isEqualTo("camt.053.001.07");
        assertThat(document.messageId()).isEqualTo("SDFSDF");
        assertThat(document.reports()).singleElement().satisfies(report -> {
            assertThat(report.accountId()).isEqualTo("2345234534");
            assertThat(report.entries()).isEmpty();
        });
    }

    @Test
    void intradayReportReadsLikeAStatement() throws RejectedInput {
        List<BankTransaction> txs = parse("camt052/viafintech__camt_parser/valid_example.xml");

        assertThat(txs).extracting(BankTransaction::amount)
                .containsExactly(new BigDecimal("2.00"), new BigDecimal("3.00"));
        assertThat(txs.get(0).sourceFormat()).isEqualTo("camt.052.001.02");
        assertThat(txs.get(0).accountId()).isEqualTo("DE58740618130100033626");
    }

    @Test
    void keysDoNotDependOnOrigin() throws RejectedInput {
        String file = "camt053/Subite-eu__camt-to-coda/BE68793230773034-202411.xml";
        assertThat(parser.parse(Samples.read(file), "kafka bank.camt054/0/17"))
                .isEqualTo(parser.parse(Samples.read(file), "inbox/" + file));
    }

    @Test
    void rejectionOfTheWholeDocumentNamesTheOrigin() {
        String file = "camt053/viafintech__camt_parser/valid_example_v8.xml";
        assertThatThrownBy(() -> parser.parse(Samples.read(file), "inbox/statement.xml"))
                .isInstanceOf(RejectedInput.class)
                .hasMessageStartingWith("inbox/statement.xml: camt.053 Stmt[1]/Ntry[3]: booked in EUR");
    }
}
