package org.salesops.pipelines.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Hostile XML through the statement drop folder (camt.053 files, {@link StatementFileParser}), beyond the
 * camt.054 cases of {@link CamtRejectionTest}: external entities in UTF-16, XInclude, entity expansion,
 * an attribute flood and elements nested beyond any statement's depth. Each is refused with a reason
 * and never reads a file, opens a connection or exhausts the parser's memory or stack.
 */
class XmlAttacksTest {

    private static final String STATEMENT = "camt053/viafintech__camt_parser/valid_example.xml";
    private static final String SECRET = "TOP-SECRET-4711";

    private final StatementFileParser parser = new StatementFileParser();

    @TempDir
    Path dir;

    private Throwable outcome(byte[] file) {
        return catchThrowable(() -> parser.parse(file, "statement.xml"));
    }

    private RejectedInput rejection(byte[] file) {
        Throwable thrown = outcome(file);
        assertThat(thrown).isExactlyInstanceOf(RejectedInput.class);
        return (RejectedInput) thrown;
    }

    /** The real statement with a DOCTYPE after its XML declaration and its first MsgId replaced. */
    private static String statementWith(String doctype, String msgId) {
        String text = new String(Samples.read(STATEMENT), StandardCharsets.UTF_8);
        text = text.replaceFirst("<MsgId>[^<]*</MsgId>", "<MsgId>" + msgId + "</MsgId>");
        int afterDeclaration = text.indexOf("?>") + 2;
        return text.substring(0, afterDeclaration) + "\n" + doctype + text.substring(afterDeclaration);
    }

    private Path secretFile() throws IOException {
        return Files.writeString(dir.resolve("secret.txt"), SECRET);
    }

    @Test
    void theUntouchedStatementIsRead() throws RejectedInput {
        assertThat(parser.parse(Samples.read(STATEMENT), "statement.xml")).isNotEmpty();
    }

    @Test
    void anExternalEntityInAStatementFileIsRefusedWithoutReadingTheFile() throws IOException {
        String xxe = statementWith("<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secretFile().toUri() + "\">]>", "&xxe;");

        assertThat(rejection(xxe.getBytes(StandardCharsets.UTF_8)).getMessage())
                .contains("statement.xml", "DOCTYPE").doesNotContain(SECRET);
    }

    @Test
    void anExternalEntityInUtf16WithOrWithoutByteOrderMarkIsRefusedAlike() throws IOException {
        String xxe = statementWith("<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secretFile().toUri() + "\">]>", "&xxe;")
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");

        // the XML parser itself reads UTF-16 (camt.054 arrives through it directly) and refuses the DOCTYPE
        for (byte[] document : List.of(xxe.getBytes(StandardCharsets.UTF_16), xxe.getBytes(StandardCharsets.UTF_16LE),
                xxe.getBytes(StandardCharsets.UTF_16BE))) {
            Throwable thrown = catchThrowable(() -> new CamtParser().parse(document, "statement.xml"));
            assertThat(thrown).isExactlyInstanceOf(RejectedInput.class).message().contains("DOCTYPE").doesNotContain(SECRET);
        }
        // the drop folder does not take UTF-16 for XML at all: refused as an unknown format, never parsed
        for (byte[] file : List.of(xxe.getBytes(StandardCharsets.UTF_16), xxe.getBytes(StandardCharsets.UTF_16LE),
                xxe.getBytes(StandardCharsets.UTF_16BE))) {
            assertThat(rejection(file).getMessage()).doesNotContain(SECRET);
        }
    }

    @Test
    void aParserReusingItsXmlBuilderStaysLockedDownAndReadsTheNextDocumentAlike() throws IOException, RejectedInput {
        // one parser on one thread reuses its builder: a document that parsed must not loosen what the next attack meets,
        // and an attack must not spoil the next honest document
        byte[] honest = Samples.read(STATEMENT);
        byte[] xxe = statementWith("<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secretFile().toUri() + "\">]>", "&xxe;")
                .getBytes(StandardCharsets.UTF_8);
        int depth = SecureXml.MAX_DEPTH + 10;
        byte[] deep = new String(honest, StandardCharsets.UTF_8).replaceFirst("<MsgId>[^<]*</MsgId>",
                "<MsgId>" + "<x>".repeat(depth) + "1" + "</x>".repeat(depth) + "</MsgId>").getBytes(StandardCharsets.UTF_8);
        List<BankTransaction> expected = new StatementFileParser().parse(honest, "statement.xml");

        for (int round = 0; round < 3; round++) {
            assertThat(parser.parse(honest, "statement.xml")).isEqualTo(expected);
            assertThat(rejection(xxe).getMessage()).contains("DOCTYPE").doesNotContain(SECRET);
            assertThat(parser.parse(honest, "statement.xml")).isEqualTo(expected);
            assertThat(rejection(deep).getMessage()).containsIgnoringCase("depth");
        }
    }

    @Test
    void anXIncludeIsNeverFollowed() throws IOException, RejectedInput {
        String text = new String(Samples.read(STATEMENT), StandardCharsets.UTF_8).replaceFirst("<BkToCstmrStmt>",
                "<BkToCstmrStmt><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secretFile().toUri()
                        + "\" parse=\"text\"/>");

        Throwable thrown = outcome(text.getBytes(StandardCharsets.UTF_8));
        // an unknown element the statement reader skips: either way the file's content is nowhere
        if (thrown == null) {
            assertThat(parserResult(text).toString()).doesNotContain(SECRET);
        } else {
            assertThat(thrown).isExactlyInstanceOf(RejectedInput.class).message().doesNotContain(SECRET);
        }
    }

    private List<BankTransaction> parserResult(String text) throws RejectedInput {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), "statement.xml");
    }

    @Test
    void billionLaughsInAStatementFileIsRefusedBeforeAnyExpansion() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE Document [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String laughs = statementWith(doctype.append("]>").toString(), "&lol9;");

        assertThat(rejection(laughs.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("DOCTYPE");
    }

    @Test
    void noDtdOrEntityOfAStatementFileIsFetchedFromTheNetwork() throws IOException {
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
            for (String doctype : List.of("<!DOCTYPE Document SYSTEM \"" + base + "/camt.dtd\">",
                    "<!DOCTYPE Document [<!ENTITY % remote SYSTEM \"" + base + "/p.dtd\"> %remote;]>",
                    "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + base + "/x.xml\">]>")) {
                assertThat(rejection(statementWith(doctype, "&xxe;").getBytes(StandardCharsets.UTF_8)))
                        .hasMessageContaining("DOCTYPE");
            }
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anElementWithTensOfThousandsOfAttributesIsRefusedWithAReason() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            attributes.append(" a").append(i).append("=\"x\"");
        }
        String flood = new String(Samples.read(STATEMENT), StandardCharsets.UTF_8)
                .replaceFirst("<BkToCstmrStmt>", "<BkToCstmrStmt" + attributes + ">");

        assertThat(rejection(flood.getBytes(StandardCharsets.UTF_8)).getMessage()).contains("statement.xml").containsIgnoringCase("attribute");
    }

    @Test
    void elementsNestedHundredsOfThousandsDeepAreRefusedWithAReasonNotAStackOverflow() {
        int depth = 200_000;
        String deep = new String(Samples.read(STATEMENT), StandardCharsets.UTF_8).replaceFirst("<MsgId>[^<]*</MsgId>",
                "<MsgId>" + "<x>".repeat(depth) + "1" + "</x>".repeat(depth) + "</MsgId>");

        assertThat(rejection(deep.getBytes(StandardCharsets.UTF_8)).getMessage()).contains("statement.xml").containsIgnoringCase("depth");
    }
}
