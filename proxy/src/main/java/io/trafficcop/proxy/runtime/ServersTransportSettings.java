package io.trafficcop.proxy.runtime;

import java.time.Duration;

/**
 * Traefik's {@code http.serversTransports.<name>} as far as plain HTTP/1.1 upstreams go: {@code maxIdleConnsPerHost}
 * (default 200; negative disables pooling), {@code forwardingTimeouts.dialTimeout} (30s),
 * {@code forwardingTimeouts.responseHeaderTimeout} (0 = none), {@code forwardingTimeouts.idleConnTimeout} (90s).
 * A record, so equal settings share upstream pools across reloads.
 */
public record ServersTransportSettings(
        String name,
        int maxIdleConnsPerHost,
        Duration dialTimeout,
        Duration responseHeaderTimeout,
        Duration idleConnTimeout) {

    public static final int DEFAULT_MAX_IDLE_CONNS_PER_HOST = 200;

    /** Traefik's {@code default@internal} servers transport. */
    public static final ServersTransportSettings DEFAULTS = new ServersTransportSettings("default@internal",
            DEFAULT_MAX_IDLE_CONNS_PER_HOST, Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(90));

    public ServersTransportSettings {
        name = name == null ? "default@internal" : name;
        maxIdleConnsPerHost = maxIdleConnsPerHost == 0 ? DEFAULT_MAX_IDLE_CONNS_PER_HOST : maxIdleConnsPerHost;
        dialTimeout = dialTimeout == null ? Duration.ofSeconds(30) : dialTimeout;
        responseHeaderTimeout = responseHeaderTimeout == null ? Duration.ZERO : responseHeaderTimeout;
        idleConnTimeout = idleConnTimeout == null ? Duration.ofSeconds(90) : idleConnTimeout;
    }
}
