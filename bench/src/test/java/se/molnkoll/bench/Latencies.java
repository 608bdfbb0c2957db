package se.molnkoll.bench;

import java.util.Arrays;

/** Durations of repeated operations, in milliseconds, and their percentiles. */
final class Latencies {

    private final double[] millis;
    private int count;

    Latencies(int capacity) {
        millis = new double[capacity];
    }

    synchronized void add(long nanos) {
        if (count < millis.length) millis[count++] = nanos / 1_000_000.0;
    }

    synchronized int count() {
        return count;
    }

    synchronized double percentile(double p) {
        if (count == 0) return Double.NaN;
        double[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(index, count - 1))];
    }
}
