package org.salesops.pipelines.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Builds the dead-letter row (schemas/tables/raw/dead_letters.json) for a record that did not make it. */
public final class DeadLetter {

    public static final String REJECTED = "rejected";
    public static final String DUPLICATE = "duplicate";
    public static final String LATE = "late";

    private DeadLetter() {
    }

    public static Map<String, Object> row(KafkaRecord record, String kind, String reason) {
        Map<String, Object> row = new HashMap<>();
        row.put("source_topic", record.topic);
        row.put("source_partition", record.partition);
        row.put("source_offset", record.offset);
        row.put("record_time", Instant.ofEpochMilli(record.timestamp));
        // The payload must be kept byte for byte, whatever it is: text when it is UTF-8, else base64.
        boolean text = isUtf8(record.key) && isUtf8(record.value);
        row.put("raw_key", text ? utf8(record.key) : base64(record.key));
        row.put("raw_payload", text ? utf8(record.value) : base64(record.value));
        row.put("raw_encoding", text ? "utf-8" : "base64");
        row.put("error_kind", kind);
        row.put("error", reason == null || reason.isBlank() ? "unknown error" : reason);
        return row;
    }

    private static boolean isUtf8(byte[] bytes) {
        if (bytes == null) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
