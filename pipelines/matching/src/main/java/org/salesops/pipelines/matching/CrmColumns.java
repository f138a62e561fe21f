package org.salesops.pipelines.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads of a CRM row (the CRM parser already typed them: bigint Long, numeric BigDecimal, timestamptz Instant). */
final class CrmColumns {

    private CrmColumns() {
    }

    static Long bigint(Map<String, Object> row, String column) {
        return (Long) row.get(column);
    }

    static String text(Map<String, Object> row, String column) {
        return (String) row.get(column);
    }

    static BigDecimal decimal(Map<String, Object> row, String column) {
        return (BigDecimal) row.get(column);
    }

    /** A row's currency; CNY when the change leaves it out, as the CRM's column defaults to it. */
    static String currency(Map<String, Object> row) {
        String currency = text(row, "currency");
        return currency == null ? "CNY" : currency;
    }

    static LocalDate date(Map<String, Object> row, String column) {
        return (LocalDate) row.get(column);
    }

    static Long millis(Map<String, Object> row, String column) {
        Instant at = (Instant) row.get(column);
        return at == null ? null : at.toEpochMilli();
    }

    /** A ';'-separated list column (customers.aliases, customers.bank_account), blanks dropped. */
    static List<String> list(Map<String, Object> row, String column) {
        String value = text(row, column);
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(";")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }
}
