package org.salesops.jobs.ingest;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.matching.PaymentMatch;

/** Publishes into {@link CollectingSink}, for tests to see what the job would put on Kafka. */
class CollectingPublisher implements ResultPublisher {

    @Override
    public void alerts(DataStream<Alert> alerts) {
        alerts.sinkTo(new CollectingSink<>());
    }

    @Override
    public void paymentMatches(DataStream<PaymentMatch> matches) {
        matches.sinkTo(new CollectingSink<>());
    }
}
