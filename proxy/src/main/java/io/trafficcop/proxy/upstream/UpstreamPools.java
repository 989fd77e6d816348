package io.trafficcop.proxy.upstream;

import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;

/**
 * Idle keep-alive connections to backends, one pool per event loop and per {@link UpstreamTarget} (server URL +
 * servers transport): a request borrows a connection of its own event loop, so the hot path takes no lock. Each
 * pool holds at most {@code maxIdleConnsPerHost} idle connections (per event loop); a negative value disables
 * keep-alive to that server. HTTP/2 connections ({@code h2c://}, or {@code https://} after ALPN h2) are kept apart:
 * each carries many exchanges as streams, so an event loop opens one per target and more only when the backend's
 * SETTINGS_MAX_CONCURRENT_STREAMS is reached; exchanges arriving while it is being dialled wait for it. Pools outlive
 * snapshots: equal targets in the next snapshot find the same pool.
 */
public final class UpstreamPools {

    private static final FastThreadLocal<Map<UpstreamTarget, IdleConnections>> POOLS =
            new FastThreadLocal<>() {
                @Override
                protected Map<UpstreamTarget, IdleConnections> initialValue() {
                    return new HashMap<>();
                }
            };

    /** HTTP/2 connections per event loop and target; each carries many streams. */
    private static final FastThreadLocal<Map<UpstreamTarget, ArrayList<UpstreamH2Connection>>> H2 =
            new FastThreadLocal<>() {
                @Override
                protected Map<UpstreamTarget, ArrayList<UpstreamH2Connection>> initialValue() {
                    return new HashMap<>();
                }
            };

    /** A dial per event loop and target whose result may be HTTP/2: exchanges arriving meanwhile wait for it. */
    private static final FastThreadLocal<Map<UpstreamTarget, Future<Channel>>> DIALING = new FastThreadLocal<>() {
        @Override
        protected Map<UpstreamTarget, Future<Channel>> initialValue() {
            return new HashMap<>();
        }
    };

    /** Targets whose TLS backend chose HTTP/1.1 over ALPN: their dials are not waited for. */
    private static final FastThreadLocal<Set<UpstreamTarget>> HTTP1_ONLY = new FastThreadLocal<>() {
        @Override
        protected Set<UpstreamTarget> initialValue() {
            return new HashSet<>();
        }
    };

    private UpstreamPools() {
    }

    /** An idle, open connection to {@code target} owned by the calling event loop, or null. */
    static UpstreamConnection poll(UpstreamTarget target) {
        IdleConnections idle = POOLS.get().get(target);
        return idle == null ? null : idle.pollNewest();
    }

    /**
     * Returns a connection for reuse; closes it when the pool already holds maxIdleConnsPerHost connections (as
     * Go's Transport: the connection is not kept, the others stay) or pooling is disabled.
     */
    static void release(UpstreamConnection connection) {
        UpstreamTarget target = connection.target();
        int max = target.transport().maxIdleConnsPerHost();
        Channel ch = connection.channel();
        if (max < 0 || !ch.isActive()) {
            ch.close();
            return;
        }
        Map<UpstreamTarget, IdleConnections> pools = POOLS.get();
        IdleConnections idle = pools.get(target);
        if (idle == null) {
            idle = new IdleConnections(target, ch.eventLoop());
            pools.put(target, idle);
        }
        if (idle.size() >= max) {
            ch.close();
            return;
        }
        idle.add(connection);
        ch.read(); // keep a read pending so a close by the backend is noticed while idle
    }

    /** Forgets a closed connection (called on its event loop). */
    static void remove(UpstreamConnection connection) {
        if (!connection.pooled) {
            return;
        }
        IdleConnections idle = POOLS.get().get(connection.target());
        if (idle != null) {
            idle.remove(connection);
            if (idle.isEmpty()) {
                POOLS.get().remove(connection.target());
            }
        } else {
            connection.pooled = false;
        }
    }

    /** An HTTP/2 connection to {@code target} of the calling event loop with room for one more stream, or null. */
    static UpstreamH2Connection pollH2(UpstreamTarget target) {
        ArrayList<UpstreamH2Connection> connections = H2.get().get(target);
        if (connections == null) {
            return null;
        }
        for (int i = 0; i < connections.size(); i++) {
            UpstreamH2Connection c = connections.get(i);
            if (c.hasCapacity()) {
                return c;
            }
        }
        return null;
    }

    static void addH2(UpstreamH2Connection connection) {
        if (!connection.pooled() && connection.channel().isActive()) {
            connection.pooled(true);
            H2.get().computeIfAbsent(connection.target(), t -> new ArrayList<>()).add(connection);
        }
    }

    /** Forgets an HTTP/2 connection that closed or received GOAWAY (called on its event loop). */
    static void removeH2(UpstreamH2Connection connection) {
        if (!connection.pooled()) {
            return;
        }
        connection.pooled(false);
        ArrayList<UpstreamH2Connection> connections = H2.get().get(connection.target());
        if (connections != null) {
            connections.remove(connection);
            if (connections.isEmpty()) {
                H2.get().remove(connection.target());
            }
        }
    }

    /** The dial in progress to {@code target} that may yield an HTTP/2 connection, or null. */
    static Future<Channel> dialing(UpstreamTarget target) {
        return HTTP1_ONLY.get().contains(target) ? null : DIALING.get().get(target);
    }

    static void dialing(UpstreamTarget target, Future<Channel> dial) {
        DIALING.get().putIfAbsent(target, dial);
    }

    /** The dial finished: forget it, and remember when a TLS backend chose HTTP/1.1. */
    static void dialed(UpstreamTarget target, Future<Channel> dial, boolean http2) {
        DIALING.get().remove(target, dial);
        if (dial.isSuccess()) {
            if (http2) {
                HTTP1_ONLY.get().remove(target);
            } else {
                HTTP1_ONLY.get().add(target);
            }
        }
    }

    /** HTTP/2 connections to {@code target} held by the calling event loop (tests, metrics). */
    public static int http2Count(UpstreamTarget target) {
        ArrayList<UpstreamH2Connection> connections = H2.get().get(target);
        return connections == null ? 0 : connections.size();
    }

    /** Idle connections to {@code target} held by the calling event loop (tests, metrics). */
    public static int idleCount(UpstreamTarget target) {
        IdleConnections idle = POOLS.get().get(target);
        return idle == null ? 0 : idle.size();
    }
}
