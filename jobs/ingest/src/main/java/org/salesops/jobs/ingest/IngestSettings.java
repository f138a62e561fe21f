package org.salesops.jobs.ingest;

import java.io.Serializable;
import java.time.Duration;
import org.salesops.pipelines.alerts.WorkingCalendar;
import org.salesops.pipelines.integrity.IntegritySettings;
import org.salesops.pipelines.matching.MatchingSettings;
import org.salesops.pipelines.process.ProcessSettings;
import org.salesops.pipelines.metrics.response.ResponseTimeRules;

/**
 * @param outOfOrderness how far behind the newest event another may arrive and still be on time
 * @param allowedLateness how far behind the watermark a record may still be loaded; one further
 *                       behind becomes a dead letter of kind late
 * @param idleness       after this long without data an input stops holding the watermark back
 * @param liveClock      live run: a quiet input's watermark follows the wall clock after the idleness
 *                       (see LiveClockWatermarks), so deadlines pass with nothing arriving; off for replays
 * @param dedupMemory    how long a record's content is remembered to recognise a re-delivery
 * @param responseTime   the lead response-time rules
 * @param calendar       working days for thresholds counted in working days (China's by default)
 * @param process        discovery, commitment and key-node metric settings
 * @param integrity      integrity-anomaly thresholds
 * @param matching       payment-matching rules, tolerances and currencies (schemas/config/matching.json)
 */
public record IngestSettings(Duration outOfOrderness, Duration allowedLateness, Duration idleness, boolean liveClock,
                             Duration dedupMemory,
                             ResponseTimeRules responseTime, WorkingCalendar calendar, ProcessSettings process,
                             IntegritySettings integrity, MatchingSettings matching) implements Serializable {

    public static IngestSettings defaults() {
        return new IngestSettings(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(1), false,
                Duration.ofDays(7),
                ResponseTimeRules.defaults(), WorkingCalendar.china(), ProcessSettings.defaults(),
                IntegritySettings.defaults(), MatchingSettings.load());
    }

    /**
     * The same settings for a live run: event times are close to now, so a small out-of-orderness
     * suffices and quiet inputs follow the wall clock after a short idleness.
     */
    public IngestSettings live(Duration outOfOrderness, Duration idleness) {
        return new IngestSettings(outOfOrderness, allowedLateness, idleness, true, dedupMemory, responseTime, calendar,
                process, integrity, matching);
    }
}
