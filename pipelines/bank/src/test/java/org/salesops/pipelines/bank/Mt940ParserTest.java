package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

/** Field values read from real MT940/MT942 samples of several banks, one behaviour per test. */
class Mt940ParserTest {

    private static final String SPARKASSE = "mt940/fruitl00p__php-mt940/Spk/sample";

    private final Mt940Parser parser = new Mt940Parser();

    private List<BankTransaction> parse(String file) throws RejectedInput {
        return parser.parse(Samples.read(file), file);
    }

    private static BankTransaction byKey(List<BankTransaction> txs, String key) {
        return txs.stream().filter(tx -> tx.transactionKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void abnAmroLegacyLineWithFreeText() throws RejectedInput {
        BankTransaction tx = parse("mt940/fruitl00p__php-mt940/Abn/sample").get(0);

        assertThat(tx).isEqualTo(new BankTransaction("500950253/ABN AMRO BANK NV/17501/1/2009-06-23/#1", "MT940",
                "ABN AMRO BANK NV", "500950253", new BigDecimal("-7.5"), "EUR", LocalDate.of(2009, 6, 24),
                LocalDate.of(2009, 6, 23), Instant.parse("2009-06-24T00:00:00Z"), "BOOK", false, null, null, null,
                null, "GIRO 428428 KPN BV BETALINGSKENM. 000000018503995 5109227317 BETREFT FACTUUR D.D. 20-06-2009"
                        + " INCL. 1,20 BTW", null, List.of(), "N192"));
    }

    @Test
    void abnAmroSepaLineWithStructuredDetails() throws RejectedInput {
        BankTransaction tx = parse("mt940/fruitl00p__php-mt940/Abn/issue48").get(1);

        assertThat(tx.amount()).isEqualByComparingTo("-62.63");
        assertThat(tx.endToEndId()).isEqualTo("012345678912361000");
        assertThat(tx.counterpartyName()).isEqualTo("XXXXXXXX B.V.");
        assertThat(tx.counterpartyAccount()).isEqualTo("NL37DEUT0123456789");
        assertThat(tx.remittanceUnstructured()).isEqualTo("/INV/1511682351 1.12.2016");
    }

    @Test
    void ingDirectDebitWithCounterpartyBlockAndBankReference() throws RejectedInput {
        List<BankTransaction> txs = parse("mt940/zilverline__mt940/ing/mt940_iban.txt");
        BankTransaction kpn = byKey(txs, "NL68INGB0000012345/P123456000000001/00000/2014-07-31/12345678909876");

        assertThat(kpn.accountId()).as("the currency glued to the :25: account is dropped")
                .isEqualTo("NL68INGB0000012345");
        assertThat(kpn.amount()).isEqualByComparingTo("-73.62");
        assertThat(kpn.accountServicerReference()).isEqualTo("12345678909876");
        assertThat(kpn.endToEndId()).isEqualTo("02164810730000043");
        assertThat(kpn.counterpartyName()).isEqualTo("KPN - MOBIEL");
        assertThat(kpn.counterpartyAccount()).isEqualTo("NL75INGB0000012345");
        assertThat(kpn.remittanceUnstructured()).startsWith("Factuurnr: 2015/123456789.00.");
        assertThat(kpn.bankTransactionCode()).isEqualTo("NDDT");
    }

    @Test
    void rabobankTaxPaymentWithCurrenceReferenceAndAccountOnTheStatementLine() throws RejectedInput {
        BankTransaction tx = parse("mt940/zilverline__mt940/rabobank_mt940_structured_dutch_tax.txt").get(0);

        assertThat(tx.amount()).isEqualByComparingTo("-2000.00");
        assertThat(tx.endToEndId()).isEqualTo("123456789");
        assertThat(tx.counterpartyName()).isEqualTo("Belastingdienst");
        assertThat(tx.counterpartyAccount()).isEqualTo("NL86INGB0002445588");
        assertThat(tx.creditorReference()).isEqualTo("1234567899874563");
        assertThat(tx.remittanceUnstructured()).isNull();
    }

    @Test
    void asnSalaryWithIbanAndNameOnTheFirstLine() throws RejectedInput {
        BankTransaction tx = parse("mt940/fruitl00p__php-mt940/Asn/sample").get(0);

        assertThat(tx.transactionKey()).isEqualTo("NL53ASNB0781269733/0000000000/2/1/2020-01-02/#1");
        assertThat(tx.amount()).isEqualByComparingTo("-2000.00");
        assertThat(tx.counterpartyName()).isEqualTo("j blom");
        assertThat(tx.counterpartyAccount()).isEqualTo("NL29INGB0006475121");
        assertThat(tx.remittanceUnstructured()).isEqualTo("NL29INGB0006475121 j blom Salaris december 2019");
    }

    @Test
    void bunqCreditWithIbanNameAndRemittance() throws RejectedInput {
        BankTransaction tx = parse("mt940/fruitl00p__php-mt940/Bunq/sample").get(3);

        assertThat(tx.accountId()).isEqualTo("NL10BUNQ2290325473");
        assertThat(tx.amount()).isEqualByComparingTo("75");
        assertThat(tx.bookingDate()).isEqualTo(LocalDate.of(2019, 2, 9));
        assertThat(tx.counterpartyName()).isEqualTo("SRMF WILLEMS");
        assertThat(tx.counterpartyAccount()).isEqualTo("NL97ABNA0479445079");
        assertThat(tx.remittanceUnstructured()).isEqualTo("Proficiat");
    }

    @Test
    void triodosCounterpartyBlockWrappedOverLines() throws RejectedInput {
        List<BankTransaction> txs = parse("mt940/zilverline__mt940/triodos_iban_2.txt");

        assertThat(txs.get(0).counterpartyName()).isEqualTo("G-AAAAA N.V.");
        assertThat(txs.get(0).counterpartyAccount()).isEqualTo("NL21RABO0999999999");
        assertThat(txs.get(0).endToEndId()).isEqualTo("7293-201801001");
        assertThat(txs.get(1).endToEndId()).as("NOTPROVIDED").isNull();
        assertThat(txs.get(1).remittanceUnstructured()).isEqualTo("Factuurnummer 201801-001");
    }

    @Test
    void knabTwoMessagesWithHeaderBlocksAndLabelledCounterparty() throws RejectedInput {
        List<BankTransaction> txs = parse("mt940/zilverline__mt940/knab/knab_two_blocks.txt");

        assertThat(txs).extracting(BankTransaction::messageId)
                .containsExactly("ABC123456789097", "AA7392334590834", "AA7392334590834");
        BankTransaction tx = txs.get(1);
        assertThat(tx.transactionKey()).isEqualTo("0222222222/AA7392334590834/2/1/2014-10-24/GG3295734985733");
        assertThat(tx.amount()).isEqualByComparingTo("1000");
        assertThat(tx.counterpartyName()).isEqualTo("BEDRIJF VOF");
        assertThat(tx.counterpartyAccount()).isEqualTo("NL26ABNA0888888888");
    }

    @Test
    void knabBookingDateInTheYearBeforeTheValueDate() throws RejectedInput {
        BankTransaction tx = parse("mt940/zilverline__mt940/knab/knab_date_and_accounting_date_different_year.txt")
                .get(0);

        assertThat(tx.valueDate()).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(tx.bookingDate()).isEqualTo(LocalDate.of(2013, 12, 29));
        assertThat(tx.bookedAt()).isEqualTo(Instant.parse("2013-12-29T00:00:00Z"));
    }

    @Test
    void sparkasseGermanSubfields() throws RejectedInput {
        List<BankTransaction> txs = parse(SPARKASSE);
        BankTransaction telekom = byKey(txs, "20090500/0006853030/STARTUMS/09198/002/2010-02-17/#2");

        assertThat(telekom.amount()).isEqualByComparingTo("-16.68");
        assertThat(telekom.counterpartyName()).isEqualTo("DEUTSCHE TELEKOM AG");
        assertThat(telekom.counterpartyAccount()).isEqualTo("0123123322");
        assertThat(telekom.remittanceUnstructured())
                .isEqualTo("ZAHLBELEG 231231923123 RECH.NR. 1239812312 052331 VERTRAGSKONTO 1231239712");
        assertThat(telekom.bankTransactionCode()).isEqualTo("N005");
        // entry date 0204 before the value date 0217
        assertThat(txs.get(0).bookingDate()).isEqualTo(LocalDate.of(2010, 2, 4));
        assertThat(txs.get(0).valueDate()).isEqualTo(LocalDate.of(2010, 2, 17));
    }

    @Test
    void germanSepaCreditWithEndToEndIdAndRemittance() throws RejectedInput {
        BankTransaction tx = byKey(parse("mt940/wolph__mt940/betterplace/sepa_mt9401.sta"),
                "50880050/0194780100888/T089413986000001/00004/00001/2007-09-03/0724710352954937");

        assertThat(tx.amount()).isEqualByComparingTo("-50990.05");
        assertThat(tx.endToEndId()).isEqualTo("TFNR 21005 EndToEndId 00001");
        assertThat(tx.remittanceUnstructured()).isEqualTo("Verwend CTSc-01 eBB TFNr 21005");
        assertThat(tx.counterpartyAccount()).isEqualTo("DE76508800500194780101");
    }

    @Test
    void hsbcDebitInForeignCurrencyStatement() throws RejectedInput {
        // the sample opens and closes at 0 around a 20000 debit; opened at 20000 it reconciles
        String file = "mt940/fruitl00p__php-mt940/Hsbc/sample";
        BankTransaction tx = parser.parse(Samples.edited(file, "C120329HKD0,00", "C120329HKD20000,00"), file).get(0);

        assertThat(tx.amount()).isEqualByComparingTo("-20000.00");
        assertThat(tx.currency()).isEqualTo("HKD");
        assertThat(tx.accountServicerReference()).isEqualTo("6128522200250001");
        assertThat(tx.bankTransactionCode()).isEqualTo("NTRF");
        assertThat(tx.remittanceUnstructured()).startsWith("/OCMT/USD2853,12/ PAYMENT OF INVOICES 204011665");
    }

    @Test
    void danskeBankReferencesThatRepeatFallBackToTheLineIndex() throws RejectedInput {
        List<BankTransaction> txs = parse("mt940/svenstaro__mt940-rs/danskebank/MT940_FI_Example.sta");

        String statement = "DABADKKK/111111-11111111/3996-11-11111111/00001/001/2009-09-24/";
        assertThat(txs).extracting(BankTransaction::transactionKey).containsExactly(statement + "#1",
                statement + "#2", statement + "#3", statement + "#4", statement + "to advice", statement + "#6");
        assertThat(txs.get(1).accountServicerReference()).isEqualTo("1234");
    }

    @Test
    void mt942InterimReportIsCheckedAgainstItsTotals() throws RejectedInput {
        String file = "mt940/wolph__mt940/mBank/mt942.sta";
        List<BankTransaction> txs = parse(file);

        assertThat(txs).extracting(BankTransaction::sourceFormat).containsOnly("MT942");
        assertThat(txs).extracting(BankTransaction::status).containsOnly("BOOK");
        assertThat(txs.get(0).transactionKey())
                .isEqualTo("PL29114010810000267002001002/ST170119CYC/0001/1/1/1701191815+0100/MB170119012058");
        assertThatThrownBy(() -> parser.parse(Samples.edited(file, ":90C:3PLN0,03", ":90C:3PLN0,04"), file))
                .isExactlyInstanceOf(RejectedInput.class)
                .hasMessageContaining("MT942 statement[1]: statement :20:ST170119CYC/0001 :28C:1/1 of account"
                        + " PL29114010810000267002001002: :90C: counts 3 credit lines totalling 0.04 PLN, but the"
                        + " report has 3 totalling 0.03 PLN");
    }

    @Test
    void oneStatementThatDoesNotReconcileRejectsTheWholeFile() {
        byte[] broken = Samples.edited(SPARKASSE, ":61:1002180218C100,N051", ":61:1002180218C101,N051");

        assertThatThrownBy(() -> parser.parse(broken, "spk.sta"))
                .isExactlyInstanceOf(RejectedInput.class)
                .hasMessage("spk.sta: MT940 statement[3]: statement :20:STARTUMS :28C:09199/001 of account"
                        + " 20090500/0006853030 does not reconcile: opening balance :60F: 2010-02-13 2624.22 EUR"
                        + " plus its 1 booked lines (101) gives 2725.22 EUR, but the closing balance is"
                        + " :62M: 2010-02-18 2724.22 EUR");
    }

    @Test
    void aBalanceInACurrencyOutsideIso4217RejectsTheWholeFile() {
        byte[] broken = Samples.edited(SPARKASSE, ":60F:C100213EUR2624,22", ":60F:C100213EUX2624,22");

        assertThatThrownBy(() -> parser.parse(broken, "spk.sta"))
                .isExactlyInstanceOf(RejectedInput.class)
                .hasMessageEndingWith(":60F: currency 'EUX' is not an ISO 4217 currency code");
    }

    @Test
    void reversalsKeepTheSignOfTheirBooking() throws RejectedInput {
        String statement = """
                :20:REVERSALS
                :25:DE89370400440532013000
                :28C:00001/001
                :60F:C240301EUR100,00
                :61:2403010301RDR25,00NRTINONREF//BANKREF1
                :86:109?00RUECKLASTSCHRIFT?20EREF+E2E-1?21SVWZ+Rueckgabe Lastschrift?30COBADEFFXXX
                ?31DE02120300000000202051?32Müller GmbH
                :61:2403010301RC40,00NRTINONREF//BANKREF2
                :86:/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/NAME/J. Jansen/REMI/teruggeboekt
                /EREF/E2E-2
                :62F:C240301EUR85,00
                -
                """;
        // German banks still export ISO-8859-1; the ü must survive the fallback
        List<BankTransaction> txs = parser.parse(statement.getBytes(StandardCharsets.ISO_8859_1), "rv.sta");

        assertThat(txs).extracting(BankTransaction::amount).containsExactly(new BigDecimal("25.00"),
                new BigDecimal("-40.00"));
        assertThat(txs).extracting(BankTransaction::reversal).containsExactly(true, true);
        assertThat(txs.get(0).counterpartyName()).isEqualTo("Müller GmbH");
        assertThat(txs.get(0).counterpartyAccount()).isEqualTo("DE02120300000000202051");
        assertThat(txs.get(0).endToEndId()).isEqualTo("E2E-1");
        assertThat(txs.get(0).remittanceUnstructured()).isEqualTo("Rueckgabe Lastschrift");
        assertThat(txs.get(1).counterpartyName()).isEqualTo("J. Jansen");
        assertThat(txs.get(1).endToEndId()).isEqualTo("E2E-2");
        assertThat(txs).extracting(BankTransaction::transactionKey)
                .containsExactly("DE89370400440532013000/REVERSALS/00001/001/2024-03-01/BANKREF1",
                        "DE89370400440532013000/REVERSALS/00001/001/2024-03-01/BANKREF2");
    }

    @Test
    void valueDatedThirtiethOfFebruaryIsTheLastDayOfFebruary() throws RejectedInput {
        BankTransaction tx = parse("mt940/wolph__mt940/self-provided/february_30.sta").get(0);

        assertThat(tx.valueDate()).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(tx.bookingDate()).isEqualTo(LocalDate.of(2016, 3, 1));
    }

    @Test
    void fieldsWrappedIntoSomethingThatLooksLikeATagStayText() throws RejectedInput {
        // the :86: of this line wraps a time "T16:26:37" so that a line starts with ":26:"
        BankTransaction tx = parse("mt940/wolph__mt940/self-provided/wrapped_timestamp.sta").get(0);

        assertThat(tx.endToEndId()).isEqualTo("VZ0000000000000000");
        assertThat(tx.amount()).isEqualByComparingTo("-6.00");
    }

    @Test
    void fragmentsAndEmptyFilesAreRejected() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "x")).hasMessage("x: empty file");
        assertThatThrownBy(() -> parser.parse(":61:1409010902DR1,62NTRFNONREF\n".getBytes(StandardCharsets.US_ASCII),
                "x")).hasMessage("x: line 1: :61: comes before any :20:, so it belongs to no statement");
    }
}
