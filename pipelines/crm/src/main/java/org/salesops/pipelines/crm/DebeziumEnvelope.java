package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.salesops.pipelines.common.RejectedInput;

/**
 * One Debezium change-event value, read generically: it knows the envelope, not any table. Works
 * for any connector (PostgreSQL, MySQL) and with or without the {schema, payload} wrapper.
 *
 * <p>Values that are not row-level events are rejected here with a reason saying what they are:
 * transaction metadata (BEGIN/END), schema-change (DDL) events, heartbeats, and JSON without an
 * {@code op}. Truncate ({@code t}) and logical-decoding message ({@code m}) events do carry an op
 * and are parsed; deciding what to do with them is the caller's business.
 *
 * @param op        the operation code as sent: c, u, d, r, t, m, ...
 * @param before    the row before the change, or null
 * @param after     the row after the change, or null
 * @param source    where and when the change happened
 * @param tsMs      when the connector processed the event (epoch millis), or null
 * @param rowFields the wrapper's schema of the row (before/after) by column; empty without wrapper
 */
public record DebeziumEnvelope(String op, ObjectNode before, ObjectNode after, DebeziumSource source, Long tsMs,
                               Map<String, ConnectField> rowFields) {

    private static final int QUOTE_LIMIT = 80;

    public static DebeziumEnvelope parse(String value) throws RejectedInput {
        return parse(value.getBytes(StandardCharsets.UTF_8));
    }

    public static DebeziumEnvelope parse(byte[] value) throws RejectedInput {
        ConnectJson json = ConnectJson.read(value, "value");
        JsonNode payload = json.payload();
        if (!payload.isObject()) {
            throw new RejectedInput("not a Debezium change event: the payload is " + JsonText.describe(payload));
        }
        JsonNode op = payload.get("op");
        if (op == null) {
            throw new RejectedInput(whyNoRowChange(json));
        }
        if (!op.isTextual()) {
            throw new RejectedInput("not a Debezium change event: op is " + JsonText.describe(op));
        }
        JsonNode source = payload.get("source");
        if (source == null || !source.isObject()) {
            throw new RejectedInput("not a Debezium change event: op '" + op.textValue() + "' without a source block");
        }
        JsonNode rowSchema = ConnectField.structField(json.schema(), "after");
        if (rowSchema == null) {
            rowSchema = ConnectField.structField(json.schema(), "before");
        }
        return new DebeziumEnvelope(op.textValue(), row(payload, "before"), row(payload, "after"),
                source(source), longOrNull(payload.get("ts_ms"), "ts_ms"),
                Collections.unmodifiableMap(ConnectField.fieldsOf(rowSchema)));
    }

    private static String whyNoRowChange(ConnectJson json) {
        JsonNode payload = json.payload();
        String status = payload.path("status").textValue();
        if (("BEGIN".equals(status) || "END".equals(status)) && payload.has("id")) {
            return "transaction metadata event (" + status + " of transaction " + payload.get("id").asText()
                    + "): not a row change";
        }
        if (payload.has("ddl") || payload.has("historyRecord") || payload.has("tableChanges")) {
            return "schema change event (" + JsonText.quote(ddlOf(payload), QUOTE_LIMIT) + "): not a row change";
        }
        String schemaName = json.schemaName();
        if ((schemaName != null && schemaName.endsWith(".Heartbeat"))
                || (payload.size() == 1 && payload.has("ts_ms"))) {
            return "heartbeat event: not a row change";
        }
        List<String> names = new ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        return "not a Debezium change event: no op field (fields: " + String.join(", ", names) + ")";
    }

    /** The DDL statement of a schema change event; MySQL's older events keep it inside historyRecord. */
    private static String ddlOf(JsonNode payload) {
        if (payload.hasNonNull("ddl")) {
            return payload.get("ddl").asText();
        }
        JsonNode history = payload.get("historyRecord");
        if (history != null && history.isTextual()) {
            try {
                return ConnectJson.MAPPER.readTree(history.textValue()).path("ddl").asText("no DDL text");
            } catch (IOException e) {
                return "unreadable historyRecord";
            }
        }
        return "no DDL text";
    }

    private static DebeziumSource source(JsonNode source) throws RejectedInput {
        return new DebeziumSource(
                source.path("connector").textValue(),
                source.path("name").textValue(),
                source.path("db").textValue(),
                source.path("schema").textValue(),
                source.path("table").textValue(),
                longOrNull(source.get("ts_ms"), "source.ts_ms"),
                longOrNull(source.get("lsn"), "source.lsn"),
                longOrNull(source.get("txId"), "source.txId"));
    }

    private static ObjectNode row(JsonNode payload, String side) throws RejectedInput {
        JsonNode row = payload.get(side);
        if (row == null || row.isNull()) {
            return null;
        }
        if (!row.isObject()) {
            throw new RejectedInput("not a Debezium change event: " + side + " is " + JsonText.describe(row));
        }
        return (ObjectNode) row;
    }

    /** An integer field; a string of digits is accepted too, as Debezium's documentation examples use them. */
    private static Long longOrNull(JsonNode node, String field) throws RejectedInput {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual() && node.textValue().matches("-?\\d{1,18}")) {
            return Long.parseLong(node.textValue());
        }
        throw new RejectedInput("not a Debezium change event: " + field + " is " + JsonText.describe(node));
    }
}
