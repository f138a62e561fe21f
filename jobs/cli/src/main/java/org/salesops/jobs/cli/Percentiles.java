package org.salesops.jobs.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles and medians of a benchmark's samples (the machine is noisy: medians, not means). */
final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank p-th percentile (0 < p <= 100) of the samples, which need not be sorted. */
    static double of(List<? extends Number> samples, double p) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>();
        samples.forEach(s -> sorted.add(s.doubleValue()));
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The median; with an even count, the mean of the two middle samples. */
    static double median(List<? extends Number> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>();
        samples.forEach(s -> sorted.add(s.doubleValue()));
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
