package org.salesops.pipelines.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a {@link CrmChange} as the CRM's Debezium PostgreSQL connector with JSON converters
 * would: the key holds the primary key; the value is the change-event envelope, optionally inside
 * the {schema, payload} wrapper (schemas.enable=true), with numerics as strings
 * (decimal.handling.mode=string) or base64 unscaled bytes (precise); a tombstone's value is null.
 * For the data generator, so that tests and the embedded stack run on what production sees.
 *
 * <p>The change's committedAt becomes source.ts_ms (millisecond precision) and also the event's
 * ts_ms, since the generator has no separate connector clock. Columns the change leaves out are
 * written as null.
 */
public final class CrmChangeWriter {

    /** The Debezium release whose output this mirrors. */
    static final String DEBEZIUM_VERSION = "2.7.3.Final";
    /** The CRM's database name as source.db; crm-source.sql does not name it. */
    static final String DATABASE = "crm";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final CrmSchema schema;

    public CrmChangeWriter() {
        this(CrmSchema.load());
    }

    public CrmChangeWriter(CrmSchema schema) {
        this.schema = schema;
    }

    /** The key without the schema wrapper: {@code {"id": 42}}. */
    public byte[] key(CrmChange change) {
        return key(change, false);
    }

    public byte[] key(CrmChange change, boolean withSchemaWrapper) {
        CrmSchema.Table table = table(change);
        CrmSchema.Column id = table.column(table.primaryKey());
        ObjectNode payload = JSON.objectNode();
        payload.set(id.name(), CrmJsonValues.write(table, id, change.row().get(id.name()), false));
        if (!withSchemaWrapper) {
            return bytes(payload);
        }
        return bytes(wrapped(CrmConnectSchemas.key(table), payload));
    }

    /** The value, or null for a tombstone. */
    public byte[] value(CrmChange change, boolean withSchemaWrapper, boolean decimalsAsBase64) {
        if (CrmChangeParser.TOMBSTONE.equals(change.op())) {
            return null;
        }
        CrmSchema.Table table = table(change);
        if (change.committedAt() == null) {
            throw new IllegalArgumentException(table.name() + ": a change event needs committedAt (source.ts_ms)");
        }
        Instant committed = change.committedAt();
        ObjectNode payload = JSON.objectNode();
        payload.set("before", row(table, change.before(), decimalsAsBase64));
        payload.set("after", row(table, change.after(), decimalsAsBase64));
        payload.set("source", source(table, change));
        payload.putNull("transaction");
        payload.put("op", change.op());
        payload.put("ts_ms", committed.toEpochMilli());
        payload.put("ts_us", micros(committed));
        payload.put("ts_ns", nanos(committed));
        return bytes(withSchemaWrapper ? wrapped(CrmConnectSchemas.envelope(table, decimalsAsBase64), payload) : payload);
    }

    private CrmSchema.Table table(CrmChange change) {
        CrmSchema.Table table = schema.table(change.table());
        if (table == null) {
            throw new IllegalArgumentException("unknown CRM table " + change.table());
        }
        return table;
    }

    private static JsonNode row(CrmSchema.Table table, Map<String, Object> row, boolean decimalsAsBase64) {
        if (row == null) {
            return JSON.nullNode();
        }
        for (String column : row.keySet()) {
            if (table.column(column) == null) {
                throw new IllegalArgumentException(table.name() + " has no column " + column);
            }
        }
        ObjectNode json = JSON.objectNode();
        for (CrmSchema.Column column : table.columns()) {
            json.set(column.name(), CrmJsonValues.write(table, column, row.get(column.name()), decimalsAsBase64));
        }
        return json;
    }

    private static ObjectNode source(CrmSchema.Table table, CrmChange change) {
        Instant committed = change.committedAt();
        ObjectNode source = JSON.objectNode();
        source.put("version", DEBEZIUM_VERSION);
        source.put("connector", "postgresql");
        source.put("name", CrmTopics.SERVER_NAME);
        source.put("ts_ms", committed.toEpochMilli());
        source.put("snapshot", change.op().equals("r") ? "true" : "false");
        source.put("db", DATABASE);
        // Debezium writes [last committed LSN, current LSN]; the generator knows only the current one.
        if (change.lsn() == null) {
            source.putNull("sequence");
        } else {
            source.put("sequence", "[null,\"" + change.lsn() + "\"]");
        }
        source.put("ts_us", micros(committed));
        source.put("ts_ns", nanos(committed));
        source.put("schema", CrmTopics.SCHEMA);
        source.put("table", table.name());
        source.put("txId", change.txId());
        source.put("lsn", change.lsn());
        source.putNull("xmin");
        return source;
    }

    private static ObjectNode wrapped(ObjectNode schema, ObjectNode payload) {
        ObjectNode wrapper = JSON.objectNode();
        wrapper.set("schema", schema);
        wrapper.set("payload", payload);
        return wrapper;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return ConnectJson.MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
