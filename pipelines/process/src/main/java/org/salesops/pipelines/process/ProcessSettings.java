package org.salesops.pipelines.process;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Thresholds of the sales-process metrics.
 *
 * @param zone               the company's time zone: what "day" and "week" mean (default Asia/Shanghai)
 * @param discoveryLateness  how long after a day ends (in event time) a follow-up logged late still
 *                           corrects that day's discovery aggregate (default 48 h: reps log the
 *                           evening's calls the next day)
 * @param registrationWindow how long after a follow-up a commitment may be registered and still
 *                           count for the promise in its notes (default 24 h)
 * @param feedbackWindow     how long after a quote is sent its feedback is due (default 24 h)
 * @param retention          how long (in event time) a record's last state is kept to recognise
 *                           duplicates, stale changes and late counterparts (default 30 days)
 */
public record ProcessSettings(ZoneId zone, Duration discoveryLateness, Duration registrationWindow,
                              Duration feedbackWindow, Duration retention) implements Serializable {

    public static ProcessSettings defaults() {
        return new ProcessSettings(ZoneId.of("Asia/Shanghai"), Duration.ofHours(48), Duration.ofHours(24),
                Duration.ofHours(24), Duration.ofDays(30));
    }
}
