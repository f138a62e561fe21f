package org.salesops.jobs.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.salesops.pipelines.alerts.Alert;

/**
 * Publishes every alert state as JSON on a Kafka topic, keyed by alert id, exactly once (Kafka
 * transactions committed with Flink's checkpoints; readers use isolation.level=read_committed).
 */
public record KafkaAlertPublisher(String bootstrapServers, String topic) implements AlertPublisher {

    public static final String DEFAULT_TOPIC = "alerts";

    @Override
    public void publish(DataStream<Alert> alerts) {
        Properties producer = new Properties();
        // Must stay below the broker's transaction.max.timeout.ms (15 min by default).
        producer.setProperty("transaction.timeout.ms", "600000");
        KafkaSink<Alert> sink = KafkaSink.<Alert>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(producer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("salesops-alerts")
                .setRecordSerializer(KafkaRecordSerializationSchema.<Alert>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(new AlertKey())
                        .setValueSerializationSchema(new AlertJson())
                        .build())
                .build();
        alerts.sinkTo(sink).name("alerts to Kafka " + topic).uid("alerts-kafka");
    }

    /** The alert id, as the record key (Flink cannot infer a lambda's type here). */
    static final class AlertKey implements SerializationSchema<Alert> {
        @Override
        public byte[] serialize(Alert alert) {
            return alert.alertId.getBytes(StandardCharsets.UTF_8);
        }
    }

    static final class AlertJson implements SerializationSchema<Alert> {
        @Override
        public byte[] serialize(Alert alert) {
            return json(alert);
        }
    }

    /** The alert as the JSON messaging integrations read (field names as in gold.alerts). */
    static byte[] json(Alert alert) {
        Map<String, Object> value = new LinkedHashMap<>();
        alert.toRow().forEach((k, v) -> value.put(k, v instanceof Instant i ? i.toString() : v));
        try {
            return new ObjectMapper().writeValueAsBytes(new java.util.TreeMap<>(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("alert not serialisable: " + alert, e);
        }
    }
}
