package org.salesops.jobs.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.salesops.jobs.ingest.IngestJob;
import org.salesops.pipelines.bank.CamtParser;
import org.salesops.pipelines.bank.StatementFileParser;
import org.salesops.pipelines.calls.CallRecordParser;
import org.salesops.pipelines.common.RejectedInput;
import org.salesops.pipelines.crm.CrmChangeParser;

/**
 * The limit a replay is measured against: every input record read from Kafka (read_committed, from the
 * beginning to the end offsets that exist at start) and parsed by the same parsers the job uses, with no
 * Flink, no state, no tables. One consumer thread per core, the input partitions dealt out between them,
 * as the job's parallelism deals them out between its source tasks.
 */
final class RawConsumeLimit {

    record Result(long records, long rejected, Duration elapsed) {
        double perSecond() {
            return records / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }
    }

    private static final List<Pattern> INPUT_TOPICS = List.of(Pattern.compile(IngestJob.CRM_TOPICS),
            Pattern.compile(Pattern.quote(IngestJob.CALL_TOPIC)), Pattern.compile(IngestJob.BANK_TOPICS));

    private RawConsumeLimit() {
    }

    static Result run(String bootstrapServers, int threads) throws Exception {
        List<TopicPartition> partitions = inputPartitions(bootstrapServers);
        List<List<TopicPartition>> shares = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < partitions.size(); i++) {
            shares.get(i % threads).add(partitions.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<long[]>> results = new ArrayList<>();
            for (List<TopicPartition> share : shares) {
                results.add(pool.submit(() -> consumeAndParse(bootstrapServers, share)));
            }
            long records = 0;
            long rejected = 0;
            for (Future<long[]> result : results) {
                records += result.get()[0];
                rejected += result.get()[1];
            }
            return new Result(records, rejected, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<TopicPartition> inputPartitions(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics().entrySet()) {
                if (INPUT_TOPICS.stream().anyMatch(p -> p.matcher(topic.getKey()).matches())) {
                    topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            return partitions;
        }
    }

    /** Reads the partitions to their end offsets at start; returns {records, rejected}. */
    private static long[] consumeAndParse(String bootstrapServers, List<TopicPartition> partitions) {
        CrmChangeParser crm = new CrmChangeParser();
        CallRecordParser calls = new CallRecordParser();
        CamtParser camt = new CamtParser();
        StatementFileParser statements = new StatementFileParser();
        long records = 0;
        long rejected = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    try {
                        parse(record, crm, calls, camt, statements);
                    } catch (RejectedInput | RuntimeException e) {
                        rejected++; // the job makes these dead letters; the parse was still done
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return new long[] {records, rejected};
    }

    private static void parse(ConsumerRecord<byte[], byte[]> record, CrmChangeParser crm, CallRecordParser calls,
                              CamtParser camt, StatementFileParser statements) throws RejectedInput {
        String topic = record.topic();
        if (topic.startsWith("crm.")) {
            crm.parse(topic, record.key(), record.value()); // a null value is a Debezium tombstone, parsed too
        } else if (record.value() == null) {
            throw new RejectedInput("empty message");
        } else if (topic.equals(IngestJob.CALL_TOPIC)) {
            calls.parse(new String(record.value(), StandardCharsets.UTF_8));
        } else if (topic.equals(IngestJob.STATEMENT_TOPIC)) {
            statements.parse(record.value(), record.key() == null ? topic : new String(record.key(), StandardCharsets.UTF_8));
        } else {
            camt.parse(record.value(), topic + "-" + record.partition() + "@" + record.offset());
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
