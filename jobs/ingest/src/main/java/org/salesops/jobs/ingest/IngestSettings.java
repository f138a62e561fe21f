package org.salesops.jobs.ingest;

import java.io.Serializable;
import java.time.Duration;
import org.salesops.pipelines.alerts.WorkingCalendar;
import org.salesops.pipelines.metrics.response.ResponseTimeRules;

/**
 * @param outOfOrderness how far behind the newest event another may arrive and still be on time
 * @param idleness       after this long without data an input stops holding the watermark back
 * @param dedupMemory    how long a record's content is remembered to recognise a re-delivery
 * @param responseTime   the lead response-time rules
 * @param calendar       working days for thresholds counted in working days (China's by default)
 */
public record IngestSettings(Duration outOfOrderness, Duration idleness, Duration dedupMemory,
                             ResponseTimeRules responseTime, WorkingCalendar calendar) implements Serializable {

    public static IngestSettings defaults() {
        return new IngestSettings(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofDays(7),
                ResponseTimeRules.defaults(), WorkingCalendar.china());
    }
}
