package org.salesops.jobs.ingest;

import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.salesops.pipelines.alerts.Alert;

/** Where alerts go besides the gold.alerts table: the Kafka topic messaging integrations read. */
@FunctionalInterface
public interface AlertPublisher extends Serializable {
    void publish(DataStream<Alert> alerts);
}
