package org.salesops.pipelines.crm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.salesops.pipelines.common.RejectedInput;

/** Turns one non-null JSON value into the Java value of its CRM column, or says why it cannot. */
final class CrmColumnDecoder {

    private CrmColumnDecoder() {
    }

    /**
     * @param field the wrapper's schema of the value, or null: it tells base64 decimals from strings
     *              and the unit of epoch timestamps
     */
    static Object decode(CrmSchema.Table table, CrmSchema.Column column, JsonNode value, ConnectField field)
            throws RejectedInput {
        try {
            return switch (column.type()) {
                case BIGINT -> {
                    require(value.isIntegralNumber() && value.canConvertToLong(), "bigint (a JSON integer)", value);
                    yield value.longValue();
                }
                case INTEGER -> {
                    require(value.isIntegralNumber() && value.canConvertToInt(), "integer (a 32-bit JSON integer)", value);
                    yield value.intValue();
                }
                case TEXT -> {
                    require(value.isTextual(), "text (a JSON string)", value);
                    yield value.textValue();
                }
                case BOOLEAN -> {
                    require(value.isBoolean(), "boolean (true or false)", value);
                    yield value.booleanValue();
                }
                case NUMERIC -> fitted(column, DebeziumValues.decimal(value, field, column.scale()));
                case TIMESTAMPTZ -> DebeziumValues.timestamp(value, field);
                case DATE -> DebeziumValues.date(value);
            };
        } catch (IllegalArgumentException e) {
            throw new RejectedInput(table.name() + "." + column.name() + ": " + e.getMessage(), e);
        }
    }

    private static void require(boolean ok, String expected, JsonNode value) {
        if (!ok) {
            throw new IllegalArgumentException("expected " + expected + ", got " + JsonText.describe(value));
        }
    }

    /** The decimal at the column's scale, refused when that would round it or it has too many digits. */
    private static BigDecimal fitted(CrmSchema.Column column, BigDecimal value) {
        String type = "numeric(" + column.precision() + "," + column.scale() + ")";
        BigDecimal scaled;
        try {
            scaled = value.setScale(column.scale());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value.toPlainString() + " has more decimal places than " + type);
        }
        if (scaled.precision() - scaled.scale() > column.precision() - column.scale()) {
            throw new IllegalArgumentException(value.toPlainString() + " does not fit " + type);
        }
        return scaled;
    }
}
