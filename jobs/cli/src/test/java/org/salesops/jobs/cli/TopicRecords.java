package org.salesops.jobs.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reading what a job published on a topic, as its readers do: committed records only (read_committed). */
final class TopicRecords {

    private TopicRecords() {
    }

    /** Where each partition of the topic ends now, open transactions included: a later run's records start there. */
    static Map<TopicPartition, Long> ends(String bootstrapServers, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, "read_uncommitted")) {
            return consumer.endOffsets(partitions(consumer, topic));
        }
    }

    /**
     * Every committed record from {@code from} (the beginning where a partition is absent) to the end. Fails if
     * a transaction is still open: its records would be invisible to readers until it times out.
     */
    static List<ConsumerRecord<String, String>> committed(String bootstrapServers, String topic,
                                                         Map<TopicPartition, Long> from) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Map<TopicPartition, Long> logEnds = ends(bootstrapServers, topic);
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, "read_committed")) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            // For a read_committed consumer the end is the last stable offset: before any open transaction.
            Map<TopicPartition, Long> stableEnds = consumer.endOffsets(partitions);
            if (!stableEnds.equals(logEnds)) {
                throw new IllegalStateException("a transaction on " + topic + " is still open: stable ends "
                        + stableEnds + ", log ends " + logEnds);
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < stableEnds.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, String isolation) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
