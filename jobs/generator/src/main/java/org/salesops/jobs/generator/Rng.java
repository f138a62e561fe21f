package org.salesops.jobs.generator;

import java.util.List;
import java.util.SplittableRandom;

/** The simulation's only source of randomness: one seeded stream, consumed in event order. */
final class Rng {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A uniform integer in [low, high], both included. */
    int between(int low, int high) {
        return random.nextInt(low, high + 1);
    }

    double uniform(double low, double high) {
        return random.nextDouble(low, high);
    }

    /** A log-normal draw around a median: the right shape for waiting times people produce. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }

    /** A Poisson count with the given mean (Knuth's method; the means here are small). */
    int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** One of the items, chosen with the given relative weights. */
    <T> T weighted(List<T> items, double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double draw = random.nextDouble(total);
        for (int i = 0; i < items.size(); i++) {
            draw -= weights[i];
            if (draw < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    String hex(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(HEX[random.nextInt(16)]);
        }
        return out.toString();
    }
}
