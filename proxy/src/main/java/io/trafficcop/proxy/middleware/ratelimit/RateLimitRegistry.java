package io.trafficcop.proxy.middleware.ratelimit;

import io.trafficcop.proxy.config.dynamic.RateLimit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate-limit state that outlives snapshots: the {@link SourceBuckets} of each rateLimit middleware, keyed by
 * the middleware's qualified name ({@code name@provider}) and its configuration. Building a snapshot asks for the
 * buckets of each rateLimit middleware it compiles: an unchanged middleware gets its existing buckets (clients keep
 * their consumed tokens across the reload), a new or changed one starts empty. After the new snapshot is in
 * service, {@link #retainOnly} drops the state of middlewares that disappeared or changed.
 */
public final class RateLimitRegistry {

    /** What identifies a rateLimit middleware's state: its qualified name and its whole configuration. */
    public record Key(String middlewareName, RateLimit config) {
    }

    private final ConcurrentHashMap<Key, SourceBuckets> buckets = new ConcurrentHashMap<>();

    /** The buckets of {@code middlewareName} with {@code config}, created on first use. */
    public SourceBuckets buckets(String middlewareName, RateLimit config) {
        RateLimitParameters parameters = RateLimitParameters.of(config);
        return buckets.computeIfAbsent(new Key(middlewareName, config), k -> new SourceBuckets(parameters));
    }

    /** Forgets every middleware state not listed (call with the keys of the snapshot now in service). */
    public void retainOnly(Collection<Key> inUse) {
        Set<Key> keep = new HashSet<>(inUse);
        buckets.keySet().removeIf(k -> !keep.contains(k));
    }

    /** The keys currently held (for tests and diagnostics). */
    public Set<Key> keys() {
        return Set.copyOf(buckets.keySet());
    }
}
