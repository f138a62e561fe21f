package org.salesops.jobs.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.salesops.dashboards.Asset;
import org.salesops.dashboards.AssetKind;
import org.salesops.dashboards.Bundle;
import org.salesops.dashboards.ChartQuery;
import org.salesops.dashboards.Cookbook;
import org.salesops.dashboards.QueryResult;

/**
 * Query times on Trino over the replayed data: every dashboard dataset's query once, the slowest of them
 * again, and the analyst cookbook's payment lineage (04). Cold is a query's first run in this Trino
 * process (no cached metadata, file footers or compiled code for it); warm is the median of the runs after.
 */
final class QueryTimings {

    record Timing(String name, long coldMillis, List<Long> warmMillis) {
        double warmMedian() {
            return Percentiles.median(warmMillis);
        }
    }

    private static final String LINEAGE_RECIPE = "04-payment-lineage";

    private QueryTimings() {
    }

    /** The slowest dataset (by its cold run), then the lineage recipe, each with {@code warmRuns} warm runs. */
    static List<Timing> measure(Connection trino, int warmRuns) throws SQLException {
        Asset slowest = null;
        long slowestCold = -1;
        for (Asset dataset : Bundle.packaged().assets(AssetKind.DATASET)) {
            long cold = QueryResult.run(trino, ChartQuery.datasetSql(dataset)).elapsed().toMillis();
            Console.detail(String.format("dataset %-40s cold %6d ms", dataset.text("table_name"), cold));
            if (cold > slowestCold) {
                slowest = dataset;
                slowestCold = cold;
            }
        }
        List<Timing> timings = new ArrayList<>();
        if (slowest != null) {
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                warm.add(QueryResult.run(trino, ChartQuery.datasetSql(slowest)).elapsed().toMillis());
            }
            timings.add(new Timing("slowest dataset: " + slowest.text("table_name"), slowestCold, warm));
        }
        Cookbook.Recipe lineage = Cookbook.packaged().stream().filter(r -> r.name().equals(LINEAGE_RECIPE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("cookbook recipe " + LINEAGE_RECIPE + " is missing"));
        long cold = lineageMillis(lineage, trino);
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < warmRuns; i++) {
            warm.add(lineageMillis(lineage, trino));
        }
        timings.add(new Timing("cookbook " + LINEAGE_RECIPE + " (both statements)", cold, warm));
        return timings;
    }

    private static long lineageMillis(Cookbook.Recipe recipe, Connection trino) throws SQLException {
        return Cookbook.run(recipe, trino).stream().mapToLong(step -> step.result().elapsed().toMillis()).sum();
    }
}
