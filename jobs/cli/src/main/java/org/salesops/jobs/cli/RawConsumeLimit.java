package org.salesops.jobs.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.salesops.jobs.ingest.InputFamily;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.common.RejectedInput;

/**
 * The limit a replay is measured against: every input record read from Kafka (read_committed, from the
 * beginning to the end offsets that exist at start) and parsed by the same parsers the job uses, with no
 * Flink, no state, no tables. One consumer thread per core, the input partitions dealt out between them,
 * as the job's parallelism deals them out between its source tasks. The same reading serves the floor
 * ({@link TypedRowsFloor}), which also stores each record.
 */
final class RawConsumeLimit {

    record Result(long records, long rejected, Duration elapsed) {
        double perSecond() {
            return records / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }

        Result plus(Duration more) {
            return new Result(records, rejected, elapsed.plus(more));
        }
    }

    /** What one consumer thread does with each record it reads, and once after its last. */
    interface RecordWork {
        /** Throws for a record the job would make a dead letter; it is counted as rejected. */
        void accept(InputFamily<?> family, KafkaRecord record) throws RejectedInput;

        default void finish() throws Exception {
        }
    }

    private RawConsumeLimit() {
    }

    /** The limit: each record parsed, nothing kept. */
    static Result run(String bootstrapServers, int threads) throws Exception {
        return run(bootstrapServers, threads, thread -> (family, record) -> family.parse(record));
    }

    /** Reads every input record once, on {@code threads} threads, each with its own work. */
    static Result run(String bootstrapServers, int threads, IntFunction<RecordWork> workOfThread) throws Exception {
        List<InputFamily<?>> families = InputFamily.all();
        List<TopicPartition> partitions = inputPartitions(bootstrapServers, families);
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
            for (int i = 0; i < threads; i++) {
                List<TopicPartition> share = shares.get(i);
                RecordWork work = workOfThread.apply(i);
                results.add(pool.submit(() -> consume(bootstrapServers, share, families, work)));
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

    private static List<TopicPartition> inputPartitions(String bootstrapServers, List<InputFamily<?>> families) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics().entrySet()) {
                if (families.stream().anyMatch(f -> f.reads(topic.getKey()))) {
                    topic.getValue().forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            return partitions;
        }
    }

    /** Reads the partitions to their end offsets at start; returns {records, rejected}. */
    private static long[] consume(String bootstrapServers, List<TopicPartition> partitions,
                                  List<InputFamily<?>> families, RecordWork work) throws Exception {
        Map<String, InputFamily<?>> familyOfTopic = new HashMap<>();
        long records = 0;
        long rejected = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> consumed : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    InputFamily<?> family = familyOfTopic.computeIfAbsent(consumed.topic(),
                            topic -> families.stream().filter(f -> f.reads(topic)).findFirst().orElseThrow());
                    try {
                        work.accept(family, new KafkaRecord(consumed.topic(), consumed.partition(), consumed.offset(),
                                consumed.timestamp(), consumed.key(), consumed.value()));
                    } catch (RejectedInput e) {
                        rejected++; // the job makes these dead letters; the parse was still done
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        work.finish();
        return new long[] {records, rejected};
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
