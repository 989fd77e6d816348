package io.trafficcop.proxy.runtime;

import java.time.Duration;

/**
 * Traefik's {@code http.serversTransports.<name>} (and the static {@code serversTransport}): {@code maxIdleConnsPerHost}
 * (default 200; negative disables pooling), {@code forwardingTimeouts.dialTimeout} (30s),
 * {@code forwardingTimeouts.responseHeaderTimeout} (0 = none), {@code forwardingTimeouts.idleConnTimeout} (90s),
 * the TLS settings of {@code https://} servers, {@code disableHTTP2} (no ALPN h2 over TLS),
 * {@code forwardingTimeouts.readIdleTimeout} (0 = no HTTP/2 health-check pings) and
 * {@code forwardingTimeouts.pingTimeout} (15s). A record, so equal settings share upstream pools across reloads.
 */
public record ServersTransportSettings(
        String name,
        int maxIdleConnsPerHost,
        Duration dialTimeout,
        Duration responseHeaderTimeout,
        Duration idleConnTimeout,
        UpstreamTlsSettings tls,
        boolean disableHttp2,
        Duration readIdleTimeout,
        Duration pingTimeout) {

    public static final int DEFAULT_MAX_IDLE_CONNS_PER_HOST = 200;
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(15);

    /** Traefik's {@code default@internal} servers transport. */
    public static final ServersTransportSettings DEFAULTS = new ServersTransportSettings("default@internal",
            DEFAULT_MAX_IDLE_CONNS_PER_HOST, Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(90));

    public ServersTransportSettings {
        name = name == null ? "default@internal" : name;
        maxIdleConnsPerHost = maxIdleConnsPerHost == 0 ? DEFAULT_MAX_IDLE_CONNS_PER_HOST : maxIdleConnsPerHost;
        dialTimeout = dialTimeout == null ? Duration.ofSeconds(30) : dialTimeout;
        responseHeaderTimeout = responseHeaderTimeout == null ? Duration.ZERO : responseHeaderTimeout;
        idleConnTimeout = idleConnTimeout == null ? Duration.ofSeconds(90) : idleConnTimeout;
        tls = tls == null ? UpstreamTlsSettings.DEFAULTS : tls;
        readIdleTimeout = readIdleTimeout == null ? Duration.ZERO : readIdleTimeout;
        pingTimeout = pingTimeout == null || pingTimeout.isZero() ? DEFAULT_PING_TIMEOUT : pingTimeout;
    }

    /** Plain HTTP/1.1 settings with default TLS and HTTP/2 behaviour (the data plane's original constructor). */
    public ServersTransportSettings(String name, int maxIdleConnsPerHost, Duration dialTimeout,
            Duration responseHeaderTimeout, Duration idleConnTimeout) {
        this(name, maxIdleConnsPerHost, dialTimeout, responseHeaderTimeout, idleConnTimeout, null, false, null, null);
    }
}
