package org.salesops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertEpisodeTest {

    private static final Instant S = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant D = S.plus(Duration.ofHours(24));
    private static final Instant X = S.plus(Duration.ofHours(48));
    private static final Instant DATA_END = S.plus(Duration.ofDays(10));

    @Test
    void anActionKnownByTheDeadlineRaisesNothing() {
        AlertEpisode episode = episode(S);
        episode.endedAt(D);
        assertThat(episode.alert(DATA_END)).isEmpty();
    }

    @Test
    void anActionBetweenDeadlineAndEscalationResolvesWithoutEscalating() {
        AlertEpisode episode = episode(S);
        episode.endedAt(X);
        assertThat(episode.alert(DATA_END)).contains(new GroundTruth.ExpectedAlert(
                "rule:thing:7:" + S.toEpochMilli(), "rule", "thing", 7, 1001, D, null, X));
    }

    @Test
    void theEarliestKnownActionResolvesAfterEscalation() {
        AlertEpisode episode = episode(S);
        Instant late = X.plusSeconds(60);
        episode.endedAt(late.plusSeconds(3600));
        episode.endedAt(late);
        assertThat(episode.alert(DATA_END).orElseThrow())
                .extracting(GroundTruth.ExpectedAlert::escalatedAt, GroundTruth.ExpectedAlert::resolvedAt)
                .containsExactly(X, late);
    }

    @Test
    void aStartKnownLateIsJudgedWhenKnownAndEscalatesNoEarlier() {
        Instant knownAt = X.plusSeconds(5);
        AlertEpisode episode = episode(knownAt);
        assertThat(episode.alert(DATA_END).orElseThrow())
                .extracting(GroundTruth.ExpectedAlert::dueAt, GroundTruth.ExpectedAlert::escalatedAt,
                        GroundTruth.ExpectedAlert::resolvedAt)
                .containsExactly(D, knownAt, null);
    }

    @Test
    void theClockStopsAtTheLastEvent() {
        assertThat(episode(S).alert(D.minusMillis(1))).isEmpty();
        assertThat(episode(S).alert(X.minusMillis(1)).orElseThrow().escalatedAt()).isNull();
    }

    private static AlertEpisode episode(Instant knownAt) {
        return new AlertEpisode("rule", "thing", 7, 1001, S, D, X, knownAt);
    }
}
