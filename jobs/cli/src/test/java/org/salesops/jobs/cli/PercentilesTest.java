package org.salesops.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankPercentilesOfUnsortedSamples() {
        List<Long> samples = List.of(40L, 10L, 30L, 20L, 50L, 60L, 70L, 80L, 90L, 100L);

        assertThat(Percentiles.of(samples, 50)).isEqualTo(50.0);
        assertThat(Percentiles.of(samples, 90)).isEqualTo(90.0);
        assertThat(Percentiles.of(samples, 99)).isEqualTo(100.0);
        assertThat(Percentiles.of(samples, 1)).isEqualTo(10.0);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Percentiles.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Percentiles.median(List.of(4L, 1L, 3L, 2L))).isEqualTo(2.5);
        assertThat(Percentiles.median(List.of(7))).isEqualTo(7.0);
    }

    @Test
    void noSamplesIsAnError() {
        assertThatThrownBy(() -> Percentiles.median(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(), 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
