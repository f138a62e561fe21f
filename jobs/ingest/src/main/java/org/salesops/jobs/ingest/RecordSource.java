package org.salesops.jobs.ingest;

import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.salesops.pipelines.common.KafkaRecord;

/** Where one input family's records come from: Kafka in production, a bounded list in tests. */
@FunctionalInterface
public interface RecordSource extends Serializable {
    DataStream<KafkaRecord> open(StreamExecutionEnvironment env);
}
