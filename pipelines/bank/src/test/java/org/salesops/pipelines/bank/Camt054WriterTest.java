package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

class Camt054WriterTest {

    private static final String MESSAGE_ID = "NTF-20240307-0001";
    private static final String ACCOUNT = "CH9300762011623852957";
    private static final Instant CREATED = Instant.parse("2024-03-07T18:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2024, 3, 7);
    private static final String LONG_TEXT = ("Payment for the March delivery, order 4711, invoices INV-2024-0117 and"
            + " INV-2024-0118, less the agreed discount of two percent, as discussed with Ms Keller on the phone"
            + " last Tuesday; remaining balance follows with the next run").trim();

    private final Camt054Writer writer = new Camt054Writer();
    private final CamtParser parser = new CamtParser();

    /** What a bank notification carries; messageId, accountId and format are the document's. */
    private static BankTransaction tx(String key, String amount, String currency, LocalDate bookingDate,
                                      LocalDate valueDate, Instant bookedAt, String status, boolean reversal,
                                      String endToEndId, String name, String account, String unstructured,
                                      String creditorReference, List<String> invoices, String code) {
        return new BankTransaction(key, "camt.054.001.08", MESSAGE_ID, ACCOUNT, new BigDecimal(amount), currency,
                bookingDate, valueDate, bookedAt, status, reversal, "ASR-" + key, endToEndId, name, account,
                unstructured, creditorReference, invoices, code);
    }

    private static List<BankTransaction> transactions() {
        return List.of(
                tx("K1", "1250.00", "CHF", DAY, DAY, Instant.parse("2024-03-07T00:00:00Z"), "BOOK", false,
                        "E2E-0001", "Muster AG", "CH5604835012345678009", "Invoices 2024-117 and 2024-118",
                        "RF18539007547034", List.of("2024-117", "2024-118"), "PMNT/RCDT/ESCT"),
                tx("K2", "-19.90", "EUR", DAY, null, Instant.parse("2024-03-07T09:15:30Z"), "BOOK", false,
                        null, "Telco GmbH", "12345678", null,
                        "210000000003139471430009017", List.of(), "PMNT/ICDT/ESCT"),
                tx("K3", "-300", "EUR", DAY, DAY, Instant.parse("2024-03-07T00:00:00Z"), "BOOK", true,
                        "E2E-RETURNED", "Acme Ltd", "DE89370400440532013000", "Returned: account closed",
                        null, List.of(), "PMNT/RCDT/RRTN"),
                tx("K4", "42.5", "CHF", null, null, Instant.parse("2024-03-07T16:42:05.123Z"), "PDNG", false,
                        "E2E-0004", "Keller & Söhne <Zürich>", null, LONG_TEXT, null, List.of(), "A90"),
                tx("K5", "0.12345", "EUR", null, DAY, Instant.parse("2024-03-07T17:00:00Z"), "INFO", false,
                        null, null, null, null, null, List.of(), null));
    }

    @Test
    void parsingTheWrittenNotificationGivesTheTransactionsBack() throws RejectedInput {
        String xml = writer.write(MESSAGE_ID, CREATED, ACCOUNT, transactions());

        assertThat(parser.parse(xml.getBytes(StandardCharsets.UTF_8), "generator"))
                .containsExactlyElementsOf(transactions());
    }

    @Test
    void writtenNotificationIsValidAgainstTheIsoSchema() throws Exception {
        validateAgainstIsoSchema(writer.write(MESSAGE_ID, CREATED, ACCOUNT, transactions()));
    }

    @Test
    void writesWhatABankWouldSend() {
        String xml = writer.write(MESSAGE_ID, CREATED, ACCOUNT, transactions());

        assertThat(xml)
                .contains("xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"")
                .contains("<Cd>SCOR</Cd>", "<Issr>ISO</Issr>", "<Prtry>QRR</Prtry>")
                .contains("<EndToEndId>NOTPROVIDED</EndToEndId>")
                .contains("<RvslInd>true</RvslInd>")
                .contains("<DtTm>2024-03-07T09:15:30Z</DtTm>")
                .contains("<AccptncDtTm>2024-03-07T16:42:05.123Z</AccptncDtTm>")
                .contains("Keller &amp; Söhne &lt;Zürich&gt;");
        // the returned payment names the payer it goes back to, as the debtor of the original credit
        assertThat(xml).containsPattern("<Dbtr>\\s*<Pty>\\s*<Nm>Acme Ltd</Nm>");
    }

    @Test
    void domesticAccountNumberIsWrittenAsOtherIdNotAsIban() throws Exception {
        String domestic = "6222021234567890123";
        String xml = writer.write(MESSAGE_ID, CREATED, domestic, transactions());

        assertThat(xml).containsPattern("<Acct>\\s*<Id>\\s*<Othr>\\s*<Id>" + domestic + "</Id>")
                .doesNotContain("<IBAN>" + domestic);
        validateAgainstIsoSchema(xml);
        assertThat(parser.parse(xml.getBytes(StandardCharsets.UTF_8), "generator"))
                .extracting(BankTransaction::accountId).containsOnly(domestic);
    }

    @Test
    void emptyNotificationIsStillADocument() throws RejectedInput {
        String xml = writer.write(MESSAGE_ID, CREATED, ACCOUNT, List.of());

        assertThat(parser.parse(xml.getBytes(StandardCharsets.UTF_8), "generator")).isEmpty();
    }

    @Test
    void longRemittanceIsSplitIntoIsoSizedLines() {
        assertThat(Camt054Writer.ustrdLines(LONG_TEXT)).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(140))
                .hasSize(2);
        assertThat(String.join(" ", Camt054Writer.ustrdLines(LONG_TEXT))).isEqualTo(LONG_TEXT);
        assertThat(Camt054Writer.ustrdLines("x".repeat(300))).extracting(String::length).containsExactly(140, 140, 20);
    }

    @Test
    void refusesWhatTheDocumentCouldNotCarry() {
        BankTransaction valid = transactions().get(1);
        BankTransaction wrongDay = withBooking(valid, DAY.plusDays(1));
        BankTransaction noReference = new BankTransaction(valid.transactionKey(), valid.sourceFormat(),
                valid.messageId(), valid.accountId(), valid.amount(), valid.currency(), valid.bookingDate(),
                valid.valueDate(), valid.bookedAt(), valid.status(), valid.reversal(), null, null, null, null,
                null, null, List.of(), null);

        assertThatThrownBy(() -> writer.write(MESSAGE_ID, CREATED, ACCOUNT, List.of(wrongDay)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not the UTC date of bookedAt");
        assertThatThrownBy(() -> writer.write(MESSAGE_ID, CREATED, ACCOUNT, List.of(noReference)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountServicerReference");
        assertThatThrownBy(() -> writer.write(" ", CREATED, ACCOUNT, List.of(valid)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageId");
    }

    private static BankTransaction withBooking(BankTransaction tx, LocalDate bookingDate) {
        return new BankTransaction(tx.transactionKey(), tx.sourceFormat(), tx.messageId(), tx.accountId(),
                tx.amount(), tx.currency(), bookingDate, tx.valueDate(), tx.bookedAt(), tx.status(), tx.reversal(),
                tx.accountServicerReference(), tx.endToEndId(), tx.counterpartyName(), tx.counterpartyAccount(),
                tx.remittanceUnstructured(), tx.creditorReference(), tx.referredDocuments(), tx.bankTransactionCode());
    }

    private static void validateAgainstIsoSchema(String xml) throws Exception {
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(
                Samples.path("iso20022-xsd/Subite-eu__camt-to-coda/camt.054.001.08.xsd").toFile()).newValidator();
        validator.validate(new StreamSource(new StringReader(xml)));
    }
}
