package org.salesops.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The ECharts option that draws a Superset chart from its query result, for the viz types the bundle uses:
 * echarts_timeseries_bar / _line (x_axis, series by groupby or by metric, stacked or not, vertical or horizontal),
 * pie, funnel and heatmap_v2 — the same ECharts Superset draws these with. Without animation, so a screenshot
 * shows the finished chart.
 */
final class EchartsOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EchartsOptions() {
    }

    static boolean draws(String vizType) {
        return List.of("echarts_timeseries_bar", "echarts_timeseries_line", "pie", "funnel", "heatmap_v2").contains(vizType);
    }

    /** @param labelColors the dashboard's label_colors (series name to colour), as Superset applies them */
    static ObjectNode of(String vizType, JsonNode params, QueryResult result, JsonNode labelColors) {
        ObjectNode option = JSON.createObjectNode().put("animation", false);
        option.putObject("tooltip").put("trigger", vizType.startsWith("echarts_timeseries") ? "axis" : "item");
        switch (vizType) {
            case "echarts_timeseries_bar", "echarts_timeseries_line" -> series(option, vizType, params, result);
            case "pie", "funnel" -> slices(option, vizType, params, result);
            case "heatmap_v2" -> heatmap(option, params, result);
            default -> throw new IllegalArgumentException("no ECharts drawing for viz type " + vizType);
        }
        for (JsonNode series : option.path("series")) {
            if (labelColors.hasNonNull(series.path("name").asText())) {
                ((ObjectNode) series).putObject("itemStyle").set("color", labelColors.get(series.path("name").asText()));
            }
        }
        return option;
    }

    private static void series(ObjectNode option, String vizType, JsonNode params, QueryResult result) {
        int x = result.column(ChartParams.strings(params, "x_axis").get(0));
        List<Object> categories = result.distinct(x);
        List<String> groupby = ChartParams.strings(params, "groupby");
        List<String> metrics = ChartParams.metricsUsed(params).stream().map(ChartQuery::metricLabel).toList();
        boolean horizontal = "horizontal".equals(params.path("orientation").asText());
        ObjectNode categoryAxis = JSON.createObjectNode().put("type", "category");
        categories.forEach(c -> categoryAxis.withArray("data").add(String.valueOf(c)));
        ObjectNode valueAxis = JSON.createObjectNode().put("type", "value");
        option.set(horizontal ? "yAxis" : "xAxis", categoryAxis);
        option.set(horizontal ? "xAxis" : "yAxis", valueAxis);
        option.putObject("grid").put("containLabel", true).put("left", 10).put("right", 20).put("top", 40).put("bottom", 10);
        ArrayNode series = option.putArray("series");
        if (groupby.isEmpty()) {
            for (String metric : metrics) {
                int m = result.column(metric);
                series.add(oneSeries(vizType, params, metric, categories, x, row -> true, m, result));
            }
        } else {
            int g = result.column(groupby.get(0));
            int m = result.column(metrics.get(0));
            List<Object> groups = new ArrayList<>(result.distinct(g));
            groups.sort(Comparator.comparing(String::valueOf));
            for (Object group : groups) {
                series.add(oneSeries(vizType, params, String.valueOf(group), categories, x,
                        row -> Objects.equals(row.get(g), group), m, result));
            }
        }
        option.putObject("legend").put("type", "scroll").put("top", 0);
    }

    private static ObjectNode oneSeries(String vizType, JsonNode params, String name, List<Object> categories, int x,
                                        Predicate<List<Object>> inSeries, int metric,
                                        QueryResult result) {
        ObjectNode s = JSON.createObjectNode().put("name", name).put("type", vizType.endsWith("bar") ? "bar" : "line");
        if (params.path("stack").asBoolean(false) || "Stack".equals(params.path("stack").asText())) {
            s.put("stack", "total");
        }
        ArrayNode data = s.putArray("data");
        for (Object category : categories) {
            Object value = result.rows().stream().filter(r -> Objects.equals(r.get(x), category) && inSeries.test(r))
                    .map(r -> r.get(metric)).filter(Objects::nonNull).findFirst().orElse(null);
            data.add(number(value));
        }
        return s;
    }

    private static void slices(ObjectNode option, String vizType, JsonNode params, QueryResult result) {
        int name = result.column(ChartParams.strings(params, "groupby").get(0));
        int value = result.column(ChartQuery.metricLabel(params.get("metric")));
        ObjectNode s = option.putArray("series").addObject().put("type", vizType);
        if ("pie".equals(vizType) && params.path("donut").asBoolean(false)) {
            s.putArray("radius").add("40%").add("70%");
        }
        if ("funnel".equals(vizType)) {
            s.put("sort", "descending").put("left", "10%").put("width", "80%");
            s.putObject("label").put("show", true).put("position", "inside").put("formatter", "{b}: {c}");
        }
        ArrayNode data = s.putArray("data");
        result.rows().forEach(r -> data.addObject().put("name", String.valueOf(r.get(name))).set("value", number(r.get(value))));
        option.putObject("legend").put("type", "scroll").put("bottom", 0);
    }

    private static void heatmap(ObjectNode option, JsonNode params, QueryResult result) {
        int x = result.column(ChartParams.strings(params, "x_axis").get(0));
        int y = result.column(ChartParams.strings(params, "groupby").get(0));
        int v = result.column(ChartQuery.metricLabel(params.get("metric")));
        List<Object> xs = result.distinct(x);
        List<Object> ys = new ArrayList<>(result.distinct(y));
        ys.sort((a, b) -> String.valueOf(b).compareTo(String.valueOf(a)));
        ObjectNode xAxis = option.putObject("xAxis").put("type", "category");
        xs.forEach(c -> xAxis.withArray("data").add(String.valueOf(c)));
        ObjectNode yAxis = option.putObject("yAxis").put("type", "category");
        ys.forEach(c -> yAxis.withArray("data").add(String.valueOf(c)));
        double max = 1;
        ArrayNode data = JSON.createArrayNode();
        for (List<Object> row : result.rows()) {
            double value = row.get(v) == null ? 0 : ((Number) row.get(v)).doubleValue();
            max = Math.max(max, value);
            data.addArray().add(xs.indexOf(row.get(x))).add(ys.indexOf(row.get(y))).add(value);
        }
        option.putObject("visualMap").put("min", 0).put("max", max).put("calculable", true)
                .put("orient", "horizontal").put("left", "center").put("bottom", 0);
        option.putObject("grid").put("containLabel", true).put("left", 10).put("right", 20).put("top", 10).put("bottom", 60);
        option.putArray("series").addObject().put("type", "heatmap").set("data", data);
    }

    private static JsonNode number(Object value) {
        return value instanceof Number n ? JSON.getNodeFactory().numberNode(n.doubleValue()) : JSON.getNodeFactory().nullNode();
    }
}
