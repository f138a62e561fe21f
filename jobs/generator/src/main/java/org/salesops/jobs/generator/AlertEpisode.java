package org.salesops.jobs.generator;

import java.time.Instant;
import java.util.Optional;

/**
 * One stretch of silence on a subject that an alert rule watches: from silenceStart, due at dueAt,
 * escalating at escalationAt, started by a change known downstream at knownAt, and ended by the
 * first ending action (as known downstream), if any.
 */
final class AlertEpisode {

    final String rule;
    final String subjectType;
    final long subjectId;
    final long ownerId;
    final Instant silenceStart;
    final Instant dueAt;
    final Instant escalationAt;
    final Instant knownAt;
    private Instant endedAt;

    AlertEpisode(String rule, String subjectType, long subjectId, long ownerId, Instant silenceStart, Instant dueAt,
                 Instant escalationAt, Instant knownAt) {
        this.rule = rule;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.ownerId = ownerId;
        this.silenceStart = silenceStart;
        this.dueAt = dueAt;
        this.escalationAt = escalationAt;
        this.knownAt = knownAt;
    }

    /** An ending action became known at the given time; the earliest one counts. */
    void endedAt(Instant known) {
        if (endedAt == null || known.isBefore(endedAt)) {
            endedAt = known;
        }
    }

    /**
     * The alert this episode raises when the data runs until lastEventAt: none when the deadline is
     * not reached by the data, or an ending action was known by the evaluation time.
     */
    Optional<GroundTruth.ExpectedAlert> alert(Instant lastEventAt) {
        Instant evaluatedAt = later(dueAt, knownAt);
        if (evaluatedAt.isAfter(lastEventAt) || endedAt != null && !endedAt.isAfter(evaluatedAt)) {
            return Optional.empty();
        }
        Instant escalation = later(escalationAt, evaluatedAt);
        boolean escalates = (endedAt == null || endedAt.isAfter(escalation)) && !escalation.isAfter(lastEventAt);
        String alertId = rule + ":" + subjectType + ":" + subjectId + ":" + silenceStart.toEpochMilli();
        return Optional.of(new GroundTruth.ExpectedAlert(alertId, rule, subjectType, subjectId, ownerId, dueAt,
                escalates ? escalation : null, endedAt));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
