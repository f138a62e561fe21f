package org.salesops.jobs.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.apache.kafka.common.TopicPartition;
import org.salesops.infra.local.CatalogSettings;
import org.salesops.jobs.ingest.IcebergCatalogs;
import org.salesops.jobs.ingest.IngestJob;
import org.salesops.jobs.ingest.KafkaResultPublisher;
import org.salesops.pipelines.tables.TableDefinition;

/**
 * What one run of the ingest job left: every row of every table it writes, read back through the Iceberg API
 * (deletes applied), and every committed record it published, each as a sorted multiset of text lines so two
 * runs compare with equals and a difference shows the rows lost or duplicated.
 */
record LakehouseContents(Map<String, List<String>> tables, Map<String, List<String>> topics) {

    static final List<String> TOPICS = List.of(KafkaResultPublisher.ALERTS_TOPIC,
            KafkaResultPublisher.PAYMENT_MATCHES_TOPIC);

    /** Where the result topics end now: a run started after this reads its own records from here. */
    static Map<String, Map<TopicPartition, Long>> topicEnds(String bootstrapServers) {
        Map<String, Map<TopicPartition, Long>> ends = new HashMap<>();
        TOPICS.forEach(topic -> ends.put(topic, TopicRecords.ends(bootstrapServers, topic)));
        return ends;
    }

    /**
     * Every row of every table of the job, as its columns' values in text, sorted: equal maps mean equal tables.
     * Only the table's own columns: applying deletes adds metadata columns (_pos) that depend on file layout.
     */
    static Map<String, List<String>> tables(CatalogSettings catalogSettings) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        Catalog catalog = IcebergCatalogs.loader(catalogSettings.name(), catalogSettings.icebergProperties()).loadCatalog();
        try {
            for (TableDefinition table : IngestJob.tables()) {
                List<String> rows = new ArrayList<>();
                Table iceberg = catalog.loadTable(table.identifier());
                List<String> columns = iceberg.schema().columns().stream().map(Types.NestedField::name).toList();
                try (CloseableIterable<Record> it = IcebergGenerics.read(iceberg).build()) {
                    it.forEach(row -> rows.add(columns.stream().map(c -> String.valueOf(row.getField(c)))
                            .collect(Collectors.joining(" | "))));
                }
                rows.sort(null);
                tables.put(table.qualifiedName(), rows);
            }
        } finally {
            if (catalog instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        return tables;
    }

    static LakehouseContents read(CatalogSettings catalogSettings, String bootstrapServers,
                                  Map<String, Map<TopicPartition, Long>> topicsFrom) throws Exception {
        Map<String, List<String>> tables = tables(catalogSettings);
        Map<String, List<String>> topics = new TreeMap<>();
        for (String topic : TOPICS) {
            List<String> records = new ArrayList<>(TopicRecords.committed(bootstrapServers, topic,
                    topicsFrom.getOrDefault(topic, Map.of())).stream().map(r -> r.key() + " " + r.value()).toList());
            records.sort(null);
            topics.put(topic, records);
        }
        return new LakehouseContents(tables, topics);
    }

    long rowCount() {
        return tables.values().stream().mapToLong(List::size).sum();
    }

    long recordCount() {
        return topics.values().stream().mapToLong(List::size).sum();
    }

    /** Per table or topic that differs: how many rows this run lacks and how many it has too many, with examples. */
    String differencesFrom(LakehouseContents expected) {
        StringBuilder out = new StringBuilder();
        describe(expected.tables, tables, out);
        describe(expected.topics, topics, out);
        return out.length() == 0 ? "none" : out.toString();
    }

    private static void describe(Map<String, List<String>> expected, Map<String, List<String>> actual, StringBuilder out) {
        for (String name : expected.keySet()) {
            Map<String, Integer> balance = new HashMap<>();
            expected.get(name).forEach(row -> balance.merge(row, 1, Integer::sum));
            actual.getOrDefault(name, List.of()).forEach(row -> balance.merge(row, -1, Integer::sum));
            List<String> lost = balance.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
            List<String> extra = balance.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey).toList();
            if (!lost.isEmpty() || !extra.isEmpty()) {
                out.append(String.format("%n%s: %d rows lost, %d rows too many; lost e.g. %s; too many e.g. %s", name,
                        lost.size(), extra.size(), lost.stream().limit(2).toList(), extra.stream().limit(2).toList()));
            }
        }
    }
}
