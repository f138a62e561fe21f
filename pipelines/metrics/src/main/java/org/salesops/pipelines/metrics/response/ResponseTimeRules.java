package org.salesops.pipelines.metrics.response;

import java.io.Serializable;
import java.time.Duration;
import org.salesops.pipelines.alerts.BusinessHours;

/**
 * @param sla       time allowed from assignment to first real contact (default 24 h)
 * @param retention how long after it happened (in event time) an assignment, a contact or a call
 *                  is kept to be matched with the others. It must cover the CRM history a Debezium
 *                  snapshot brings: the snapshot reveals leads and follow-ups at the snapshot's
 *                  commit time, long after the calls that answered them (default 60 days).
 * @param businessHours office hours on working days, for the response time in business minutes
 */
public record ResponseTimeRules(Duration sla, Duration retention, BusinessHours businessHours) implements Serializable {

    /** Rules for matching calls only, where business time plays no part. */
    public ResponseTimeRules(Duration sla, Duration retention) {
        this(sla, retention, BusinessHours.configured());
    }

    public static ResponseTimeRules defaults() {
        return new ResponseTimeRules(Duration.ofHours(24), Duration.ofDays(60));
    }
}
