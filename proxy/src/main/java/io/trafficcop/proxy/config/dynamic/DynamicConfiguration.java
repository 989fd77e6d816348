package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code (root of a dynamic configuration file)} ({@code dynamic.Configuration}).
 *
 * <p>The whole dynamic ("routing") configuration, as Traefik's file provider reads it: exactly the
 * top-level keys {@code http}, {@code tcp}, {@code udp} and {@code tls}. A missing section is {@code null}.
 */
public record DynamicConfiguration(
        HttpConfiguration http,
        @NotImplemented("TCP routing not implemented yet") TcpConfiguration tcp,
        @NotImplemented("UDP routing not implemented yet") UdpConfiguration udp,
        TlsConfiguration tls) {
}
