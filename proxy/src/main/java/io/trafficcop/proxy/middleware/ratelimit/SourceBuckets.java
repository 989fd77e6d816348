package io.trafficcop.proxy.middleware.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token buckets of one rateLimit middleware, one per source (Traefik's in-memory limiter over its TTL map):
 * at most {@value #MAX_SOURCES} sources; a source unseen for {@code ttlSeconds} starts over with a full bucket;
 * when full, the source expiring first is dropped. As every touch renews a source's expiry by the same TTL, the
 * expiry order is the access order, hence an access-ordered map. Thread-safe (one lock per middleware).
 *
 * <p>This is the state that must outlive a configuration reload: see {@link RateLimitRegistry}.
 */
public final class SourceBuckets {

    /** Traefik's maxSources. */
    public static final int MAX_SOURCES = 65536;

    private record Slot(TokenBucket bucket, long expirySeconds) {
    }

    private final RateLimitParameters parameters;
    private final int capacity;
    private final LinkedHashMap<String, Slot> entries;

    public SourceBuckets(RateLimitParameters parameters) {
        this(parameters, MAX_SOURCES);
    }

    SourceBuckets(RateLimitParameters parameters, int capacity) {
        this.parameters = parameters;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
                return size() > SourceBuckets.this.capacity;
            }
        };
    }

    public RateLimitParameters parameters() {
        return parameters;
    }

    /**
     * Traefik's {@code inMemoryRateLimiter.Allow}: reserves a token for {@code source} at {@code now} and returns
     * the delay (ns) before the request may proceed; a reservation whose delay exceeds maxDelay is cancelled (the
     * request will be refused). Returns -1 when no reservation is possible at all.
     */
    public synchronized long reserve(String source, long now) {
        long nowSeconds = Math.floorDiv(now, 1_000_000_000L);
        Slot entry = entries.get(source);
        TokenBucket bucket = entry == null || entry.expirySeconds <= nowSeconds
                ? new TokenBucket(parameters.rate(), parameters.burst()) : entry.bucket;
        entries.put(source, new Slot(bucket, nowSeconds + parameters.ttlSeconds()));
        TokenBucket.Reservation reservation = bucket.reserve(now);
        if (!reservation.ok()) {
            return -1;
        }
        long delay = reservation.delayFrom(now);
        if (delay > parameters.maxDelayNanos()) {
            bucket.cancel(reservation, now);
        }
        return delay;
    }

    public synchronized int size() {
        return entries.size();
    }
}
