package org.salesops.pipelines.routine;

import org.salesops.pipelines.process.ChangeVersion;

/**
 * A person the operator holds to the daily report: a rep on the payroll since {@link #since}, and
 * the next working day whose deadline is awaited. Keyed state; a POJO for Flink.
 */
public class RepOnPayroll {

    /** When the pipeline learned the person is a rep (commit time): days whose deadline came earlier are not judged. */
    public long since;
    public Long teamId;
    public ChangeVersion version;
    /** The next working day to decide, as days since 1970-01-01. */
    public long nextDay;
    /** That day's deadline in epoch millis. */
    public long nextDeadline;

    public RepOnPayroll() {
    }

    RepOnPayroll(long since, Long teamId, ChangeVersion version) {
        this.since = since;
        this.teamId = teamId;
        this.version = version;
    }
}
