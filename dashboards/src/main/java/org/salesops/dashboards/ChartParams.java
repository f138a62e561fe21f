package org.salesops.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a chart's params (Superset's form data) refer to in its dataset: columns by name, metrics by saved-metric
 * name or as ad-hoc metrics over a column. Superset resolves these against the dataset's declared columns and
 * metrics only, so each must be declared there.
 */
final class ChartParams {

    /** Form-data keys whose values name dataset columns. */
    static final List<String> COLUMN_KEYS = List.of("x_axis", "groupby", "columns", "all_columns", "series",
            "entity", "granularity_sqla");
    /** Form-data keys whose values are metrics. */
    static final List<String> METRIC_KEYS = List.of("metric", "metrics", "percent_metrics", "timeseries_limit_metric",
            "secondary_metric", "size", "x", "y");

    private ChartParams() {
    }

    /** The value under the key as a list: Superset stores one column or metric either alone or in a list. */
    static List<JsonNode> values(JsonNode params, String key) {
        JsonNode value = params.get(key);
        List<JsonNode> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (value.isArray()) {
            value.forEach(values::add);
        } else {
            values.add(value);
        }
        return values;
    }

    static List<String> strings(JsonNode params, String key) {
        return values(params, key).stream().map(JsonNode::asText).toList();
    }

    /** Every column name the params use, including the ones ordered by and those under ad-hoc metrics. */
    static List<String> columnsUsed(JsonNode params) {
        List<String> columns = new ArrayList<>();
        for (String key : COLUMN_KEYS) {
            values(params, key).stream().filter(JsonNode::isTextual).map(JsonNode::asText).forEach(columns::add);
        }
        for (JsonNode filter : values(params, "adhoc_filters")) {
            columns.add(filter.path("subject").asText());
        }
        for (JsonNode order : values(params, "order_by_cols")) {
            columns.add(orderColumn(order));
        }
        for (JsonNode metric : metricsUsed(params)) {
            if (isSimpleAdhoc(metric)) {
                columns.add(metric.path("column").path("column_name").asText());
            }
        }
        return columns;
    }

    static List<JsonNode> metricsUsed(JsonNode params) {
        List<JsonNode> metrics = new ArrayList<>();
        for (String key : METRIC_KEYS) {
            metrics.addAll(values(params, key));
        }
        return metrics;
    }

    /** Saved metrics are referred to by name. */
    static List<String> savedMetricsUsed(JsonNode params) {
        return metricsUsed(params).stream().filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }

    static boolean isSimpleAdhoc(JsonNode metric) {
        return metric.isObject() && "SIMPLE".equals(metric.path("expressionType").asText());
    }

    /** Table charts order by entries like {@code ["due_at", false]}, stored as JSON text: the column name. */
    static String orderColumn(JsonNode order) {
        return orderEntry(order).get(0).asText();
    }

    static boolean orderAscending(JsonNode order) {
        return orderEntry(order).get(1).asBoolean();
    }

    private static JsonNode orderEntry(JsonNode order) {
        try {
            return order.isTextual() ? Bundle.YAML.readTree(order.asText()) : order;
        } catch (IOException e) {
            throw new UncheckedIOException("order_by_cols entry is not JSON: " + order, e);
        }
    }
}
