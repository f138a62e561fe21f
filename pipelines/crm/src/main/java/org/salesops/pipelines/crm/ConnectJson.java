package org.salesops.pipelines.crm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.salesops.pipelines.common.RejectedInput;

/**
 * One Kafka record part (key or value) as Kafka Connect's JsonConverter writes it: either
 * {@code {"schema": ..., "payload": ...}} ({@code schemas.enable=true}) or the payload alone.
 *
 * @param schema  the Connect schema of the payload, or null when the record carries none
 * @param payload the data itself
 */
public record ConnectJson(JsonNode schema, JsonNode payload) {

    /** Floats are read as BigDecimal so that decimals sent as JSON numbers keep every digit. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads one value inside a document: what follows it is the rest of the document, not trailing garbage. */
    private static final ObjectReader VALUE = MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final SchemaTrees SCHEMAS = new SchemaTrees(MAPPER, 1_000);

    /** How JsonConverter begins a wrapped record, and what comes between its schema and its payload. */
    private static final byte[] SCHEMA_FIRST = "{\"schema\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] THEN_PAYLOAD = ",\"payload\":".getBytes(StandardCharsets.UTF_8);

    /**
     * Reads the bytes and unwraps the {schema, payload} wrapper when present.
     *
     * @param what what the bytes are ("value", "key"), for the reason when they are not JSON
     */
    public static ConnectJson read(byte[] bytes, String what) throws RejectedInput {
        ConnectJson wrapped = knownSchemaFirst(bytes);
        if (wrapped != null) {
            return wrapped;
        }
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RejectedInput("malformed JSON in the " + what + ": it is empty");
            }
            ConnectJson json = first == JsonToken.START_OBJECT ? readObject(parser, bytes)
                    : new ConnectJson(null, value(parser));
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new RejectedInput("malformed JSON in the " + what + ": " + trailing.asString()
                        + " after the end of the JSON value");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new RejectedInput("malformed JSON in the " + what + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RejectedInput("unreadable " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The wrapper exactly as JsonConverter writes it, {@code {"schema":S,"payload":P}} with a schema S already known,
     * read without going through S: only P is parsed. Null when the record is anything else, or P is not one JSON
     * value; {@link #read} then reads the record token by token, and says what is wrong with it. Going through the
     * schema, most of each record's bytes, token by token was a fifth of the CRM task's time in a replay.
     */
    private static ConnectJson knownSchemaFirst(byte[] bytes) {
        if (!Arrays.equals(SCHEMA_FIRST, 0, SCHEMA_FIRST.length, bytes, 0, Math.min(bytes.length, SCHEMA_FIRST.length))) {
            return null;
        }
        SchemaTrees.Found schema = SCHEMAS.startingAt(bytes, SCHEMA_FIRST.length);
        if (schema == null) {
            return null;
        }
        int between = SCHEMA_FIRST.length + schema.length();
        int payload = between + THEN_PAYLOAD.length;
        int end = bytes.length - 1;
        if (end <= payload || bytes[end] != '}'
                || !Arrays.equals(THEN_PAYLOAD, 0, THEN_PAYLOAD.length, bytes, between, payload)) {
            return null;
        }
        try (JsonParser parser = MAPPER.createParser(bytes, payload, end - payload)) {
            if (parser.nextToken() == null) {
                return null;
            }
            JsonNode value = value(parser);
            return parser.nextToken() == null ? new ConnectJson(schema.tree(), value) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The object the parser is at: the wrapper's two parts, or the whole object as the payload. */
    private static ConnectJson readObject(JsonParser parser, byte[] bytes) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            root.set(name, "schema".equals(name) && value == JsonToken.START_OBJECT ? schema(parser, bytes)
                    : value(parser));
        }
        // A bare Debezium envelope never has a top-level "payload", so both fields mean the wrapper.
        if (root.has("schema") && root.has("payload")) {
            JsonNode schema = root.get("schema");
            return new ConnectJson(schema.isObject() ? schema : null, root.get("payload"));
        }
        return new ConnectJson(null, root);
    }

    /** The value the parser is at, as a tree (JSON null as a NullNode). */
    private static JsonNode value(JsonParser parser) throws IOException {
        JsonNode value = VALUE.readValue(parser);
        return value == null ? MAPPER.nullNode() : value;
    }

    /** The schema object the parser is at, read once per distinct text. */
    private static JsonNode schema(JsonParser parser, byte[] bytes) throws IOException {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int length = (int) parser.currentLocation().getByteOffset() - start;
        return SCHEMAS.tree(bytes, start, length);
    }

    /** The schema's logical name ("...Envelope", "...Heartbeat"), or null. */
    public String schemaName() {
        return schema == null ? null : schema.path("name").textValue();
    }
}
