package org.salesops.pipelines.alerts;

import java.util.Objects;

/**
 * What a CRM change means to one alert rule for one subject: an awaited action starts (WATCH), it
 * happened (TOUCH), or nothing is awaited any more (STOP). Keyed by {@link #key()}. A POJO for
 * Flink; its element timestamp is the CRM change's commit time.
 */
public class SilenceEvent {

    public static final String WATCH = "watch";
    public static final String TOUCH = "touch";
    public static final String STOP = "stop";

    public String kind;
    public String rule;
    /** Set on WATCH only. */
    public String subjectType;
    public long subjectId;
    public long ownerId;
    /** WATCH: when the silence started (epoch millis); it names the episode and its alert. */
    public long silenceStart;
    public long deadline;
    public long escalateAt;
    public String message;
    /** WATCH of a dwell rule: how a follow-up restarts the silence; null when a follow-up ends it. */
    public Threshold threshold;
    /** TOUCH: when the awaited action happened (epoch millis). */
    public long at;

    public SilenceEvent() {
    }

    public static SilenceEvent watch(String rule, String subjectType, long subjectId, long ownerId, long silenceStart,
                                     long deadline, long escalateAt, String message, Threshold threshold) {
        SilenceEvent e = new SilenceEvent();
        e.kind = WATCH;
        e.rule = rule;
        e.subjectType = subjectType;
        e.subjectId = subjectId;
        e.ownerId = ownerId;
        e.silenceStart = silenceStart;
        e.deadline = deadline;
        e.escalateAt = escalateAt;
        e.message = message;
        e.threshold = threshold;
        return e;
    }

    /**
     * WATCH of a dwell rule: silent since {@code silenceStart}, due when silent for {@code threshold} and
     * escalated at twice it; a follow-up (TOUCH) restarts the silence with the same threshold.
     */
    public static SilenceEvent dwell(String rule, String subjectType, long subjectId, long ownerId, long silenceStart,
                                     Threshold threshold, WorkingCalendar calendar, String message) {
        return watch(rule, subjectType, subjectId, ownerId, silenceStart, threshold.after(silenceStart, calendar),
                threshold.twice().after(silenceStart, calendar), message, threshold);
    }

    public static SilenceEvent touch(String rule, long subjectId, long at) {
        SilenceEvent e = new SilenceEvent();
        e.kind = TOUCH;
        e.rule = rule;
        e.subjectId = subjectId;
        e.at = at;
        return e;
    }

    public static SilenceEvent stop(String rule, long subjectId) {
        SilenceEvent e = new SilenceEvent();
        e.kind = STOP;
        e.rule = rule;
        e.subjectId = subjectId;
        return e;
    }

    /** The operator's key: one episode at a time per rule and subject. */
    public String key() {
        return rule + ":" + subjectId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SilenceEvent e && subjectId == e.subjectId && ownerId == e.ownerId
                && silenceStart == e.silenceStart && deadline == e.deadline && escalateAt == e.escalateAt
                && at == e.at && Objects.equals(kind, e.kind) && Objects.equals(rule, e.rule)
                && Objects.equals(subjectType, e.subjectType) && Objects.equals(message, e.message)
                && Objects.equals(threshold, e.threshold);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, rule, subjectId, silenceStart, at);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case WATCH -> "WATCH(" + key() + " owner " + ownerId + " from " + silenceStart + " due " + deadline
                    + " escalate " + escalateAt + (threshold == null ? "" : " threshold " + threshold) + ")";
            case TOUCH -> "TOUCH(" + key() + " at " + at + ")";
            default -> kind.toUpperCase() + "(" + key() + ")";
        };
    }
}
