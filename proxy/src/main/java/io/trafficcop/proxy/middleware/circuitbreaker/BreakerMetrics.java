package io.trafficcop.proxy.middleware.circuitbreaker;

import java.util.Arrays;

/**
 * The rolling metrics a circuit breaker decides on (oxy memmetrics RTMetrics): over the last 10 seconds, in 1 s
 * buckets, the request count, the network errors (502 and 504 answers), the count per status code and the
 * latencies. Not thread-safe: the breaker guards it.
 */
final class BreakerMetrics {

    private static final int BUCKETS = 10;
    private static final long BUCKET_NANOS = 1_000_000_000L;

    private final long[] bucketIds = new long[BUCKETS];
    private final long[] totals = new long[BUCKETS];
    private final long[] networkErrors = new long[BUCKETS];
    private final long[][] codes = new long[BUCKETS][1000];
    private final long[][] latencies = new long[BUCKETS][];
    private final int[] latencyCounts = new int[BUCKETS];
    private long now;

    BreakerMetrics() {
        Arrays.fill(bucketIds, Long.MIN_VALUE);
    }

    /** Moves the window to {@code nowNanos}. */
    void advance(long nowNanos) {
        this.now = nowNanos;
    }

    void record(int status, long latencyNanos) {
        int b = bucket();
        totals[b]++;
        if (status == 502 || status == 504) {
            networkErrors[b]++;
        }
        if (status >= 0 && status < 1000) {
            codes[b][status]++;
        }
        if (latencies[b] == null) {
            latencies[b] = new long[16];
        } else if (latencyCounts[b] == latencies[b].length) {
            latencies[b] = Arrays.copyOf(latencies[b], latencies[b].length * 2);
        }
        latencies[b][latencyCounts[b]++] = latencyNanos;
    }

    void reset() {
        Arrays.fill(bucketIds, Long.MIN_VALUE);
    }

    double networkErrorRatio() {
        long total = 0;
        long errors = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (live(b)) {
                total += totals[b];
                errors += networkErrors[b];
            }
        }
        return total == 0 ? 0 : (double) errors / total;
    }

    /** Codes in [from, to) over codes in [dividedByFrom, dividedByTo); 0 when the latter is empty. */
    double responseCodeRatio(int from, int to, int dividedByFrom, int dividedByTo) {
        long a = 0;
        long d = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (!live(b)) {
                continue;
            }
            for (int code = 0; code < 1000; code++) {
                long n = codes[b][code];
                if (n == 0) {
                    continue;
                }
                if (code >= from && code < to) {
                    a += n;
                }
                if (code >= dividedByFrom && code < dividedByTo) {
                    d += n;
                }
            }
        }
        return d == 0 ? 0 : (double) a / d;
    }

    /** The latency at {@code quantile} percent (e.g. 50.0) in milliseconds; 0 without requests. */
    double latencyAtQuantileMillis(double quantile) {
        int n = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (live(b)) {
                n += latencyCounts[b];
            }
        }
        if (n == 0) {
            return 0;
        }
        long[] all = new long[n];
        int i = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (live(b)) {
                System.arraycopy(latencies[b], 0, all, i, latencyCounts[b]);
                i += latencyCounts[b];
            }
        }
        Arrays.sort(all);
        int index = (int) Math.ceil(quantile / 100.0 * n) - 1;
        long value = all[Math.max(0, Math.min(n - 1, index))];
        return value / 1_000_000L; // whole milliseconds, as Go's Duration / time.Millisecond
    }

    private int bucket() {
        long id = Math.floorDiv(now, BUCKET_NANOS);
        int b = (int) Math.floorMod(id, BUCKETS);
        if (bucketIds[b] != id) {
            bucketIds[b] = id;
            totals[b] = 0;
            networkErrors[b] = 0;
            Arrays.fill(codes[b], 0);
            latencyCounts[b] = 0;
        }
        return b;
    }

    private boolean live(int b) {
        long id = Math.floorDiv(now, BUCKET_NANOS);
        return bucketIds[b] != Long.MIN_VALUE && bucketIds[b] > id - BUCKETS && bucketIds[b] <= id;
    }
}
