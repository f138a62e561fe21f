package org.salesops.pipelines.process;

/** A follow-up's promise as last known, and what has been reported about it. A POJO for Flink state. */
public class PendingPromise {
    /** The latest signal applied (a withdrawal too, so a re-delivered older promise is recognised). */
    public PromiseSignal signal;
    /** The row last written while it counts as unregistered; null when nothing counts now. */
    public UnregisteredCommitment reported;

    public PendingPromise() {
    }

    public PendingPromise(PromiseSignal signal, UnregisteredCommitment reported) {
        this.signal = signal;
        this.reported = reported;
    }
}
