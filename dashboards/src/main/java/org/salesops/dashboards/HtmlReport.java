package org.salesops.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * The dashboards of the bundle as one self-contained HTML page for people without a Superset: every dashboard,
 * its charts laid out as its position lays them out, each drawn from {@link ChartQuery} (the query Superset would
 * send) with ECharts, whose script is inlined from its Maven webjar so the page needs no network. A chart whose
 * query fails shows the error in its place; the rest of the page still renders.
 */
public final class HtmlReport {

    /** Runs one chart's SQL. */
    @FunctionalInterface
    public interface Queries {
        QueryResult run(String sql) throws SQLException;
    }

    /** How long one chart's query took. */
    public record Timing(String chart, Duration elapsed) {
    }

    public record Rendered(String html, List<String> failures, List<Timing> timings) {
        /** The slowest chart query, for the closing line of the command. */
        public Timing slowest() {
            return timings.stream().max(Comparator.comparing(Timing::elapsed)).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Bundle bundle;
    private final Queries queries;
    private final StringBuilder body = new StringBuilder();
    private final ObjectNode options = JSON.createObjectNode();
    private final List<String> failures = new ArrayList<>();
    private final List<Timing> timings = new ArrayList<>();

    private HtmlReport(Bundle bundle, Queries queries) {
        this.bundle = bundle;
        this.queries = queries;
    }

    /** @param source where the data came from, printed under the title (e.g. the Trino JDBC URL) */
    public static Rendered render(Bundle bundle, Queries queries, String source, String generatedAt) {
        HtmlReport report = new HtmlReport(bundle, queries);
        List<Asset> dashboards = bundle.assets(AssetKind.DASHBOARD);
        report.body.append("<header><h1>销售运营看板 Sales-operations dashboards</h1><p>数据来源 Source: ")
                .append(escape(source)).append(" · 生成于 Generated ").append(escape(generatedAt)).append("</p><nav>");
        for (Asset dashboard : dashboards) {
            report.body.append("<a href=\"#").append(dashboard.uuid()).append("\">")
                    .append(escape(dashboard.text("dashboard_title"))).append("</a>");
        }
        report.body.append("</nav></header>\n");
        dashboards.forEach(report::dashboard);
        return new Rendered(report.page(), List.copyOf(report.failures), List.copyOf(report.timings));
    }

    private void dashboard(Asset dashboard) {
        body.append("<section id=\"").append(dashboard.uuid()).append("\"><h2>")
                .append(escape(dashboard.text("dashboard_title"))).append("</h2>\n");
        for (List<DashboardLayout.Placement> row : DashboardLayout.rows(dashboard)) {
            body.append("<div class=\"row\">\n");
            JsonNode labelColors = dashboard.content().path("metadata").path("label_colors");
            row.forEach(placement -> chart(placement, labelColors));
            body.append("</div>\n");
        }
        body.append("</section>\n");
    }

    private void chart(DashboardLayout.Placement placement, JsonNode labelColors) {
        Asset chart = bundle.byUuid(AssetKind.CHART, placement.chartUuid()).orElseThrow();
        String vizType = chart.text("viz_type");
        JsonNode params = chart.content().path("params");
        String id = "chart-" + chart.uuid();
        body.append("<div class=\"card\" style=\"flex:").append(placement.width()).append("\"><h3>")
                .append(escape(chart.text("slice_name"))).append("</h3>");
        if (chart.text("description") != null) {
            body.append("<p class=\"note\">").append(escape(chart.text("description"))).append("</p>");
        }
        try {
            QueryResult result = queries.run(ChartQuery.sql(bundle, chart));
            timings.add(new Timing(chart.text("slice_name"), result.elapsed()));
            int height = placement.height() * 8 - 60;
            if (EchartsOptions.draws(vizType)) {
                options.set(id, EchartsOptions.of(vizType, params, result, labelColors));
                body.append("<div class=\"chart\" id=\"").append(id).append("\" style=\"height:").append(height).append("px\"></div>");
            } else if ("big_number_total".equals(vizType)) {
                Object value = result.rows().isEmpty() ? null : result.rows().get(0).get(0);
                body.append("<div class=\"big\">").append(escape(format(value))).append("</div>");
            } else {
                table(result, height);
            }
        } catch (SQLException | RuntimeException e) {
            failures.add(chart.path() + ": " + e.getMessage());
            body.append("<p class=\"error\">查询失败 Query failed: ").append(escape(String.valueOf(e.getMessage()))).append("</p>");
        }
        body.append("</div>\n");
    }

    private void table(QueryResult result, int height) {
        body.append("<div class=\"table\" style=\"max-height:").append(height).append("px\"><table><thead><tr>");
        result.columns().forEach(c -> body.append("<th>").append(escape(c)).append("</th>"));
        body.append("</tr></thead><tbody>");
        for (List<Object> row : result.rows()) {
            body.append("<tr>");
            for (Object value : row) {
                String text = format(value);
                // The scorecard's red/amber/green columns are coloured, as the supervisor reads them.
                String rag = List.of("red", "amber", "green").contains(text) ? " class=\"" + text + "\"" : "";
                body.append("<td").append(rag).append(">").append(escape(text)).append("</td>");
            }
            body.append("</tr>");
        }
        if (result.rows().isEmpty()) {
            body.append("<tr><td colspan=\"").append(result.columns().size()).append("\">无数据 No rows</td></tr>");
        }
        body.append("</tbody></table></div>");
    }

    static String format(Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format("%,d", (long) d) : String.format("%,.2f", d);
        }
        return value instanceof Number n ? String.format("%,d", n.longValue()) : value.toString();
    }

    private String page() {
        String script = "const options = " + options.toString().replace("</", "<\\/") + ";\n"
                + "for (const [id, option] of Object.entries(options)) {\n"
                + "  echarts.init(document.getElementById(id)).setOption(option);\n"
                + "}\n";
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>销售运营看板 Sales-operations dashboards</title>\n<style>\n" + STYLE + "</style>\n"
                + "<script>" + echarts() + "</script>\n</head>\n<body>\n" + body
                + "<script>\n" + script + "</script>\n</body>\n</html>\n";
    }

    private static final String STYLE = """
            body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0 24px 24px;
                   background: #f5f6f8; color: #1f2328; }
            header { padding: 16px 0 4px; } h1 { margin: 0 0 4px; font-size: 24px; }
            nav a { margin-right: 16px; } header p { color: #57606a; margin: 0 0 8px; }
            h2 { margin: 28px 0 8px; font-size: 20px; border-bottom: 2px solid #d0d7de; }
            .row { display: flex; gap: 12px; margin-bottom: 12px; }
            .card { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; min-width: 0; }
            h3 { margin: 4px 0; font-size: 15px; } .note { color: #57606a; font-size: 12px; margin: 0 0 6px; }
            .big { font-size: 44px; font-weight: 600; padding: 24px 0; text-align: center; }
            .table { overflow: auto; } table { border-collapse: collapse; font-size: 12px; width: 100%; }
            th, td { border-bottom: 1px solid #eaeef2; padding: 3px 6px; text-align: left; white-space: nowrap; }
            th { position: sticky; top: 0; background: #f6f8fa; }
            td.red { background: #ffd7d5; } td.amber { background: #fff1c2; } td.green { background: #d2f4d3; }
            .error { color: #cf222e; }
            """;

    /** ECharts' self-contained build, from the webjar on the classpath (its version from the webjar's pom). */
    static String echarts() {
        try (InputStream pom = HtmlReport.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            if (pom == null) {
                throw new IllegalStateException("the echarts webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(pom);
            String path = "/META-INF/resources/webjars/echarts/" + properties.getProperty("version") + "/dist/echarts.min.js";
            try (InputStream js = HtmlReport.class.getResourceAsStream(path)) {
                return new String(js.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
