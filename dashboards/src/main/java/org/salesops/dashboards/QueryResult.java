package org.salesops.dashboards;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one query, as a chart or a cookbook page shows them: numbers stay numbers, everything else is the
 * driver's text (dates as 2026-03-01, timestamps with their zone), and how long the query took.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, Duration elapsed) {

    public static QueryResult run(Connection connection, String sql) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 1; i <= row.length; i++) {
                    Object value = rs.getObject(i);
                    row[i - 1] = value == null || value instanceof Number || value instanceof Boolean ? value : rs.getString(i);
                }
                rows.add(Arrays.asList(row));
            }
            return new QueryResult(List.copyOf(columns), rows, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    public int column(String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + columns);
        }
        return index;
    }

    /** The values of one column, in row order, without repeats. */
    List<Object> distinct(int column) {
        return rows.stream().map(r -> r.get(column)).distinct().toList();
    }
}
