package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * Reading Trino rows by column name, and checking that a view holds exactly the rows a test computed
 * by hand: the view tests recompute each view in plain Java and compare through here.
 */
final class ViewRows {

    private ViewRows() {
    }

    /** One row read from Trino, by column name: integers as Long, dates as LocalDate, timestamps as Instant, arrays as List. */
    public record Row(Map<String, Object> columns) {
        Object get(String column) {
            if (!columns.containsKey(column)) {
                throw new IllegalArgumentException("no column " + column + " in " + columns.keySet());
            }
            return columns.get(column);
        }

        Long lng(String column) {
            return (Long) get(column);
        }

        Boolean bool(String column) {
            return (Boolean) get(column);
        }

        Double dbl(String column) {
            return (Double) get(column);
        }

        BigDecimal dec(String column) {
            return (BigDecimal) get(column);
        }

        String str(String column) {
            return (String) get(column);
        }

        Instant at(String column) {
            return (Instant) get(column);
        }

        LocalDate date(String column) {
            return (LocalDate) get(column);
        }

        List<?> list(String column) {
            return (List<?>) get(column);
        }
    }

    static List<Row> rows(Connection trino, String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> columns = new HashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.put(md.getColumnLabel(i), value(rs, i, md.getColumnType(i)));
                }
                rows.add(new Row(columns));
            }
        }
        return rows;
    }

    /** Rows keyed by their id column; one row per id. */
    static Map<Long, Row> byId(Connection trino, String sql) throws SQLException {
        Map<Long, Row> byId = new HashMap<>();
        for (Row r : rows(trino, sql)) {
            assertThat(byId.put(r.lng("id"), r)).as("one row per id: %s", sql).isNull();
        }
        return byId;
    }

    static Object value(ResultSet rs, int column, int type) throws SQLException {
        Object value = switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getLong(column);
            case Types.DOUBLE, Types.REAL, Types.FLOAT -> rs.getDouble(column);
            case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(column);
            case Types.BOOLEAN -> rs.getBoolean(column);
            case Types.DATE -> rs.getString(column);
            // Read in UTC, so the instant does not depend on the JVM's zone.
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
                    rs.getTimestamp(column, Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            case Types.ARRAY -> rs.getArray(column);
            default -> rs.getString(column);
        };
        if (rs.wasNull() || value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Array array) {
            List<Object> elements = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                elements.add(element instanceof Integer i ? Long.valueOf(i) : element);
            }
            return elements;
        }
        return type == Types.DATE ? LocalDate.parse((String) value) : value;
    }

    /**
     * The view holds exactly the expected rows: the same keys, one row each, and in every other column
     * the value computed by hand. Every column of the view is checked, so one added later fails here
     * until it is computed too.
     */
    static void assertViewHoldsExactly(Connection trino, String view, List<String> keyColumns, List<String> valueColumns,
                                               Map<List<Object>, List<Object>> expected) throws SQLException {
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        List<String> viewColumns = new ArrayList<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + view + " LIMIT 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                viewColumns.add(rs.getMetaData().getColumnLabel(i));
            }
        }
        assertThat(viewColumns).as("columns of %s", view).containsExactlyInAnyOrderElementsOf(columns);
        assertThat(expected).as("rows of %s computed by hand", view).isNotEmpty();
        expected.values().forEach(v -> assertThat(v).as("values computed for %s", view).hasSameSizeAs(valueColumns));

        List<String> differences = new ArrayList<>();
        Map<List<Object>, List<Object>> actual = new HashMap<>();
        for (Row r : rows(trino, "SELECT " + String.join(", ", columns) + " FROM " + view)) {
            List<Object> key = keyColumns.stream().map(r::get).toList();
            if (actual.put(key, valueColumns.stream().map(r::get).toList()) != null) {
                differences.add("more than one row for " + keyColumns + " = " + key);
            }
        }
        expected.forEach((key, want) -> {
            List<Object> got = actual.get(key);
            if (got == null) {
                differences.add("missing " + keyColumns + " = " + key + ": " + want);
                return;
            }
            for (int i = 0; i < valueColumns.size(); i++) {
                if (!same(got.get(i), want.get(i))) {
                    differences.add(key + " " + valueColumns.get(i) + ": view " + got.get(i) + ", by hand " + want.get(i));
                }
            }
        });
        actual.forEach((key, got) -> {
            if (!expected.containsKey(key)) {
                differences.add("unexpected " + keyColumns + " = " + key + ": " + got);
            }
        });

        System.out.println("view check: " + view + " " + actual.size() + " rows, " + differences.size() + " differences");
        assertThat(differences.stream().limit(40).toList())
                .as("%s against the hand computation (%d rows by hand, %d in the view, %d differences, first 40 shown)",
                        view, expected.size(), actual.size(), differences.size())
                .isEmpty();
    }

    static boolean same(Object viewValue, Object handValue) {
        if (viewValue == null || handValue == null) {
            return viewValue == handValue;
        }
        if (viewValue instanceof Double v && handValue instanceof Double h) {
            return Math.abs(v - h) <= 1e-9 * Math.max(1, Math.abs(h));
        }
        if (viewValue instanceof BigDecimal v && handValue instanceof BigDecimal h) {
            return v.compareTo(h) == 0;
        }
        return viewValue.equals(handValue);
    }

    /** A key or the values of one row; lists that may hold nulls. */
    static List<Object> key(Object... values) {
        return values(values);
    }

    static List<Object> values(Object... values) {
        for (Object v : values) {
            if (v instanceof Integer) {
                throw new IllegalArgumentException("integers are compared as Long: " + Arrays.toString(values));
            }
        }
        return Arrays.asList(values);
    }
}
