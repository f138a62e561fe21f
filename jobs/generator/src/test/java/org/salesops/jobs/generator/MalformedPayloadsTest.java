package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.bank.CamtParser;
import org.salesops.pipelines.calls.CallRecordParser;
import org.salesops.pipelines.common.RejectedInput;
import org.salesops.pipelines.crm.CrmChangeParser;
import org.w3c.dom.Document;

/** The broken inputs look like the real ones (the samples) except for the one thing that is wrong. */
class MalformedPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<MalformedPayload> payloads = Companies.small().malformedPayloads();

    @Test
    void aHandfulPerTopicOfEveryKind() {
        assertThat(payloads).extracting(MalformedPayload::topic).contains(
                "crm.public.leads", "crm.public.activities", "crm.public.sales_targets", "pbx.cdr", "bank.camt054");
        assertThat(payloads).extracting(MalformedPayload::expected).containsAll(List.of(RejectionKind.values()));
        assertThat(payloads).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(payloads).allSatisfy(p -> assertThat(p.at()).isBetween(
                Companies.small().groundTruth().snapshotAt(), Companies.small().groundTruth().end()));
    }

    @Test
    void crmEventsThatParseAsJsonHaveTheEnvelopeOfARealPostgresEvent() throws IOException {
        String sampleLine = Files.readAllLines(Samples.file("debezium/apache__flink/debezium-postgres-data-schema-exclude.txt")).get(0);
        JsonNode sample = JSON.readTree(sampleLine);
        int compared = 0;
        for (MalformedPayload payload : payloads) {
            if (!payload.topic().startsWith("crm.") || payload.expected() == RejectionKind.BROKEN_JSON) {
                continue;
            }
            JsonNode event = JSON.readTree(payload.value());
            assertThat(names(event)).isEqualTo(names(sample));
            assertThat(names(event.get("source"))).isEqualTo(names(sample.get("source")));
            assertThat(event.get("source").get("connector").asText()).isEqualTo("postgresql");
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(4);
    }

    @Test
    void cdrLinesAreRejectedWhereRealAsteriskLinesAreRead() throws IOException {
        CallRecordParser parser = new CallRecordParser();
        for (String real : Files.readAllLines(Samples.file("asterisk-cdr/fafeitsch__cdrcsv-report-generator/smallcdr.csv"))) {
            assertThatCode(() -> parser.parse(real)).doesNotThrowAnyException();
        }
        for (MalformedPayload payload : onTopic("pbx.cdr")) {
            assertThatThrownBy(() -> parser.parse(payload.value())).as(payload.value()).isInstanceOf(RejectedInput.class);
        }
    }

    @Test
    void camtDocumentsAreBrokenXmlOrCarryABadAmountInARealCamt054Shape() throws Exception {
        Document sample = xml(Files.readAllBytes(Samples.file("camt054/genkgo__camt/camt054.v8.xml")));
        for (MalformedPayload payload : onTopic("bank.camt054")) {
            byte[] bytes = payload.value().getBytes(StandardCharsets.UTF_8);
            if (payload.expected() == RejectionKind.BROKEN_XML) {
                assertThatThrownBy(() -> xml(bytes)).isInstanceOf(org.xml.sax.SAXException.class);
            } else {
                Document document = xml(bytes);
                assertThat(document.getDocumentElement().getNamespaceURI())
                        .isEqualTo(sample.getDocumentElement().getNamespaceURI());
                assertThat(document.getDocumentElement().getFirstChild().getLocalName())
                        .isEqualTo("BkToCstmrDbtCdtNtfctn");
            }
            assertThatThrownBy(() -> new CamtParser().parse(bytes, payload.topic())).isInstanceOf(RejectedInput.class);
        }
    }

    @Test
    void theCrmParserRejectsEveryCrmPayload() {
        CrmChangeParser parser = new CrmChangeParser();
        for (MalformedPayload payload : payloads) {
            if (payload.topic().startsWith("crm.")) {
                assertThatThrownBy(() -> parser.parse(payload.topic(), payload.key().getBytes(StandardCharsets.UTF_8),
                        payload.value().getBytes(StandardCharsets.UTF_8)))
                        .as(payload.expected() + " " + payload.value()).isInstanceOf(RejectedInput.class);
            }
        }
    }

    private List<MalformedPayload> onTopic(String topic) {
        List<MalformedPayload> matching = new ArrayList<>(payloads.stream().filter(p -> p.topic().equals(topic)).toList());
        assertThat(matching).hasSizeGreaterThanOrEqualTo(3);
        return matching;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(bytes));
    }
}
