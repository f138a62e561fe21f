package org.salesops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    static final Bundle BUNDLE = Bundle.packaged();

    @Test
    void aStackedBarHasOneSeriesPerGroupOnTheCategoriesInTheDashboardsColours() throws Exception {
        JsonNode params = ChartQueryTest.chart("supervisor_health_trend").content().get("params");
        QueryResult result = new QueryResult(List.of("day", "health_colour", "reps"), List.of(
                Arrays.asList("2026-03-30", "red", 3L), Arrays.asList("2026-03-30", "green", 5L),
                Arrays.asList("2026-03-31", "red", 4L)), Duration.ZERO);
        JsonNode colours = Bundle.YAML.readTree("{red: '#d1242f', green: '#2da44e'}");

        ObjectNode option = EchartsOptions.of("echarts_timeseries_bar", params, result, colours);

        assertThat(option.at("/xAxis/data").toString()).isEqualTo("[\"2026-03-30\",\"2026-03-31\"]");
        assertThat(option.at("/series/0/name").asText()).isEqualTo("green");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[5.0,null]");
        assertThat(option.at("/series/1/data").toString()).isEqualTo("[3.0,4.0]");
        assertThat(option.at("/series/1/stack").asText()).isEqualTo("total");
        assertThat(option.at("/series/1/itemStyle/color").asText()).isEqualTo("#d1242f");
        assertThat(option.get("animation").asBoolean()).isFalse();
    }

    @Test
    void aChartWhoseQueryFailsShowsTheErrorAndTheRestOfThePageStillRenders() {
        HtmlReport.Rendered rendered = HtmlReport.render(BUNDLE, sql -> {
            throw new SQLException("Trino is down");
        }, "jdbc:trino://nowhere", "2026-03-31");

        assertThat(rendered.failures()).hasSize(BUNDLE.assets(AssetKind.CHART).size()).allMatch(f -> f.endsWith(": Trino is down"));
        assertThat(rendered.html()).startsWith("<!DOCTYPE html>").contains("查询失败 Query failed: Trino is down")
                .contains("经营总览 Executive", "跨部门协作 Collaboration");
        BUNDLE.assets(AssetKind.CHART).forEach(c -> assertThat(rendered.html()).contains(c.text("slice_name")));
    }

    @Test
    void theEchartsScriptIsInlinedSoThePageNeedsNoNetwork() {
        HtmlReport.Rendered rendered = HtmlReport.render(BUNDLE, sql -> new QueryResult(List.of("x"), List.of(), Duration.ZERO),
                "test", "now");

        assertThat(rendered.html()).contains("echarts.init(").doesNotContain("<script src=").hasSizeGreaterThan(1_000_000);
    }
}
