package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.jobs.ingest.IcebergCatalogs;
import org.salesops.jobs.ingest.IngestJob;
import org.salesops.pipelines.tables.TableDefinition;

/**
 * A bounded replay commits every row through a checkpoint. Iceberg's FlinkSink would also commit what arrived
 * after a table's last checkpoint when that table's input ends (checkpoint id Long.MAX_VALUE in the snapshot's
 * summary); a crash right after such a commit would have the restarted job write those rows again. The sources
 * end their input only once a checkpoint covers their last record, so no commit at the end carries data.
 */
class ReplayCommitsTest {

    private static final String CHECKPOINT_ID = "flink.max-committed-checkpoint-id";
    private static final String END_OF_INPUT = String.valueOf(Long.MAX_VALUE);

    static Catalog catalog;

    @BeforeAll
    static void replayTheSmallCompany() throws Exception {
        CatalogSettings settings = CompanyOnTheStack.get().stack.catalogSettings();
        catalog = IcebergCatalogs.loader(settings.name(), settings.icebergProperties()).loadCatalog();
    }

    @AfterAll
    static void closeCatalog() throws Exception {
        if (catalog instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void everySnapshotThatChangedATableWasCommittedByACheckpoint() {
        List<String> committedAtEndOfInput = new ArrayList<>();
        int changingSnapshots = 0;
        for (TableDefinition definition : IngestJob.tables()) {
            Table table = catalog.loadTable(definition.identifier());
            for (Snapshot snapshot : table.snapshots()) {
                Map<String, String> summary = snapshot.summary();
                if (!summary.containsKey(CHECKPOINT_ID) || !changesRows(summary)) {
                    continue;
                }
                changingSnapshots++;
                if (END_OF_INPUT.equals(summary.get(CHECKPOINT_ID))) {
                    committedAtEndOfInput.add(definition.qualifiedName() + " snapshot " + snapshot.snapshotId()
                            + " " + summary);
                }
            }
        }
        assertThat(changingSnapshots).as("snapshots written by the job that changed rows").isPositive();
        assertThat(committedAtEndOfInput).as("rows committed at the end of input, outside any checkpoint").isEmpty();
    }

    private static boolean changesRows(Map<String, String> summary) {
        return Long.parseLong(summary.getOrDefault("added-data-files", "0")) > 0
                || Long.parseLong(summary.getOrDefault("added-delete-files", "0")) > 0;
    }
}
