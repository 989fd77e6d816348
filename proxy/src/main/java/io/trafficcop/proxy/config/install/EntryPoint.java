package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * A listening address and its settings.
 *
 * <p>Traefik key: {@code entryPoints.<name>}.
 *
 * @param address [host]:port[/tcp|/udp]
 */
public record EntryPoint(
        String address,
        @NotImplemented("ACME is not implemented yet") Boolean allowACMEByPass,
        @NotImplemented("SO_REUSEPORT is not implemented yet") Boolean reusePort,
        Boolean asDefault,
        EntryPointsTransport transport,
        @NotImplemented("PROXY protocol is not implemented yet") ProxyProtocol proxyProtocol,
        ForwardedHeaders forwardedHeaders,
        EntryPointHttp http,
        EntryPointHttp2 http2,
        @NotImplemented("HTTP/3 is not implemented yet") EntryPointHttp3 http3,
        @NotImplemented("UDP is not implemented yet") EntryPointUdp udp,
        EntryPointObservability observability) {

    public static final Boolean DEFAULT_ALLOW_ACME_BY_PASS = Boolean.FALSE;
    public static final Boolean DEFAULT_REUSE_PORT = Boolean.FALSE;
    public static final Boolean DEFAULT_AS_DEFAULT = Boolean.FALSE;
    public static final EntryPointsTransport DEFAULT_TRANSPORT = EntryPointsTransport.defaults();
    public static final ForwardedHeaders DEFAULT_FORWARDED_HEADERS = ForwardedHeaders.defaults();
    public static final EntryPointHttp DEFAULT_HTTP = EntryPointHttp.defaults();
    public static final EntryPointHttp2 DEFAULT_HTTP2 = EntryPointHttp2.defaults();
    public static final EntryPointUdp DEFAULT_UDP = EntryPointUdp.defaults();
    public static final EntryPointObservability DEFAULT_OBSERVABILITY = EntryPointObservability.defaults();

    public EntryPoint {
        if (allowACMEByPass == null) {
            allowACMEByPass = DEFAULT_ALLOW_ACME_BY_PASS;
        }
        if (reusePort == null) {
            reusePort = DEFAULT_REUSE_PORT;
        }
        if (asDefault == null) {
            asDefault = DEFAULT_AS_DEFAULT;
        }
        if (transport == null) {
            transport = DEFAULT_TRANSPORT;
        }
        if (forwardedHeaders == null) {
            forwardedHeaders = DEFAULT_FORWARDED_HEADERS;
        }
        if (http == null) {
            http = DEFAULT_HTTP;
        }
        if (http2 == null) {
            http2 = DEFAULT_HTTP2;
        }
        if (udp == null) {
            udp = DEFAULT_UDP;
        }
        if (observability == null) {
            observability = DEFAULT_OBSERVABILITY;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static EntryPoint defaults() {
        return new EntryPoint(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
