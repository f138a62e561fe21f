package org.salesops.pipelines.process;

import java.time.Instant;
import java.util.Map;

/** Typed reads of a CRM row (values are already typed by the CRM parser: bigint Long, timestamptz Instant). */
final class CrmValues {

    private CrmValues() {
    }

    static Long bigint(Map<String, Object> row, String column) {
        return row == null ? null : (Long) row.get(column);
    }

    static Integer integer(Map<String, Object> row, String column) {
        return row == null ? null : (Integer) row.get(column);
    }

    static String text(Map<String, Object> row, String column) {
        return row == null ? null : (String) row.get(column);
    }

    static Long millis(Map<String, Object> row, String column) {
        Instant at = row == null ? null : (Instant) row.get(column);
        return at == null ? null : at.toEpochMilli();
    }

    static boolean present(Map<String, Object> row, String column) {
        String value = text(row, column);
        return value != null && !value.isBlank();
    }

    static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
