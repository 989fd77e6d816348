package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * The default transport between TrafficCop and TCP backend servers.
 *
 * <p>Traefik key: {@code tcpServersTransport}.
 */
@NotImplemented("TCP routing is not implemented yet")
public record TCPServersTransport(
        GoDuration dialKeepAlive,
        GoDuration dialTimeout,
        GoDuration terminationDelay,
        TLSClientConfig tls) {

    public static final GoDuration DEFAULT_DIAL_KEEP_ALIVE = GoDuration.ofSeconds(15);
    public static final GoDuration DEFAULT_DIAL_TIMEOUT = GoDuration.ofSeconds(30);

    public TCPServersTransport {
        if (dialKeepAlive == null) {
            dialKeepAlive = DEFAULT_DIAL_KEEP_ALIVE;
        }
        if (dialTimeout == null) {
            dialTimeout = DEFAULT_DIAL_TIMEOUT;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static TCPServersTransport defaults() {
        return new TCPServersTransport(null, null, null, null);
    }
}
