package org.salesops.jobs.cli;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.salesops.jobs.generator.GeneratedCompany;
import org.salesops.jobs.generator.WireFormats;
import org.salesops.jobs.ingest.IngestJob;
import org.salesops.jobs.ingest.KafkaTopics;

/**
 * Publishes a generated company to Kafka in the formats the real systems emit: Debezium JSON per
 * CRM table, Asterisk cdr_csv lines and Twilio Call JSON on pbx.cdr, camt.054 documents on
 * bank.camt054 — plus the malformed payloads, and a re-delivery of every n-th record (what a
 * connector does after a restart) that the pipeline must not count twice. Record times are the
 * events' own times.
 */
public final class CompanyPublisher {

    /**
     * @param withSchemaWrapper Debezium JSON converter with schemas.enable
     * @param decimalsAsBase64  decimal.handling.mode=precise instead of string
     * @param redeliverEvery    re-send every n-th record once more (0 = never)
     * @param partitions        partitions per topic
     */
    public record Options(boolean withSchemaWrapper, boolean decimalsAsBase64, int redeliverEvery, int partitions) {
        public static Options defaults() {
            return new Options(true, false, 250, 2);
        }
    }

    /** What was sent: records per topic family, and how many were re-deliveries. */
    public record Published(Map<String, Long> recordsPerFamily, long redeliveries) {
        public long total() {
            return recordsPerFamily.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private CompanyPublisher() {
    }

    public static long recordCount(GeneratedCompany company) {
        return company.crmChanges().size() + company.calls().size() + company.bankNotifications().size()
                + company.malformedPayloads().size();
    }

    public static Published publish(GeneratedCompany company, String bootstrapServers, Options options,
                                    LongConsumer onSent) throws ExecutionException, InterruptedException {
        KafkaTopics.ensure(bootstrapServers, KafkaTopics.all(), options.partitions());
        List<ProducerRecord<byte[], byte[]>> records = records(company, options);
        Map<String, Long> perFamily = new TreeMap<>();
        long redeliveries = 0;
        // A send that finally fails must not pass unnoticed: the counts below are what the tests expect to find.
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback remember = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
            long sent = 0;
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record, remember);
                perFamily.merge(family(record.topic()), 1L, Long::sum);
                sent++;
                if (options.redeliverEvery() > 0 && sent % options.redeliverEvery() == 0) {
                    producer.send(record, remember);
                    perFamily.merge(family(record.topic()), 1L, Long::sum);
                    redeliveries++;
                }
                onSent.accept(1);
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new ExecutionException("publishing the company to Kafka failed: " + failure.get().getMessage(), failure.get());
        }
        return new Published(perFamily, redeliveries);
    }

    static List<ProducerRecord<byte[], byte[]>> records(GeneratedCompany company, Options options) {
        return WireFormats.records(company, options.withSchemaWrapper(), options.decimalsAsBase64()).stream()
                .map(r -> new ProducerRecord<>(r.topic(), null, r.timestamp(), r.key(), r.value()))
                .toList();
    }

    static String family(String topic) {
        return topic.startsWith("crm.") ? "crm" : topic.equals(IngestJob.CALL_TOPIC) ? "calls" : "bank";
    }

    private static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // One batch in flight per broker: after a NOT_LEADER_OR_FOLLOWER retry on a just-created topic, a second batch
        // in flight made the idempotent producer retry OUT_OF_ORDER_SEQUENCE_NUMBER until it expired (seen in CI).
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return config;
    }
}
