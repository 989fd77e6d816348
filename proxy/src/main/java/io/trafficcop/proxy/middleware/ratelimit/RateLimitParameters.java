package io.trafficcop.proxy.middleware.ratelimit;

import io.trafficcop.proxy.config.dynamic.RateLimit;

/**
 * The token-bucket parameters Traefik derives from {@code rateLimit}: {@code rate} = average / period requests per
 * second (infinite when average is 0: no limit), {@code burst} = max(burst, 1), {@code maxDelay} (how long a
 * request may be held to smooth traffic: 1/(2·rate), or 500 ms below 1 request/s) and the TTL of an idle source.
 */
public record RateLimitParameters(double rate, int burst, long maxDelayNanos, int ttlSeconds) {

    /** @throws IllegalArgumentException for a negative period */
    public static RateLimitParameters of(RateLimit config) {
        long periodNanos = config.period() == null ? 0 : config.period().toNanos();
        if (periodNanos < 0) {
            throw new IllegalArgumentException("rateLimit.period: negative value not valid for period: "
                    + config.period());
        }
        if (periodNanos == 0) {
            periodNanos = 1_000_000_000L;
        }
        long burst = Math.max(config.burst() == null ? 0 : config.burst(), 1);
        long average = config.average() == null ? 0 : config.average();
        double rate = TokenBucket.INFINITE;
        long maxDelay = 0;
        if (average > 0) {
            rate = (double) (average * 1_000_000_000L) / (double) periodNanos;
            if (rate < 1) {
                maxDelay = 500_000_000L;
            } else {
                maxDelay = 1_000_000_000L / ((long) rate * 2);
            }
        }
        int ttl = 1;
        if (rate >= 1) {
            ttl++;
        } else if (rate > 0) {
            ttl += (int) (1 / rate);
        }
        return new RateLimitParameters(rate, (int) Math.min(burst, Integer.MAX_VALUE), maxDelay, ttl);
    }
}
