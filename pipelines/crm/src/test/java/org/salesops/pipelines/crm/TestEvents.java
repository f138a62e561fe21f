package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hand-written CRM events under src/test/resources/events, and rows to compare parsed ones with. */
final class TestEvents {

    private TestEvents() {
    }

    /** A resource as a mutable tree, so a test can break one thing in it. */
    static ObjectNode json(String resource) {
        try (InputStream in = TestEvents.class.getResourceAsStream("/events/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource events/" + resource);
            }
            return (ObjectNode) ConnectJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(ObjectNode json) {
        try {
            return ConnectJson.MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row from column/value pairs, nulls allowed, in the given order. */
    static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(row);
    }
}
