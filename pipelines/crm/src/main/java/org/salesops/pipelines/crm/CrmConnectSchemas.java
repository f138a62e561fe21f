package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Kafka Connect schemas Debezium's PostgreSQL connector puts in the {schema, payload} wrapper
 * for a CRM table: the key, the change-event envelope and each column's field.
 */
final class CrmConnectSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SNAPSHOT_VALUES = "true,first,first_in_data_collection,last_in_data_collection,last,false,incremental";

    private CrmConnectSchemas() {
    }

    static ObjectNode key(CrmSchema.Table table) {
        ObjectNode key = struct(CrmTopics.topic(table.name()) + ".Key", false);
        ((ArrayNode) key.get("fields")).add(column(table.column(table.primaryKey()), false));
        return key;
    }

    static ObjectNode envelope(CrmSchema.Table table, boolean decimalsAsBase64) {
        String topic = CrmTopics.topic(table.name());
        ObjectNode envelope = struct(topic + ".Envelope", false);
        ArrayNode fields = (ArrayNode) envelope.get("fields");
        fields.add(rowSchema(table, topic, "before", decimalsAsBase64));
        fields.add(rowSchema(table, topic, "after", decimalsAsBase64));
        fields.add(sourceSchema());
        fields.add(transactionSchema());
        fields.add(primitive("string", false, "op"));
        fields.add(primitive("int64", true, "ts_ms"));
        fields.add(primitive("int64", true, "ts_us"));
        fields.add(primitive("int64", true, "ts_ns"));
        return envelope;
    }

    private static ObjectNode rowSchema(CrmSchema.Table table, String topic, String side, boolean decimalsAsBase64) {
        ObjectNode row = struct(topic + ".Value", true);
        ArrayNode fields = (ArrayNode) row.get("fields");
        for (CrmSchema.Column column : table.columns()) {
            fields.add(column(column, decimalsAsBase64));
        }
        row.put("field", side);
        return row;
    }

    private static ObjectNode sourceSchema() {
        ObjectNode source = struct("io.debezium.connector.postgresql.Source", false);
        ArrayNode fields = (ArrayNode) source.get("fields");
        fields.add(primitive("string", false, "version"));
        fields.add(primitive("string", false, "connector"));
        fields.add(primitive("string", false, "name"));
        fields.add(primitive("int64", false, "ts_ms"));
        ObjectNode snapshot = JSON.objectNode();
        snapshot.put("type", "string");
        snapshot.put("optional", true);
        snapshot.put("name", "io.debezium.data.Enum");
        snapshot.put("version", 1);
        snapshot.putObject("parameters").put("allowed", SNAPSHOT_VALUES);
        snapshot.put("default", "false");
        snapshot.put("field", "snapshot");
        fields.add(snapshot);
        fields.add(primitive("string", false, "db"));
        fields.add(primitive("string", true, "sequence"));
        fields.add(primitive("int64", true, "ts_us"));
        fields.add(primitive("int64", true, "ts_ns"));
        fields.add(primitive("string", false, "schema"));
        fields.add(primitive("string", false, "table"));
        fields.add(primitive("int64", true, "txId"));
        fields.add(primitive("int64", true, "lsn"));
        fields.add(primitive("int64", true, "xmin"));
        source.put("field", "source");
        return source;
    }

    private static ObjectNode transactionSchema() {
        ObjectNode transaction = struct("event.block", true);
        ArrayNode fields = (ArrayNode) transaction.get("fields");
        fields.add(primitive("string", false, "id"));
        fields.add(primitive("int64", false, "total_order"));
        fields.add(primitive("int64", false, "data_collection_order"));
        transaction.put("version", 1);
        transaction.put("field", "transaction");
        return transaction;
    }

    private static ObjectNode struct(String name, boolean optional) {
        ObjectNode struct = JSON.objectNode();
        struct.put("type", "struct");
        struct.putArray("fields");
        struct.put("optional", optional);
        struct.put("name", name);
        return struct;
    }

    private static ObjectNode primitive(String type, boolean optional, String field) {
        ObjectNode schema = JSON.objectNode();
        schema.put("type", type);
        schema.put("optional", optional);
        schema.put("field", field);
        return schema;
    }

    /** The wrapper's field schema: nullable columns are optional, numerics carry scale and precision. */
    static ObjectNode column(CrmSchema.Column column, boolean decimalsAsBase64) {
        ObjectNode field = JSON.objectNode();
        switch (column.type()) {
            case BIGINT -> field.put("type", "int64");
            case INTEGER -> field.put("type", "int32");
            case TEXT -> field.put("type", "string");
            case BOOLEAN -> field.put("type", "boolean");
            case NUMERIC -> field.put("type", decimalsAsBase64 ? "bytes" : "string");
            case TIMESTAMPTZ -> field.put("type", "string");
            case DATE -> field.put("type", "int32");
        }
        field.put("optional", !column.notNull());
        switch (column.type()) {
            case NUMERIC -> {
                if (decimalsAsBase64) {
                    field.put("name", ConnectField.DECIMAL);
                    field.put("version", 1);
                    ObjectNode parameters = field.putObject("parameters");
                    parameters.put("scale", String.valueOf(column.scale()));
                    parameters.put("connect.decimal.precision", String.valueOf(column.precision()));
                }
            }
            case TIMESTAMPTZ -> {
                field.put("name", ConnectField.ZONED_TIMESTAMP);
                field.put("version", 1);
            }
            case DATE -> {
                field.put("name", ConnectField.DATE);
                field.put("version", 1);
            }
            default -> { }
        }
        field.put("field", column.name());
        return field;
    }
}
