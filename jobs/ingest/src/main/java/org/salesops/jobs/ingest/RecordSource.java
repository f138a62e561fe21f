package org.salesops.jobs.ingest;

import java.io.Serializable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.salesops.pipelines.common.KafkaRecord;

/**
 * Where one input family's records come from: Kafka in production, a bounded list in tests. The
 * source applies the job's watermark strategy itself, so that Kafka generates watermarks per
 * partition: event time then stays right however fast each topic is read.
 */
@FunctionalInterface
public interface RecordSource extends Serializable {
    DataStream<KafkaRecord> open(StreamExecutionEnvironment env, WatermarkStrategy<KafkaRecord> watermarks);
}
