package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.pipelines.common.RejectedInput;

/** What makes a document a dead letter, and that each reason says what and where. */
class CamtRejectionTest {

    /** Three entries: booked reversed credit, pending credit, booked debit. */
    private static final String MIXED = "camt054/dvbern__iso20022/camt_054_Beispiel_NoCrdtBookedNotReversed.xml";
    private static final String QR_BATCH = "camt054/dvbern__iso20022/"
            + "200519_camt.054_P_CH2909000000250094239_1111091335_0_2020061900081727_v2019.xml";

    private final CamtParser parser = new CamtParser();

    private RejectedInput rejection(byte[] document) {
        Throwable thrown = catchThrowable(() -> parser.parse(document, "test"));
        assertThat(thrown).isExactlyInstanceOf(RejectedInput.class);
        return (RejectedInput) thrown;
    }

    private RejectedInput rejection(String xml) {
        return rejection(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void entryWithoutAmount() {
        assertThat(rejection(Samples.edited(MIXED, "<Amt Ccy=\"CHF\">3.00</Amt>", "")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[3]: no Amt");
    }

    @Test
    void entryWithoutDirection() {
        assertThat(rejection(Samples.edited(MIXED, "<CdtDbtInd>DBIT</CdtDbtInd>", "")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[3]: no CdtDbtInd");
    }

    @Test
    void unknownDirection() {
        assertThat(rejection(Samples.edited(MIXED, "<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>D</CdtDbtInd>")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[3]: CdtDbtInd 'D' is neither CRDT nor DBIT");
    }

    @Test
    void amountWithDecimalComma() {
        assertThat(rejection(Samples.edited(MIXED, "<Amt Ccy=\"CHF\">2.00</Amt>", "<Amt Ccy=\"CHF\">2,00</Amt>")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[2]: Amt '2,00' is not a decimal amount");
    }

    @Test
    void negativeAmount() {
        assertThat(rejection(Samples.edited(MIXED, "<Amt Ccy=\"CHF\">2.00</Amt>", "<Amt Ccy=\"CHF\">-2.00</Amt>")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[2]: Amt '-2.00' is negative; the direction belongs in CdtDbtInd");
    }

    @Test
    void amountInACurrencyOutsideIso4217() {
        assertThat(rejection(Samples.edited(MIXED, "<Amt Ccy=\"CHF\">2.00</Amt>", "<Amt Ccy=\"XYZ\">2.00</Amt>")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[2]: Amt currency 'XYZ' is not an ISO 4217 currency code");
        assertThat(rejection(Samples.edited(MIXED, "<Amt Ccy=\"CHF\">2.00</Amt>", "<Amt Ccy=\"XXX\">2.00</Amt>")))
                .hasMessageEndingWith("currency 'XXX' is not an ISO 4217 currency code");
    }

    @Test
    void amountBeyondTheStoredPrecision() {
        assertThat(rejection(Samples.edited(MIXED, "<Amt Ccy=\"CHF\">2.00</Amt>", "<Amt Ccy=\"CHF\">2.000001</Amt>")))
                .hasMessageContaining("Ntry[2]: Amt '2.000001' has more than 13 integer or 5 fraction digits");
    }

    @Test
    void amountWithoutCurrency() {
        assertThat(rejection(Samples.edited(MIXED, "<Amt Ccy=\"CHF\">2.00</Amt>", "<Amt>2.00</Amt>")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[2]: Amt has no valid Ccy attribute (got '')");
    }

    @Test
    void impossibleBookingDate() {
        assertThat(rejection(Samples.edited(MIXED, "<Dt>2017-07-26</Dt>", "<Dt>2017-02-30</Dt>")))
                .hasMessageStartingWith("test: camt.054 Ntfctn[1]/Ntry[1]: BookgDt/Dt '2017-02-30' is not an ISO date");
    }

    @Test
    void unparseableCreationTime() {
        assertThat(rejection(Samples.edited(MIXED, "<CreDtTm>2017-07-26T14:00:30Z</CreDtTm>", "<CreDtTm>yesterday</CreDtTm>")))
                .hasMessageStartingWith("test: camt.054: GrpHdr/CreDtTm 'yesterday' is not an ISO date-time");
    }

    @Test
    void unknownStatus() {
        assertThat(rejection(Samples.edited(MIXED, "<Sts>PDNG</Sts>", "<Sts>FUTR</Sts>")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[2]: Sts 'FUTR' is not BOOK, PDNG or INFO");
    }

    @Test
    void notificationEntryWithoutStatus() {
        assertThat(rejection(Samples.edited(MIXED, "<Sts>PDNG</Sts>", "")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[2]: no Sts");
    }

    @Test
    void batchWhoseTransactionsDoNotAddUpToTheEntry() {
        assertThat(rejection(Samples.edited(QR_BATCH, "<Amt Ccy=\"CHF\">778.29</Amt>", "<Amt Ccy=\"CHF\">778.30</Amt>")))
                .hasMessage("test: camt.054 Ntfctn[1]/Ntry[1]: its 2 TxDtls add up to 1692.23 CHF"
                        + " but the entry amount is 1692.22 CHF");
    }

    @Test
    void notificationWithoutAccount() {
        assertThat(rejection(Samples.edited(MIXED, "<IBAN>CH160077401231234567</IBAN>", "")))
                .hasMessage("test: camt.054 Ntfctn[1]: no Acct/Id/IBAN or Acct/Id/Othr/Id");
    }

    @Test
    void namespaceOfAnotherMessage() {
        String german = "camt053/viafintech__camt_parser/valid_example.xml";
        assertThat(rejection(Samples.edited(german, "xsd:camt.053.001.02\"", "xsd:camt.054.001.02\"")))
                .hasMessage("test: namespace urn:iso:std:iso:20022:tech:xsd:camt.054.001.02 is camt.054"
                        + " but the body <BkToCstmrStmt> is camt.053");
    }

    @Test
    void truncatedDocument() {
        byte[] whole = Samples.read(QR_BATCH);
        assertThat(rejection(Arrays.copyOf(whole, whole.length / 2)))
                .hasMessageStartingWith("test: not well-formed or forbidden XML at line ");
    }

    @Test
    void emptyAndNonXmlPayloads() {
        assertThat(rejection(new byte[0])).hasMessage("test: empty document");
        assertThat(rejection("{\"amount\": 1}")).hasMessageStartingWith("test: not well-formed or forbidden XML at line 1");
    }

    @Test
    void otherIsoMessage() {
        assertThat(rejection("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\">"
                + "<CstmrCdtTrfInitn/></Document>"))
                .hasMessage("test: the Document holds <CstmrCdtTrfInitn>, not a camt.052, camt.053 or camt.054 message");
    }

    @Test
    void notAnIsoDocumentAtAll() {
        assertThat(rejection("<html><body>statement</body></html>"))
                .hasMessage("test: root element <html> is not an ISO 20022 Document and holds none");
    }

    @Test
    void externalEntityIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
        String xxe = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn>"
                + "<GrpHdr><MsgId>&xxe;</MsgId><CreDtTm>2024-01-01T00:00:00Z</CreDtTm></GrpHdr>"
                + "</BkToCstmrDbtCdtNtfctn></Document>";

        assertThat(rejection(xxe).getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
    }

    @Test
    void externalDtdAndEntitiesAreNeverFetched() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String dtd = "<!DOCTYPE Document SYSTEM \"" + base + "/evil.dtd\"><Document/>";
            String parameterEntity = "<!DOCTYPE Document [<!ENTITY % remote SYSTEM \"" + base + "/p.dtd\"> %remote;]>"
                    + "<Document/>";

            assertThat(rejection(dtd)).hasMessageContaining("DOCTYPE");
            assertThat(rejection(parameterEntity)).hasMessageContaining("DOCTYPE");
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void billionLaughsIsRefusedAtOnce() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Document [\n"
                + "<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            xml.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">\n");
        }
        xml.append("]>\n<Document><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>&lol9;</MsgId></GrpHdr>"
                + "</BkToCstmrDbtCdtNtfctn></Document>");

        RejectedInput rejected = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rejection(xml.toString()));
        assertThat(rejected).hasMessageContaining("DOCTYPE");
    }
}
