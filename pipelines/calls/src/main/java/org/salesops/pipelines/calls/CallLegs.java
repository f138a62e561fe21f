package org.salesops.pipelines.calls;

import java.util.Comparator;
import java.util.Objects;

/**
 * One call can arrive as several records with the same {@code callId}: Asterisk writes a line per phone
 * a ring group or fork rang (same {@code uniqueid}, one ANSWERED, the others NO ANSWER), and replays
 * repeat records. Keeping the first or the last would lose the answered leg whenever it is not the one
 * that happens to arrive at that end, and with it the proof that a rep reached a lead. So of two
 * records of one call the one that tells more wins: connected, then more talk time, then answered, then
 * the later end, then the longer duration, then the rep extension in text order (so the choice does not
 * depend on arrival order). Use it as the reduce function of a stream keyed by {@code callId}.
 */
public final class CallLegs {

    private static final Comparator<CallRecord> MORE_TELLING = Comparator
            .comparing(CallRecord::connected)
            .thenComparingInt(CallRecord::billableSeconds)
            .thenComparing(r -> r.answeredAt() != null)
            .thenComparing(CallRecord::endedAt)
            .thenComparingInt(CallRecord::durationSeconds)
            .thenComparing(CallRecord::repExtension, Comparator.nullsFirst(Comparator.naturalOrder()));

    private CallLegs() {
    }

    /** The record to keep of two records of one call. */
    public static CallRecord preferred(CallRecord a, CallRecord b) {
        if (!Objects.equals(a.callId(), b.callId())) {
            throw new IllegalArgumentException("different calls: " + a.callId() + " and " + b.callId());
        }
        return MORE_TELLING.compare(b, a) > 0 ? b : a;
    }
}
