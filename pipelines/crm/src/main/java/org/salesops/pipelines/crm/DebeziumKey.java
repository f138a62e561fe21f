package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import org.salesops.pipelines.common.RejectedInput;

/**
 * The key of a Debezium record: the row's primary-key columns, with or without the
 * {schema, payload} wrapper. After a delete it is all that identifies the row, since the tombstone
 * that follows has a null value.
 *
 * @param columns the key columns as sent
 * @param fields  the wrapper's schema of the key columns; empty without wrapper
 */
public record DebeziumKey(ObjectNode columns, Map<String, ConnectField> fields) {

    public static DebeziumKey parse(byte[] key) throws RejectedInput {
        if (key == null) {
            throw new RejectedInput("the record has no key");
        }
        ConnectJson json = ConnectJson.read(key, "key");
        if (!json.payload().isObject()) {
            throw new RejectedInput("the key is " + JsonText.describe(json.payload()) + ", not an object of key columns");
        }
        return new DebeziumKey((ObjectNode) json.payload(),
                Collections.unmodifiableMap(ConnectField.fieldsOf(json.schema())));
    }
}
