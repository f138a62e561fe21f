package org.salesops.pipelines.routine;

/** A daily report as the operator last saw it, and since when it has been there. Keyed state; a POJO for Flink. */
public class KnownReport {

    public RoutineEvent latest;
    /** When the row first reached the CRM's database for this rep (commit time): what on time is judged by. */
    public long knownAt;

    public KnownReport() {
    }

    KnownReport(RoutineEvent latest, long knownAt) {
        this.latest = latest;
        this.knownAt = knownAt;
    }

    /** The next state after a newer change: a row that comes back after a removal is known anew. */
    static KnownReport after(KnownReport previous, RoutineEvent change, long at) {
        boolean continues = previous != null && !previous.latest.removed;
        return new KnownReport(change, continues ? previous.knownAt : at);
    }

    boolean present() {
        return !latest.removed;
    }
}
