package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.jobs.ingest.IngestJob;

/** The drop folder against the real broker of the shared stack. */
class StatementFolderTest {

    @TempDir
    Path folder;

    @Test
    void finishedFilesTravelWholeKeyedByNameAndUnfinishedOnesWait() throws Exception {
        String kafka = CompanyOnTheStack.get().stack.kafkaBootstrap();
        byte[] mt940 = Files.readAllBytes(sample("mt940/zilverline__mt940/ing_structured.txt"));
        byte[] csv = Files.readAllBytes(sample("cn-bank-export/deb-sig__double-entry-generator/boc/debit/example-boc-records.csv"));
        write("中国银行-2026-03.csv", csv, Duration.ofMinutes(1));
        write("ing-2014.sta", mt940, Duration.ofMinutes(1));
        write("downloading.csv.part", csv, Duration.ofMinutes(1));
        write("just-saved.sta", mt940, Duration.ZERO);

        List<StatementFolder.Outcome> outcomes;
        try (StatementFolder drop = new StatementFolder(folder, kafka, Duration.ofSeconds(30))) {
            outcomes = drop.sweep();
        }

        assertThat(outcomes).extracting(o -> o.file().getFileName().toString())
                .containsExactly("ing-2014.sta", "中国银行-2026-03.csv");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.published()).isTrue());
        assertThat(outcomes.get(1).verdict()).startsWith("17 transactions");
        Map<String, byte[]> published = statementsOnKafka(kafka);
        assertThat(published.get("中国银行-2026-03.csv")).isEqualTo(csv);
        assertThat(published.get("ing-2014.sta")).isEqualTo(mt940);
        assertThat(published).doesNotContainKeys("downloading.csv.part", "just-saved.sta");
        try (var files = Files.list(folder.resolve("processed"))) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(2)
                    .allSatisfy(n -> assertThat(n).matches("\\d{8}T\\d{6}-.*"));
        }
        assertThat(folder.resolve("downloading.csv.part")).exists();
        assertThat(folder.resolve("just-saved.sta")).exists();
    }

    void write(String name, byte[] bytes, Duration age) throws Exception {
        Path file = Files.write(folder.resolve(name), bytes);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    }

    static Path sample(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("samples").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample not found: " + relative);
    }

    static Map<String, byte[]> statementsOnKafka(String kafka) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        Map<String, byte[]> byName = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(IngestJob.STATEMENT_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    byName.put(r.key(), r.value());
                }
            }
        }
        return byName;
    }
}
