package org.salesops.pipelines.tables;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Turns a row of plain Java values (by column name) into the Flink {@link RowData} the Iceberg
 * sink writes, following the table's row type. One converter serves every table.
 */
public final class RowConverter implements Serializable {

    private final RowType rowType;
    private final String tableName;

    public RowConverter(TableDefinition table) {
        this.rowType = table.rowType();
        this.tableName = table.qualifiedName();
    }

    public RowType rowType() {
        return rowType;
    }

    /** Missing columns become null; a value of the wrong Java type is a programming error. */
    public RowData convert(Map<String, ?> values) {
        List<RowType.RowField> fields = rowType.getFields();
        GenericRowData row = new GenericRowData(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            RowType.RowField field = fields.get(i);
            Object value = values.get(field.getName());
            try {
                row.setField(i, value == null ? null : internal(value, field.getType()));
            } catch (ClassCastException e) {
                throw new IllegalArgumentException(tableName + "." + field.getName() + ": " + value.getClass().getSimpleName()
                        + " does not fit " + field.getType(), e);
            }
        }
        return row;
    }

    private static Object internal(Object value, LogicalType type) {
        return switch (type.getTypeRoot()) {
            case VARCHAR, CHAR -> StringData.fromString((String) value);
            case INTEGER -> ((Number) value).intValue();
            case BIGINT -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case BOOLEAN -> (Boolean) value;
            case DATE -> (int) ((LocalDate) value).toEpochDay();
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_WITHOUT_TIME_ZONE -> TimestampData.fromInstant((Instant) value);
            case DECIMAL -> {
                DecimalType decimal = (DecimalType) type;
                BigDecimal scaled = ((BigDecimal) value).setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
                yield DecimalData.fromBigDecimal(scaled, decimal.getPrecision(), decimal.getScale());
            }
            case ARRAY -> {
                LogicalType element = ((ArrayType) type).getElementType();
                yield new GenericArrayData(((List<?>) value).stream().map(v -> v == null ? null : internal(v, element)).toArray());
            }
            default -> throw new IllegalArgumentException("unsupported column type " + type);
        };
    }
}
