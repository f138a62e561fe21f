package org.salesops.pipelines.metrics.response;

import java.io.Serializable;
import java.time.Duration;

/**
 * @param sla       time allowed from assignment to first real contact (default 24 h)
 * @param retention how long after it happened (in event time) an assignment, a contact or a call
 *                  is kept to be matched with the others. It must cover the CRM history a Debezium
 *                  snapshot brings: the snapshot reveals leads and follow-ups at the snapshot's
 *                  commit time, long after the calls that answered them (default 60 days).
 */
public record ResponseTimeRules(Duration sla, Duration retention) implements Serializable {

    public static ResponseTimeRules defaults() {
        return new ResponseTimeRules(Duration.ofHours(24), Duration.ofDays(60));
    }
}
