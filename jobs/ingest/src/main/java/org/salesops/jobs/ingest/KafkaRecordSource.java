package org.salesops.jobs.ingest;

import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.salesops.pipelines.common.KafkaRecord;

/**
 * Reads the topics of one input family from Kafka. Offsets live in Flink's checkpoints, so a
 * restart resumes exactly where the last committed Iceberg snapshot ended. Bounded mode reads
 * up to the offsets that exist at start and then finishes (replays, the embedded demo, tests), also when
 * restarted from a checkpoint or savepoint, and, in a job that checkpoints, only once a checkpoint covers its
 * last record (see FinishingKafkaSource). Checkpointing must be configured before the source is opened.
 */
public record KafkaRecordSource(String bootstrapServers, String topicPattern, String groupId, boolean bounded)
        implements RecordSource {

    @Override
    public DataStream<KafkaRecord> open(StreamExecutionEnvironment env, WatermarkStrategy<KafkaRecord> watermarks) {
        Properties consumer = new Properties();
        consumer.setProperty("isolation.level", "read_committed");
        KafkaSourceBuilder<KafkaRecord> builder = KafkaSource.<KafkaRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopicPattern(Pattern.compile(topicPattern))
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new KafkaRecordDeserializer())
                .setProperties(consumer);
        if (!bounded) {
            return env.fromSource(builder.build(), watermarks, "kafka " + topicPattern).uid("source-" + topicPattern);
        }
        builder.setBounded(OffsetsInitializer.latest());
        boolean checkpointed = env.getCheckpointConfig().isCheckpointingEnabled();
        return env.fromSource(new FinishingKafkaSource<>(builder.build(), checkpointed), watermarks, "kafka " + topicPattern)
                .uid("source-" + topicPattern);
    }
}
