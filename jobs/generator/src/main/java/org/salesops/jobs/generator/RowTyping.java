package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.salesops.pipelines.crm.CrmSchema;

/**
 * Holds generated rows to the CRM's DDL: exactly the table's columns, in its order, each value of
 * the Java type {@link org.salesops.pipelines.crm.CrmChange} promises. A mistake in the simulation
 * fails here, loudly, instead of reaching the pipeline as a mystery.
 */
final class RowTyping {

    private RowTyping() {
    }

    /** The full row: the given values typed, every other column null. */
    static Map<String, Object> complete(CrmSchema.Table table, Map<String, Object> values) {
        for (String name : values.keySet()) {
            if (table.column(name) == null) {
                throw new IllegalArgumentException(table.name() + " has no column " + name);
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (CrmSchema.Column column : table.columns()) {
            Object value = typed(table, column, values.get(column.name()));
            if (value == null && column.notNull()) {
                throw new IllegalArgumentException(table.name() + "." + column.name() + " is NOT NULL");
            }
            row.put(column.name(), value);
        }
        return row;
    }

    /** The value as the column's Java type; integral numbers are widened or narrowed as the column needs. */
    static Object typed(CrmSchema.Table table, CrmSchema.Column column, Object value) {
        if (value == null) {
            return null;
        }
        Object typed = switch (column.type()) {
            case BIGINT -> value instanceof Integer i ? Long.valueOf(i) : value;
            case INTEGER -> value instanceof Long l ? Integer.valueOf(Math.toIntExact(l)) : value;
            case NUMERIC -> value instanceof BigDecimal d ? d.setScale(column.scale(), RoundingMode.HALF_UP) : value;
            // PostgreSQL keeps microseconds; the simulation's clock has milliseconds at most.
            case TIMESTAMPTZ -> value instanceof Instant t ? t.truncatedTo(ChronoUnit.MILLIS) : value;
            default -> value;
        };
        Class<?> expected = javaType(column.type());
        if (!expected.isInstance(typed)) {
            throw new IllegalArgumentException(table.name() + "." + column.name() + " expects "
                    + expected.getSimpleName() + ", got " + typed.getClass().getSimpleName());
        }
        return typed;
    }

    static Class<?> javaType(CrmSchema.SqlType type) {
        return switch (type) {
            case BIGINT -> Long.class;
            case INTEGER -> Integer.class;
            case TEXT -> String.class;
            case BOOLEAN -> Boolean.class;
            case NUMERIC -> BigDecimal.class;
            case TIMESTAMPTZ -> Instant.class;
            case DATE -> LocalDate.class;
        };
    }
}
