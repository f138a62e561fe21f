package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.jobs.ingest.IcebergCatalogs;
import org.salesops.pipelines.tables.TableDefinition;
import org.salesops.pipelines.tables.TableDefinitions;

/**
 * The replay benchmark's baselines read what the job reads: the limit every input record once, and the floor stores
 * each of them once, as its typed rows or as a dead letter with the reason (speed is the benchmark's, not tested).
 */
class ReplayBaselinesTest {

    @TempDir
    Path dir;

    @Test
    void theFloorStoresEveryRecordTheLimitReadsOnceAsTypedRowsOrADeadLetter() throws Exception {
        CompanyOnTheStack e2e = CompanyOnTheStack.get();
        String kafka = e2e.stack.kafkaBootstrap();
        CatalogSettings floorCatalog = CatalogSettings.sqlite(dir);
        Files.createDirectories(floorCatalog.warehouse());

        RawConsumeLimit.Result limit = RawConsumeLimit.run(kafka, 2);
        RawConsumeLimit.Result floor = TypedRowsFloor.run(kafka, 2, floorCatalog);

        assertThat(limit.records()).isEqualTo(e2e.published.total());
        assertThat(floor.records()).isEqualTo(limit.records());
        assertThat(floor.rejected()).as("the company's malformed payloads").isPositive().isEqualTo(limit.rejected());

        Set<String> typed = new HashSet<>();
        List<String> deadLetters = new ArrayList<>();
        Catalog catalog = IcebergCatalogs.loader(floorCatalog.name(), floorCatalog.icebergProperties()).loadCatalog();
        try {
            for (TableDefinition definition : TableDefinitions.rawTables()) {
                Table table = catalog.loadTable(definition.identifier());
                boolean dead = definition.name().equals("dead_letters");
                try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
                    for (Record row : rows) {
                        if (dead) {
                            assertThat((String) row.getField("error")).isNotBlank();
                            deadLetters.add(row.getField("source_topic") + "/" + row.getField("source_partition")
                                    + "@" + row.getField("source_offset"));
                        } else {
                            // a statement file is many rows of one record
                            typed.add(row.getField("_source_topic") + "/" + row.getField("_source_partition")
                                    + "@" + row.getField("_source_offset"));
                        }
                    }
                }
            }
        } finally {
            if (catalog instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        assertThat(deadLetters).hasSize((int) floor.rejected()).doesNotHaveDuplicates().doesNotContainAnyElementsOf(typed);
        assertThat(typed.size() + deadLetters.size()).isEqualTo(floor.records());
    }
}
