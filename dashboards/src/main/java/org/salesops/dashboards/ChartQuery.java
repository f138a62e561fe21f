package org.salesops.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL Superset sends for a chart, built the way its query builder does from the chart's params and the
 * dataset's declarations: dimensions (x_axis truncated to its time grain, then groupby) and metrics (saved metrics
 * by their expression, ad-hoc ones as AGG(column)) over the dataset — a virtual dataset's SQL as a subquery, a
 * physical one as schema.table — or, for a table in raw mode, its columns ordered and limited. The HTML report
 * draws from exactly this, so it shows what Superset would.
 */
public final class ChartQuery {

    private static final Map<String, String> TIME_GRAINS = Map.of("P1D", "day", "P1W", "week", "P1M", "month");

    private final JsonNode params;
    private final JsonNode dataset;

    private ChartQuery(Asset chart, Asset dataset) {
        this.params = chart.content().path("params");
        this.dataset = dataset.content();
    }

    public static String sql(Bundle bundle, Asset chart) {
        return new ChartQuery(chart, bundle.datasetOf(chart)).build(chart.text("viz_type"));
    }

    /** What the dataset itself returns: its SQL, or every declared column of its table. */
    public static String datasetSql(Asset dataset) {
        JsonNode content = dataset.content();
        if (content.hasNonNull("sql")) {
            return content.get("sql").asText().strip();
        }
        List<String> columns = new ArrayList<>();
        content.path("columns").forEach(c -> columns.add(quote(c.path("column_name").asText())));
        return "SELECT " + String.join(", ", columns) + " FROM " + table(content);
    }

    private String build(String vizType) {
        if ("table".equals(vizType) && "raw".equals(params.path("query_mode").asText())) {
            return raw();
        }
        List<String> select = new ArrayList<>();
        List<String> dimensions = new ArrayList<>();
        for (String column : ChartParams.strings(params, "x_axis")) {
            String grain = TIME_GRAINS.get(params.path("time_grain_sqla").asText());
            dimensions.add(grain == null ? column(column) : "date_trunc('" + grain + "', " + column(column) + ")");
            select.add(dimensions.get(dimensions.size() - 1) + " AS " + quote(column));
        }
        for (String key : List.of("groupby", "columns")) {
            for (String column : ChartParams.strings(params, key)) {
                dimensions.add(column(column));
                select.add(column(column) + " AS " + quote(column));
            }
        }
        List<JsonNode> metrics = new ArrayList<>(ChartParams.values(params, "metric"));
        metrics.addAll(ChartParams.values(params, "metrics"));
        for (JsonNode metric : metrics) {
            select.add(metricExpression(metric) + " AS " + quote(metricLabel(metric)));
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append("\nFROM ").append(source())
                .append(where());
        if (!dimensions.isEmpty()) {
            sql.append("\nGROUP BY ").append(String.join(", ", dimensions));
            if (params.hasNonNull("x_axis") || metrics.isEmpty()) {
                sql.append("\nORDER BY ").append(String.join(", ", dimensions));
            } else {
                sql.append("\nORDER BY ").append(quote(metricLabel(metrics.get(0)))).append(" DESC");
            }
        }
        return limited(sql);
    }

    private String raw() {
        List<String> select = ChartParams.strings(params, "all_columns").stream()
                .map(c -> column(c) + " AS " + quote(c)).toList();
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select)).append("\nFROM ").append(source())
                .append(where());
        List<String> order = ChartParams.values(params, "order_by_cols").stream()
                .map(o -> column(ChartParams.orderColumn(o)) + (ChartParams.orderAscending(o) ? " ASC" : " DESC")).toList();
        if (!order.isEmpty()) {
            sql.append("\nORDER BY ").append(String.join(", ", order));
        }
        return limited(sql);
    }

    /** The chart's SIMPLE ad-hoc filters (==, !=, IN, NOT IN on a column), as Superset writes them into WHERE. */
    private String where() {
        List<String> conditions = new ArrayList<>();
        for (JsonNode filter : ChartParams.values(params, "adhoc_filters")) {
            String column = column(filter.path("subject").asText());
            String operator = filter.path("operator").asText();
            JsonNode comparator = filter.path("comparator");
            conditions.add(switch (operator) {
                case "==", "!=" -> column + (operator.equals("==") ? " = " : " <> ") + literal(comparator);
                case "IN", "NOT IN" -> column + " " + operator + " (" + String.join(", ",
                        ChartParams.values(filter, "comparator").stream().map(ChartQuery::literal).toList()) + ")";
                default -> throw new IllegalArgumentException("filter operator " + operator + " is not supported");
            });
        }
        return conditions.isEmpty() ? "" : "\nWHERE " + String.join(" AND ", conditions);
    }

    private static String literal(JsonNode value) {
        return value.isTextual() ? "'" + value.asText().replace("'", "''") + "'" : value.asText();
    }

    private String limited(StringBuilder sql) {
        if (params.path("row_limit").canConvertToInt()) {
            sql.append("\nLIMIT ").append(params.get("row_limit").asInt());
        }
        return sql.toString();
    }

    private String source() {
        return dataset.hasNonNull("sql") ? "(\n" + dataset.get("sql").asText().strip() + "\n) AS virtual_table" : table(dataset);
    }

    /** A calculated column is its expression; a physical one its quoted name. */
    private String column(String name) {
        for (JsonNode c : dataset.path("columns")) {
            if (name.equals(c.path("column_name").asText())) {
                return c.hasNonNull("expression") && !c.get("expression").asText().isBlank()
                        ? "(" + c.get("expression").asText() + ")" : quote(name);
            }
        }
        throw new IllegalArgumentException("column " + name + " is not declared in dataset " + dataset.path("table_name"));
    }

    private String metricExpression(JsonNode metric) {
        if (metric.isTextual()) {
            for (JsonNode m : dataset.path("metrics")) {
                if (metric.asText().equals(m.path("metric_name").asText())) {
                    return m.path("expression").asText();
                }
            }
            throw new IllegalArgumentException("metric " + metric.asText() + " is not declared in dataset "
                    + dataset.path("table_name"));
        }
        if (ChartParams.isSimpleAdhoc(metric)) {
            return metric.path("aggregate").asText() + "(" + column(metric.path("column").path("column_name").asText()) + ")";
        }
        return metric.path("sqlExpression").asText();
    }

    static String metricLabel(JsonNode metric) {
        return metric.isTextual() ? metric.asText() : metric.path("label").asText();
    }

    private static String table(JsonNode dataset) {
        String schema = dataset.path("schema").asText("");
        return (schema.isEmpty() ? "" : quote(schema) + ".") + quote(dataset.path("table_name").asText());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
