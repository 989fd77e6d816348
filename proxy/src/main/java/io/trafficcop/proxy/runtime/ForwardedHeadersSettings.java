package io.trafficcop.proxy.runtime;

import java.util.List;

/**
 * Traefik's {@code entryPoints.<name>.forwardedHeaders}: {@code insecure} trusts every client's X-Forwarded-*
 * headers, {@code trustedIPs} (IPs or CIDRs) trusts only those peers, {@code connection} lists headers a
 * {@code Connection} header may not remove, {@code notAppendXForwardedFor} stops appending the peer to
 * X-Forwarded-For, {@code addXForwardedSchemeHeaders} also sets X-Forwarded-Scheme and X-Scheme. Untrusted
 * clients' X-Forwarded-* headers are dropped.
 */
public record ForwardedHeadersSettings(boolean insecure, List<String> trustedIPs, List<String> connection,
                                       boolean notAppendXForwardedFor, boolean addXForwardedSchemeHeaders) {

    public static final ForwardedHeadersSettings DEFAULTS =
            new ForwardedHeadersSettings(false, List.of(), List.of(), false, false);

    public ForwardedHeadersSettings {
        trustedIPs = trustedIPs == null ? List.of() : List.copyOf(trustedIPs);
        connection = connection == null ? List.of() : List.copyOf(connection);
    }
}
