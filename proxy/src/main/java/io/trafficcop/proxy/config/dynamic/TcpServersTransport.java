package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code tcp.serversTransports.<name>} ({@code dynamic.TCPServersTransport}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TcpServersTransport(
        GoDuration dialKeepAlive,
        GoDuration dialTimeout,
        ProxyProtocol proxyProtocol,
        GoDuration terminationDelay,
        TlsClientConfig tls) {

    public static final GoDuration DEFAULT_DIAL_KEEP_ALIVE = GoDuration.ofSeconds(15);
    public static final GoDuration DEFAULT_DIAL_TIMEOUT = GoDuration.ofSeconds(30);
    public static final GoDuration DEFAULT_TERMINATION_DELAY = GoDuration.ofMillis(100);

    public TcpServersTransport {
        dialKeepAlive = dialKeepAlive != null ? dialKeepAlive : DEFAULT_DIAL_KEEP_ALIVE;
        dialTimeout = dialTimeout != null ? dialTimeout : DEFAULT_DIAL_TIMEOUT;
        terminationDelay = terminationDelay != null ? terminationDelay : DEFAULT_TERMINATION_DELAY;
    }
}
