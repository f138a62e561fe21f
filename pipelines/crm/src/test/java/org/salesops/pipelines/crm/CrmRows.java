package org.salesops.pipelines.crm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Full typed rows for any CRM table, derived from its columns, for round trips through the writer. */
final class CrmRows {

    private CrmRows() {
    }

    /**
     * A row where every column has a value of its type; {@code variant} changes each value, so two
     * variants make an update. Decimals use every digit their precision allows.
     */
    static Map<String, Object> full(CrmSchema.Table table, long id, int variant) {
        Map<String, Object> row = new LinkedHashMap<>();
        int n = 0;
        for (CrmSchema.Column column : table.columns()) {
            n++;
            row.put(column.name(), column.name().equals(table.primaryKey()) ? Long.valueOf(id) : value(column, n + variant));
        }
        return Collections.unmodifiableMap(row);
    }

    /** The same row with every nullable column null. */
    static Map<String, Object> sparse(CrmSchema.Table table, long id) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, Object> value : full(table, id, 0).entrySet()) {
            row.put(value.getKey(), table.column(value.getKey()).notNull() ? value.getValue() : null);
        }
        return Collections.unmodifiableMap(row);
    }

    private static Object value(CrmSchema.Column column, int n) {
        return switch (column.type()) {
            case BIGINT -> 1000L + n;
            case INTEGER -> n;
            case TEXT -> column.name() + " 值 " + n;
            case BOOLEAN -> n % 2 == 0;
            case NUMERIC -> new BigDecimal(BigInteger.TEN.pow(column.precision() - 1).subtract(BigInteger.valueOf(n)),
                    column.scale());
            case TIMESTAMPTZ -> Instant.parse("2026-03-02T01:30:00.123456Z").plusSeconds(3600L * n);
            case DATE -> LocalDate.of(2026, 3, 1).plusDays(n);
        };
    }
}
