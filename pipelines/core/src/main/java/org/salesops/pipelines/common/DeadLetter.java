package org.salesops.pipelines.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Builds the dead-letter row (schemas/tables/raw/dead_letters.json) for a record that did not make it. */
public final class DeadLetter {

    public static final String REJECTED = "rejected";
    public static final String DUPLICATE = "duplicate";

    private DeadLetter() {
    }

    public static Map<String, Object> row(KafkaRecord record, String kind, String reason) {
        Map<String, Object> row = new HashMap<>();
        row.put("source_topic", record.topic);
        row.put("source_partition", record.partition);
        row.put("source_offset", record.offset);
        row.put("record_time", Instant.ofEpochMilli(record.timestamp));
        row.put("raw_key", text(record.key));
        row.put("raw_payload", text(record.value));
        row.put("error_kind", kind);
        row.put("error", reason == null || reason.isBlank() ? "unknown error" : reason);
        return row;
    }

    private static String text(byte[] bytes) {
        // Replace invalid UTF-8 rather than fail: the payload must be kept whatever it is.
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
