package org.salesops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartQueryTest {

    static final Bundle BUNDLE = Bundle.packaged();

    static Asset chart(String name) {
        return BUNDLE.assets(AssetKind.CHART).stream().filter(c -> c.path().equals("charts/" + name + ".yaml")).findFirst().orElseThrow();
    }

    @Test
    void aTimeSeriesGroupsByTheTruncatedXAxisAndTheSeriesOverTheVirtualDatasetsSql() {
        String sql = ChartQuery.sql(BUNDLE, chart("executive_won_revenue"));

        assertThat(sql).startsWith("SELECT date_trunc('month', \"month\") AS \"month\", \"channel\" AS \"channel\", SUM(amount) AS \"won_amount\"\nFROM (\n")
                .contains(") AS virtual_table\nGROUP BY date_trunc('month', \"month\"), \"channel\"\nORDER BY");
    }

    @Test
    void aRawTableSelectsItsColumnsFilteredOrderedAndLimited() {
        String sql = ChartQuery.sql(BUNDLE, chart("finance_receivables_stuck"));

        assertThat(sql).startsWith("SELECT \"contract_no\" AS \"contract_no\", \"customer_name\" AS \"customer_name\"")
                .contains("FROM \"gold\".\"receivable_paths\"\nWHERE \"stuck\" = true\nORDER BY \"waiting_days\" DESC\nLIMIT 1000");
    }

    @Test
    void aPhysicalDatasetIsReadAsSchemaDotTable() {
        assertThat(ChartQuery.sql(BUNDLE, chart("collaboration_delivery_heatmap")))
                .contains("FROM \"gold\".\"delivery_load_next_30_days\"").contains("SUM(scheduled_hours) AS \"scheduled_hours\"");
        assertThat(ChartQuery.datasetSql(BUNDLE.datasetOf(chart("collaboration_delivery_heatmap"))))
                .startsWith("SELECT \"engineer_id\", ").endsWith(" FROM \"gold\".\"delivery_load_next_30_days\"");
    }
}
