package org.salesops.pipelines.alerts;

/**
 * The silence a subject is in for one rule, and how far its alert went. Keyed state of
 * {@link SilenceAlertFunction}; a POJO for Flink.
 */
public class SilenceEpisode {

    public String rule;
    public String subjectType;
    public long subjectId;
    public long ownerId;
    public long silenceStart;
    public long deadline;
    public String message;
    /** Null when a follow-up ends the episode instead of restarting it. */
    public Threshold threshold;
    /** When the alert opens: the deadline, or later if the subject became known after it. */
    public long opensAt;
    /** When the open alert escalates: not before {@link #opensAt}. */
    public long escalatesAt;
    /** Null while silent within the threshold, then {@link Alert#OPEN} or {@link Alert#ESCALATED}. */
    public String alertStatus;

    public SilenceEpisode() {
    }

    static SilenceEpisode of(SilenceEvent watch, long knownAt) {
        SilenceEpisode e = new SilenceEpisode();
        e.rule = watch.rule;
        e.subjectType = watch.subjectType;
        e.subjectId = watch.subjectId;
        e.ownerId = watch.ownerId;
        e.silenceStart = watch.silenceStart;
        e.deadline = watch.deadline;
        e.message = watch.message;
        e.threshold = watch.threshold;
        e.opensAt = Math.max(watch.deadline, knownAt);
        e.escalatesAt = Math.max(watch.escalateAt, e.opensAt);
        return e;
    }

    /** The same silence restarted by an action at {@code start}, e.g. a follow-up on a stalled opportunity. */
    SilenceEpisode restartedAt(long start, long knownAt, WorkingCalendar calendar) {
        return of(SilenceEvent.dwell(rule, subjectType, subjectId, ownerId, start, threshold, calendar, message), knownAt);
    }

    boolean alerting() {
        return alertStatus != null;
    }

    Alert opened() {
        return Alert.open(rule, subjectType, subjectId, ownerId, silenceStart, deadline, message);
    }

    /** The alert as it stands now. */
    Alert alert() {
        Alert open = opened();
        return Alert.ESCALATED.equals(alertStatus) ? open.escalated(escalatesAt) : open;
    }
}
