package org.salesops.jobs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.matching.PaymentMatch;

/**
 * Publishes results as JSON (field names as in their gold tables, times as ISO-8601 text) on Kafka
 * topics, keyed by what the table is keyed by, exactly once: Kafka transactions committed with
 * Flink's checkpoints; readers use isolation.level=read_committed.
 */
public record KafkaResultPublisher(String bootstrapServers) implements ResultPublisher {

    public static final String ALERTS_TOPIC = "alerts";
    public static final String PAYMENT_MATCHES_TOPIC = "payment-matches";
    /**
     * One mapper for every record: a new one per record rebuilt Jackson's serializers each time, a fifth of the
     * payment-matching task's time in a profile of the live job. Thread-safe once configured (it never is here).
     */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record key of a value (Flink cannot infer a lambda's type here). */
    interface KeyOf<T> extends Serializable {
        String key(T value);
    }

    interface RowOf<T> extends Serializable {
        Map<String, Object> row(T value);
    }

    @Override
    public void alerts(DataStream<Alert> alerts) {
        toTopic(alerts, ALERTS_TOPIC, a -> a.alertId, Alert::toRow);
    }

    @Override
    public void paymentMatches(DataStream<PaymentMatch> matches) {
        toTopic(matches, PAYMENT_MATCHES_TOPIC, m -> m.payment.accountId + "/" + m.payment.transactionKey,
                PaymentMatch::toRow);
    }

    private <T> void toTopic(DataStream<T> values, String topic, KeyOf<T> key, RowOf<T> row) {
        Properties producer = new Properties();
        // Must stay below the broker's transaction.max.timeout.ms (15 min by default).
        producer.setProperty("transaction.timeout.ms", "600000");
        KafkaSink<KeyedJson> sink = KafkaSink.<KeyedJson>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(producer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("salesops-" + topic)
                .setRecordSerializer(KafkaRecordSerializationSchema.<KeyedJson>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(new KeyBytes())
                        .setValueSerializationSchema(new ValueBytes())
                        .build())
                .build();
        // Serialised before the sink: Flink cannot infer the type of a generic serialisation schema.
        values.map(v -> new KeyedJson(key.key(v).getBytes(StandardCharsets.UTF_8), json(row.row(v))))
                .returns(KeyedJson.class).name(topic + " as JSON").uid(topic + "-json")
                .sinkTo(sink).name(topic + " to Kafka").uid(topic + "-kafka");
    }

    /** One Kafka record's key and value, ready to send. A POJO for Flink. */
    public static class KeyedJson {
        public byte[] key;
        public byte[] value;

        public KeyedJson() {
        }

        KeyedJson(byte[] key, byte[] value) {
            this.key = key;
            this.value = value;
        }
    }

    static final class KeyBytes implements SerializationSchema<KeyedJson> {
        @Override
        public byte[] serialize(KeyedJson record) {
            return record.key;
        }
    }

    static final class ValueBytes implements SerializationSchema<KeyedJson> {
        @Override
        public byte[] serialize(KeyedJson record) {
            return record.value;
        }
    }

    /** A table row as JSON: times as ISO-8601 text, keys in order. */
    static byte[] json(Map<String, Object> row) {
        Map<String, Object> value = new TreeMap<>();
        row.forEach((k, v) -> value.put(k, v instanceof Temporal t ? t.toString() : v));
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable as JSON: " + row, e);
        }
    }
}
