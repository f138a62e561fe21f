package org.salesops.jobs.ingest;

import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.salesops.pipelines.alerts.Alert;
import org.salesops.pipelines.matching.PaymentMatch;

/**
 * Where results go besides their gold tables, as they happen: alerts for messaging integrations,
 * payment matches for finance's tools. Injected, so a test collects what the job would publish.
 */
public interface ResultPublisher extends Serializable {

    /** Every state of every alert (open, escalated, resolved). */
    void alerts(DataStream<Alert> alerts);

    /** Every state of every bank transaction's match (matched, suggested, confirmed, unmatched, ...). */
    void paymentMatches(DataStream<PaymentMatch> matches);
}
