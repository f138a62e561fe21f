package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One field of a Kafka Connect JSON schema, as the {schema, payload} wrapper describes it. The
 * logical name tells how a value is encoded: a Decimal is base64 unscaled bytes with its scale in
 * the parameters, an io.debezium.time.Date is days since 1970-01-01, and so on.
 *
 * @param name        the field name
 * @param type        the Connect type: int32, int64, string, bytes, boolean, struct, ...
 * @param logicalName the schema name, e.g. {@link #DECIMAL}, or null for a plain type
 * @param parameters  the schema parameters (all values as text), empty when none
 * @param optional    whether the field may be null
 */
public record ConnectField(String name, String type, String logicalName, Map<String, String> parameters,
                           boolean optional) {

    public static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";
    public static final String DATE = "io.debezium.time.Date";
    public static final String TIMESTAMP = "io.debezium.time.Timestamp";
    public static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    public static final String NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";
    public static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";

    /** The scale of a Decimal field, or null when the schema does not give one. */
    public Integer scale() {
        String scale = parameters.get("scale");
        return scale == null ? null : Integer.valueOf(scale);
    }

    /** Whether the value is a Decimal sent as base64 unscaled bytes (decimal.handling.mode=precise). */
    public boolean isDecimalBytes() {
        return DECIMAL.equals(logicalName) && "bytes".equals(type);
    }

    /**
     * The fields of a struct schema by name, in schema order; empty when the schema is null or has
     * none (e.g. the "{}" placeholders in Debezium's documentation).
     */
    public static Map<String, ConnectField> fieldsOf(JsonNode structSchema) {
        Map<String, ConnectField> fields = new LinkedHashMap<>();
        if (structSchema == null) {
            return fields;
        }
        for (JsonNode field : structSchema.path("fields")) {
            String name = field.path("field").textValue();
            if (name == null) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : field.path("parameters").properties()) {
                parameters.put(p.getKey(), p.getValue().asText());
            }
            fields.put(name, new ConnectField(name, field.path("type").asText(null), field.path("name").textValue(),
                    Collections.unmodifiableMap(parameters), field.path("optional").asBoolean(true)));
        }
        return fields;
    }

    /** The schema of the struct-typed field with the given name (e.g. "after"), or null. */
    static JsonNode structField(JsonNode structSchema, String fieldName) {
        if (structSchema == null) {
            return null;
        }
        for (JsonNode field : structSchema.path("fields")) {
            if (fieldName.equals(field.path("field").textValue()) && "struct".equals(field.path("type").textValue())) {
                return field;
            }
        }
        return null;
    }
}
