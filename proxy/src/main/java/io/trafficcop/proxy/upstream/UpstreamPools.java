package io.trafficcop.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle keep-alive connections to backends, one pool per event loop and per {@link UpstreamTarget} (server URL +
 * servers transport): a request borrows a connection of its own event loop, so the hot path takes no lock. Each
 * pool holds at most {@code maxIdleConnsPerHost} idle connections (per event loop); a negative value disables
 * keep-alive to that server. Pools outlive snapshots: equal targets in the next snapshot find the same pool.
 */
public final class UpstreamPools {

    private static final FastThreadLocal<Map<UpstreamTarget, ArrayDeque<UpstreamConnection>>> POOLS =
            new FastThreadLocal<>() {
                @Override
                protected Map<UpstreamTarget, ArrayDeque<UpstreamConnection>> initialValue() {
                    return new HashMap<>();
                }
            };

    private UpstreamPools() {
    }

    /** An idle, open connection to {@code target} owned by the calling event loop, or null. */
    static UpstreamConnection poll(UpstreamTarget target) {
        ArrayDeque<UpstreamConnection> idle = POOLS.get().get(target);
        if (idle == null) {
            return null;
        }
        UpstreamConnection c;
        while ((c = idle.pollLast()) != null) { // most recently used first: it is the least likely to be stale
            if (c.channel().isActive()) {
                c.pooled = false;
                return c;
            }
        }
        return null;
    }

    /** Returns a connection for reuse; closes it when the pool is full or pooling is disabled. */
    static void release(UpstreamConnection connection) {
        UpstreamTarget target = connection.target();
        int max = target.transport().maxIdleConnsPerHost();
        Channel ch = connection.channel();
        if (max < 0 || !ch.isActive()) {
            ch.close();
            return;
        }
        ArrayDeque<UpstreamConnection> idle = POOLS.get().computeIfAbsent(target, t -> new ArrayDeque<>());
        if (idle.size() >= max) {
            ch.close();
            return;
        }
        connection.pooled = true;
        idle.addLast(connection);
        ch.read(); // keep a read pending so a close by the backend is noticed while idle
    }

    /** Forgets a closed connection (called on its event loop). */
    static void remove(UpstreamConnection connection) {
        if (!connection.pooled) {
            return;
        }
        connection.pooled = false;
        ArrayDeque<UpstreamConnection> idle = POOLS.get().get(connection.target());
        if (idle != null) {
            idle.remove(connection);
            if (idle.isEmpty()) {
                POOLS.get().remove(connection.target());
            }
        }
    }

    /** Idle connections to {@code target} held by the calling event loop (tests, metrics). */
    public static int idleCount(UpstreamTarget target) {
        ArrayDeque<UpstreamConnection> idle = POOLS.get().get(target);
        return idle == null ? 0 : idle.size();
    }
}
