package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.salesops.pipelines.common.RejectedInput;

/**
 * Reads a CRM row (before, after or a key) into typed values keyed by column, in DDL order. Fields
 * the CRM contract does not know are ignored: the CRM may add columns before our contract does.
 */
final class CrmRowReader {

    private CrmRowReader() {
    }

    /**
     * Every column of the table; a nullable column that is absent reads as null.
     *
     * @param side "before" or "after", for the reason
     */
    static Map<String, Object> row(CrmSchema.Table table, ObjectNode row, Map<String, ConnectField> fields, String side)
            throws RejectedInput {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CrmSchema.Column column : table.columns()) {
            values.put(column.name(), value(table, column, row, fields, side));
        }
        return Collections.unmodifiableMap(values);
    }

    /** The primary-key column only, as a tombstone's key carries it. */
    static Map<String, Object> key(CrmSchema.Table table, DebeziumKey key) throws RejectedInput {
        CrmSchema.Column column = table.column(table.primaryKey());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(column.name(), value(table, column, key.columns(), key.fields(), "key"));
        return Collections.unmodifiableMap(values);
    }

    private static Object value(CrmSchema.Table table, CrmSchema.Column column, ObjectNode row,
                                Map<String, ConnectField> fields, String side) throws RejectedInput {
        JsonNode value = row.get(column.name());
        if (value == null || value.isNull()) {
            if (column.notNull()) {
                throw new RejectedInput(table.name() + "." + column.name() + ": NOT NULL column is "
                        + (value == null ? "missing" : "null") + " in " + side);
            }
            return null;
        }
        return CrmColumnDecoder.decode(table, column, value, fields.get(column.name()));
    }
}
