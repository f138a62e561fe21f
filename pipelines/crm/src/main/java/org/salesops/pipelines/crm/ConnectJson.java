package org.salesops.pipelines.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

    /**
     * Reads the bytes and unwraps the {schema, payload} wrapper when present.
     *
     * @param what what the bytes are ("value", "key"), for the reason when they are not JSON
     */
    public static ConnectJson read(byte[] bytes, String what) throws RejectedInput {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new RejectedInput("malformed JSON in the " + what + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RejectedInput("unreadable " + what + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new RejectedInput("malformed JSON in the " + what + ": it is empty");
        }
        // A bare Debezium envelope never has a top-level "payload", so both fields mean the wrapper.
        if (root.isObject() && root.has("schema") && root.has("payload")) {
            JsonNode schema = root.get("schema");
            return new ConnectJson(schema.isObject() ? schema : null, root.get("payload"));
        }
        return new ConnectJson(null, root);
    }

    /** The schema's logical name ("...Envelope", "...Heartbeat"), or null. */
    public String schemaName() {
        return schema == null ? null : schema.path("name").textValue();
    }
}
