package org.salesops.pipelines.integrity;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The thresholds of the integrity rules.
 *
 * @param backDatedAfter    a row whose created_at is at least this long before the commit that entered it is
 *                          back-dated (default 24 h)
 * @param bulkFlipLeads     at least this many distinct leads set to one status by one owner within
 *                          {@code bulkFlipWindow} make a bulk flip (default 10)
 * @param bulkFlipWindow    see {@code bulkFlipLeads}; also the pause that ends a burst (default 10 min)
 * @param callWindow        a logged call needs a call on record this close to its occurred_at, before or after
 *                          (default 2 h)
 * @param approvalStatuses  lead statuses that need a supervisor's approval (default invalid, lost)
 * @param approvalWindow    the approval must be decided this close to the change, before or after (default 24 h)
 * @param retention         how long after it happened (event time) a call, a status change request or a lead's
 *                          deletion is kept to be matched with rows that become known later, e.g. through
 *                          Debezium's snapshot (default 60 days)
 */
public record IntegritySettings(Duration backDatedAfter, int bulkFlipLeads, Duration bulkFlipWindow,
                                Duration callWindow, List<String> approvalStatuses, Duration approvalWindow,
                                Duration retention) implements Serializable {

    public IntegritySettings {
        approvalStatuses = List.copyOf(approvalStatuses);
        if (bulkFlipLeads < 2) {
            throw new IllegalArgumentException("a bulk flip needs at least 2 leads, not " + bulkFlipLeads);
        }
        if (retention.compareTo(callWindow) < 0 || retention.compareTo(approvalWindow) < 0) {
            throw new IllegalArgumentException("retention must cover the call and approval windows");
        }
    }

    public static IntegritySettings defaults() {
        return new IntegritySettings(Duration.ofHours(24), 10, Duration.ofMinutes(10), Duration.ofHours(2),
                List.of("invalid", "lost"), Duration.ofHours(24), Duration.ofDays(60));
    }
}
