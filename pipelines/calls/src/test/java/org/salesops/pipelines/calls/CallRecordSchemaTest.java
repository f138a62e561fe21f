package org.salesops.pipelines.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.common.RejectedInput;

/** The published contract {@code schemas/input/call-record.schema.json} describes what the parsers produce. */
class CallRecordSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JsonNode schema = load();

    @Test
    void describesEveryComponentOfTheRecordAndNothingElse() {
        List<String> components = Arrays.stream(CallRecord.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(names(schema.get("properties"))).containsExactlyElementsOf(components);
        assertThat(texts(schema.get("required"))).containsExactlyElementsOf(components);
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        schema.get("properties").fields().forEachRemaining(p ->
                assertThat(p.getValue().path("description").asText()).as(p.getKey()).hasSizeGreaterThan(30));
    }

    @Test
    void nullableExactlyWhereTheParsersLeaveNulls() {
        List<String> nullable = new ArrayList<>();
        schema.get("properties").fields().forEachRemaining(p -> {
            if (p.getValue().get("type").isArray()) {
                nullable.add(p.getKey());
            }
        });

        assertThat(nullable).containsExactly("answeredAt", "repExtension", "repNumber", "remoteNumberRaw", "remoteNumber");
    }

    @Test
    void enumeratesTheVocabulariesOfTheCode() {
        JsonNode properties = schema.get("properties");

        assertThat(texts(properties.get("direction").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(Direction.values()).map(Direction::label).toList());
        assertThat(texts(properties.get("disposition").get("enum")))
                .containsExactlyElementsOf(Arrays.stream(Disposition.values()).map(Disposition::label).toList());
        assertThat(texts(properties.get("source").get("enum"))).containsExactly(
                AsteriskCdrParser.SOURCE, TwilioCallParser.SOURCE, FreeSwitchCdrParser.SOURCE);
    }

    @Test
    void recordsParsedFromTheSamplesMatchTheSchema() throws RejectedInput {
        CallRecordParser parser = new CallRecordParser();
        List<CallRecord> calls = new ArrayList<>(parser.parse(SampleFiles.read(SampleFiles.path(
                "twilio-call/twilio__twilio-oai/openapi-examples/ListCall.readFullPage1.http200.json"))));
        calls.addAll(parser.parse(SampleFiles.lines(SampleFiles.path(
                "asterisk-cdr/fafeitsch__cdrcsv-report-generator/smallcdr.csv")).get(1)));
        calls.addAll(parser.parse(SampleFiles.lines(SampleFiles.path(
                "freeswitch-cdr/signalwire__freeswitch-docs/docs-extracted/Master.csv")).get(0)));

        for (CallRecord call : calls) {
            JsonNode json = JSON.valueToTree(call);
            assertThat(names(json)).containsExactlyElementsOf(names(schema.get("properties")));
            json.fields().forEachRemaining(field -> assertMatches(field.getKey(), field.getValue()));
        }
    }

    /** The parts of JSON Schema this contract uses: type, enum, pattern, minimum, date-time. */
    private void assertMatches(String name, JsonNode value) {
        JsonNode rule = schema.get("properties").get(name);
        List<String> types = rule.get("type").isArray() ? texts(rule.get("type")) : List.of(rule.get("type").asText());
        String type = Map.of("STRING", "string", "NUMBER", "integer", "BOOLEAN", "boolean", "NULL", "null")
                .get(value.getNodeType().name());
        assertThat(types).as(name).contains(type);
        if (value.isNull()) {
            return;
        }
        if (rule.has("enum")) {
            assertThat(texts(rule.get("enum"))).as(name).contains(value.asText());
        }
        if (rule.has("pattern")) {
            assertThat(value.asText()).as(name).matches(rule.get("pattern").asText());
        }
        if (rule.has("minimum")) {
            assertThat(value.asInt()).as(name).isGreaterThanOrEqualTo(rule.get("minimum").asInt());
        }
        if ("date-time".equals(rule.path("format").asText())) {
            assertThat(Instant.parse(value.asText())).as(name).isNotNull();
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode load() {
        try (InputStream in = CallRecordSchemaTest.class.getResourceAsStream("/schemas/input/call-record.schema.json")) {
            assertThat(in).as("call-record.schema.json on the classpath (module schemas)").isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
