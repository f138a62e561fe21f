package org.salesops.pipelines.metrics.response;

import java.io.Serializable;
import java.time.Duration;

/**
 * @param sla        time allowed from assignment to first real contact (default 24 h)
 * @param lateness   how late (behind the watermark) a contact or assignment may still arrive and count
 * @param retention  how long an assignment is kept to improve its result with late-logged contacts
 */
public record ResponseTimeRules(Duration sla, Duration lateness, Duration retention) implements Serializable {

    public static ResponseTimeRules defaults() {
        return new ResponseTimeRules(Duration.ofHours(24), Duration.ofHours(1), Duration.ofDays(30));
    }
}
