package org.salesops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleRulesTest {

    static final Bundle PACKAGED = Bundle.packaged();

    @Test
    void thePackagedBundleObeysEveryImporterRule() {
        assertThat(BundleRules.check(PACKAGED)).isEmpty();
    }

    @Test
    void theBundleHasFourDashboardsOneTrinoDatabaseAndChartsTitledInChineseAndEnglish() {
        assertThat(PACKAGED.assets(AssetKind.DASHBOARD)).extracting(a -> a.text("dashboard_title"))
                .containsExactly("经营总览 Executive", "销售主管 Sales supervisor", "财务 Finance", "跨部门协作 Collaboration");
        assertThat(PACKAGED.assets(AssetKind.DATABASE)).singleElement()
                .satisfies(db -> assertThat(db.text("sqlalchemy_uri")).startsWith("trino://").endsWith("/lakehouse"));
        assertThat(PACKAGED.assets(AssetKind.CHART)).allSatisfy(chart ->
                assertThat(chart.text("slice_name")).containsPattern("\\p{IsHan}").containsPattern("[A-Za-z]{3,}"));
    }

    @Test
    void aChartPointingAtNoDatasetIsReported() {
        Bundle broken = edit("charts/executive_funnel.yaml", "dataset_uuid: ", "dataset_uuid: 00000000-0000-4000-8000-");

        assertThat(BundleRules.check(broken)).anyMatch(p -> p.startsWith("charts/executive_funnel.yaml: dataset_uuid")
                && p.contains("is no dataset in the bundle"));
    }

    @Test
    void aDatasetPointingAtNoDatabaseIsReported() {
        Bundle broken = edit("datasets/salesops_trino/open_alerts.yaml", "database_uuid: ", "database_uuid: 1");

        assertThat(BundleRules.check(broken)).anyMatch(p -> p.contains("open_alerts.yaml: database_uuid")
                && p.contains("is no database in the bundle"));
    }

    @Test
    void aDashboardPlacingAnUnknownChartAndAChartPlacedNowhereAreReported() {
        String chartUuid = PACKAGED.assets(AssetKind.CHART).stream()
                .filter(c -> c.path().equals("charts/supervisor_open_alerts.yaml")).findFirst().orElseThrow().uuid();
        Bundle broken = edit("dashboards/02_sales_supervisor.yaml", "uuid: " + chartUuid, "uuid: 11111111-2222-4333-8444-555555555555");

        assertThat(BundleRules.check(broken)).contains(
                "charts/supervisor_open_alerts.yaml: placed on no dashboard")
                .anyMatch(p -> p.contains("CHART-supervisor_open_alerts: chart uuid 11111111-2222-4333-8444-555555555555 is no chart"));
    }

    @Test
    void aChartUsingAnUndeclaredColumnOrMetricIsReported() {
        Bundle broken = edit("charts/supervisor_open_alerts.yaml", "x_axis: owner_name", "x_axis: owner_nickname");
        broken = edit(broken, "charts/supervisor_open_alerts.yaml", "- alerts", "- alerts_per_day");

        assertThat(BundleRules.check(broken)).contains(
                "charts/supervisor_open_alerts.yaml: column owner_nickname is not declared in datasets/salesops_trino/open_alerts.yaml",
                "charts/supervisor_open_alerts.yaml: metric alerts_per_day is not declared in datasets/salesops_trino/open_alerts.yaml");
    }

    @Test
    void missingAndUnknownKeysAreReported() {
        Bundle broken = edit("charts/executive_funnel.yaml", "viz_type: funnel\n", "chart_type: funnel\n");

        assertThat(BundleRules.check(broken)).contains(
                "charts/executive_funnel.yaml: required key viz_type missing",
                "charts/executive_funnel.yaml: unknown key chart_type (the importer rejects it)");
    }

    @Test
    void theMetadataMustBeVersionOneOfTypeAssets() {
        Bundle broken = edit("metadata.yaml", "version: 1.0.0", "version: 2.0.0");
        broken = edit(broken, "metadata.yaml", "type: assets", "type: Dashboard");

        assertThat(BundleRules.check(broken)).contains(
                "metadata.yaml: version must be 1.0.0, not \"2.0.0\"", "metadata.yaml: type must be assets, not \"Dashboard\"");
    }

    @Test
    void aDuplicatedUuidAndAChartWithoutChartIdAreReported() {
        Asset funnel = PACKAGED.assets(AssetKind.CHART).get(0);
        Bundle broken = edit(PACKAGED.assets(AssetKind.CHART).get(1).path(), "uuid: " + PACKAGED.assets(AssetKind.CHART).get(1).uuid(),
                "uuid: " + funnel.uuid());
        broken = edit(broken, "dashboards/01_executive.yaml", "chartId:", "chart_id:");

        List<String> problems = BundleRules.check(broken);
        assertThat(problems).anyMatch(p -> p.contains("is also the uuid of " + funnel.path()));
        assertThat(problems).anyMatch(p -> p.startsWith("dashboards/01_executive.yaml position CHART-")
                && p.endsWith("needs a chartId of its own (the importer maps charts by it)"));
    }

    static Bundle edit(String path, String from, String to) {
        return edit(PACKAGED, path, from, to);
    }

    /** The bundle with one replacement in one file; fails if the text is not there, so a test cannot pass vacuously. */
    static Bundle edit(Bundle bundle, String path, String from, String to) {
        String text = new String(bundle.files().get(path), StandardCharsets.UTF_8);
        assertThat(text).as(path).contains(from);
        Map<String, byte[]> files = new HashMap<>(bundle.files());
        files.put(path, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return new Bundle(files);
    }
}
