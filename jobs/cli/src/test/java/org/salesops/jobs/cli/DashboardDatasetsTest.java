package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.dashboards.Asset;
import org.salesops.dashboards.AssetKind;
import org.salesops.dashboards.Bundle;
import org.salesops.dashboards.ChartQuery;
import org.salesops.dashboards.QueryResult;

/** Every dataset and every chart of the Superset bundle, run on the real Trino over the generated company. */
class DashboardDatasetsTest {

    static final Bundle BUNDLE = Bundle.packaged();
    static Connection trino;

    @BeforeAll
    static void theCompanyOnTheStack() throws Exception {
        trino = CompanyOnTheStack.get().trino;
    }

    @Test
    void everyDatasetRunsReturnsRowsAndEveryColumnItDeclares() throws SQLException {
        for (Asset dataset : BUNDLE.assets(AssetKind.DATASET)) {
            QueryResult result = QueryResult.run(trino, ChartQuery.datasetSql(dataset));
            List<String> declared = new ArrayList<>();
            dataset.content().path("columns").forEach(c -> declared.add(c.path("column_name").asText()));

            assertThat(result.columns()).as(dataset.path()).containsAll(declared);
            assertThat(result.rows()).as("rows of %s", dataset.path()).isNotEmpty();
        }
    }

    /** A chart is its dataset grouped or listed: it has rows whenever its dataset has, unless a filter of its own removes them all. */
    @Test
    void everyChartsQueryRunsAndReturnsTheColumnsTheChartDraws() throws SQLException {
        for (Asset chart : BUNDLE.assets(AssetKind.CHART)) {
            QueryResult result = QueryResult.run(trino, ChartQuery.sql(BUNDLE, chart));

            assertThat(result.columns()).as(chart.path()).isNotEmpty();
            if (chart.content().path("params").path("adhoc_filters").isEmpty()) {
                assertThat(result.rows()).as("rows of %s", chart.path()).isNotEmpty();
            }
        }
    }
}
