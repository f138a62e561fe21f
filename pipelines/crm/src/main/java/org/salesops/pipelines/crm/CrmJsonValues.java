package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * How Debezium's PostgreSQL connector encodes each CRM column type in JSON
 * (time.precision.mode=adaptive_time_microseconds; decimals per decimal.handling.mode).
 */
final class CrmJsonValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CrmJsonValues() {
    }

    /** The JSON for a typed value; throws IllegalArgumentException when the value's Java type is wrong. */
    static JsonNode write(CrmSchema.Table table, CrmSchema.Column column, Object value, boolean decimalsAsBase64) {
        if (value == null) {
            return JSON.nullNode();
        }
        try {
            return switch (column.type()) {
                case BIGINT -> JSON.numberNode((Long) value);
                case INTEGER -> JSON.numberNode((Integer) value);
                case TEXT -> JSON.textNode((String) value);
                case BOOLEAN -> JSON.booleanNode((Boolean) value);
                case NUMERIC -> decimal(column, (BigDecimal) value, decimalsAsBase64);
                // ZonedTimestamp: ISO-8601 in UTC, as Debezium renders timestamptz
                case TIMESTAMPTZ -> JSON.textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(((Instant) value).atOffset(ZoneOffset.UTC)));
                case DATE -> JSON.numberNode(Math.toIntExact(((LocalDate) value).toEpochDay()));
            };
        } catch (ClassCastException | ArithmeticException e) {
            throw new IllegalArgumentException(table.name() + "." + column.name() + ": cannot write "
                    + value.getClass().getSimpleName() + " " + value + " as " + column.type(), e);
        }
    }

    private static JsonNode decimal(CrmSchema.Column column, BigDecimal value, boolean asBase64) {
        BigDecimal scaled = value.setScale(column.scale());
        return asBase64
                ? JSON.textNode(Base64.getEncoder().encodeToString(scaled.unscaledValue().toByteArray()))
                : JSON.textNode(scaled.toPlainString());
    }
}
