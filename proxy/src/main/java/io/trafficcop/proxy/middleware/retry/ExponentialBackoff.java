package io.trafficcop.proxy.middleware.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The waits between retry attempts, as Traefik's newBackOff (cenkalti/backoff ExponentialBackOff): the first wait is
 * {@code initialInterval} randomized by ±50 %, each next one grows by 2^(1/(attempts-1)) (so the interval doubles
 * over the whole series) up to 60 s; after 15 minutes of retrying the series stops. A zero initialInterval (or fewer
 * than two attempts) retries at once. One instance per request: it is not thread-safe.
 */
final class ExponentialBackoff {

    static final double RANDOMIZATION_FACTOR = 0.5;
    static final long MAX_INTERVAL_NANOS = Duration.ofSeconds(60).toNanos();
    static final long MAX_ELAPSED_NANOS = Duration.ofMinutes(15).toNanos();
    /** Stop: no further attempt. */
    static final long STOP = -1;

    private final boolean zero;
    private final double multiplier;
    private final DoubleSupplier random;
    private final long startNanos;
    private double currentNanos;

    ExponentialBackoff(int attempts, Duration initialInterval, DoubleSupplier random, long startNanos) {
        this.zero = attempts < 2 || initialInterval.isZero() || initialInterval.isNegative();
        this.multiplier = attempts < 2 ? 1 : Math.pow(2, 1.0 / (attempts - 1));
        this.random = random;
        this.startNanos = startNanos;
        this.currentNanos = initialInterval.toNanos();
    }

    /** The next wait in nanoseconds, or {@link #STOP}. */
    long next(long nowNanos) {
        if (zero) {
            return 0;
        }
        double delta = RANDOMIZATION_FACTOR * currentNanos;
        double min = currentNanos - delta;
        double max = currentNanos + delta;
        long wait = (long) (min + random.getAsDouble() * (max - min + 1));
        currentNanos = currentNanos >= MAX_INTERVAL_NANOS / multiplier ? MAX_INTERVAL_NANOS
                : currentNanos * multiplier;
        if (nowNanos - startNanos + wait > MAX_ELAPSED_NANOS) {
            return STOP;
        }
        return wait;
    }
}
