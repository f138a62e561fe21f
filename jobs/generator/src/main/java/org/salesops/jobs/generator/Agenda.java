package org.salesops.jobs.generator;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The simulation's clock: actions run in time order (ties in the order they were scheduled), so
 * every row, call and bank credit is produced in the order it happens and ids grow with time.
 */
final class Agenda {

    private record Entry(Instant at, long order, Runnable action) {
    }

    private final PriorityQueue<Entry> queue =
            new PriorityQueue<>(Comparator.comparing(Entry::at).thenComparingLong(Entry::order));
    private long scheduled;
    private Instant now;

    Agenda(Instant start) {
        this.now = start;
    }

    Instant now() {
        return now;
    }

    /** Runs the action at the instant; an instant already past means "right away". */
    void at(Instant when, Runnable action) {
        queue.add(new Entry(when.isBefore(now) ? now : when, scheduled++, action));
    }

    /** Runs every action due before the end; later ones are beyond the simulated period and dropped. */
    void runUntil(Instant end) {
        while (!queue.isEmpty() && queue.peek().at().isBefore(end)) {
            Entry next = queue.poll();
            now = next.at();
            next.action().run();
        }
        queue.clear();
    }
}
